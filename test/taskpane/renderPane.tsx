// Renders the pane as index.tsx does (inside FluentProvider) around a fake host.
import { render, RenderResult } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { GROUP_PRESETS } from "../../src/core/groups";
import type { PasteReader } from "../../src/taskpane/worker/pasteReader";
import type { SaveFile } from "../../src/taskpane/components/StandalonePanel";
import type { WorkbookHost } from "../../src/taskpane/host/workbookHost";

export interface Saved {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
}

export function renderPane(
  host: WorkbookHost,
  reader: PasteReader,
  saved: Saved[] = []
): RenderResult {
  const saveFile: SaveFile = (bytes, fileName, mimeType) =>
    saved.push({ bytes, fileName, mimeType });
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} reader={reader} groups={GROUP_PRESETS} saveFile={saveFile} />
    </FluentProvider>
  );
}
