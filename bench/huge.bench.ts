// Huge input (issue #17): the time and peak memory of `check`, in a process of its own as
// a user runs it (bin/scrutiny-sheets.js), on a paste of 87,000 distinct rows (5 MB; it
// overflowed the stack after a minute) and on an .html file of 200,000 nested divs (a
// minute, read twice, before htmlEvents.ts); and `check` and `build` of a 50 MB paste in
// the 768 MB heap the README states, which ran out of memory there with no message of its
// own and is now refused before it is read.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ensureCliBuilt, CLI } from "../test/support/builtCli";
import { distinctRowsPaste, nestedDivs } from "../test/core/hugeInputs";
import { bigPaste } from "../test/support/bigPaste";

const PRELOAD = path.join(__dirname, "support/reportPeakRss.js");

interface Run {
  exit: number | null;
  /** The first line of what the command said on stderr, when it ended otherwise than 0. */
  said?: string;
  ms: number;
  peakRssMB: number | null;
  inputMB: number;
  outputMB: number;
}

/** The heap the README states for `check` of a 20 MB paste. */
const README_HEAP_MB = 768;

function check(dir: string, input: string, args: string[]): Run {
  return cli(dir, ["check", input, ...args]);
}

function cli(dir: string, argv: string[], heapMB?: number): Run {
  const input = argv[1] as string;
  const rssFile = path.join(dir, "rss.txt");
  const outFile = path.join(dir, "out.txt");
  fs.rmSync(rssFile, { force: true });
  const out = fs.openSync(outFile, "w");
  const t0 = performance.now();
  const heap = heapMB ? [`--max-old-space-size=${heapMB}`] : [];
  const run = spawnSync(process.execPath, [...heap, "-r", PRELOAD, CLI, ...argv], {
    stdio: ["ignore", out, "pipe"],
    env: { ...process.env, SCRUTINY_RSS_FILE: rssFile },
    encoding: "utf8",
  });
  const ms = Math.round(performance.now() - t0);
  fs.closeSync(out);
  const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, "utf8")) : null;
  const mb = (p: string) => Number((fs.statSync(p).size / 1e6).toFixed(1));
  const said = run.status === 0 ? undefined : (run.stderr ?? "").trim().split("\n")[0];
  return {
    exit: run.status,
    ...(said === undefined ? {} : { said: said.replace(dir, "<dir>") }),
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
      [`50 MB paste, heap ${README_HEAP_MB} MB`]: fiftyMB(dir),
      loadAverage1min: Math.round(os.loadavg()[0]! * 100) / 100,
      cpus: os.cpus().length,
      note: "The paste ends with its report (exit 0) rather than 'Maximum call stack size exceeded'; the nested divs end with 'no table' (exit 2), their time growing with the depth, not its square. The 50 MB paste (bigPaste: the Merton table repeated) ran out of memory in a 768 MB heap (exit 134, no message of its own: bench/results/faultInjection.json); it is now refused before it is read (exit 2), saying so, its time mostly Node's start and reading the file.",
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `check` and `build` of a 50 MB paste in the README's heap: both refuse it, naming the file and the limit. */
function fiftyMB(dir: string): Record<string, unknown> {
  const input = path.join(dir, "paste-50MB.txt");
  fs.writeFileSync(input, bigPaste({ bytes: 50e6 }).text);
  const out = path.join(dir, "book.xlsx");
  const area = ["--area", "Merton"];
  return {
    "check --json": cli(dir, ["check", input, ...area, "--json"], README_HEAP_MB),
    build: cli(dir, ["build", input, ...area, "--out", out], README_HEAP_MB),
    workbookWritten: fs.existsSync(out),
  };
}
