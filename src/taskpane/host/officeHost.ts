// Inside Excel: the live workbook, through Office.js. Each write reads the workbook (sheet
// names, definitions, data sheets as the user left them), plans every sheet before
// writing any (planWorkbook), then applies the plan with the Office.js writer, which keeps
// requests under Excel on the web's 5 MB limit. A write Excel cuts half-way is finished
// by the next one, so running it again repairs it.
import type { Definitions } from "../../layout/definitions";
import { DEFINITIONS_SHEET, parseDefinitions, writeDefinitions } from "../../layout/definitions";
import type { CrimeTable } from "../../core/model";
import type { WorkbookSpec } from "../../layout/spec";
import { specToRepair } from "../../writers/officejs/applyWorkbookSpec";
import { writePlanned, writeWorkbook } from "../../writers/officejs/writeWorkbook";
import {
  readOnSheets,
  type ApplyOptions,
  type ApplyProgress,
  type ApplyReport,
} from "../../writers/officejs/applyWorkbookSpec";
import { generatedSheets, groupsOf, importedSheets, ownedBy, snapshotOf } from "./importPlan";
import { StalePlanError, WorkbookWriteError } from "../../writers/officejs/errors";
import { excelRunner, type ExcelRunFunction } from "../../office/runExcel";
import {
  planWorkbook,
  settingsOf,
  thresholdsOf,
  type BookState,
  type PlanInput,
  type WritePlan,
} from "../../layout/planWorkbook";
import { groupForChoice, today, upsertGroup } from "./hostCommon";
import { readWorkbookState } from "../../writers/officejs/readWorkbookState";
import { readSelection, selectionAsPaste } from "../../writers/officejs/readSelection";
import { withShownFigures } from "./selectionText";
import type {
  DataSheetInfo,
  HighlightSettings,
  HostCallOptions,
  ImportPlanner,
  PastedInput,
  SheetInfo,
  WorkbookHost,
  WriteReport,
} from "./workbookHost";

const lower = (s: string) => s.toLowerCase();

const FINISHED_IMPORT = "This finished the import Excel had interrupted.";
/** Plans made again when the user keeps changing the workbook's sheets meanwhile. */
const PLAN_ATTEMPTS = 3;

const writingProgress = (p: ApplyProgress) => ({
  label: `Writing ${p.label}`,
  fraction: p.done / Math.max(1, p.total),
});

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
    const used = context.workbook.worksheets
      .getItem(defsSheet)
      .getUsedRangeOrNullObject(true)
      .load("values");
    await context.sync();
    definitions = used.isNullObject ? null : parseDefinitions(used.values);
  }
  return {
    sheetNames,
    tableNames: tables.items.map((t) => t.name),
    definitions,
    sheetValues: () => null,
  };
}

/** A write that Excel cut half-way: what is left of it, to finish before anything else. */
interface Pending {
  spec: WorkbookSpec;
  previous: Definitions | null;
  owned: string[];
  /** Which import it was, so running the same import again finishes it instead of importing twice. */
  importKey?: string;
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

export function createOfficeHost(
  run?: ExcelRunFunction,
  clock: () => string = today
): WorkbookHost {
  // Excel.run wrapped once: waits while the user edits a cell, and tries again if Excel still refuses.
  const excel = excelRunner(run ? { run } : {});
  let pending: Pending | null = null;

  /** Runs a write; when Excel stops it half-way, keeps what is left of `spec()` for the next one. */
  const keepingWhatIsLeft = async (
    job: Omit<Pending, "spec">,
    spec: () => Promise<WorkbookSpec>,
    options: HostCallOptions | undefined,
    write: (options: ApplyOptions) => Promise<ApplyReport>
  ): Promise<string[]> => {
    try {
      const report = await write({
        previous: job.previous,
        ownedSheets: job.owned,
        onProgress: (p) => options?.onProgress?.(writingProgress(p)),
      });
      return report.sheets;
    } catch (e) {
      if (e instanceof WorkbookWriteError) {
        pending = {
          ...job,
          spec: specToRepair(await spec(), e.partial),
          owned: [...job.owned, ...e.partial.incompleteSheets],
        };
      }
      throw e;
    }
  };

  /** Applies a spec; when Excel stops it half-way, keeps what is left for the next write. */
  const apply = (job: Pending, options?: HostCallOptions): Promise<string[]> =>
    keepingWhatIsLeft(
      job,
      async () => job.spec,
      options,
      (o) => writeWorkbook(excel, job.spec, o)
    );

  /**
   * Every write: first finish one Excel cut half-way (the same import again only finishes
   * it), then read the workbook, plan every sheet before writing any, and write.
   */
  const write = async (
    makeInput: (book: BookState) => Omit<PlanInput, "importedOn">,
    pick: (plan: WritePlan) => string[],
    options?: HostCallOptions,
    importKey?: string
  ): Promise<WriteReport> => {
    const finished = await finishPending(options, importKey);
    if (finished) return { sheets: finished, warnings: [FINISHED_IMPORT] };
    options?.onProgress?.({ label: "Reading the workbook" });
    const book = await excel((context) => readWorkbookState(context));
    const plan = planWorkbook(book, { ...makeInput(book), importedOn: clock() });
    // The monitoring sheet is ours to rebuild, though no refresh removes it.
    const owned = ownedBy(plan);
    await apply({ spec: plan.spec, previous: book.definitions, owned, importKey }, options);
    return { sheets: pick(plan), ...(plan.warnings.length > 0 ? { warnings: plan.warnings } : {}) };
  };

  /** Finishes a write Excel cut half-way; true when it was the import `importKey` names. */
  const finishPending = async (options?: HostCallOptions, importKey?: string) => {
    if (!pending) return null;
    const job = pending;
    pending = null;
    options?.onProgress?.({ label: "Finishing the write Excel interrupted" });
    const finished = await apply(job, options);
    return importKey !== undefined && job.importKey === importKey ? finished : null;
  };

  /** One read of the workbook, a plan in the worker, and its write. */
  const importPlannedOnce = async (
    planner: ImportPlanner,
    fields: { area: string; period: string },
    settings: HighlightSettings,
    options?: HostCallOptions
  ): Promise<WriteReport> => {
    options?.onProgress?.({ label: "Reading the workbook" });
    const { book, facts } = await excel(async (context) => {
      const book = await readWorkbookState(context);
      // Tables and charts of every sheet the plan may rebuild, since the plan is made elsewhere.
      const rebuilt = (book.definitions?.sheets ?? [])
        .filter((d) => d.generated || d.role === "monitoring")
        .map((d) => d.name);
      const onSheet = await readOnSheets(context, book, rebuilt, () => context.sync());
      return { book, facts: { sheets: book.sheets, tableNames: book.tableNames, onSheet } };
    });
    options?.onProgress?.({ label: "Planning the sheets", cancel: () => planner.cancel() });
    const planned = await planner.plan({
      book: snapshotOf(book),
      facts,
      area: fields.area,
      period: fields.period,
      settings,
      importedOn: clock(),
    });
    const job = { previous: book.definitions, owned: planned.owned, importKey: planner.key };
    const spec = () => planner.spec();
    await keepingWhatIsLeft(job, spec, options, (o) => writePlanned(excel, planned.write, spec, o));
    return {
      sheets: planned.sheets,
      ...(planned.warnings.length > 0 ? { warnings: planned.warnings } : {}),
    };
  };

  return {
    mode: "office",

    importTables(tables, _issues, _anomalies, settings, options) {
      // Issues and flags are recomputed over every data sheet, so Checks covers the whole workbook.
      return write(
        (book) => ({ tables, groups: groupsOf(book), settings }),
        (plan) => importedSheets(plan, tables.length),
        options,
        importKeyOf(tables)
      );
    },

    async importPlanned(planner, fields, settings, options) {
      const finished = await finishPending(options, planner.key);
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

    importSelection(): Promise<PastedInput> {
      return excel(async (context) => {
        // The selection, or the sheet's used range when one cell is selected.
        const read = await readSelection(context);
        if (read.values.every((row) => row.every((v) => v === "" || v === null)))
          throw new Error(
            "the selection is empty: select the table pasted into the sheet, then Import selection"
          );
        return selectionAsPaste(withShownFigures(read));
      });
    },

    buildComparison(choice, options) {
      const group = groupForChoice(choice);
      return write(
        (book) => ({
          tables: [],
          groups: group ? upsertGroup(groupsOf(book), group) : groupsOf(book),
          settings: settingsOf(book.definitions),
        }),
        (plan) => generatedSheets(plan, ["comparison", "trend"]),
        options
      );
    },

    refreshAll(options) {
      return write(
        (book) => ({ tables: [], groups: groupsOf(book), settings: settingsOf(book.definitions) }),
        (plan) => generatedSheets(plan, ["checks", "comparison", "trend", "monitoring"]),
        options
      );
    },

    buildMonitoring(indicators, options) {
      return write(
        (book) => ({
          tables: [],
          groups: groupsOf(book),
          settings: settingsOf(book.definitions),
          monitoring: indicators,
        }),
        (plan) => generatedSheets(plan, ["monitoring"]),
        options
      );
    },

    listDataSheets(): Promise<DataSheetInfo[]> {
      return excel(async (context) => {
        const book = await readDefinitions(context);
        const present = new Set(book.sheetNames.map(lower));
        return (book.definitions?.sheets ?? []).flatMap((d) =>
          d.role === "data" && d.data?.area && d.data.periodEnding && present.has(lower(d.name))
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
      });
    },

    listSheets(): Promise<SheetInfo[]> {
      return excel(async (context) => {
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
      });
    },

    readSettings() {
      return excel(async (context) => settingsOf((await readDefinitions(context)).definitions));
    },

    saveSettings(settings) {
      return excel(
        async (context): Promise<{ spec: WorkbookSpec; previous: Definitions | null }> => {
          const book = await readDefinitions(context);
          const defs: Definitions = book.definitions ?? {
            version: 1,
            areas: [],
            periods: [],
            groups: [],
            thresholds: {},
            sheets: [],
          };
          const next: Definitions = {
            ...defs,
            thresholds: thresholdsOf(settings, defs.thresholds),
          };
          return { spec: { sheets: [writeDefinitions(next)] }, previous: book.definitions };
        }
      )
        .then((job) => writeWorkbook(excel, job.spec, { previous: job.previous }))
        .then(() => undefined);
    },
  };
}
