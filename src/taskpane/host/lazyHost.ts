// The in-browser workbook's host, loaded on first use: the pane renders and takes a paste
// before the workbook code (the .xlsx reader and writer) has arrived. Until a call needs
// it, the workbook is the empty one a new session starts with, so listing its sheets and
// reading its settings need nothing loaded.
import { defaultHighlightSettings } from "../../core/settings";
import type { WorkbookHost } from "./workbookHost";

export function lazyStandaloneHost(load: () => Promise<WorkbookHost>): WorkbookHost {
  let loading: Promise<WorkbookHost> | null = null;
  const host = (): Promise<WorkbookHost> => (loading ??= load());
  /** A call on the loaded host: it loads the host first. */
  const on =
    <K extends keyof WorkbookHost>(name: K) =>
    async (...args: unknown[]): Promise<unknown> => {
      const h = await host();
      const method = h[name] as unknown as (...a: unknown[]) => Promise<unknown>;
      return method.apply(h, args);
    };
  return {
    mode: "standalone",
    importTables: on("importTables") as WorkbookHost["importTables"],
    importSelection: on("importSelection") as WorkbookHost["importSelection"],
    buildComparison: on("buildComparison") as WorkbookHost["buildComparison"],
    refreshAll: on("refreshAll") as WorkbookHost["refreshAll"],
    buildMonitoring: on("buildMonitoring") as WorkbookHost["buildMonitoring"],
    listDataSheets: async () => (loading ? (await loading).listDataSheets() : []),
    listSheets: async () => (loading ? (await loading).listSheets() : []),
    readSettings: async () =>
      loading ? (await loading).readSettings() : { ...defaultHighlightSettings },
    saveSettings: on("saveSettings") as WorkbookHost["saveSettings"],
    download: on("download") as NonNullable<WorkbookHost["download"]>,
    open: on("open") as NonNullable<WorkbookHost["open"]>,
  };
}
