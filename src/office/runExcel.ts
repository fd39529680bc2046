// Excel.run, wrapped once: it asks Excel to wait while the user is editing a cell, and if
// Excel still refuses because of cell-edit mode (hosts before ExcelApi 1.11 ignore the
// wait), it runs the batch again a few times before giving up. A batch must therefore be
// safe to run again from the start (the Office.js writer's writeWorkbook is).

export type ExcelBatch<T> = (context: Excel.RequestContext) => Promise<T>;

/** Excel.run's shape (a test passes the Excel test double's `run`). */
export type ExcelRunFunction = <T>(
  options: { delayForCellEdit?: boolean },
  batch: ExcelBatch<T>
) => Promise<T>;

export interface RunExcelOptions {
  /** @default the global Excel.run */
  run?: ExcelRunFunction;
  /** Further attempts after a cell-edit refusal. @default 3 */
  retries?: number;
  /** Wait before each further attempt, in ms. @default 1000 */
  delayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export const CELL_EDIT_MODE = "InvalidOperationInCellEditMode";

const realRun: ExcelRunFunction = (options, batch) => Excel.run(options, batch);

export function isCellEditError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === CELL_EDIT_MODE;
}

export async function runExcel<T>(batch: ExcelBatch<T>, options: RunExcelOptions = {}): Promise<T> {
  const run = options.run ?? realRun;
  const retries = options.retries ?? 3;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await run({ delayForCellEdit: true }, batch);
    } catch (e) {
      if (!isCellEditError(e) || attempt >= retries) throw e;
      await sleep(options.delayMs ?? 1000);
    }
  }
}

/** A runner bound to options, for code that takes "how to run a batch" as a parameter. */
export function excelRunner(
  options: RunExcelOptions = {}
): <T>(batch: ExcelBatch<T>) => Promise<T> {
  return (batch) => runExcel(batch, options);
}
