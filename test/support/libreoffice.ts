// LibreOffice as an independent spreadsheet engine for tests: open workbooks headless,
// recalculate every formula (the profile is set to recalculate on load, since ExcelJS
// writes formulas without results) and read the computed values back with ExcelJS.
// Several files go through one soffice run, as each start costs a second or two.
import { spawnSync, execFile } from "child_process";
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, rmSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import ExcelJS from "exceljs";

let available: boolean | undefined;

/** Whether `soffice` runs here. */
export function libreOfficeAvailable(): boolean {
  if (available === undefined) {
    const r = spawnSync("soffice", ["--version"], { encoding: "utf8", timeout: 60000 });
    available = r.status === 0 && /LibreOffice/i.test(r.stdout ?? "");
  }
  return available;
}

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

let profileDir: string | undefined;

/** A LibreOffice user profile (one per test process) that recalculates every formula on load. */
function profile(): string {
  if (profileDir === undefined) {
    profileDir = mkdtempSync(path.join(tmpdir(), "scrutiny-lo-profile-"));
    mkdirSync(path.join(profileDir, "user"), { recursive: true });
    writeFileSync(path.join(profileDir, "user", "registrymodifications.xcu"), RECALC_PROFILE);
  }
  return profileDir;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Converts the files (distinct base names) to recalculated .xlsx files in one soffice run;
 * resolves to the converted paths in the same order.
 */
export function convertWithLibreOffice(files: string[]): Promise<string[]> {
  const run = async (): Promise<string[]> => {
    const outDir = mkdtempSync(path.join(tmpdir(), "scrutiny-lo-out-"));
    const names = new Set(files.map((f) => path.basename(f)));
    if (names.size !== files.length)
      throw new Error("convertWithLibreOffice: files need distinct base names");
    await new Promise<void>((resolve, reject) => {
      execFile(
        "soffice",
        [
          `-env:UserInstallation=file://${profile()}`,
          "--headless",
          "--norestore",
          "--convert-to",
          "xlsx",
          "--outdir",
          outDir,
          ...files,
        ],
        { timeout: 300000 },
        (err, _stdout, stderr) =>
          err ? reject(new Error(`soffice failed: ${err.message}\n${stderr}`)) : resolve()
      );
    });
    return files.map((f) => {
      const out = path.join(outDir, path.basename(f).replace(/\.[^.]+$/, "") + ".xlsx");
      if (!existsSync(out)) throw new Error(`LibreOffice did not convert ${f}`);
      return out;
    });
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** Opens the workbooks in LibreOffice, recalculates them and reads the results back (cell.result holds each formula's value). */
export async function recalculateMany(xlsxPaths: string[]): Promise<ExcelJS.Workbook[]> {
  const converted = await convertWithLibreOffice(xlsxPaths);
  const books: ExcelJS.Workbook[] = [];
  for (const p of converted) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(p);
    books.push(wb);
  }
  rmSync(path.dirname(converted[0]!), { recursive: true, force: true });
  return books;
}

export async function recalculate(xlsxPath: string): Promise<ExcelJS.Workbook> {
  const [wb] = await recalculateMany([xlsxPath]);
  return wb!;
}

/** A cell's computed value: a formula's result, a hyperlink's text, else the value. */
export function computed(cell: ExcelJS.Cell): ExcelJS.CellValue {
  // cell.value drops a formula's result when it is 0; cell.result keeps it.
  if (cell.type === ExcelJS.ValueType.Formula)
    return (cell.result as ExcelJS.CellValue | undefined) ?? null;
  const v = cell.value;
  if (v !== null && typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v) return (v as ExcelJS.CellHyperlinkValue).text;
    if ("error" in v) return v;
  }
  return v;
}

/** Whether a computed value is a spreadsheet error (#DIV/0!, #VALUE!, #NAME? ...). */
export function isErrorValue(v: ExcelJS.CellValue): boolean {
  if (v !== null && typeof v === "object" && "error" in v) return true;
  return (
    typeof v === "string" && /^#(DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|NULL!|SPILL!|CALC!)$/.test(v)
  );
}

/** Every cell of every sheet whose computed value is an error, as "Sheet!A1 = #VALUE!". */
export function errorCells(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) => {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        const v = computed(cell);
        if (isErrorValue(v)) out.push(`${ws.name}!${cell.address} = ${JSON.stringify(v)}`);
      });
    });
  });
  return out;
}

/**
 * describe() for tests that need LibreOffice: skipped with a message when it is missing
 * locally, a failing test when it is missing in CI (CI=true).
 */
export function describeWithLibreOffice(name: string, fn: () => void): void {
  if (libreOfficeAvailable()) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === "true") {
    describe(name, () => {
      test("LibreOffice (soffice) is installed", () => {
        throw new Error("LibreOffice is required in CI (CI=true) but `soffice --version` failed");
      });
    });
    return;
  }

  console.warn(`skipped "${name}": LibreOffice (soffice) is not installed`);
  describe.skip(name, fn);
}
