/** @jest-environment jsdom */
// Large pastes are read in a worker: progress reaches the pane, Cancel stops the worker
// and nothing is written. The fake worker runs the real worker-side code (serveRead)
// asynchronously, as a browser worker would, and can be held to simulate a slow read.
import "./jsdomShims";
import * as fs from "fs";
import * as path from "path";
import { deserialize, serialize } from "v8";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { FakeHost } from "./fakeHost";
import { renderPane } from "./renderPane";
import { analysePaste } from "../../src/taskpane/worker/analysePaste";
import { createReadServer, SLICE_ROWS } from "../../src/taskpane/worker/serveRead";
import { slicePreview } from "../../src/taskpane/worker/slicePreview";
import {
  createInlineReader,
  createSizedReader,
  createWorkerReader,
  WorkerLike,
  WorkerReply,
  WorkerRequest,
} from "../../src/taskpane/worker/pasteReader";
import { defaultSettings } from "../../src/taskpane/host/workbookHost";
import { createOfficeHost } from "../../src/taskpane/host/officeHost";
import type { ExcelRunFunction } from "../../src/office/runExcel";
import { FakeExcel } from "../doubles/fakeExcel";
import { bigPaste } from "../support/bigPaste";

const merton = fs.readFileSync(
  path.join(__dirname, "../../samples/offences-sds/merton-2017-08-01.txt"),
  "utf8"
);

/** The structured clone postMessage applies (jsdom has no structuredClone; v8's serializer is the same algorithm). */
const structuredClone = <T,>(value: T): T => deserialize(serialize(value)) as T;

/** A worker whose replies are delivered only when the test releases them. */
class HeldWorker implements WorkerLike {
  static made: HeldWorker[] = [];
  onmessage: ((event: { data: WorkerReply }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  terminated = false;
  held: WorkerReply[] = [];
  /** Holds the replies to an import's plan too, as a worker still planning would. */
  holdPlans = false;
  constructor() {
    HeldWorker.made.push(this);
  }
  // The worker's own code, replying through a structured clone as postMessage does.
  private serve = createReadServer((reply) => this.held.push(structuredClone(reply)));
  postMessage(message: WorkerRequest): void {
    this.serve(structuredClone(message));
    // Requests about a paste read are answered at once (the read's replies wait for release()).
    if (message.kind !== "read" && !(this.holdPlans && message.kind === "plan")) this.release();
  }
  /** Delivers the first n held replies (all when n is omitted). */
  release(n = this.held.length): void {
    for (const reply of this.held.splice(0, n))
      if (!this.terminated) this.onmessage?.({ data: reply });
  }
  terminate(): void {
    this.terminated = true;
  }
}

beforeEach(() => {
  HeldWorker.made = [];
});

test("the worker protocol carries progress and the same analysis as reading inline", async () => {
  const reader = createWorkerReader(() => new HeldWorker());
  const progress: string[] = [];
  const job = reader.read({ text: merton, source: "paste" }, defaultSettings, (p) =>
    progress.push(p.stage)
  );
  HeldWorker.made[0]?.release();
  const outcome = await job.result;
  expect(progress).toEqual(["reading", "checking", "anomalies", "anomalies"]);
  const inline = analysePaste({ text: merton, source: "paste" }, defaultSettings);
  expect(outcome).toEqual(inline);
  expect(HeldWorker.made[0]?.terminated).toBe(true); // one worker per read, ended when done
});

test("a worker that crashes gives a read error, not a hang", async () => {
  const reader = createWorkerReader(() => {
    const w = new HeldWorker();
    w.postMessage = () => setTimeout(() => w.onerror?.({ message: "out of memory" }), 0);
    return w;
  });
  const outcome = await reader.read({ text: merton, source: "paste" }, defaultSettings).result;
  expect(outcome).toEqual({
    status: "error",
    error: { code: "unreadable", message: "The paste could not be read: out of memory" },
  });
});

test("small pastes are read inline, large ones in the worker", () => {
  const used: string[] = [];
  const tag = (name: string) => ({
    read: () => {
      used.push(name);
      return { result: Promise.resolve({ status: "cancelled" as const }), cancel: () => undefined };
    },
  });
  const reader = createSizedReader(tag("inline"), tag("worker"), 1000);
  reader.read({ text: "x".repeat(999), source: "paste" }, defaultSettings);
  reader.read({ text: "x".repeat(600), html: "y".repeat(400), source: "paste" }, defaultSettings);
  expect(used).toEqual(["inline", "worker"]);
});

test("in the pane: a large paste shows progress with Cancel; Cancel stops the worker and nothing is written", async () => {
  const host = new FakeHost();
  const reader = createSizedReader(
    createInlineReader(analysePaste),
    createWorkerReader(() => new HeldWorker()),
    1000
  );
  renderPane(host, reader);
  const box = screen.getByRole("textbox", { name: "Paste table" });
  // Pad the real table with trailing blank lines past the echo limit: read, but not echoed into the box.
  const big = merton + `${" ".repeat(999)}\n`.repeat(120);
  fireEvent.paste(box, {
    clipboardData: { getData: (t: string) => (t === "text/plain" ? big : "") },
  });
  expect((box as HTMLTextAreaElement).value).toBe("");
  const lines = big.split("\n").length;
  expect(screen.getByText(`Pasted 122 KB (${lines} lines): too long to show here.`)).toBeTruthy();

  const worker = HeldWorker.made[0] as HeldWorker;
  await act(async () => worker.release(2)); // reading, checking
  expect(screen.getByText("Checking the figures (122 KB)…")).toBeTruthy();
  expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.6");

  fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
  expect(worker.terminated).toBe(true);
  expect(await screen.findByText("Reading cancelled. Nothing was written.")).toBeTruthy();
  expect(screen.queryByRole("progressbar")).toBeNull();
  expect(screen.queryByText(/^Read 2 tables/)).toBeNull();

  // Pasting again starts a fresh worker, which finishes.
  fireEvent.paste(box, {
    clipboardData: { getData: (t: string) => (t === "text/plain" ? big : "") },
  });
  await act(async () => HeldWorker.made[1]?.release());
  expect(await screen.findByText(/^Read 2 tables, 31 rows:/)).toBeTruthy();
  expect(host.imports).toHaveLength(0);
});

/** The Merton table with its 27 crime rows repeated `times` times (a long paste of real figures). */
const repeated = (times: number): string => bigPaste({ copies: times }).text;

test("the worker sends a long paste's slice, keeps the whole for one request, then ends", async () => {
  const reader = createWorkerReader(() => new HeldWorker());
  const text = repeated(60); // 1,620 rows: more than the worker sends whole
  const job = reader.read({ text, source: "paste" }, defaultSettings);
  const worker = HeldWorker.made[0] as HeldWorker;
  worker.release();
  const outcome = await job.result;
  if (outcome.status !== "ok" || !outcome.whole) throw new Error("expected a slice with its whole");
  const full = analysePaste({ text, source: "paste" }, defaultSettings);
  if (full.status !== "ok") throw new Error("the long paste did not read");
  expect(outcome.analysis.totals).toEqual([
    { rows: 1620, issues: full.analysis.issues.length, anomalies: full.analysis.anomalies.length },
  ]);
  const sliceLines = outcome.analysis.tables[0]?.rows.map((r) => r.line) ?? [];
  expect(sliceLines.slice(0, SLICE_ROWS)).toEqual(
    full.analysis.tables[0]?.rows.slice(0, SLICE_ROWS).map((r) => r.line)
  );
  expect(outcome.analysis.anomalies.every((a) => sliceLines.includes(a.line))).toBe(true);
  expect(worker.terminated).toBe(false);
  const whole = await outcome.whole();
  expect(whole).toEqual(full.analysis);
  expect(worker.terminated).toBe(true);
  // Asked again (Import pressed twice), the same whole: the worker is not needed.
  expect(await outcome.whole()).toBe(whole);
});

test("a slice let go cannot be imported, and says so", async () => {
  const job = createWorkerReader(() => new HeldWorker()).read(
    { text: repeated(60), source: "paste" },
    defaultSettings
  );
  HeldWorker.made[0]?.release();
  const outcome = await job.result;
  if (outcome.status !== "ok" || !outcome.whole || !outcome.release)
    throw new Error("expected a slice");
  outcome.release();
  expect(HeldWorker.made[0]?.terminated).toBe(true);
  await expect(outcome.whole()).rejects.toThrow("the paste was let go: paste it again");
});

/** A reader that answers as the worker does for a long paste: a (small) slice, the whole on request. */
function slicingReader(rows: number) {
  const released: number[] = [];
  let reads = 0;
  const reader = {
    read: (input: { text: string; source: string }) => {
      const n = ++reads;
      const full = analysePaste(input, defaultSettings);
      if (full.status !== "ok") return { result: Promise.resolve(full), cancel: () => undefined };
      const big = full.analysis.tables.some((t) => t.rows.length > rows);
      const outcome = big
        ? {
            ...full,
            analysis: slicePreview(full.analysis, rows),
            whole: async () => full.analysis,
            release: () => released.push(n),
          }
        : full;
      return { result: Promise.resolve(outcome), cancel: () => undefined };
    },
  };
  return { reader, released };
}

test("in the pane: a slice's summary counts the whole paste, and Import writes the whole", async () => {
  const host = new FakeHost();
  const { reader } = slicingReader(5);
  renderPane(host, reader);
  const text = repeated(60);
  const full = analysePaste({ text, source: "paste" }, defaultSettings);
  if (full.status !== "ok") throw new Error("the long paste did not read");
  fireEvent.paste(screen.getByRole("textbox", { name: "Paste table" }), {
    clipboardData: { getData: (t: string) => (t === "text/plain" ? text : "") },
  });
  const flagged = full.analysis.anomalies.length.toLocaleString("en-GB");
  expect(
    await screen.findByText(
      `Read 1 table, 1,620 rows: no issues, ${flagged} highlights. Nothing is written until you press Import.`
    )
  ).toBeTruthy();
  expect(
    screen.getByText(`1,620 rows, 0 issues, ${flagged} highlights; showing the first 200`)
  ).toBeTruthy();
  fireEvent.change(screen.getByLabelText("Area"), { target: { value: "Merton" } });
  fireEvent.click(screen.getByText("Import", { selector: "button" }));
  await screen.findByText(/^Imported:/);
  expect(host.imports[0]?.tables[0]?.rows).toHaveLength(1620);
  expect(host.imports[0]?.anomalies).toHaveLength(full.analysis.anomalies.length);
});

test("in the pane: a new paste lets go of the last long one", async () => {
  const { reader, released } = slicingReader(5);
  renderPane(new FakeHost(), reader);
  const box = screen.getByRole("textbox", { name: "Paste table" });
  const paste = (text: string) =>
    fireEvent.paste(box, {
      clipboardData: { getData: (t: string) => (t === "text/plain" ? text : "") },
    });
  paste(repeated(60));
  await screen.findByText(/^Read 1 table, 1,620 rows/);
  expect(released).toEqual([]);
  paste(merton);
  await screen.findByText(/^Read 2 tables, 31 rows/);
  expect(released).toEqual([1]);
});

test("in the pane, inside Excel: a long paste is imported where it lies, through the reader's planner", async () => {
  // An Office host that plans through the reader, against an empty workbook.
  const planned: { area: string; period: string; sheets: string[] }[] = [];
  const host = new FakeHost("office");
  host.importPlanned = async (planner, fields, settings, options) => {
    options?.onProgress?.({ label: "Planning the sheets" });
    const plan = await planner.plan({
      book: { sheetNames: ["Sheet1"], tableNames: [], definitions: null, values: new Map() },
      facts: {
        sheets: [{ name: "Sheet1", visibility: "Visible" }],
        tableNames: [],
        onSheet: new Map(),
      },
      ...fields,
      settings,
      importedOn: "2026-11-22",
    });
    planned.push({ ...fields, sheets: plan.sheets });
    return { sheets: plan.sheets };
  };
  renderPane(
    host,
    createWorkerReader(() => new HeldWorker())
  );
  fireEvent.paste(screen.getByRole("textbox", { name: "Paste table" }), {
    clipboardData: { getData: (t: string) => (t === "text/plain" ? repeated(60) : "") },
  });
  await act(async () => HeldWorker.made[0]?.release());
  await screen.findByText(/^Read 1 table, 1,620 rows/);
  fireEvent.change(screen.getByLabelText("Area"), { target: { value: "Merton" } });
  fireEvent.click(screen.getByText("Import", { selector: "button" }));
  // (A plain selector: a text query over the 200-row preview grid, run on every change, is slow.)
  await waitFor(() =>
    expect(document.querySelector(".fui-MessageBarBody")?.textContent).toMatch(/^Imported:/)
  );
  expect(planned).toEqual([
    { area: "Merton", period: "2017-08-01", sheets: ["Merton 2017-08-01", "Checks", "Summary"] },
  ]);
  // The whole analysis never crossed over: importTables was not called.
  expect(host.imports).toHaveLength(0);
}, 30_000);

test("in the pane, inside Excel: Import of a long paste can be cancelled while it is planned, and nothing is written", async () => {
  const excel = new FakeExcel();
  const host = createOfficeHost(
    excel.run.bind(excel) as unknown as ExcelRunFunction,
    () => "2026-11-22"
  );
  renderPane(
    host,
    createWorkerReader(() => new HeldWorker())
  );
  fireEvent.paste(screen.getByRole("textbox", { name: "Paste table" }), {
    clipboardData: { getData: (t: string) => (t === "text/plain" ? repeated(60) : "") },
  });
  const worker = HeldWorker.made[0] as HeldWorker;
  worker.holdPlans = true;
  await act(async () => worker.release());
  await screen.findByText(/^Read 1 table, 1,620 rows/);
  fireEvent.change(screen.getByLabelText("Area"), { target: { value: "Merton" } });
  fireEvent.click(screen.getByText("Import", { selector: "button" }));
  // The workbook is read, then the worker plans: the pane offers Cancel meanwhile.
  // (Plain selectors: queries by role or text over the 200-row preview grid are slow.)
  const status = () =>
    [...document.querySelectorAll("[role=status]")].map((e) => e.textContent).join(" ");
  const message = () => document.querySelector(".fui-MessageBarBody")?.textContent ?? "";
  await waitFor(() => expect(status()).toContain("Planning the sheets"));
  fireEvent.click(screen.getByText("Cancel", { selector: "button" }));
  await waitFor(() =>
    expect(message()).toBe(
      "Import cancelled: nothing was written. Paste the table again to import it."
    )
  );
  expect(worker.terminated).toBe(true);
  expect(excel.sheetNames()).toEqual(["Sheet1"]);
  expect(screen.queryByText("Cancel", { selector: "button" })).toBeNull();
  // The paste was let go with the worker: Import says so rather than write half of it.
  fireEvent.click(screen.getByText("Import", { selector: "button" }));
  await waitFor(() =>
    expect(message()).toMatch(/^Import failed: the paste was let go: paste it again/)
  );
  expect(excel.sheetNames()).toEqual(["Sheet1"]);
}, 30_000);
