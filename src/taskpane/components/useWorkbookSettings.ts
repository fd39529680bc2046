// The highlight settings the pane works with: the workbook's own, read again after every
// write (opening a workbook brings its own settings), kept as they are when unchanged.
import * as React from "react";
import type { HighlightSettings, WorkbookHost } from "../host/workbookHost";
import { defaultSettings } from "../host/workbookHost";
import { useWorkbookRead, WorkbookReadProps } from "./useWorkbookRead";

const readSettings = (host: WorkbookHost): Promise<HighlightSettings> => host.readSettings();

const sameSettings = (a: HighlightSettings, b: HighlightSettings): boolean =>
  a.significanceLevel === b.significanceLevel &&
  a.minimumBase === b.minimumBase &&
  a.changeThreshold === b.changeThreshold;

export function useWorkbookSettings(
  props: WorkbookReadProps
): [HighlightSettings, (settings: HighlightSettings) => void] {
  const [settings, setSettings] = React.useState<HighlightSettings>(defaultSettings);
  const onRead = React.useCallback(
    (s: HighlightSettings) => setSettings((old) => (sameSettings(old, s) ? old : s)),
    []
  );
  useWorkbookRead(props, "Reading the settings", readSettings, onRead);
  return [settings, setSettings];
}
