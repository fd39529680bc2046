// Fault injection (issue #17): the CLI replaces a workbook in one step (src/cli/replaceFile.ts),
// so whatever happens to a refresh, the workbook is the old one or the whole new one.
// - kills: 100 refreshes (`refresh BOOK --add <pdf copy>`, as a user runs it) killed with
//   SIGKILL after a delay drawn (seeded, so the run repeats) over an unkilled refresh's
//   duration, then 50 more aimed at the write itself: killed 0 to 8 ms after fs.watch sees
//   the temporary file appear; each workbook is opened with ExcelJS and must be byte-identical to
//   the old one or a complete refreshed one (definitions sheet, the refreshed sheet names).
// - a full disk: a small tmpfs holding the workbook (when it can be mounted), and the
//   file-size limit of `ulimit -f` (as test/robustness/atomicWrite.test.ts).
// - a read-only folder: chmod 0555 stops no write by root, so the refresh runs as `nobody`
//   (setpriv) when the benchmark runs as root; also a read-only workbook in a writable folder.
// - huge pastes: `check` and `build` on 87,000 distinct rows (5 MB) and on 50 MB of the
//   Merton table, with the heap the README states for check (768 MB) and with Node's default.
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ensureCliBuilt, CLI } from "../test/support/builtCli";
import { seeded, sheetNames } from "../test/support/faults";
import { OFFENCES_DIR } from "../test/support/samples";
import { bigPaste } from "../test/support/bigPaste";
import { distinctRowsPaste } from "../test/core/hugeInputs";

const INPUTS = ["merton-2017-08-01.txt", "borough-a-2017-09-05.txt"].map((f) =>
  path.join(OFFENCES_DIR, f)
);
const ADDED = path.join(OFFENCES_DIR, "borough-c-2017-09-05.pdf-copy.txt");
const DEFINITIONS_SHEET = "_ScrutinyDefinitions";
const SEED = 17;
const KILLS = 100;
const WRITE_WINDOW_KILLS = 50;
/** Kills aimed at the write land 0 to this many ms after the temporary file appears. */
const WRITE_KILL_MAX_MS = 8;
/** The heap the README states for check ("a 20 MB paste runs in a 768 MB heap"). */
const README_HEAP_MB = 768;
const HUGE_TIMEOUT_S = 600;
const NOBODY = 65534;

const NOTE =
  "kills: killedBeforeRename = the SIGKILL landed and the workbook is byte-identical to the old one; killedAfterRename = it landed after the rename (before the folder's fsync or the exit) and the workbook is the whole new one; finishedBeforeKill = the refresh ended first. The write (temporary file made to renamed) is a few ms of a refresh of about a second (mostly Node's start, reading and planning), so few of the 100 spread kills land in it; killsDuringWrite aims 50 more at it, each killed 0 to 8 ms after fs.watch reports the temporary file (the watcher's own delay adds to that). A kill while the temporary file exists leaves it, hidden (.book.xlsx.<host>~<pid>-<hex>.tmp): never read as the workbook; the next refresh of the workbook removes it, its writer being gone (removedByNextRefresh; refreshBesideLeftover). fullDisk/readOnly: unchanged = the workbook is byte-identical to the old one afterwards. readOnlyWorkbook: a workbook file made read-only (0444) in a folder its owner can write is left unchanged: refresh checks the file's own permission before its rename, which needs only the folder's. hugePastes: exit 134 = the process aborted when the heap ran out; peak memory from /usr/bin/time.";

interface Reference {
  old: Buffer;
  oldSheets: string[];
  newSheets: string[];
  newBytes: number;
}

type Verdict = "old" | "new" | "invalid";

/** Old (byte-identical), new (opens, definitions sheet, the refreshed sheets) or invalid. */
async function judge(book: string, ref: Reference): Promise<{ verdict: Verdict; why?: string }> {
  if (!fs.existsSync(book)) return { verdict: "invalid", why: "workbook missing" };
  const bytes = fs.readFileSync(book);
  if (bytes.equals(ref.old)) return { verdict: "old" };
  try {
    const names = await sheetNames(bytes);
    if (!names.includes(DEFINITIONS_SHEET)) return { verdict: "invalid", why: "no definitions" };
    if (names.join("|") !== ref.newSheets.join("|")) {
      return { verdict: "invalid", why: `sheets ${names.length}: ${names.join(", ")}` };
    }
    return { verdict: "new" };
  } catch (err) {
    return { verdict: "invalid", why: `does not open: ${(err as Error).message}` };
  }
}

/** What is beside the workbook: hidden temporary files (".book.xlsx.*.tmp") and anything else. */
function leftovers(dir: string, bookName: string): { hiddenTemps: string[]; visible: string[] } {
  const others = fs.readdirSync(dir).filter((f) => f !== bookName);
  const hiddenTemp = (f: string) => f.startsWith(`.${bookName}.`) && f.endsWith(".tmp");
  return { hiddenTemps: others.filter(hiddenTemp), visible: others.filter((f) => !hiddenTemp(f)) };
}

interface Spawned {
  ms: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Times (ms after spawn) the temporary file appeared and was renamed away, if watched. */
  tempMadeMs?: number;
  tempGoneMs?: number;
}

/** When to kill: `ms` after the spawn, or after the temporary file appears. */
interface Kill {
  after: "spawn" | "temp";
  ms: number;
}

/** Runs `refresh book --add ADDED`, killed as `kill` says if given; `watch` times the write. */
function refresh(book: string, kill?: Kill, watch = false): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const at = () => Math.round(performance.now() - t0);
    const timing: Partial<Spawned> = {};
    let onTemp = () => {};
    const watcher =
      watch || kill?.after === "temp"
        ? fs.watch(path.dirname(book), (_event, name) => {
            if (!name || !String(name).endsWith(".tmp")) return;
            // The first event is its creation; the last, once it is gone, its rename.
            if (timing.tempMadeMs === undefined) {
              timing.tempMadeMs = at();
              onTemp();
            } else if (!fs.existsSync(path.join(path.dirname(book), String(name)))) {
              timing.tempGoneMs = at();
            }
          })
        : undefined;
    const child = spawn(process.execPath, [CLI, "refresh", book, "--add", ADDED], {
      stdio: "ignore",
    });
    const killNow = () => child.kill("SIGKILL");
    let timer: NodeJS.Timeout | undefined;
    if (kill?.after === "spawn") timer = setTimeout(killNow, kill.ms);
    if (kill?.after === "temp") {
      onTemp = () => {
        if (kill.ms === 0) killNow();
        else timer = setTimeout(killNow, kill.ms);
      };
    }
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (timer) clearTimeout(timer);
      // Let fs.watch deliver the last events before closing it.
      setTimeout(() => {
        watcher?.close();
        resolve({ ms: at(), code, signal, ...timing });
      }, 20);
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

interface KillTally {
  runs: number;
  finishedBeforeKill: number;
  killedBeforeRename: number;
  killedAfterRename: number;
  validOld: number;
  validNew: number;
  invalid: number;
  invalidWhy: string[];
  leftoverHiddenTemps: number;
  leftoverVisibleFiles: number;
  /** Hidden temporary files a kill left that the next (unkilled) refresh removed. */
  removedByNextRefresh: number;
  killDelayMs: { min: number; max: number };
}

/** Copies the old workbook `delays.length` times, refreshes and kills each copy, judges it. */
async function killRuns(root: string, ref: Reference, kills: Kill[]): Promise<KillTally> {
  const delays = kills.map((k) => k.ms);
  const t: KillTally = {
    runs: 0,
    finishedBeforeKill: 0,
    killedBeforeRename: 0,
    killedAfterRename: 0,
    validOld: 0,
    validNew: 0,
    invalid: 0,
    invalidWhy: [],
    leftoverHiddenTemps: 0,
    leftoverVisibleFiles: 0,
    removedByNextRefresh: 0,
    killDelayMs: { min: Math.round(Math.min(...delays)), max: Math.round(Math.max(...delays)) },
  };
  for (const [i, kill] of kills.entries()) {
    const dir = path.join(root, `kill-${i}`);
    fs.mkdirSync(dir);
    const book = path.join(dir, "book.xlsx");
    fs.writeFileSync(book, ref.old);
    const run = await refresh(book, kill);
    const { verdict, why } = await judge(book, ref);
    const left = leftovers(dir, "book.xlsx");
    t.runs++;
    const killed = run.signal === "SIGKILL";
    if (!killed) t.finishedBeforeKill++;
    if (verdict === "old") t.validOld++;
    if (verdict === "new") t.validNew++;
    if (verdict === "invalid") {
      t.invalid++;
      t.invalidWhy.push(`run ${i} (${Math.round(kill.ms)} ms after ${kill.after}): ${why}`);
    }
    if (killed && verdict === "old") t.killedBeforeRename++;
    if (killed && verdict === "new") t.killedAfterRename++;
    t.leftoverHiddenTemps += left.hiddenTemps.length;
    t.leftoverVisibleFiles += left.visible.length;
    if (left.hiddenTemps.length > 0) {
      await refresh(book);
      t.removedByNextRefresh += left.hiddenTemps.filter(
        (f) => !fs.existsSync(path.join(dir, f))
      ).length;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return t;
}

/** A later refresh beside a killed run's hidden temporary file: it removes it (its writer is gone). */
async function refreshBesideLeftover(root: string, ref: Reference) {
  const dir = path.join(root, "beside-leftover");
  fs.mkdirSync(dir);
  const book = path.join(dir, "book.xlsx");
  for (let attempt = 0; attempt < 20; attempt++) {
    fs.writeFileSync(book, ref.old);
    await refresh(book, { after: "temp", ms: 0 });
    if (leftovers(dir, "book.xlsx").hiddenTemps.length === 0) continue;
    const temps = leftovers(dir, "book.xlsx").hiddenTemps;
    const again = await refresh(book);
    const { verdict } = await judge(book, ref);
    const result = {
      attempts: attempt + 1,
      leftover: temps.length,
      laterRefreshExit: again.code,
      workbookAfter: verdict,
      leftoverRemoved: temps.every((f) => !fs.existsSync(path.join(dir, f))),
    };
    fs.rmSync(dir, { recursive: true, force: true });
    return result;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return { attempts: 20, leftover: 0, note: "no kill left a temporary file" };
}

interface Outcome {
  exit: number | null;
  message: string;
  unchanged: boolean;
  leftovers: string[];
}

function outcome(
  run: { status: number | null; stderr: string },
  book: string,
  old: Buffer
): Outcome {
  const dir = path.dirname(book);
  return {
    exit: run.status,
    message: run.stderr.trim().split("\n")[0] ?? "",
    unchanged: fs.existsSync(book) && fs.readFileSync(book).equals(old),
    leftovers: fs.readdirSync(dir).filter((f) => f !== path.basename(book) && f !== "lost+found"),
  };
}

const shellQuote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** A full disk: a tmpfs of `kb` holding the old workbook; and the file-size limit. */
function fullDisk(root: string, ref: Reference): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const mnt = path.join(root, "tmpfs");
  fs.mkdirSync(mnt);
  const oldKb = Math.ceil(ref.old.length / 1024);
  for (const spareKb of [8, 40]) {
    const kb = Math.ceil((oldKb + spareKb) / 4) * 4;
    const mount = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${kb}k`, "tmpfs", mnt], {
      encoding: "utf8",
    });
    if (mount.status !== 0) {
      result.tmpfs = `not mountable here: ${(mount.stderr || String(mount.error)).trim()}`;
      break;
    }
    try {
      const book = path.join(mnt, "book.xlsx");
      fs.writeFileSync(book, ref.old);
      const run = spawnSync(process.execPath, [CLI, "refresh", book, "--add", ADDED], {
        encoding: "utf8",
      });
      result[
        `tmpfs of ${kb} KB (old workbook ${oldKb} KB, new ${Math.ceil(ref.newBytes / 1024)} KB)`
      ] = outcome(run, book, ref.old);
    } finally {
      spawnSync("umount", [mnt]);
    }
  }
  for (const limitKb of [4, 64, 100]) {
    const dir = path.join(root, `ulimit-${limitKb}`);
    fs.mkdirSync(dir);
    const book = path.join(dir, "book.xlsx");
    fs.writeFileSync(book, ref.old);
    const cmd = [process.execPath, CLI, "refresh", book, "--add", ADDED].map(shellQuote).join(" ");
    const run = spawnSync("bash", ["-c", `trap '' XFSZ; ulimit -f ${limitKb}; exec ${cmd}`], {
      encoding: "utf8",
      timeout: 60_000,
    });
    result[`ulimit -f ${limitKb} (KB)`] = outcome(run, book, ref.old);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

/** Runs `args` (the CLI's) as `nobody` when we are root and setpriv exists, else as we are. */
function runAs(asNobody: boolean, args: string[]) {
  return asNobody
    ? spawnSync(
        "setpriv",
        [
          `--reuid=${NOBODY}`,
          `--regid=${NOBODY}`,
          "--clear-groups",
          process.execPath,
          CLI,
          ...args,
        ],
        { encoding: "utf8" }
      )
    : spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
}

function readOnly(root: string, ref: Reference): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const root0 = process.getuid?.() === 0;
  const hasSetpriv = spawnSync("setpriv", ["--version"]).status === 0;
  const asNobody = root0 && hasSetpriv;
  fs.chmodSync(root, 0o755);
  // The folder: 0555, the workbook readable by all.
  const dir = path.join(root, "read-only");
  fs.mkdirSync(dir);
  const book = path.join(dir, "book.xlsx");
  fs.writeFileSync(book, ref.old, { mode: 0o644 });
  fs.chmodSync(dir, 0o555);
  const probe = path.join(dir, ".probe");
  let bypass = false;
  try {
    fs.writeFileSync(probe, "");
    fs.rmSync(probe);
    bypass = true;
  } catch {
    // The folder refuses us: the test is meaningful as we are.
  }
  result.runningAs = root0 ? "root" : `uid ${process.getuid?.()}`;
  result.chmodStopsThisUser = !bypass;
  if (bypass && !asNobody) {
    result.folder = "not testable as root (chmod 0555 does not stop root, and no setpriv)";
  } else {
    result.ranAs = asNobody ? "nobody (setpriv)" : "this user";
    result.folder = outcome(runAs(asNobody, ["refresh", book, "--add", ADDED]), book, ref.old);
  }
  fs.chmodSync(dir, 0o755);
  // The workbook read-only (0444) in a folder its owner can write.
  const dir2 = path.join(root, "read-only-file");
  fs.mkdirSync(dir2);
  const book2 = path.join(dir2, "book.xlsx");
  fs.writeFileSync(book2, ref.old);
  fs.chmodSync(book2, 0o444);
  if (asNobody) {
    fs.chownSync(dir2, NOBODY, NOBODY);
    fs.chownSync(book2, NOBODY, NOBODY);
  }
  if (bypass && !asNobody) {
    result.readOnlyWorkbook = "not testable as root";
  } else {
    const run = runAs(asNobody, ["refresh", book2, "--add", ADDED]);
    result.readOnlyWorkbook = {
      ...outcome(run, book2, ref.old),
      modeAfter: (fs.statSync(book2).mode & 0o777).toString(8),
    };
  }
  return result;
}

interface HugeRun {
  exit: number | null;
  ms: number;
  peakRssMB: number | null;
  outcome: string;
}

/** One CLI run, under /usr/bin/time (peak memory even when the heap runs out) and a timeout. */
function hugeRun(dir: string, args: string[], heapMB?: number): HugeRun {
  const timeFile = path.join(dir, "time.txt");
  fs.rmSync(timeFile, { force: true });
  const node = [process.execPath, ...(heapMB ? [`--max-old-space-size=${heapMB}`] : []), CLI];
  const hasTime = fs.existsSync("/usr/bin/time");
  const argv = [
    ...(hasTime ? ["/usr/bin/time", "-f", "%M", "-o", timeFile] : []),
    "timeout",
    "-s",
    "KILL",
    String(HUGE_TIMEOUT_S),
    ...node,
    ...args,
  ];
  const t0 = performance.now();
  const run = spawnSync(argv[0] as string, argv.slice(1), {
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Math.round(performance.now() - t0);
  const kb = hasTime ? Number(fs.readFileSync(timeFile, "utf8").trim().split("\n").pop()) : NaN;
  const err = run.stderr ?? "";
  const said =
    run.status === 137 || run.status === 124
      ? `stopped after ${HUGE_TIMEOUT_S} s`
      : /heap out of memory/.test(err)
        ? "ran out of memory (JavaScript heap out of memory), no message of its own"
        : run.status === 0
          ? "report written"
          : (err.trim().split("\n")[0] ?? "");
  return {
    exit: run.status,
    ms,
    peakRssMB: Number.isFinite(kb) ? Math.round(kb / 1024) : null,
    outcome: said,
  };
}

function hugePastes(root: string): Record<string, unknown> {
  const dir = path.join(root, "huge");
  fs.mkdirSync(dir);
  const distinct = path.join(dir, "distinct-87000.txt");
  fs.writeFileSync(distinct, distinctRowsPaste(87_000));
  const big = path.join(dir, "paste-50MB.txt");
  const paste = bigPaste({ bytes: 50e6 });
  fs.writeFileSync(big, paste.text);
  const mb = (p: string) => Number((fs.statSync(p).size / 1e6).toFixed(1));
  const out = path.join(dir, "book.xlsx");
  const check = (p: string) => ["check", p, "--area", "Merton", "--json"];
  const build = (p: string) => ["build", p, "--area", "Merton", "--out", out];
  const runs = {
    inputs: {
      "87,000 distinct rows": { MB: mb(distinct), rows: 87_000 },
      "50 MB": { MB: mb(big), rows: paste.rows },
    },
    "87,000 distinct rows": {
      [`check --json, heap ${README_HEAP_MB} MB`]: hugeRun(dir, check(distinct), README_HEAP_MB),
      "build, default heap": hugeRun(dir, build(distinct)),
    },
    "50 MB": {
      [`check --json, heap ${README_HEAP_MB} MB`]: hugeRun(dir, check(big), README_HEAP_MB),
      [`check --json, default heap`]: hugeRun(dir, check(big)),
      [`build, heap ${README_HEAP_MB} MB`]: hugeRun(dir, build(big), README_HEAP_MB),
      "build, default heap": hugeRun(dir, build(big)),
    },
    workbookWritten: fs.existsSync(out),
  };
  return runs;
}

export async function run(): Promise<Record<string, unknown>> {
  ensureCliBuilt();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-fault-bench-"));
  try {
    const base = path.join(root, "base");
    fs.mkdirSync(base);
    const old = path.join(base, "book.xlsx");
    const built = spawnSync(process.execPath, [CLI, "build", ...INPUTS, "--out", old]);
    if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
    const oldBytes = fs.readFileSync(old);
    const fresh = path.join(base, "fresh.xlsx");
    // Unkilled refreshes: the duration the kills are spread over, and the write's window.
    const clean: Spawned[] = [];
    for (let i = 0; i < 5; i++) {
      fs.writeFileSync(fresh, oldBytes);
      clean.push(await refresh(fresh, undefined, true));
      if (clean[i]?.code !== 0) throw new Error("an unkilled refresh failed");
    }
    const freshBytes = fs.readFileSync(fresh);
    const ref: Reference = {
      old: oldBytes,
      oldSheets: await sheetNames(oldBytes),
      newSheets: await sheetNames(freshBytes),
      newBytes: freshBytes.length,
    };
    const durationMs = median(clean.map((c) => c.ms));
    const window: [number, number] = [
      median(clean.map((c) => c.tempMadeMs ?? 0)),
      median(clean.map((c) => c.tempGoneMs ?? 0)),
    ];
    const rng = seeded(SEED);
    const spread = Array.from({ length: KILLS }, (): Kill => ({
      after: "spawn",
      ms: rng() * durationMs * 1.05,
    }));
    const inWrite = Array.from({ length: WRITE_WINDOW_KILLS }, (): Kill => ({
      after: "temp",
      ms: Math.floor(rng() * (WRITE_KILL_MAX_MS + 1)),
    }));
    const kills = await killRuns(root, ref, spread);
    const writeKills = await killRuns(root, ref, inWrite);
    return {
      seed: SEED,
      workbook: {
        builtFrom: INPUTS.map((p) => path.basename(p)),
        added: path.basename(ADDED),
        oldSheets: ref.oldSheets.length,
        newSheets: ref.newSheets.length,
        oldKB: Math.round(oldBytes.length / 1024),
        newKB: Math.round(freshBytes.length / 1024),
      },
      unkilledRefreshMs: { runs: clean.map((c) => c.ms), median: durationMs },
      writeWindowMs: {
        note: "temporary file created .. renamed over the workbook, ms after spawn (fs.watch), median of the unkilled runs",
        from: window[0],
        to: window[1],
      },
      kills: { ...kills, spread: `uniform over 0..${Math.round(durationMs * 1.05)} ms` },
      killsDuringWrite: {
        ...writeKills,
        spread: `uniform over 0..${WRITE_KILL_MAX_MS} ms after the temporary file appears`,
      },
      refreshBesideLeftover: await refreshBesideLeftover(root, ref),
      fullDisk: fullDisk(root, ref),
      readOnly: readOnly(root, ref),
      hugePastes: hugePastes(root),
      note: NOTE,
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
