// Hosts loaded on first use: the pane renders and takes a paste before the workbook code
// (the .xlsx reader and writer, the Office.js writer and the planning) has arrived. Until
// a call needs it, the in-browser workbook is the empty one a new session starts with, so
// listing its sheets and reading its settings need nothing loaded, unless the browser
// keeps a workbook from an earlier visit: then listing it loads the code to restore it.
import { defaultHighlightSettings } from "../../core/settings";
import type { WorkbookHost } from "./workbookHost";

/** Calls on a host loaded by the first of them. */
function loader(load: () => Promise<WorkbookHost>) {
  const state = { loading: null as Promise<WorkbookHost> | null };
  const host = (): Promise<WorkbookHost> => (state.loading ??= load());
  /** A call on the loaded host: it loads the host first. */
  const on =
    <K extends keyof WorkbookHost>(name: K) =>
    async (...args: unknown[]): Promise<unknown> => {
      const h = await host();
      const method = h[name] as unknown as (...a: unknown[]) => Promise<unknown>;
      return method.apply(h, args);
    };
  return { state, on, host };
}

/** The live workbook's host (which plans imports in the reader: importPlanned), loaded on first use. */
export function lazyOfficeHost(load: () => Promise<WorkbookHost>): WorkbookHost {
  const { on } = loader(load);
  return {
    mode: "office",
    importTables: on("importTables") as WorkbookHost["importTables"],
    importPlanned: on("importPlanned") as NonNullable<WorkbookHost["importPlanned"]>,
    duplicatesOf: on("duplicatesOf") as NonNullable<WorkbookHost["duplicatesOf"]>,
    importSelection: on("importSelection") as WorkbookHost["importSelection"],
    buildComparison: on("buildComparison") as WorkbookHost["buildComparison"],
    refreshAll: on("refreshAll") as WorkbookHost["refreshAll"],
    buildMonitoring: on("buildMonitoring") as WorkbookHost["buildMonitoring"],
    listDataSheets: on("listDataSheets") as WorkbookHost["listDataSheets"],
    listSheets: on("listSheets") as WorkbookHost["listSheets"],
    readSettings: on("readSettings") as WorkbookHost["readSettings"],
    saveSettings: on("saveSettings") as WorkbookHost["saveSettings"],
  };
}

/**
 * The in-browser workbook's host, loaded on first use. `hasKept` says whether the browser
 * keeps a workbook from an earlier visit (asked once; a failure counts as none).
 */
export function lazyStandaloneHost(
  load: () => Promise<WorkbookHost>,
  hasKept: () => Promise<boolean> = async () => false
): WorkbookHost {
  const { state, on, host } = loader(load);
  const kept = hasKept().catch(() => false);
  const loaded = async (): Promise<Promise<WorkbookHost> | null> =>
    state.loading ?? ((await kept) ? host() : null);
  return {
    mode: "standalone",
    importTables: on("importTables") as WorkbookHost["importTables"],
    importSelection: on("importSelection") as WorkbookHost["importSelection"],
    buildComparison: on("buildComparison") as WorkbookHost["buildComparison"],
    refreshAll: on("refreshAll") as WorkbookHost["refreshAll"],
    buildMonitoring: on("buildMonitoring") as WorkbookHost["buildMonitoring"],
    // Nothing is imported before the workbook code is loaded (or a kept one restored).
    duplicatesOf: async (tables) => {
      const l = await loaded();
      return l ? ((await l).duplicatesOf?.(tables) ?? []) : [];
    },
    listDataSheets: async () => {
      const l = await loaded();
      return l ? (await l).listDataSheets() : [];
    },
    listSheets: async () => {
      const l = await loaded();
      return l ? (await l).listSheets() : [];
    },
    readSettings: async () => {
      const l = await loaded();
      return l ? (await l).readSettings() : { ...defaultHighlightSettings };
    },
    saveSettings: on("saveSettings") as WorkbookHost["saveSettings"],
    download: on("download") as NonNullable<WorkbookHost["download"]>,
    open: on("open") as NonNullable<WorkbookHost["open"]>,
    discard: on("discard") as NonNullable<WorkbookHost["discard"]>,
  };
}
