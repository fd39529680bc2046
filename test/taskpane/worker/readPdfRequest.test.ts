// A PDF opened in the pane goes to the read worker as a "pdf" request: the pane's reader
// (createWorkerReader's readPdf) transfers a copy of the bytes, the worker's own code
// (serveRead) reads it with PDF.js and answers with progress and the analysis. Run in a
// Node process of its own: PDF.js is an ES module jest's CommonJS modules cannot load.
// The worker is a stand-in that delivers each message through structuredClone with its
// transfer list, as postMessage does.
import { execFileSync } from "child_process";
import path from "path";
import { PDF_FIXTURES, REQUIRE_TS } from "../../support/pdfText";

const ROOT = path.join(__dirname, "../../..");

const SCRIPT = `
${REQUIRE_TS}
const { createReadServer } = require("./src/taskpane/worker/serveRead.ts");
const { createWorkerReader } = require("./src/taskpane/worker/pasteReader.ts");
const requests = [];
class CloningWorker {
  constructor() {
    this.onmessage = null;
    this.onerror = null;
    this.serve = createReadServer((reply) => setTimeout(() => this.onmessage?.({ data: structuredClone(reply) })));
  }
  postMessage(message, transfer) {
    const arrived = structuredClone(message, { transfer });
    requests.push({ kind: arrived.kind, name: arrived.name, size: arrived.bytes?.byteLength });
    this.serve(arrived);
  }
  terminate() {}
}
(async () => {
  const file = process.argv[1];
  const data = fs.readFileSync(file);
  const bytes = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  const progress = [];
  const reader = createWorkerReader(() => new CloningWorker());
  const outcome = await reader.readFile({ name: require("path").basename(file), bytes }, {}, (p) => progress.push(p.stage)).result;
  process.stdout.write(JSON.stringify({ requests, progress, kept: bytes.byteLength, outcome }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

interface Run {
  requests: { kind: string; name: string; size: number }[];
  progress: string[];
  kept: number;
  outcome:
    | {
        status: "ok";
        analysis: {
          tables: { page: number; area: string; periodEnding: string; rows: unknown[] }[];
          issues: { severity: string }[];
          unreadable: { page: number; message: string }[];
        };
      }
    | { status: "error"; error: { message: string } };
}

const run = (name: string, folder = PDF_FIXTURES): Run =>
  JSON.parse(
    execFileSync(process.execPath, ["-e", SCRIPT, path.join(folder, name)], {
      cwd: ROOT,
      encoding: "utf8",
    })
  ) as Run;

test("a PDF request: the bytes cross to the worker, the table split over two pages comes back as one, with its page, area and period", () => {
  const { requests, progress, kept, outcome } = run("split-table.pdf");
  expect(requests).toEqual([{ kind: "pdf", name: "split-table.pdf", size: kept }]);
  // The pane keeps its own bytes (a copy was transferred), to read again when settings change.
  expect(kept).toBeGreaterThan(30_000);
  expect(progress[0]).toBe("reading");
  expect(progress[progress.length - 1]).toBe("anomalies");
  if (outcome.status !== "ok") throw new Error(outcome.error.message);
  const { tables, issues, unreadable } = outcome.analysis;
  expect(tables).toHaveLength(1);
  expect(tables[0]).toMatchObject({ page: 2, area: "Merton", periodEnding: "2017-08-01" });
  expect(issues.filter((x) => x.severity === "error")).toEqual([]);
  expect(unreadable).toEqual([]);
});

test("a PDF request: a table whose columns cannot be told apart is listed with its page, never read", () => {
  const { outcome } = run("misaligned.pdf");
  if (outcome.status !== "ok") throw new Error(outcome.error.message);
  expect(outcome.analysis.tables).toEqual([]);
  expect(outcome.analysis.unreadable.length).toBeGreaterThan(0);
  expect(outcome.analysis.unreadable[0]?.page).toBe(1);
});

test("a PDF request: a scan is an error naming the file", () => {
  const { outcome } = run("scanned.pdf");
  expect(outcome.status === "error" && outcome.error.message).toMatch(
    /^scanned\.pdf has no text to read/
  );
});

test("a spreadsheet opened in the pane goes to the worker as a spreadsheet request, its sheet's table read and checked", () => {
  const folder = path.join(ROOT, "test/fixtures/tables/spreadsheets");
  const { requests, outcome } = run("hansard-2007-sexual-offences-by-force.ods", folder);
  expect(requests.map((r) => r.kind)).toEqual(["spreadsheet"]);
  if (outcome.status !== "ok") throw new Error(outcome.error.message);
  expect(outcome.analysis.tables).toHaveLength(1);
  expect(outcome.analysis.tables[0]?.rows).toHaveLength(44);
  expect(outcome.analysis.issues.filter((x) => x.severity === "error")).toEqual([]);
});
