// The command-line tool on huge pastes (issue 10): the time and peak memory of `check`
// and `build`, each in a process of its own as a user runs it (bin/scrutiny-sheets.js),
// on the Merton table repeated to the size given. `check` also runs with its heap capped,
// to show the bound the report-in-pieces design keeps.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ensureCliBuilt, CLI } from "../test/support/builtCli";
import { bigPaste } from "../test/support/bigPaste";

const PRELOAD = path.join(__dirname, "support/reportPeakRss.js");
/** A heap the 20 MB check fits with room to spare (it needs about 500 MB). */
const CAPPED_HEAP_MB = 768;

interface Run {
  exit: number | null;
  ms: number;
  peakRssMB: number | null;
  outputMB?: number;
}

function runCli(dir: string, args: string[], heapMB?: number): Run {
  const rssFile = path.join(dir, "rss.txt");
  const outFile = path.join(dir, "out.txt");
  fs.rmSync(rssFile, { force: true });
  const out = fs.openSync(outFile, "w");
  const t0 = performance.now();
  const run = spawnSync(
    process.execPath,
    [...(heapMB ? [`--max-old-space-size=${heapMB}`] : []), "-r", PRELOAD, CLI, ...args],
    { stdio: ["ignore", out, "pipe"], env: { ...process.env, SCRUTINY_RSS_FILE: rssFile } }
  );
  const ms = Math.round(performance.now() - t0);
  fs.closeSync(out);
  const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, "utf8")) : null;
  return {
    exit: run.status,
    ms,
    peakRssMB: rss === null ? null : Math.round(rss / 1024),
    outputMB: Number((fs.statSync(outFile).size / 1e6).toFixed(1)),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  ensureCliBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-cli-bench-"));
  try {
    const file = (mb: number): string => {
      const p = path.join(dir, `paste-${mb}MB.txt`);
      fs.writeFileSync(p, bigPaste({ bytes: mb * 1e6 }).text);
      return p;
    };
    const checks: Record<string, Run> = {};
    for (const mb of [2, 5, 20]) {
      checks[`${mb}MB json`] = runCli(dir, ["check", file(mb), "--area", "Merton", "--json"]);
    }
    checks[`20MB json, heap capped at ${CAPPED_HEAP_MB} MB`] = runCli(
      dir,
      ["check", path.join(dir, "paste-20MB.txt"), "--area", "Merton", "--json"],
      CAPPED_HEAP_MB
    );
    const builds: Record<string, Run> = {};
    for (const mb of [1, 2, 20]) {
      const out = path.join(dir, `book-${mb}MB.xlsx`);
      const input = mb === 20 ? path.join(dir, "paste-20MB.txt") : file(mb);
      const r = runCli(dir, ["build", input, "--area", "Merton", "--out", out]);
      builds[`${mb}MB`] = {
        ...r,
        outputMB: fs.existsSync(out) ? Number((fs.statSync(out).size / 1e6).toFixed(1)) : 0,
      };
    }
    return {
      check: checks,
      build: builds,
      note: "check: read, validate, flag and write the JSON report in pieces; memory grows with the paste (25 to 30 bytes of heap per byte pasted: the tables, the flags and their sentences) and a 20 MB paste fits a 768 MB heap. build: the .xlsx writer (ExcelJS) holds the whole workbook in memory, about 1 GB per MB of this paste (each MB is some 18,000 rows and 14,000 flags, so 380,000 cells), so build refuses a workbook of more than 1,000,000 cells (a paste of about 1.5 MB of this table) with a message saying so, before building it: the 2 MB and 20 MB runs exit 2 having written nothing. The limit is the writer's in-memory workbook, not the reading.",
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
