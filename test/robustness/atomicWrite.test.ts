// Build and refresh replace the workbook in one step: a write that fails part-way (here the
// file-size limit of `ulimit -f`, as a full disk would) leaves the original as it was and
// no temporary file behind; one a killed write left is removed by the next write to the
// same workbook once its writer is gone, never while it runs.
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CLI, ensureCliBuilt } from "../support/builtCli";
import { replaceFile, tempWriter } from "../../src/cli/replaceFile";
import { OFFENCES_DIR } from "../support/samples";

const INPUT = path.join(OFFENCES_DIR, "merton-2017-08-01.txt");
const ADDED = path.join(OFFENCES_DIR, "borough-c-2017-09-05.txt");

/** Runs the built CLI with files limited to 4 KB (SIGXFSZ ignored, so a write fails with EFBIG). */
function runLimited(args: string[]) {
  const quoted = args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  return spawnSync(
    "bash",
    ["-c", `trap '' XFSZ; ulimit -f 4; exec '${process.execPath}' '${CLI}' ${quoted}`],
    { encoding: "utf8", timeout: 60_000 }
  );
}

const unix = process.platform === "win32" ? describe.skip : describe;

unix("a failed write leaves the workbook as it was", () => {
  let dir: string;
  beforeAll(() => ensureCliBuilt());
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-atomic-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const built = (book: string) => {
    const run = spawnSync(process.execPath, [CLI, "build", INPUT, "--out", book], {
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    return fs.readFileSync(book);
  };

  test("build over our own workbook", () => {
    const book = path.join(dir, "book.xlsx");
    const before = built(book);
    const run = runLimited(["build", INPUT, ADDED, "--out", book]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`cannot write ${book}`);
    expect(fs.readFileSync(book).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(["book.xlsx"]);
  });

  test("refresh", () => {
    const book = path.join(dir, "book.xlsx");
    const before = built(book);
    const run = runLimited(["refresh", book, "--add", ADDED]);
    expect(run.status).toBe(2);
    expect(fs.readFileSync(book).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(["book.xlsx"]);
  });

  test("a new workbook that cannot be written is not left half-written", () => {
    const book = path.join(dir, "new.xlsx");
    const run = runLimited(["build", INPUT, "--out", book]);
    expect(run.status).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

unix("temporary files a killed write left beside the workbook", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-stale-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The id of a process that has ended (a Node that exits at once). */
  const endedPid = (): number => {
    const run = spawnSync(process.execPath, ["-e", ""]);
    expect(run.status).toBe(0);
    return run.pid;
  };
  const host =
    os
      .hostname()
      .replace(/[^A-Za-z0-9-]/g, "")
      .slice(0, 40) || "host";

  test("the next write to the same workbook removes those whose writer is gone, and only those", async () => {
    const book = path.join(dir, "book.xlsx");
    fs.writeFileSync(book, "old");
    const gone = endedPid();
    const live = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], {
      stdio: "ignore",
    });
    try {
      const files = {
        stale: `.book.xlsx.${host}~${gone}-0a1b2c3d.tmp`,
        // Named before temporary files recorded their machine.
        staleOldName: `.book.xlsx.${gone}-0a1b2c3e.tmp`,
        liveWriter: `.book.xlsx.${host}~${live.pid}-0a1b2c3f.tmp`,
        thisProcess: `.book.xlsx.${host}~${process.pid}-0a1b2c40.tmp`,
        otherMachine: `.book.xlsx.another-pc~${gone}-0a1b2c41.tmp`,
        otherWorkbook: `.budget.xlsx.${host}~${gone}-0a1b2c42.tmp`,
        notOurs: `.book.xlsx.${gone}-notes.tmp`,
      };
      for (const f of Object.values(files)) fs.writeFileSync(path.join(dir, f), "partial");
      await replaceFile(book, "new");
      expect(fs.readFileSync(book, "utf8")).toBe("new");
      expect(fs.readdirSync(dir).sort()).toEqual(
        [
          "book.xlsx",
          files.liveWriter,
          files.thisProcess,
          files.otherMachine,
          files.otherWorkbook,
          files.notOurs,
        ].sort()
      );
    } finally {
      live.kill("SIGKILL");
    }
  });

  test("the temporary file names its workbook, machine and process", () => {
    expect(tempWriter(`.book.xlsx.${host}~1234-0a1b2c3d.tmp`, "book.xlsx")).toEqual({
      host,
      pid: 1234,
    });
    expect(tempWriter(".book.xlsx.1234-0a1b2c3d.tmp", "book.xlsx")).toEqual({
      host: null,
      pid: 1234,
    });
    expect(tempWriter(`.book.xlsx.${host}~1234-0a1b2c3d.tmp`, "book")).toBeNull();
    expect(tempWriter("book.xlsx", "book.xlsx")).toBeNull();
  });

  test("a refresh cleans up after a write killed before it", () => {
    ensureCliBuilt();
    const book = path.join(dir, "book.xlsx");
    const run = spawnSync(process.execPath, [CLI, "build", INPUT, "--out", book]);
    expect(run.status).toBe(0);
    const left = `.book.xlsx.${host}~${endedPid()}-0a1b2c3d.tmp`;
    fs.writeFileSync(path.join(dir, left), fs.readFileSync(book).subarray(0, 100));
    const refreshed = spawnSync(process.execPath, [CLI, "refresh", book, "--add", ADDED]);
    expect(refreshed.status).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(["book.xlsx"]);
  });
});
