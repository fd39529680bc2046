// A large paste is imported where it lies: the read worker plans every sheet and every
// Office.js request from the workbook as read, and the UI thread only sends them. The
// worker here runs the real worker-side code (serveRead) with postMessage's structured
// clone; Excel is the test double (load before read, writes on sync, request limits).
import { deserialize, serialize } from "v8";
import { createOfficeHost } from "../../../src/taskpane/host/officeHost";
import type { ExcelRunFunction } from "../../../src/office/runExcel";
import {
  createWorkerReader,
  type ReadOutcome,
  type WorkerLike,
  type WorkerReply,
  type WorkerRequest,
} from "../../../src/taskpane/worker/pasteReader";
import { createReadServer, SLICE_ABOVE_ROWS } from "../../../src/taskpane/worker/serveRead";
import { withAreaAndPeriod } from "../../../src/taskpane/applyFields";
import { defaultSettings, type WorkbookHost } from "../../../src/taskpane/host/workbookHost";
import { FakeExcel } from "../../doubles/fakeExcel";
import { bigPaste } from "../../support/bigPaste";

const DAY = "2026-11-22";
const clone = <T>(value: T): T => deserialize(serialize(value)) as T;

/** The real worker-side code behind postMessage; counts what crosses to the UI thread. */
class InProcessWorker implements WorkerLike {
  onmessage: ((event: { data: WorkerReply }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  replies: string[] = [];
  terminated = false;
  private serve = createReadServer((reply) => {
    this.replies.push(reply.kind);
    const copy = clone(reply);
    setTimeout(() => !this.terminated && this.onmessage?.({ data: copy }), 0);
  });
  postMessage(message: WorkerRequest): void {
    this.serve(clone(message));
  }
  terminate(): void {
    this.terminated = true;
  }
}

const hostOn = (excel: FakeExcel): WorkbookHost =>
  createOfficeHost(excel.run.bind(excel) as unknown as ExcelRunFunction, () => DAY);

async function readBig(copies: number): Promise<{
  outcome: Extract<ReadOutcome, { status: "ok" }>;
  worker: InProcessWorker;
}> {
  let worker: InProcessWorker | null = null;
  const reader = createWorkerReader(() => (worker = new InProcessWorker()));
  const outcome = await reader.read(
    { text: bigPaste({ copies }).text, source: "paste" },
    defaultSettings
  ).result;
  if (outcome.status !== "ok") throw new Error(`not read: ${JSON.stringify(outcome)}`);
  return { outcome, worker: worker! };
}

function workbookOf(excel: FakeExcel): Record<string, string> {
  return Object.fromEntries(excel.sheetNames().map((n) => [n, excel.snapshot(n)]));
}

test("a large paste planned in the worker writes the same workbook as the whole analysis handed over", async () => {
  const { outcome, worker } = await readBig(60);
  const rows = 60 * 27;
  expect(rows).toBeGreaterThan(SLICE_ABOVE_ROWS);
  // The preview is a slice; the worker keeps the whole and offers to plan the import.
  expect(outcome.analysis.totals?.[0]?.rows).toBe(rows);
  expect(outcome.planner).toBeDefined();

  // A user's workbook with a sheet of their own, imported into through the worker...
  const planned = new FakeExcel();
  planned.addSheet("Budget", [
    ["Item", "Amount"],
    ["Overtime", 1200],
  ]);
  const budget = planned.snapshot("Budget");
  const report = await hostOn(planned).importPlanned!(
    outcome.planner!,
    { area: "Merton", period: "" },
    defaultSettings
  );
  expect(report.sheets).toEqual(["Merton 2017-08-01", "Checks", "Summary"]);
  expect(planned.snapshot("Budget")).toBe(budget);
  // What crossed over: the preview's slice, then the planned requests; never the whole analysis.
  const crossed = worker.replies.filter((k) => k !== "progress");
  expect(crossed.slice(0, 2)).toEqual(["done", "planned"]);
  expect(crossed.slice(2).every((k) => k === "batch")).toBe(true);
  expect(crossed.length).toBeGreaterThan(2);
  expect(planned.problems).toEqual([]);
  // Reading the workbook (3 requests) and the sheets' tables (none yet), a check, the writes.
  expect(planned.requests.every((r) => r.bytes < 5_000_000)).toBe(true);

  // ...and the same import with the whole analysis handed to the UI thread, as before.
  const whole = await outcome.whole!();
  const handed = new FakeExcel();
  handed.addSheet("Budget", [
    ["Item", "Amount"],
    ["Overtime", 1200],
  ]);
  const tables = withAreaAndPeriod(whole.tables, "Merton", "");
  await hostOn(handed).importTables(tables, whole.issues, whole.anomalies, defaultSettings);
  expect(workbookOf(planned)).toEqual(workbookOf(handed));
  expect(planned.cell("Merton 2017-08-01", "A1").value).not.toBe("");
}, 30_000);

test("a second large import rebuilds Checks in place, and a write Excel stops half-way is finished by importing again", async () => {
  const excel = new FakeExcel();
  const host = hostOn(excel);
  const first = await readBig(40);
  await host.importPlanned!(
    first.outcome.planner!,
    { area: "Merton", period: "" },
    defaultSettings
  );
  const checksBefore = excel.snapshot("Checks");

  const second = await readBig(45);
  excel.failSync(6, { afterOperations: 2 });
  const failure = await host.importPlanned!(
    second.outcome.planner!,
    { area: "Sutton", period: "" },
    defaultSettings
  ).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(Error);
  expect((failure as Error).message).toMatch(
    /incomplete and will be repaired when you run it again/
  );

  const again = await host.importPlanned!(
    second.outcome.planner!,
    { area: "Sutton", period: "" },
    defaultSettings
  );
  expect(again.warnings).toEqual(["This finished the import Excel had interrupted."]);
  expect(excel.sheetNames().filter((n) => !n.startsWith("_"))).toEqual([
    "Sheet1",
    "Merton 2017-08-01",
    "Checks",
    "Summary",
    "Sutton 2017-08-01",
    "Compare 2017-08-01",
  ]);
  expect(excel.snapshot("Checks")).not.toBe(checksBefore);
  expect(excel.problems).toEqual([]);

  // The repaired workbook is the one a clean import makes.
  const clean = new FakeExcel();
  const cleanHost = hostOn(clean);
  await cleanHost.importPlanned!(
    (await readBig(40)).outcome.planner!,
    { area: "Merton", period: "" },
    defaultSettings
  );
  await cleanHost.importPlanned!(
    (await readBig(45)).outcome.planner!,
    { area: "Sutton", period: "" },
    defaultSettings
  );
  expect(workbookOf(excel)).toEqual(workbookOf(clean));
}, 30_000);

test("a sheet the user adds while the worker plans is never overwritten: the plan is made again", async () => {
  const excel = new FakeExcel();
  const host = hostOn(excel);
  const { outcome } = await readBig(40);
  const planner = outcome.planner!;
  let plans = 0;
  const slowPlanner = {
    ...planner,
    plan: async (request: Parameters<typeof planner.plan>[0]) => {
      const planned = await planner.plan(request);
      // While the first plan is made, the user adds a sheet of the very name it chose.
      if (++plans === 1) excel.addSheet("Merton 2017-08-01", [["my notes"]]);
      return planned;
    },
  };
  await host.importPlanned!(slowPlanner, { area: "Merton", period: "" }, defaultSettings);
  expect(plans).toBe(2);
  expect(excel.cell("Merton 2017-08-01", "A1").value).toBe("my notes");
  expect(excel.sheetNames()).toContain("Merton 2017-08-01 (2)");
  expect(excel.problems).toEqual([]);
}, 30_000);
