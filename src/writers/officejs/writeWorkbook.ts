// Applies a spec through a runner that may run the batch more than once (runExcel retries
// when the user was editing a cell): after a half-way failure the next attempt writes only
// what is left (specToRepair), allowed to replace the sheets the failure left incomplete.

import type { WorkbookSpec } from "../../layout/spec";
import {
  applyWorkbookSpec,
  specToRepair,
  type ApplyOptions,
  type ApplyReport,
} from "./applyWorkbookSpec";
import { WorkbookWriteError } from "./errors";

export type BatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export async function writeWorkbook(
  run: BatchRunner,
  spec: WorkbookSpec,
  options: ApplyOptions = {}
): Promise<ApplyReport> {
  let todo = spec;
  let owned = [...(options.ownedSheets ?? [])];
  const done: string[] = [];
  const report = await run(async (context) => {
    try {
      return await applyWorkbookSpec(context, todo, { ...options, ownedSheets: owned });
    } catch (e) {
      if (e instanceof WorkbookWriteError) {
        done.push(...e.partial.completeSheets);
        todo = specToRepair(todo, e.partial);
        owned = [...owned, ...e.partial.incompleteSheets];
      }
      throw e;
    }
  });
  return { ...report, sheets: [...done, ...report.sheets] };
}
