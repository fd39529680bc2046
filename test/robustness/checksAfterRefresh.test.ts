// Issue #17, "Smaller": after an untouched refresh the Checks sheet's "Printed" column was
// blank for the Datastore rows the build filled (the % change, which a Datastore data
// sheet holds as a formula, came back without its printed text) and showed counts
// differently ("1,428" for the build's "1428"). A refresh reads the data sheet back as
// the import made it, in both paths: the .xlsx file (`refresh`) and Excel (Refresh all,
// on the Excel double).
import { main } from "../../src/cli/main";
import { readXlsx } from "../../src/writers/xlsx/readXlsx";
import { validateTables } from "../../src/core/validate";
import { findAnomalies } from "../../src/core/anomalies";
import { createOfficeHost } from "../../src/taskpane/host/officeHost";
import type { ExcelRunFunction } from "../../src/office/runExcel";
import { FakeExcel } from "../doubles/fakeExcel";
import { memoryIo } from "../support/cliIo";
import { DATASTORE_2024, datastoreTables } from "../support/samples";

const AREAS = ["Merton", "Sutton", "Croydon"];
/** Columns of Checks: Rule (2), Figure (8), Printed (9); findings below the header row (4). */
const RULE = 2;
const FIGURE = 8;
const PRINTED = 9;

/** Each finding's rule, figure and printed text, from the sheet's values. */
function printedColumn(values: unknown[][]): string[] {
  return values
    .slice(5)
    .filter((r) => r[0] === "Anomaly" || r[0] === "Issue")
    .map(
      (r) => `${String(r[RULE])} | ${String(r[FIGURE])} | ${JSON.stringify(r[PRINTED] ?? null)}`
    );
}

describe("refresh of an untouched Datastore workbook (.xlsx)", () => {
  test("keeps every printed figure of the build's Checks sheet", async () => {
    const io = memoryIo();
    const areas = AREAS.flatMap((a) => ["--area", a]);
    expect(await main(["build", DATASTORE_2024, ...areas, "--out", "ds.xlsx"], io)).toBe(0);
    const built = printedColumn(
      (await readXlsx(io.files.get("ds.xlsx") as Uint8Array)).sheetValues("Checks")!
    );
    expect(await main(["refresh", "ds.xlsx"], io)).toBe(0);
    const refreshed = printedColumn(
      (await readXlsx(io.files.get("ds.xlsx") as Uint8Array)).sheetValues("Checks")!
    );
    // The build fills Printed for the % changes and counts its flags are about.
    const filled = built.filter((r) => !r.endsWith("| null"));
    expect(filled.some((r) => /Offences % Change \| "-?\d+\.\d%"$/.test(r))).toBe(true);
    expect(filled.some((r) => /Offences Current R12 \| "\d+"$/.test(r))).toBe(true);
    expect(refreshed).toEqual(built);
  }, 120_000);
});

describe("Refresh all in Excel of an untouched Datastore import", () => {
  test("keeps every printed figure of the import's Checks sheet", async () => {
    const excel = new FakeExcel();
    const host = createOfficeHost(
      excel.run.bind(excel) as unknown as ExcelRunFunction,
      () => "2026-12-03"
    );
    const tables = datastoreTables({ areas: AREAS });
    await host.importTables(
      tables,
      validateTables(tables),
      findAnomalies(tables),
      await host.readSettings()
    );
    const checks = (): unknown[][] => {
      const rows: unknown[][] = [];
      for (let r = 0; r < 2000; r++) {
        const row = Array.from({ length: 15 }, (_v, c) => excel.cell("Checks", r, c).value);
        if (r > 5 && row.every((v) => v === "" || v === null)) break;
        rows.push(row.map((v) => (v === "" ? null : v)));
      }
      return rows;
    };
    const imported = printedColumn(checks());
    expect(imported.filter((r) => !r.endsWith("| null")).length).toBeGreaterThan(0);
    await host.refreshAll();
    expect(printedColumn(checks())).toEqual(imported);
  }, 120_000);
});
