// The workbook code is loaded only where a workbook is written or read: `check` (which
// never writes one) loads neither our .xlsx writer nor ExcelJS nor the zip library, as
// the modules the command-line process holds when it exits show.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CLI, ensureCliBuilt, ROOT } from "../../support/builtCli";

const WORKBOOK_CODE = /writers[\\/]xlsx|node_modules[\\/](exceljs|fflate|jszip)[\\/]/;

function modulesLoadedBy(args: string[]): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-modules-"));
  const list = path.join(dir, "modules.json");
  const preload = path.join(dir, "list.js");
  fs.writeFileSync(
    preload,
    `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));`
  );
  const run = spawnSync(process.execPath, ["-r", preload, CLI, ...args], {
    cwd: dir,
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  const modules = JSON.parse(fs.readFileSync(list, "utf8")) as string[];
  fs.rmSync(dir, { recursive: true, force: true });
  return modules;
}

const MERTON = path.join(ROOT, "samples/offences-sds/merton-2017-08-01.txt");

test("check loads no workbook code; build loads the writer it uses", () => {
  ensureCliBuilt();
  const checked = modulesLoadedBy(["check", MERTON]);
  expect(checked.some((m) => m.includes(`${path.sep}cli${path.sep}checkCommand`))).toBe(true);
  expect(checked.filter((m) => WORKBOOK_CODE.test(m))).toEqual([]);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-built-")), "b.xlsx");
  const built = modulesLoadedBy(["build", MERTON, "--out", out]);
  expect(built.some((m) => /writers[\\/]xlsx[\\/]writeXlsx/.test(m))).toBe(true);
  expect(built.some((m) => /node_modules[\\/]fflate[\\/]/.test(m))).toBe(true);
}, 60_000);
