// A workbook the user made read-only stays as it is: refresh writes through a rename, which
// needs only the folder's permission, so it checks the file's own first. Run as an
// unprivileged user (root may write anything).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CLI, ensureCliBuilt } from "../support/builtCli";
import { OFFENCES_DIR } from "../support/samples";

const INPUT = path.join(OFFENCES_DIR, "merton-2017-08-01.txt");
const ADDED = path.join(OFFENCES_DIR, "borough-c-2017-09-05.txt");

/** Runs the CLI as `nobody` when this process is root (as CI runs), else as itself. */
function runUnprivileged(args: string[]) {
  const asNobody = process.getuid?.() === 0;
  const [cmd, pre] = asNobody
    ? ["setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", process.execPath]]
    : [process.execPath, []];
  return spawnSync(cmd, [...pre, CLI, ...args], { encoding: "utf8", timeout: 60_000 });
}

test("refresh leaves a read-only workbook unchanged and says why", () => {
  ensureCliBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-readonly-"));
  try {
    fs.chmodSync(dir, 0o777);
    const book = path.join(dir, "book.xlsx");
    const built = spawnSync(process.execPath, [CLI, "build", INPUT, "--out", book]);
    expect(built.status).toBe(0);
    fs.chmodSync(book, 0o444);
    const before = fs.readFileSync(book);
    const run = runUnprivileged(["refresh", book, "--add", ADDED]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`cannot write ${book}`);
    expect(fs.readFileSync(book).equals(before)).toBe(true);
    expect(fs.statSync(book).mode & 0o777).toBe(0o444);
    expect(fs.readdirSync(dir)).toEqual(["book.xlsx"]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
