// Applies a WorkbookSpec to the live workbook through Office.js in few requests: one to
// read the sheet and table names, one more only when sheets of an earlier build are
// rebuilt (to find their charts and tables), then the writes: the number formats of a run
// of sheets a request before their values (so text stays text), each request under the
// bytes Office.js serialises for it (requestBudget), so none passes the 5,000,000 bytes
// Excel on the web accepts.
//
// Nothing is written until the whole plan has been made and checked (planWrites). A
// failure half-way leaves the user's sheets untouched (they are never targets) and
// throws WorkbookWriteError naming the sheets left incomplete; running again with those
// in `ownedSheets` repairs them.

import type { WorkbookSpec } from "../../layout/spec";
import { WorkbookWriteError, type PartialWrite } from "./errors";
import { executeOp, type SheetProxies } from "./executeOp";
import { countSyncs, type SyncCounter } from "./syncCounter";
import { requestBytes } from "./requestBudget";
import { PlanOptions, WorkbookFacts, WritePlan, planWrites } from "./planWrites";
import { sheetKey } from "../../layout/sheetNames";
import { readAnchors } from "./readWorkbookState";

export interface ApplyProgress {
  /** Requests written so far, out of `total`. */
  done: number;
  total: number;
  /** The sheet the last request wrote to. */
  label: string;
}

export interface ApplyOptions extends PlanOptions {
  onProgress?: (p: ApplyProgress) => void;
}

/** What the plan said (its requests aside), and what running it took. */
export interface ApplyReport extends Omit<WritePlan, "batches"> {
  /** Every context.sync() this call made. */
  syncs: number;
  readSyncs: number;
  /** Each write request: operations and the planner's bound on its size as Office.js serialises it. */
  requests: { operations: number; bytes: number }[];
}

/** Reads what planning needs: sheet names, table names, and charts/tables of sheets to rebuild. */
export async function readFacts(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  sync: () => Promise<void>
): Promise<WorkbookFacts> {
  const names = await readNames(context, sync);
  return {
    ...names,
    onSheet: await readOnSheets(
      context,
      names,
      spec.sheets.map((s) => s.name),
      sync
    ),
  };
}

/** Every sheet (name and visibility) and every table name: one request. */
export async function readNames(
  context: Excel.RequestContext,
  sync: () => Promise<void>
): Promise<Omit<WorkbookFacts, "onSheet">> {
  const sheets = context.workbook.worksheets.load("items/name,items/visibility");
  const tables = context.workbook.tables.load("items/name");
  const anchors = readAnchors(context);
  await sync();
  return {
    sheets: sheets.items.map((s) => ({ name: s.name, visibility: s.visibility })),
    tableNames: tables.items.map((t) => t.name),
    anchors: anchors(),
  };
}

/** The tables and charts on those of `names` that exist (they may be rebuilt): one request, or none. */
export async function readOnSheets(
  context: Excel.RequestContext,
  known: Omit<WorkbookFacts, "onSheet">,
  names: readonly string[],
  sync: () => Promise<void>
): Promise<WorkbookFacts["onSheet"]> {
  const byName = new Map(known.sheets.map((s) => [sheetKey(s.name), s.name]));
  const reused = [
    ...new Set(
      names.map((n) => byName.get(sheetKey(n))).filter((n): n is string => n !== undefined)
    ),
  ];
  const onSheet: WorkbookFacts["onSheet"] = new Map();
  if (reused.length === 0) return onSheet;
  const loads = reused.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    return { name, charts: ws.charts.load("items/name"), tables: ws.tables.load("items/name") };
  });
  await sync();
  for (const l of loads) {
    onSheet.set(sheetKey(l.name), {
      charts: l.charts.items.map((c) => c.name),
      tables: l.tables.items.map((t) => t.name),
    });
  }
  return onSheet;
}

export async function applyWorkbookSpec(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  options: ApplyOptions = {}
): Promise<ApplyReport> {
  const counter = countSyncs(context);
  const facts = await readFacts(context, spec, counter.sync);
  const readSyncs = counter.count;
  const plan = planWrites(spec, facts, options);
  const written = await executeWritePlan(context, plan, counter, options.onProgress);
  return { ...written, syncs: counter.count, readSyncs };
}

/**
 * Runs a write plan made earlier (here, or by the read worker from facts read before),
 * one request per batch. A failure throws WorkbookWriteError naming what is incomplete.
 */
export async function executeWritePlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  counter: SyncCounter,
  onProgress?: (p: ApplyProgress) => void
): Promise<Omit<ApplyReport, "syncs" | "readSyncs">> {
  // The last request each sheet (or removal) needs: a sheet is complete once it has run.
  const lastBatch = new Map<string, number>();
  plan.batches.forEach((batch, b) => batch.forEach((op) => lastBatch.set(sheetKey(op.sheet), b)));

  const sheets: SheetProxies = new Map();
  // Say so as writing starts: the first request can take Excel a while.
  if (plan.batches.length > 0)
    onProgress?.({ done: 0, total: plan.batches.length, label: plan.batches[0]?.[0]?.sheet ?? "" });
  const requests: ApplyReport["requests"] = [];
  for (let b = 0; b < plan.batches.length; b++) {
    const batch = plan.batches[b] ?? [];
    try {
      // Formulas recalculate once, after the request, not after every write in it.
      context.application.suspendApiCalculationUntilNextSync();
      for (const op of batch) executeOp(context, sheets, op);
      await counter.sync();
    } catch (cause) {
      throw new WorkbookWriteError(partialAt(plan, lastBatch, b, counter.count), cause);
    }
    requests.push({ operations: batch.length, bytes: requestBytes(batch) });
    onProgress?.({
      done: b + 1,
      total: plan.batches.length,
      label: batch[batch.length - 1]?.sheet ?? "",
    });
  }
  const { batches: _sent, ...planned } = plan;
  return { ...planned, requests };
}

function partialAt(plan: WritePlan, lastBatch: Map<string, number>, failed: number, syncs: number) {
  const complete = (name: string): boolean => (lastBatch.get(sheetKey(name)) ?? -1) < failed;
  return {
    completeSheets: plan.sheets.filter(complete),
    incompleteSheets: plan.sheets.filter((n) => !complete(n)),
    pendingRemovals: plan.removed.filter((n) => !complete(n)),
    syncs,
  };
}

/**
 * What is left to do after a write failed half-way: the sheets it left incomplete and the
 * removals it did not make. Apply it with `ownedSheets: partial.incompleteSheets`; the
 * sheets it completed are not written again.
 */
export function specToRepair(spec: WorkbookSpec, partial: PartialWrite): WorkbookSpec {
  const incomplete = new Set(partial.incompleteSheets.map(sheetKey));
  return {
    sheets: spec.sheets.filter((s) => incomplete.has(sheetKey(s.name))),
    removeSheets: partial.pendingRemovals,
    // Anchors already there are left alone; the rest are written.
    ...(spec.sheetAnchors ? { sheetAnchors: spec.sheetAnchors } : {}),
  };
}
