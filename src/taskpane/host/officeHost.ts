// Inside Excel: the live workbook, through Office.js. Each operation is one Excel.run:
// read the workbook (sheet names, definitions, data sheets as the user left them), plan
// every sheet to write before writing any (planWorkbook), then apply the plan with the
// Office.js writer, which keeps requests under Excel on the web's 5 MB limit.
import type { Definitions } from "../../layout/definitions";
import { DEFINITIONS_SHEET, parseDefinitions, writeDefinitions } from "../../layout/definitions";
import { applyWorkbookSpec } from "../../writers/officejs/applyWorkbookSpec";
import { WorkbookWriteError } from "../../writers/officejs/errors";
import type { Group } from "../../layout/layoutWorkbook";
import { planWorkbook, settingsOf, thresholdsOf, type BookState, type PlanInput, type WritePlan } from "./planWorkbook";
import { groupForChoice, today, upsertGroup } from "./hostCommon";
import { rangeText } from "./selectionText";
import type { DataSheetInfo, HostCallOptions, PastedInput, SheetInfo, WorkbookHost, WriteReport } from "./workbookHost";

/** Excel.run as the host uses it (a test passes the Excel test double's). */
export type ExcelRun = <T>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const lower = (s: string) => s.toLowerCase();

/** Reads the workbook in at most three requests: names, then definitions, then data sheets. */
export async function readBook(context: Excel.RequestContext, withData: boolean): Promise<BookState> {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  const tableNames = tables.items.map((t) => t.name);
  const has = (name: string) => sheetNames.find((n) => lower(n) === lower(name));

  let definitions: Definitions | null = null;
  const defsSheet = has(DEFINITIONS_SHEET);
  if (defsSheet) {
    const used = context.workbook.worksheets.getItem(defsSheet).getUsedRangeOrNullObject(true).load("values");
    await context.sync();
    definitions = used.isNullObject ? null : parseDefinitions(used.values);
  }

  const values = new Map<string, unknown[][]>();
  if (withData && definitions) {
    const wanted = definitions.sheets.filter((d) => d.role === "data" && has(d.name)).map((d) => has(d.name) as string);
    // Data sheets are read from A1, so rows and columns match the layout's 0-based positions.
    const loads = wanted.map((name) => ({
      name,
      range: context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex"),
    }));
    if (loads.length > 0) await context.sync();
    for (const { name, range } of loads) values.set(lower(name), range.isNullObject ? [] : fromA1(range.values, range.rowIndex, range.columnIndex));
  }
  return { sheetNames, tableNames, definitions, sheetValues: (name) => values.get(lower(name)) ?? null };
}

/** A used range's values padded so that index [r][c] is row r, column c of the sheet. */
function fromA1(values: unknown[][], rowIndex: number, columnIndex: number): unknown[][] {
  const pad = (row: unknown[]) => [...Array<unknown>(columnIndex).fill(null), ...row];
  return [...Array.from({ length: rowIndex }, () => [] as unknown[]), ...values.map(pad)];
}

export function createOfficeHost(run: ExcelRun = (options, batch) => Excel.run(options, batch), clock: () => string = today): WorkbookHost {
  /** Sheets a failed write left incomplete: the next write may replace them (and so repairs them). */
  let incomplete: string[] = [];

  const excel = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    // Waits while the user is editing a cell rather than failing at once.
    run({ delayForCellEdit: true }, batch);

  /** Reads, plans completely, then writes: the one path every write takes. */
  const write = (
    makeInput: (book: BookState) => Omit<PlanInput, "importedOn">,
    pick: (plan: WritePlan) => string[],
    options?: HostCallOptions,
  ): Promise<WriteReport> =>
    excel(async (context) => {
      options?.onProgress?.({ label: "Reading the workbook" });
      const read = await readBook(context, true);
      // Sheets an earlier failed write left incomplete are ours to rewrite under the same names.
      const book = { ...read, sheetNames: read.sheetNames.filter((n) => !incomplete.some((i) => lower(i) === lower(n))) };
      const plan = planWorkbook(book, { ...makeInput(book), importedOn: clock() });
      const monitoring = plan.definitions.sheets.filter((d) => d.role === "monitoring").map((d) => d.name);
      try {
        await applyWorkbookSpec(context, plan.spec, {
          previous: read.definitions,
          ownedSheets: [...incomplete, ...monitoring],
          onProgress: (p) => options?.onProgress?.({ label: `Writing ${p.label}`, fraction: p.done / Math.max(1, p.total) }),
        });
      } catch (e) {
        if (e instanceof WorkbookWriteError) incomplete = [...new Set([...incomplete, ...e.partial.incompleteSheets])];
        throw e;
      }
      incomplete = [];
      return { sheets: pick(plan), ...(plan.warnings.length > 0 ? { warnings: plan.warnings } : {}) };
    });

  const groupsOf = (book: BookState): Group[] => (book.definitions?.groups ?? []).map((g) => ({ name: g.name, areas: [...g.areas] }));
  const generated = (plan: WritePlan, roles: string[]) => plan.spec.sheets.filter((s) => roles.includes(s.role)).map((s) => s.name);

  return {
    mode: "office",

    importTables(tables, _issues, _anomalies, settings, options) {
      // Issues and flags are recomputed over every data sheet, so Checks covers the whole workbook.
      return write(
        (book) => ({ tables, groups: groupsOf(book), settings }),
        (plan) => {
          const data = tables.length === 0 ? [] : plan.definitions.sheets.filter((d) => d.role === "data").slice(-tables.length).map((d) => d.name);
          return [...data, ...generated(plan, ["checks", "comparison", "trend"])];
        },
        options,
      );
    },

    importSelection(): Promise<PastedInput> {
      return excel(async (context) => {
        let range = context.workbook.getSelectedRange().load("values,numberFormat,address,cellCount");
        await context.sync();
        if (range.cellCount <= 1) {
          // One cell selected: the user means the table on this sheet.
          const used = context.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true).load("values,numberFormat,address,cellCount");
          await context.sync();
          if (used.isNullObject) throw new Error("the active sheet is empty: select the pasted table, then Import selection");
          range = used;
        }
        return { text: rangeText(range.values, range.numberFormat), source: `selection ${range.address}` };
      });
    },

    buildComparison(choice, options) {
      const group = groupForChoice(choice);
      return write(
        (book) => ({ tables: [], groups: group ? upsertGroup(groupsOf(book), group) : groupsOf(book), settings: settingsOf(book.definitions) }),
        (plan) => generated(plan, ["comparison", "trend"]),
        options,
      );
    },

    refreshAll(options) {
      return write(
        (book) => ({ tables: [], groups: groupsOf(book), settings: settingsOf(book.definitions) }),
        (plan) => generated(plan, ["checks", "comparison", "trend"]),
        options,
      );
    },

    buildMonitoring(indicators, options) {
      return write(
        (book) => ({ tables: [], groups: groupsOf(book), settings: settingsOf(book.definitions), monitoring: indicators }),
        (plan) => generated(plan, ["monitoring"]),
        options,
      );
    },

    listDataSheets(): Promise<DataSheetInfo[]> {
      return excel(async (context) => {
        const book = await readBook(context, false);
        const present = new Set(book.sheetNames.map(lower));
        return (book.definitions?.sheets ?? []).flatMap((d) =>
          d.role === "data" && d.data?.area && d.data.periodEnding && present.has(lower(d.name))
            ? [{ sheet: d.name, area: d.data.area, periodEnding: d.data.periodEnding, kind: d.data.kind }]
            : [],
        );
      });
    },

    listSheets(): Promise<SheetInfo[]> {
      return excel(async (context) => {
        const book = await readBook(context, false);
        const defs = new Map((book.definitions?.sheets ?? []).map((d) => [lower(d.name), d]));
        return book.sheetNames.map((name) => {
          const d = defs.get(lower(name));
          if (lower(name) === lower(DEFINITIONS_SHEET)) return { name, role: "definitions" as const, generated: true };
          return d ? { name, role: d.role, generated: d.generated } : { name, role: "user" as const, generated: false };
        });
      });
    },

    readSettings() {
      return excel(async (context) => settingsOf((await readBook(context, false)).definitions));
    },

    saveSettings(settings) {
      return excel(async (context) => {
        const book = await readBook(context, false);
        const defs: Definitions = book.definitions ?? { version: 1, areas: [], periods: [], groups: [], thresholds: {}, sheets: [] };
        const next: Definitions = { ...defs, thresholds: thresholdsOf(settings, defs.thresholds) };
        await applyWorkbookSpec(context, { sheets: [writeDefinitions(next)] }, { previous: book.definitions });
      });
    },
  };
}
