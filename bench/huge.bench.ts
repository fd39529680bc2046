// Huge input (issue #17): the time and peak memory of `check`, in a process of its own as
// a user runs it (bin/scrutiny-sheets.js), on a paste of 87,000 distinct rows (5 MB; it
// overflowed the stack after a minute) and on an .html file of 200,000 nested divs (a
// minute, read twice, before htmlEvents.ts).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ensureCliBuilt, CLI } from "../test/support/builtCli";
import { distinctRowsPaste, nestedDivs } from "../test/core/hugeInputs";

const PRELOAD = path.join(__dirname, "support/reportPeakRss.js");

interface Run {
  exit: number | null;
  ms: number;
  peakRssMB: number | null;
  inputMB: number;
  outputMB: number;
}

function check(dir: string, input: string, args: string[]): Run {
  const rssFile = path.join(dir, "rss.txt");
  const outFile = path.join(dir, "out.txt");
  fs.rmSync(rssFile, { force: true });
  const out = fs.openSync(outFile, "w");
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ["-r", PRELOAD, CLI, "check", input, ...args], {
    stdio: ["ignore", out, "pipe"],
    env: { ...process.env, SCRUTINY_RSS_FILE: rssFile },
  });
  const ms = Math.round(performance.now() - t0);
  fs.closeSync(out);
  const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, "utf8")) : null;
  const mb = (p: string) => Number((fs.statSync(p).size / 1e6).toFixed(1));
  return {
    exit: run.status,
    ms,
    peakRssMB: rss === null ? null : Math.round(rss / 1024),
    inputMB: mb(input),
    outputMB: mb(outFile),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  ensureCliBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-huge-bench-"));
  try {
    const paste = path.join(dir, "distinct-87000.txt");
    fs.writeFileSync(paste, distinctRowsPaste(87_000));
    const html = (depth: number): string => {
      const p = path.join(dir, `nested-${depth}.html`);
      fs.writeFileSync(p, nestedDivs(depth));
      return p;
    };
    return {
      check: {
        "87,000 distinct rows, --json": check(dir, paste, ["--area", "Merton", "--json"]),
        "100,000 nested divs": check(dir, html(100_000), []),
        "200,000 nested divs": check(dir, html(200_000), []),
        "400,000 nested divs": check(dir, html(400_000), []),
      },
      note: "The paste ends with its report (exit 0) rather than 'Maximum call stack size exceeded'; the nested divs end with 'no table' (exit 2), their time growing with the depth, not its square.",
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
