// A workbook the user made read-only stays as it is: refresh writes through a rename, which
// needs only the folder's permission, so it checks the file's own first (even as root,
// as CI runs: a file no one may write is not replaced).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CLI, ensureCliBuilt } from "../support/builtCli";
import { OFFENCES_DIR } from "../support/samples";

const INPUT = path.join(OFFENCES_DIR, "merton-2017-08-01.txt");
const ADDED = path.join(OFFENCES_DIR, "borough-c-2017-09-05.txt");

test("refresh leaves a read-only workbook unchanged and says why", () => {
  ensureCliBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-readonly-"));
  try {
    const book = path.join(dir, "book.xlsx");
    const built = spawnSync(process.execPath, [CLI, "build", INPUT, "--out", book]);
    expect(built.status).toBe(0);
    fs.chmodSync(book, 0o444);
    const before = fs.readFileSync(book);
    const run = spawnSync(process.execPath, [CLI, "refresh", book, "--add", ADDED], {
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`cannot write ${book}: the file is read-only`);
    expect(fs.readFileSync(book).equals(before)).toBe(true);
    expect(fs.statSync(book).mode & 0o777).toBe(0o444);
    expect(fs.readdirSync(dir)).toEqual(["book.xlsx"]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
