/** @jest-environment jsdom */
// Large pastes are read in a worker: progress reaches the pane, Cancel stops the worker
// and nothing is written. The fake worker runs the real worker-side code (serveRead)
// asynchronously, as a browser worker would, and can be held to simulate a slow read.
import "./jsdomShims";
import * as fs from "fs";
import * as path from "path";
import { deserialize, serialize } from "v8";
import { act, fireEvent, screen } from "@testing-library/react";
import { FakeHost } from "./fakeHost";
import { renderPane } from "./renderPane";
import { analysePaste } from "../../src/taskpane/worker/analysePaste";
import { serveRead } from "../../src/taskpane/worker/serveRead";
import {
  createInlineReader,
  createSizedReader,
  createWorkerReader,
  WorkerLike,
  WorkerReply,
  WorkerRequest,
} from "../../src/taskpane/worker/pasteReader";
import { defaultSettings } from "../../src/taskpane/host/workbookHost";

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
  constructor() {
    HeldWorker.made.push(this);
  }
  postMessage(message: WorkerRequest): void {
    // Structured clone, as postMessage does: the worker never shares objects with the pane.
    serveRead(structuredClone(message), (reply) => this.held.push(structuredClone(reply)));
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
