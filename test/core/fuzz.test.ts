// Property-based fuzzing of the reader and the validator (issue 10): 10,000 generated
// pastes, no uncaught exception, every failure a typed ReadError, no input that hangs.
// The property runs in a worker thread so that a hanging input can be stopped and named:
// an input that has not finished after INPUT_LIMIT_MS (far above the milliseconds an
// input takes) fails the test with that input. Fixed seed: deterministic.
import fc from "fast-check";
import * as path from "path";
import { Worker } from "worker_threads";
import { readPaste } from "../../src/core/read";
import type { FuzzSummary } from "./fuzzCases";

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 10000);
const SEED = Number(process.env.FUZZ_SEED ?? 20170801);
const INPUT_LIMIT_MS = 10000;

function fuzzInWorker(numRuns: number, seed: number): Promise<FuzzSummary> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, "fuzz.worker.js"), {
      workerData: { numRuns, seed },
    });
    let last = { i: -1, preview: "(before the first input)" };
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        reject(
          new Error(
            `input #${last.i} did not finish within ${INPUT_LIMIT_MS} ms (a hang): ${last.preview}`
          )
        );
      }, INPUT_LIMIT_MS);
    };
    arm();
    worker.on(
      "message",
      (m: {
        type: string;
        i?: number;
        preview?: string;
        summary?: FuzzSummary;
        message?: string;
      }) => {
        if (m.type === "input") {
          last = { i: m.i ?? -1, preview: m.preview ?? "" };
          arm();
        } else {
          clearTimeout(timer);
          void worker.terminate();
          if (m.type === "done" && m.summary) resolve(m.summary);
          else reject(new Error(m.message ?? "the fuzz worker stopped"));
        }
      }
    );
    worker.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

describe("fuzzing readPaste and validateTables", () => {
  it(`reads and validates ${NUM_RUNS} generated pastes: no exception, only typed failures, no hang`, async () => {
    const summary = await fuzzInWorker(NUM_RUNS, SEED);
    expect(summary.failure).toBeNull();
    expect(summary.runs).toBeGreaterThanOrEqual(NUM_RUNS);
    // The generator reaches both sides: pastes read as tables, and each kind of typed failure.
    expect(summary.codes.ok ?? 0).toBeGreaterThan(NUM_RUNS / 10);
    for (const code of ["empty", "no-table", "unreadable"])
      expect(summary.codes[code] ?? 0).toBeGreaterThan(0);
  }, 120000);

  it("keeps labels starting with =, +, -, @, tab or CR as text, and negative figures as numbers", () => {
    const header =
      "Crime Category,Sub Category,Target,Offences Previous R12,Offences Current R12,Offences % Change";
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const label = fc
      .tuple(
        fc.constantFrom(
          "=",
          "+",
          "-",
          "@",
          "\t",
          "\r",
          "=HYPERLINK(",
          "=cmd|' /C calc'!A0",
          "@SUM("
        ),
        fc.string({ maxLength: 20 })
      )
      .map(([p, rest]) => p + rest);
    fc.assert(
      fc.property(
        label,
        fc.integer({ min: -1000000, max: -1 }),
        fc.integer({ min: 0, max: 1000000 }),
        (text, negative, positive) => {
          const csv = `${header}\r\n${quote(text)},Total,,${positive},${negative},`;
          const r = readPaste(csv, { source: "paste" });
          if (!r.ok) throw new Error(r.error.message);
          const row = r.tables[0]?.rows[0];
          // Cells are trimmed and their white space collapsed; nothing else is changed.
          const expected = text.replace(/[\s\u00a0\u2007\u2009\u202f\ufeff\u200b]+/g, " ").trim();
          expect(typeof row?.category).toBe("string");
          expect(row?.category).toBe(expected);
          expect(row?.values.offencesPrevious).toBe(positive);
          expect(row?.values.offencesCurrent).toBe(negative);
        }
      ),
      { numRuns: 500, seed: SEED }
    );
  });
});
