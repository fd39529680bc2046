// Outside Excel: the workbook lives in this browser. Tables imported in this session are
// kept as data, an opened .xlsx as its bytes; every listing and download lays the whole
// workbook out again (as `scrutiny-sheets build`, or `refresh` over an opened file) and
// the .xlsx writer makes the file here. Nothing leaves the browser.
import type { CrimeTable } from "../../core/model";
import type { Indicator } from "../../core/monitor/types";
import type { Group } from "../../layout/layoutWorkbook";
import type { SheetRole } from "../../layout/spec";
import { readXlsx, type XlsxBook } from "../../writers/xlsx/readXlsx";
import { writeXlsx } from "../../writers/xlsx/writeXlsx";
import {
  EMPTY_BOOK,
  planWorkbook,
  settingsOf,
  type BookState,
  type WritePlan,
} from "../../layout/planWorkbook";
import { upsertGroup, groupForChoice, today } from "./hostCommon";
import type {
  ComparisonChoice,
  DataSheetInfo,
  HighlightSettings,
  PastedInput,
  SheetInfo,
  WorkbookHost,
  WriteReport,
} from "./workbookHost";
import { defaultSettings } from "./workbookHost";

interface Session {
  /** The opened workbook's bytes (re-read for every plan: the writer changes the workbook it is given). */
  opened: Uint8Array | null;
  tables: CrimeTable[];
  groups: Group[];
  settings: HighlightSettings;
  monitoring: Indicator[] | null;
}

export class StandaloneHostError extends Error {
  override name = "StandaloneHostError";
}

export function createStandaloneHost(clock: () => string = today): WorkbookHost {
  let session: Session = {
    opened: null,
    tables: [],
    groups: [],
    settings: { ...defaultSettings },
    monitoring: null,
  };

  const bookOf = async (s: Session): Promise<{ book: BookState; xlsx: XlsxBook | null }> => {
    if (!s.opened) return { book: EMPTY_BOOK, xlsx: null };
    const xlsx = await readXlsx(s.opened);
    return { book: xlsx, xlsx };
  };

  const plan = async (
    s: Session
  ): Promise<{ plan: WritePlan; book: BookState; xlsx: XlsxBook | null }> => {
    const { book, xlsx } = await bookOf(s);
    const p = planWorkbook(book, {
      tables: s.tables,
      groups: s.groups,
      settings: s.settings,
      monitoring: s.monitoring ?? undefined,
      importedOn: clock(),
    });
    return { plan: p, book, xlsx };
  };

  /** Plans the session as it would be after a change, and keeps the change only when that works. */
  const change = async (next: Session, pick: (p: WritePlan) => string[]): Promise<WriteReport> => {
    const { plan: p } = await plan(next);
    session = next;
    return { sheets: pick(p), ...(p.warnings.length > 0 ? { warnings: p.warnings } : {}) };
  };

  const generatedOf = (p: WritePlan, roles: SheetRole[]) =>
    p.spec.sheets.filter((s) => roles.includes(s.role)).map((s) => s.name);

  return {
    mode: "standalone",

    async importTables(tables, _issues, _anomalies, settings) {
      // Issues and flags are recomputed over the whole workbook, so Checks covers every table.
      return change({ ...session, tables: [...session.tables, ...tables], settings }, (p) => {
        // The new tables' data sheets are the last ones the definitions list.
        const data =
          tables.length === 0
            ? []
            : p.definitions.sheets
                .filter((d) => d.role === "data")
                .slice(-tables.length)
                .map((d) => d.name);
        return [...data, ...generatedOf(p, ["checks", "comparison", "trend"])];
      });
    },

    async importSelection(): Promise<PastedInput> {
      throw new StandaloneHostError(
        "there is no sheet selection outside Excel: paste the table into “Paste table” instead"
      );
    },

    async buildComparison(choice: ComparisonChoice) {
      const group = groupForChoice(choice);
      const groups = group ? upsertGroup(session.groups, group) : session.groups;
      return change({ ...session, groups }, (p) => generatedOf(p, ["comparison", "trend"]));
    },

    async refreshAll() {
      return change({ ...session }, (p) =>
        generatedOf(p, ["checks", "comparison", "trend", "monitoring"])
      );
    },

    async buildMonitoring(indicators) {
      return change({ ...session, monitoring: indicators }, (p) => generatedOf(p, ["monitoring"]));
    },

    async listDataSheets(): Promise<DataSheetInfo[]> {
      const { plan: p } = await plan(session);
      return p.definitions.sheets.flatMap((d) =>
        d.role === "data" && d.data && d.data.area && d.data.periodEnding
          ? [
              {
                sheet: d.name,
                area: d.data.area,
                periodEnding: d.data.periodEnding,
                kind: d.data.kind,
              },
            ]
          : []
      );
    },

    async listSheets(): Promise<SheetInfo[]> {
      const { plan: p, book } = await plan(session);
      const roleOf = new Map(p.definitions.sheets.map((d) => [d.name.toLowerCase(), d]));
      const removed = new Set((p.spec.removeSheets ?? []).map((n) => n.toLowerCase()));
      // Sheets already in an opened file keep their place; new ones follow in the plan's order.
      const names = [...book.sheetNames.filter((n) => !removed.has(n.toLowerCase()))];
      for (const s of p.spec.sheets)
        if (!names.some((n) => n.toLowerCase() === s.name.toLowerCase())) names.push(s.name);
      return names.map((name) => {
        const d = roleOf.get(name.toLowerCase());
        const spec = p.spec.sheets.find((s) => s.name === name);
        const role = spec?.role ?? d?.role ?? "user";
        return { name, role, generated: spec?.generated ?? d?.generated ?? false };
      });
    },

    async readSettings() {
      return { ...session.settings };
    },

    async saveSettings(settings) {
      session = { ...session, settings: { ...settings } };
    },

    async download() {
      const { plan: p, xlsx } = await plan(session);
      return writeXlsx(p.spec, xlsx?.workbook);
    },

    async open(bytes) {
      const xlsx = await readXlsx(bytes);
      if (!xlsx.definitions)
        throw new StandaloneHostError(
          "this workbook was not made by Scrutiny Sheets (it has no definitions sheet), so there is nothing to refresh in it"
        );
      session = {
        opened: bytes.slice(),
        tables: [],
        groups: xlsx.definitions.groups.map((g) => ({ name: g.name, areas: [...g.areas] })),
        settings: settingsOf(xlsx.definitions),
        monitoring: null,
      };
    },
  };
}
