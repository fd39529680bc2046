// A refresh killed at any point (SIGKILL: no handler runs) leaves the workbook as it was or
// the whole refreshed one, because the CLI writes a temporary file beside it and renames it
// over the workbook (src/cli/replaceFile.ts); a temporary file a kill leaves is removed by
// the next refresh. Ten kills, one in each tenth of an unkilled
// refresh's duration (seeded, so they repeat); bench/faultInjection.bench.ts runs a hundred.
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CLI, ensureCliBuilt } from "../support/builtCli";
import { seeded, sheetNames } from "../support/faults";
import { OFFENCES_DIR } from "../support/samples";

const INPUT = path.join(OFFENCES_DIR, "merton-2017-08-01.txt");
const ADDED = path.join(OFFENCES_DIR, "borough-c-2017-09-05.pdf-copy.txt");
const KILLS = 10;

/** Runs `refresh book --add ADDED`, killed after `killAfterMs` if given; resolves on exit. */
function refresh(book: string, killAfterMs?: number): Promise<{ ms: number; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, "refresh", book, "--add", ADDED], {
      stdio: "ignore",
    });
    const timer =
      killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === null && code !== 0) reject(new Error(`refresh exited ${code}`));
      resolve({ ms: performance.now() - t0, killed: signal === "SIGKILL" });
    });
  });
}

const unix = process.platform === "win32" ? describe.skip : describe;

unix("a refresh killed at any point", () => {
  let dir: string;
  beforeAll(() => {
    ensureCliBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-killed-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("leaves the old workbook or the whole new one, and no file a user would see", async () => {
    const old = path.join(dir, "old.xlsx");
    const built = spawnSync(process.execPath, [CLI, "build", INPUT, "--out", old]);
    expect(built.status).toBe(0);
    const oldBytes = fs.readFileSync(old);
    const fresh = path.join(dir, "fresh.xlsx");
    fs.copyFileSync(old, fresh);
    const { ms } = await refresh(fresh);
    const oldSheets = await sheetNames(oldBytes);
    const newSheets = await sheetNames(fs.readFileSync(fresh));
    expect(newSheets).toContain("_ScrutinyDefinitions");
    expect(newSheets.length).toBeGreaterThan(oldSheets.length);

    const rng = seeded(17);
    const seen = { old: 0, new: 0, hiddenTemps: 0 };
    const leftBehind: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const runDir = path.join(dir, `kill-${i}`);
      fs.mkdirSync(runDir);
      const book = path.join(runDir, "book.xlsx");
      fs.copyFileSync(old, book);
      await refresh(book, (ms * (i + rng())) / KILLS);
      const bytes = fs.readFileSync(book);
      if (bytes.equals(oldBytes)) {
        seen.old++;
      } else {
        // Not the old one: it must open, whole, as the refreshed workbook.
        expect(await sheetNames(bytes)).toEqual(newSheets);
        seen.new++;
      }
      // A killed write may leave its hidden temporary file, never anything else.
      const others = fs.readdirSync(runDir).filter((f) => f !== "book.xlsx");
      for (const f of others)
        expect(f).toMatch(/^\.book\.xlsx\.[A-Za-z0-9-]+~\d+-[0-9a-f]{8}\.tmp$/);
      seen.hiddenTemps += others.length;
      if (others.length > 0) leftBehind.push(runDir);
    }
    // The next refresh of a workbook removes what a killed one left (its writer is gone).
    for (const runDir of leftBehind) {
      await refresh(path.join(runDir, "book.xlsx"));
      expect(fs.readdirSync(runDir)).toEqual(["book.xlsx"]);
    }
    expect(seen.old + seen.new).toBe(KILLS);
    // The first tenth is before any write: the kills did land mid-run.
    expect(seen.old).toBeGreaterThan(0);
  }, 60_000);
});
