// A paste of 5 MB (about 90,000 rows, 70,000 statistical flags) checked by the command
// line in a process whose heap is capped: the report (76 MB of JSON) is written in pieces
// as the reader takes them, so memory stays a small multiple of the input. Writing the
// report as one string needed 384 MB here; the cap is 224 MB.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CLI, ensureCliBuilt } from "../support/builtCli";
import { bigPaste } from "../support/bigPaste";
import { memoryIo } from "../support/cliIo";
import { strFromU8, unzipSync } from "fflate";
import { runBuild } from "../../src/cli/buildCommand";
import { fitsTheWriter } from "../../src/cli/writeBook";

const HEAP_MB = 224;

test(`check reads, validates and reports a 5 MB paste within a ${HEAP_MB} MB heap`, () => {
  ensureCliBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-big-"));
  try {
    const { text, rows } = bigPaste({ bytes: 5e6 });
    const input = path.join(dir, "big.txt");
    fs.writeFileSync(input, text);
    const output = path.join(dir, "report.json");
    const out = fs.openSync(output, "w");
    const run = spawnSync(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, CLI, "check", input, "--area", "Merton", "--json"],
      { stdio: ["ignore", out, "pipe"], encoding: "utf8", timeout: 60_000 }
    );
    fs.closeSync(out);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const report = JSON.parse(fs.readFileSync(output, "utf8")) as {
      tables: { area: string; rows: unknown[] }[];
      issues: unknown[];
      anomalies: { line: number }[];
    };
    expect(report.tables.map((t) => [t.area, t.rows.length])).toEqual([["Merton", rows]]);
    expect(report.issues).toEqual([]);
    expect(report.anomalies.length).toBeGreaterThan(rows / 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);

test("build writes a paste past the former million-cell cap, and refuses only a table longer than an Excel sheet", async () => {
  const io = memoryIo();
  const { text, rows } = bigPaste({ bytes: 2e6 });
  io.files.set("big.txt", text);
  const code = await runBuild(["big.txt"], { out: "book.xlsx", area: "Merton" }, io);
  expect(io.err.join("")).toBe("");
  expect(code).toBe(0);
  expect(rows).toBeGreaterThan(30_000);
  const zip = unzipSync(io.files.get("book.xlsx") as Uint8Array, {
    filter: (f) => f.name === "xl/worksheets/sheet1.xml",
  });
  const xml = strFromU8(zip["xl/worksheets/sheet1.xml"]!);
  expect(xml.match(/<row r="\d+"/g)?.length ?? 0).toBeGreaterThan(rows);
  // Past 1,048,575 rows a table no longer fits a sheet: refused before anything is built.
  const tooLong = memoryIo();
  expect(fitsTheWriter("build", [{ rows: new Array(1_048_576) }], tooLong)).toBe(false);
  expect(tooLong.err.join("")).toMatch(
    /^build: the table has 1,048,576 rows, and a sheet of Excel holds 1,048,576 rows with its header: split the table; nothing written\n$/
  );
}, 60_000);
