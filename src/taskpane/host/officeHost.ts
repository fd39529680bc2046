// Inside Excel: the live workbook, through Office.js. Each write reads the workbook (sheet
// names, definitions, data sheets as the user left them), plans every sheet before
// writing any (planWorkbook), then applies the plan with the Office.js writer, which keeps
// requests under Excel on the web's 5 MB limit. A write Excel cuts half-way is finished
// by the next one, so running it again repairs it.
import type { Definitions } from "../../layout/definitions";
import { DEFINITIONS_SHEET, parseDefinitions } from "../../layout/definitions";
import type { CrimeTable } from "../../core/model";
import type { HighlightSettings } from "../../core/settings";
import { highlightSettingsOf } from "../../core/settings";
import {
  writePlanned,
  writeWorkbook,
  type BatchRunner,
} from "../../writers/officejs/writeWorkbook";
import { readOnSheets } from "../../writers/officejs/applyWorkbookSpec";
import { snapshotOf } from "./importPlan";
import { StalePlanError } from "../../writers/officejs/errors";
import { excelRunner, type ExcelRunFunction } from "../../office/runExcel";
import type { BookState } from "../../app/planWorkbook";
import {
  buildComparison,
  buildMonitoring,
  duplicatesOf,
  importTables,
  ownedBy,
  refreshAll,
  saveSettings,
  startFrom,
  type Planned,
  type Start,
} from "../../app/useCases";
import { today } from "../../app/today";
import { groupForChoice, listedDataSheets, reportOf } from "./hostCommon";
import { pendingWrites } from "./pendingWrite";
import { readAnchors, readWorkbookState } from "../../writers/officejs/readWorkbookState";
import { resolveDefinitions } from "../../layout/definitionsIdentity";
import { readSelection, selectionAsPaste } from "../../writers/officejs/readSelection";
import { withShownFigures } from "./selectionText";
import type {
  HostCallOptions,
  ImportPlanner,
  ListedDataSheet,
  PastedInput,
  SheetInfo,
  WorkbookHost,
  WriteReport,
} from "./workbookHost";

const lower = (s: string) => s.toLowerCase();

const FINISHED_IMPORT = "This finished the import Excel had interrupted.";
/** Plans made again when the user keeps changing the workbook's sheets meanwhile. */
const PLAN_ATTEMPTS = 3;

/**
 * Sheet names and definitions only (two requests), for the listings and settings: the
 * writes read the data sheets too, through the Office.js reader's readWorkbookState.
 */
export async function readDefinitions(context: Excel.RequestContext): Promise<BookState> {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  const anchors = readAnchors(context);
  await context.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  let definitions: Definitions | null = null;
  const defsSheet = sheetNames.find((n) => lower(n) === lower(DEFINITIONS_SHEET));
  if (defsSheet) {
    const used = context.workbook.worksheets
      .getItem(defsSheet)
      .getUsedRangeOrNullObject(true)
      .load("values");
    await context.sync();
    const recorded = used.isNullObject ? null : parseDefinitions(used.values);
    // Each recorded sheet under its current name (README "Renamed sheets").
    definitions =
      recorded &&
      resolveDefinitions(
        recorded,
        new Map(anchors().map((a) => [a.name.toLowerCase(), a.sheet])),
        sheetNames
      );
  }
  return {
    sheetNames,
    tableNames: tables.items.map((t) => t.name),
    definitions,
    sheetValues: () => null,
  };
}

/** Identifies an import by what it holds (the pane builds new table objects on every click). */
const importKeyOf = (tables: CrimeTable[]): string =>
  JSON.stringify(
    tables.map((t) => [
      t.kind,
      t.area,
      t.periodEnding,
      t.source,
      t.rows.length,
      t.rows[0]?.values ?? null,
    ])
  );

/** The data sheets the definitions list that are still in the workbook. */
async function listDataSheetsIn(context: Excel.RequestContext): Promise<ListedDataSheet[]> {
  const book = await readDefinitions(context);
  const present = new Set(book.sheetNames.map(lower));
  return listedDataSheets(
    (book.definitions?.sheets ?? []).filter((d) => present.has(lower(d.name)))
  );
}

/** Every sheet of the workbook with the role the definitions give it (the user's when none). */
async function listSheetsIn(context: Excel.RequestContext): Promise<SheetInfo[]> {
  const book = await readDefinitions(context);
  const defs = new Map((book.definitions?.sheets ?? []).map((d) => [lower(d.name), d]));
  return book.sheetNames.map((name) => {
    const d = defs.get(lower(name));
    if (lower(name) === lower(DEFINITIONS_SHEET))
      return { name, role: "definitions" as const, generated: true };
    return d
      ? { name, role: d.role, generated: d.generated }
      : { name, role: "user" as const, generated: false };
  });
}

/** Saves the pane's settings into the definitions. */
async function saveSettingsIn(excel: BatchRunner, settings: HighlightSettings): Promise<void> {
  const job = await excel(async (context) => {
    const book = await readDefinitions(context);
    return { spec: saveSettings(book.definitions, settings), previous: book.definitions };
  });
  await writeWorkbook(excel, job.spec, { previous: job.previous });
}

/** One read of the workbook for a plan made in the worker: the book, and what its sheets hold. */
async function readForWorker(context: Excel.RequestContext) {
  const book = await readWorkbookState(context);
  // Tables and charts of every sheet the plan may rebuild, since the plan is made elsewhere.
  const rebuilt = (book.definitions?.sheets ?? [])
    .filter((d) => d.generated || d.role === "monitoring")
    .map((d) => d.name);
  const onSheet = await readOnSheets(context, book, rebuilt, () => context.sync());
  return {
    book,
    facts: { sheets: book.sheets, tableNames: book.tableNames, anchors: book.anchors, onSheet },
  };
}

/** The selection (or the sheet's used range when one cell is selected) as a paste. */
async function selectionIn(context: Excel.RequestContext): Promise<PastedInput> {
  const read = await readSelection(context);
  if (read.values.every((row) => row.every((v) => v === "" || v === null)))
    throw new Error(
      "the selection is empty: select the table pasted into the sheet, then Import selection"
    );
  return selectionAsPaste(withShownFigures(read));
}

export function createOfficeHost(
  run?: ExcelRunFunction,
  clock: () => string = today
): WorkbookHost {
  // Excel.run wrapped once: waits while the user edits a cell, and tries again if Excel still refuses.
  const excel = excelRunner(run ? { run } : {});
  const writes = pendingWrites(excel);

  /**
   * Every write: first finish one Excel cut half-way (the same import again only finishes
   * it), then read the workbook, plan every sheet before writing any, and write.
   */
  const write = async (
    useCase: (start: Start) => Planned,
    options?: HostCallOptions,
    importKey?: string
  ): Promise<WriteReport> => {
    const finished = await writes.finish(options, importKey);
    if (finished) return { sheets: finished, warnings: [FINISHED_IMPORT] };
    options?.onProgress?.({ label: "Reading the workbook" });
    const book = await excel((context) => readWorkbookState(context));
    const { plan, sheets } = useCase(startFrom(book, clock()));
    // The monitoring sheet is ours to rebuild, though no refresh removes it.
    const job = { spec: plan.spec, previous: book.definitions, owned: ownedBy(plan), importKey };
    await writes.apply(job, options);
    return reportOf(sheets, plan.warnings);
  };

  /** One read of the workbook, a plan in the worker, and its write. */
  const importPlannedOnce = async (
    planner: ImportPlanner,
    fields: { area: string; period: string },
    settings: HighlightSettings,
    options?: HostCallOptions
  ): Promise<WriteReport> => {
    options?.onProgress?.({ label: "Reading the workbook" });
    const { book, facts } = await excel(readForWorker);
    options?.onProgress?.({ label: "Planning the sheets", cancel: () => planner.cancel() });
    const planned = await planner.plan({
      book: snapshotOf(book),
      facts,
      area: fields.area,
      period: fields.period,
      settings,
      importedOn: clock(),
      duplicates: options?.duplicates,
    });
    const job = { previous: book.definitions, owned: planned.owned, importKey: planner.key };
    const spec = () => planner.spec();
    await writes.keepingWhatIsLeft(job, spec, options, (o) =>
      writePlanned(excel, planned.write, spec, o)
    );
    return reportOf(planned.sheets, planned.warnings);
  };

  return {
    mode: "office",
    importTables(tables, _issues, _anomalies, settings, options) {
      // Issues and flags are recomputed over every data sheet, so Checks covers the whole workbook.
      const useCase = (start: Start) => importTables(start, tables, settings, options?.duplicates);
      return write(useCase, options, importKeyOf(tables));
    },
    // The definitions say what each data sheet holds: no sheet's values need reading.
    duplicatesOf: async (tables) =>
      duplicatesOf(startFrom(await excel(readDefinitions), clock()), tables),
    async importPlanned(planner, fields, settings, options) {
      const finished = await writes.finish(options, planner.key);
      if (finished) return { sheets: finished, warnings: [FINISHED_IMPORT] };
      // The plan is made from the workbook as read; if the user changes its sheets while
      // the worker plans, nothing is written and it is planned again.
      for (let attempt = 1; ; attempt++) {
        try {
          return await importPlannedOnce(planner, fields, settings, options);
        } catch (e) {
          if (!(e instanceof StalePlanError) || attempt === PLAN_ATTEMPTS) throw e;
        }
      }
    },
    importSelection: () => excel(selectionIn),
    buildComparison: (choice, options) =>
      write((start) => buildComparison(start, groupForChoice(choice)), options),
    refreshAll: (options) => write(refreshAll, options),
    buildMonitoring: (indicators, options) =>
      write((start) => buildMonitoring(start, indicators), options),
    listDataSheets: () => excel(listDataSheetsIn),
    listSheets: () => excel(listSheetsIn),
    readSettings: () =>
      excel(async (context) =>
        highlightSettingsOf((await readDefinitions(context)).definitions?.thresholds)
      ),
    saveSettings: (settings) => saveSettingsIn(excel, settings),
  };
}
