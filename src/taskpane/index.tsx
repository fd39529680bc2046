// Task-pane entry: decide (once Office has answered, or not) whether the pane drives the
// live Excel workbook or an in-browser one, then render the app inside Fluent's provider.
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { detectHost } from "../office/host";
import type { WorkbookHost } from "./host/workbookHost";
import { lazyOfficeHost, lazyStandaloneHost } from "./host/lazyHost";
import { analysePaste } from "./worker/analysePaste";
import { createInlineReader, createSizedReader, createWorkerReader } from "./worker/pasteReader";
import { createReadWorker } from "./worker/createReadWorker";
import { GROUP_PRESETS } from "../core/groups";

async function chooseHost(): Promise<{ host: WorkbookHost; note?: string }> {
  const detected = await detectHost();
  // Each host is its own chunk: the .xlsx writer (ExcelJS) is only loaded standalone.
  if (detected.ready) {
    const host = lazyOfficeHost(async () => {
      const { createOfficeHost } = await import(
        /* webpackChunkName: "office-host" */ "./host/officeHost"
      );
      return createOfficeHost();
    });
    return { host };
  }
  // The in-browser workbook's code (with the .xlsx writer) loads on first use, after the
  // pane is on screen and taking a paste.
  const host = lazyStandaloneHost(async () => {
    const { createStandaloneHost } = await import(
      /* webpackChunkName: "standalone-host" */ "./host/standaloneHost"
    );
    return createStandaloneHost();
  });
  // Inside Office but unable to use it (an old Excel, another Office app): say why.
  return {
    host,
    note: detected.host !== null ? detected.reason : undefined,
  };
}

async function start(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  try {
    const { host, note } = await chooseHost();
    const reader = createSizedReader(
      createInlineReader(analysePaste),
      createWorkerReader(createReadWorker)
    );
    root.render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} reader={reader} groups={GROUP_PRESETS} note={note} />
      </FluentProvider>
    );
  } catch (e) {
    // The pane must never fail silently: show what went wrong in the page itself.
    const detail = e instanceof Error ? e.message : String(e);
    root.render(
      <FluentProvider theme={webLightTheme}>
        <p role="alert">Scrutiny Sheets could not start: {detail}. Reload the pane to try again.</p>
      </FluentProvider>
    );
    throw e;
  }
}

const container = document.getElementById("container");
if (container) void start(container);
