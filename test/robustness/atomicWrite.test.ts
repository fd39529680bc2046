// Build and refresh replace the workbook in one step: a write that fails part-way (here the
// file-size limit of `ulimit -f`, as a full disk would) leaves the original as it was and
// no temporary file behind.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CLI, ensureCliBuilt } from "../support/builtCli";
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
