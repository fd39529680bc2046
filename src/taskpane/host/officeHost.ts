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
import { readWorkbookState } from "../../writers/officejs/readWorkbookState";
import { readSelection, selectionAsPaste } from "../../writers/officejs/readSelection";
import { withShownFigures } from "./selectionText";
import type { DataSheetInfo, HostCallOptions, PastedInput, SheetInfo, WorkbookHost, WriteReport } from "./workbookHost";

/** Excel.run as the host uses it (a test passes the Excel test double's). */
export type ExcelRun = <T>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const lower = (s: string) => s.toLowerCase();

/**
 * Sheet names and definitions only (two requests), for the listings and settings: the
 * writes read the data sheets too, through the Office.js reader's readWorkbookState.
 */
export async function readDefinitions(context: Excel.RequestContext): Promise<BookState> {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  let definitions: Definitions | null = null;
  const defsSheet = sheetNames.find((n) => lower(n) === lower(DEFINITIONS_SHEET));
  if (defsSheet) {
    const used = context.workbook.worksheets.getItem(defsSheet).getUsedRangeOrNullObject(true).load("values");
    await context.sync();
    definitions = used.isNullObject ? null : parseDefinitions(used.values);
  }
  return { sheetNames, tableNames: tables.items.map((t) => t.name), definitions, sheetValues: () => null };
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
      const read = await readWorkbookState(context);
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
        // The selection, or the sheet's used range when one cell is selected.
        const read = await readSelection(context);
        if (read.values.every((row) => row.every((v) => v === "" || v === null)))
          throw new Error("the selection is empty: select the table pasted into the sheet, then Import selection");
        return selectionAsPaste(withShownFigures(read));
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
        const book = await readDefinitions(context);
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
        const book = await readDefinitions(context);
        const defs = new Map((book.definitions?.sheets ?? []).map((d) => [lower(d.name), d]));
        return book.sheetNames.map((name) => {
          const d = defs.get(lower(name));
          if (lower(name) === lower(DEFINITIONS_SHEET)) return { name, role: "definitions" as const, generated: true };
          return d ? { name, role: d.role, generated: d.generated } : { name, role: "user" as const, generated: false };
        });
      });
    },

    readSettings() {
      return excel(async (context) => settingsOf((await readDefinitions(context)).definitions));
    },

    saveSettings(settings) {
      return excel(async (context) => {
        const book = await readDefinitions(context);
        const defs: Definitions = book.definitions ?? { version: 1, areas: [], periods: [], groups: [], thresholds: {}, sheets: [] };
        const next: Definitions = { ...defs, thresholds: thresholdsOf(settings, defs.thresholds) };
        await applyWorkbookSpec(context, { sheets: [writeDefinitions(next)] }, { previous: book.definitions });
      });
    },
  };
}
