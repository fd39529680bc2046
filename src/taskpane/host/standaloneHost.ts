// Outside Excel: the workbook lives in this browser. Tables imported in this session are
// kept as data, an opened .xlsx as its bytes; every listing and download lays the whole
// workbook out again (as `scrutiny-sheets build`, or `refresh` over an opened file) and
// the .xlsx writer makes the file here. Nothing leaves the browser. The session is kept
// in the browser's storage after every change and restored when the page opens again.
import type { CrimeTable } from "../../core/model";
import type { Indicator } from "../../core/monitor/types";
import type { Group } from "../../core/groups";
import { defaultHighlightSettings, type HighlightSettings } from "../../core/settings";
import { readXlsx, type XlsxBook } from "../../writers/xlsx/readXlsx";
import { EMPTY_BOOK, type BookState, type WorkbookPlan } from "../../app/planWorkbook";
import {
  buildComparison,
  buildMonitoring,
  duplicatesOf,
  importTables,
  planStart,
  refreshAll,
  startFromBuilt,
  type Planned,
  type Start,
} from "../../app/useCases";
import { today } from "../../app/today";
import { groupForChoice, listedDataSheets, reportOf } from "./hostCommon";
import { StandaloneHostError, WorkbookNotKept } from "./errors";
import type { KeptStore } from "./keptStore";
import type { PastedInput, SheetInfo, WorkbookHost } from "./workbookHost";

export interface Session {
  /** The opened workbook's bytes: read for every plan, and the base a download edits. */
  opened: Uint8Array | null;
  tables: CrimeTable[];
  groups: Group[];
  settings: HighlightSettings;
  monitoring: Indicator[] | null;
}

const NEW_SESSION: Session = {
  opened: null,
  tables: [],
  groups: [],
  settings: defaultHighlightSettings,
  monitoring: null,
};

/** What the browser keeps: the session, in the form this version of the pane reads. */
export interface KeptWorkbook {
  format: 1;
  /** ISO date of the last change. */
  savedOn: string;
  session: Session;
}

export type WorkbookStore = KeptStore<KeptWorkbook>;

/** The words added to a write's report when the browser would not keep the workbook. */
export function notKeptWarning(e: unknown): string {
  const why = e instanceof Error ? e.message : String(e);
  return `this browser would not keep the workbook (${why}): use Download workbook before you close this page, or the change is lost.`;
}

/** Sheets already in an opened file keep their place; new ones follow in the plan's order. */
function listedSheets(p: WorkbookPlan, book: BookState): SheetInfo[] {
  const roleOf = new Map(p.definitions.sheets.map((d) => [d.name.toLowerCase(), d]));
  const removed = new Set((p.spec.removeSheets ?? []).map((n) => n.toLowerCase()));
  const names = [...book.sheetNames.filter((n) => !removed.has(n.toLowerCase()))];
  for (const s of p.spec.sheets)
    if (!names.some((n) => n.toLowerCase() === s.name.toLowerCase())) names.push(s.name);
  return names.map((name) => {
    const d = roleOf.get(name.toLowerCase());
    const spec = p.spec.sheets.find((s) => s.name === name);
    const role = spec?.role ?? d?.role ?? "user";
    return { name, role, generated: spec?.generated ?? d?.generated ?? false };
  });
}

/** Saves the session; says why when the browser would not. */
async function keepIn(store: WorkbookStore | null, kept: KeptWorkbook): Promise<string[]> {
  if (!store) return [];
  try {
    await store.save(kept);
    return [];
  } catch (e) {
    return [notKeptWarning(e)];
  }
}

/** Where a use case starts: the opened file (or an empty book) with the session's additions. */
async function startFrom(
  s: Session,
  clock: () => string
): Promise<{ start: Start; xlsx: XlsxBook | null }> {
  const xlsx = s.opened ? await readXlsx(s.opened) : null;
  const start: Start = {
    book: xlsx ?? EMPTY_BOOK,
    tables: s.tables,
    groups: s.groups,
    settings: s.settings,
    monitoring: s.monitoring ?? undefined,
    importedOn: clock(),
  };
  return { start, xlsx };
}

const newSession = (): Session => ({ ...NEW_SESSION, settings: { ...defaultHighlightSettings } });

/**
 * The in-browser workbook. With a `store`, what it holds is restored from it before the
 * first call answers and saved to it after every change (a refusal becomes a warning in
 * the write's report: nothing is lost silently).
 */
export function createStandaloneHost(
  clock: () => string = today,
  store: WorkbookStore | null = null
): WorkbookHost {
  let session: Session = newSession();
  /** Done once the kept workbook (if any) is the session. */
  const restored = (async () => {
    const kept = await store?.load().catch(() => undefined); // unreadable: start afresh
    if (kept?.format === 1) session = kept.session;
  })();

  const keep = (): Promise<string[]> => keepIn(store, { format: 1, savedOn: clock(), session });
  const startOf = (s: Session) => startFrom(s, clock);

  /** Plans the session as a use case changes it, and keeps the change only when that works. */
  const change = async (useCase: (start: Start) => Planned) => {
    await restored;
    const { plan, sheets, next } = useCase((await startOf(session)).start);
    session = {
      ...session,
      tables: next.tables,
      groups: next.groups,
      settings: next.settings,
      monitoring: next.monitoring ?? null,
    };
    const refused = (await keep()).map((w) => `Note: ${w}`);
    return reportOf(sheets, [...plan.warnings, ...refused]);
  };

  const planned = async () => {
    await restored;
    const { start, xlsx } = await startOf(session);
    return { plan: planStart(start), book: start.book, xlsx };
  };

  return {
    mode: "standalone",
    // Issues and flags are recomputed over the whole workbook, so Checks covers every table.
    importTables: (tables, _issues, _anomalies, settings, options) =>
      change((start) => importTables(start, tables, settings, options?.duplicates)),
    // Tables imported this session: an opened file's data sheets are kept beside (its
    // sheets are rewritten only where the file records them as generated).
    duplicatesOf: async (tables) =>
      duplicatesOf((await startOf(session)).start, tables).filter((d) => d.sheet === null),
    async importSelection(): Promise<PastedInput> {
      throw new StandaloneHostError(
        "there is no sheet selection outside Excel: paste the table into “Paste table” instead"
      );
    },
    buildComparison: (choice) => change((start) => buildComparison(start, groupForChoice(choice))),
    refreshAll: () => change(refreshAll),
    buildMonitoring: (indicators) => change((start) => buildMonitoring(start, indicators)),
    listDataSheets: async () => listedDataSheets((await planned()).plan.definitions.sheets),
    listSheets: async () => {
      const { plan, book } = await planned();
      return listedSheets(plan, book);
    },
    readSettings: async () => {
      await restored;
      return { ...session.settings };
    },
    async saveSettings(settings) {
      await restored;
      session = { ...session, settings: { ...settings } };
      const [refused] = await keep();
      if (refused) throw new WorkbookNotKept(`saved, but ${refused}`);
    },
    async download() {
      const { plan } = await planned();
      // The writers are loaded on the first download, not with the pane.
      if (session.opened)
        return (await import("../../writers/xlsx/ooxml/editPackage")).editXlsx(
          session.opened,
          plan.spec
        );
      return (await import("../../writers/xlsx/writeXlsx")).writeXlsx(plan.spec);
    },
    async open(bytes) {
      const xlsx = await readXlsx(bytes);
      const built = startFromBuilt(xlsx, clock());
      if (!built.ok)
        throw new StandaloneHostError(
          "this workbook was not made by Scrutiny Sheets (it has no definitions sheet), so there is nothing to refresh in it"
        );
      const { groups, settings } = built.start;
      await restored;
      session = { ...NEW_SESSION, opened: bytes.slice(), groups, settings };
      const [refused] = await keep();
      if (refused) throw new WorkbookNotKept(`opened, but ${refused}`);
    },
    async discard() {
      await restored;
      session = newSession();
      await store?.clear();
    },
  };
}
