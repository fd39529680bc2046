// Applies a spec through a runner that may run the batch more than once (runExcel retries
// when the user was editing a cell): after a half-way failure the next attempt writes only
// what is left (specToRepair), allowed to replace the sheets the failure left incomplete.

import type { WorkbookSpec } from "../../layout/spec";
import {
  applyWorkbookSpec,
  executeWritePlan,
  readNames,
  specToRepair,
  type ApplyOptions,
  type ApplyReport,
} from "./applyWorkbookSpec";
import type { WorkbookFacts, WritePlan } from "./planWrites";
import { StalePlanError, WorkbookWriteError } from "./errors";
import { countSyncs } from "./syncCounter";

export type BatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export async function writeWorkbook(
  run: BatchRunner,
  spec: WorkbookSpec,
  options: ApplyOptions = {}
): Promise<ApplyReport> {
  return writeRepairing(
    run,
    (context) => applyWorkbookSpec(context, spec, options),
    async () => spec,
    options
  );
}

/**
 * The loop both writes share: a first attempt and, when Excel stopped it half-way and the
 * runner tries again, only what is left of the whole spec, allowed to replace the sheets
 * the failure left incomplete. The sheets of every attempt are reported in order.
 */
async function writeRepairing(
  run: BatchRunner,
  firstAttempt: (context: Excel.RequestContext) => Promise<ApplyReport>,
  wholeSpec: () => Promise<WorkbookSpec>,
  options: ApplyOptions
): Promise<ApplyReport> {
  let todo: WorkbookSpec | null = null;
  let owned = [...(options.ownedSheets ?? [])];
  const done: string[] = [];
  const report = await run(async (context) => {
    try {
      return todo === null
        ? await firstAttempt(context)
        : await applyWorkbookSpec(context, todo, { ...options, ownedSheets: owned });
    } catch (e) {
      if (e instanceof WorkbookWriteError) {
        done.push(...e.partial.completeSheets);
        todo = specToRepair(todo ?? (await wholeSpec()), e.partial);
        owned = [...owned, ...e.partial.incompleteSheets];
      }
      throw e;
    }
  });
  return { ...report, sheets: [...done, ...report.sheets] };
}

/** A write planned away from Excel (the read worker), from facts read beforehand. */
export interface PlannedWrite {
  facts: WorkbookFacts;
  plan: WritePlan;
}

const sameNames = (a: Omit<WorkbookFacts, "onSheet">, b: Omit<WorkbookFacts, "onSheet">) => {
  const key = (f: Omit<WorkbookFacts, "onSheet">) =>
    JSON.stringify([
      f.sheets.map((s) => `${s.name.toLowerCase()}|${s.visibility}`).sort(),
      f.tableNames.map((t) => t.toLowerCase()).sort(),
    ]);
  return key(a) === key(b);
};

/**
 * Writes a plan made elsewhere. It first checks that the sheets and tables are still those
 * the plan was made from, and throws StalePlanError, writing nothing, when the user changed
 * them meanwhile. When Excel stops half-way and the runner tries again, what is left is
 * planned here from the spec (`spec()`, fetched only then), as writeWorkbook does.
 */
export async function writePlanned(
  run: BatchRunner,
  planned: PlannedWrite,
  spec: () => Promise<WorkbookSpec>,
  options: ApplyOptions = {}
): Promise<ApplyReport> {
  return writeRepairing(
    run,
    async (context) => {
      const counter = countSyncs(context);
      // A plan for sheets the user has since changed is not written: the caller plans again.
      if (!sameNames(await readNames(context, counter.sync), planned.facts))
        throw new StalePlanError();
      const written = await executeWritePlan(context, planned.plan, counter, options.onProgress);
      return { ...written, syncs: counter.count, readSyncs: 1 };
    },
    spec,
    options
  );
}
