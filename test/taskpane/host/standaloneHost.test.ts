// The in-browser workbook: tables imported in the pane become the same workbook the
// command line builds, downloads are real .xlsx files (read back here with ExcelJS), and
// an opened workbook is refreshed without touching the user's own sheets.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { CrimeTable } from "../../../src/core/model";
import { readPaste } from "../../../src/core/read";
import { validateTables } from "../../../src/core/validate";
import { defaultAnomalyOptions, findAnomalies } from "../../../src/core/anomalies";
import { layoutWorkbook } from "../../../src/layout/layoutWorkbook";
import { readIndicators } from "../../../src/core/monitor/readIndicators";
import { readXlsx } from "../../../src/writers/xlsx/readXlsx";
import { createStandaloneHost } from "../../../src/taskpane/host/standaloneHost";

const DAY = "2026-11-22";
const samples = path.join(__dirname, "../../../samples");

function tablesOf(file: string, area: string): CrimeTable[] {
  const text = fs.readFileSync(path.join(samples, "offences-sds", file), "utf8");
  const read = readPaste(text, { source: "paste" });
  if (!read.ok) throw new Error(read.error.message);
  return read.tables.map((t) => ({ ...t, area }));
}

async function importAll(host: ReturnType<typeof createStandaloneHost>, batches: CrimeTable[][]) {
  const reports = [];
  for (const tables of batches) {
    const issues = validateTables(tables);
    // As the pane does: the settings shown (read from the workbook) go with the import.
    reports.push(
      await host.importTables(tables, issues, findAnomalies(tables), await host.readSettings())
    );
  }
  return reports;
}

/** Every cell of every visible sheet as "Sheet!A1=value" (formulas as their text), for comparing workbooks. */
async function cellsOf(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== "visible") continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        const shown =
          v !== null && typeof v === "object" && "formula" in v
            ? `=${v.formula}`
            : JSON.stringify(v);
        out.push(`${ws.name}!${cell.address}=${shown}`);
      })
    );
  }
  return out;
}

test("imports become data sheets, Checks, comparisons and trends; the download is the workbook build makes", async () => {
  const host = createStandaloneHost(() => DAY);
  const batches = [
    tablesOf("merton-2017-07-02.txt", "Merton"),
    tablesOf("merton-2017-08-01.txt", "Merton"),
    tablesOf("borough-a-2017-09-05.txt", "Borough A"),
    tablesOf("borough-c-2017-09-05.txt", "Borough C"),
  ];
  const reports = await importAll(host, batches);
  expect(reports[0]?.sheets).toEqual([
    "Merton 2017-07-02",
    "Merton 2017-07-02 calls",
    "Checks",
    "Summary",
  ]);
  expect(reports[1]?.sheets).toContain("Trend Merton");
  expect(reports[3]?.sheets).toEqual(
    expect.arrayContaining(["Borough C 2017-09-05", "Compare 2017-09-05"])
  );

  const data = await host.listDataSheets();
  expect(data.map((d) => `${d.sheet}|${d.area}|${d.periodEnding}|${d.kind}`)).toEqual([
    "Merton 2017-07-02|Merton|2017-07-02|offences-sds",
    "Merton 2017-07-02 calls|Merton|2017-07-02|calls-asb",
    "Merton 2017-08-01|Merton|2017-08-01|offences-sds",
    "Merton 2017-08-01 calls|Merton|2017-08-01|calls-asb",
    "Borough A 2017-09-05|Borough A|2017-09-05|offences-sds",
    "Borough A 2017-09-05 calls|Borough A|2017-09-05|calls-asb",
    "Borough C 2017-09-05|Borough C|2017-09-05|offences-sds",
    "Borough C 2017-09-05 calls|Borough C|2017-09-05|calls-asb",
  ]);
  const listed = await host.listSheets();
  expect(
    listed
      .filter((s) => s.generated && s.role !== "definitions")
      .map((s) => s.name)
      .sort()
  ).toEqual(["Checks", "Compare 2017-09-05", "Summary", "Trend Merton"].sort());

  const bytes = await (host.download as () => Promise<Uint8Array>)();
  const book = await readXlsx(bytes);
  expect(book.sheetNames).toEqual(listed.map((s) => s.name));

  // The command line's build of the same tables, laid out independently here.
  const all = batches.flat();
  const thresholds = { ...defaultAnomalyOptions };
  const built = layoutWorkbook({
    tables: all,
    issues: validateTables(all),
    anomalies: findAnomalies(all, thresholds),
    groups: [],
    thresholds,
    existingSheetNames: [],
    importedOn: DAY,
  });
  const { writeXlsx } = await import("../../../src/writers/xlsx/writeXlsx");
  expect(await cellsOf(bytes)).toEqual(await cellsOf(await writeXlsx(built.spec)));
});

test("Build comparison records a group preset and builds its sheet", async () => {
  const host = createStandaloneHost(() => DAY);
  await importAll(host, [
    tablesOf("borough-a-2017-09-05.txt", "Merton"),
    tablesOf("borough-c-2017-09-05.txt", "Wandsworth"),
    tablesOf("borough-d-2017-09-05.txt", "Sutton"),
  ]);
  const report = await host.buildComparison({
    kind: "group",
    group: "South West",
    areas: ["Kingston upon Thames", "Merton", "Richmond upon Thames", "Wandsworth"],
  });
  expect(report.sheets).toContain("Compare South West 2017-09-05");
  const book = await readXlsx(await (host.download as () => Promise<Uint8Array>)());
  expect(book.definitions?.groups).toEqual([
    {
      name: "South West",
      areas: ["Kingston upon Thames", "Merton", "Richmond upon Thames", "Wandsworth"],
    },
  ]);
  // The group sheet shows its two imported areas, the period's own comparison all three.
  const values = book.sheetValues("Compare South West 2017-09-05") ?? [];
  const text = values
    .flat()
    .filter((v) => typeof v === "string")
    .join("|");
  expect(text).toContain("Merton");
  expect(text).toContain("Wandsworth");
  expect(text).not.toContain("Sutton");
  expect(book.sheetNames).toContain("Compare 2017-09-05");
});

test("an opened workbook is refreshed: the user's sheets and edits stay, settings come from it", async () => {
  const first = createStandaloneHost(() => DAY);
  await importAll(first, [tablesOf("borough-a-2017-09-05.txt", "Borough A")]);
  await first.saveSettings({ significanceLevel: 0.01, minimumBase: 30, changeThreshold: 15 });
  const made = await (first.download as () => Promise<Uint8Array>)();

  // The analyst adds a sheet of their own in Excel and saves.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(made as unknown as ArrayBuffer);
  wb.addWorksheet("My notes").getCell("B2").value = "=not a formula, my note";
  const edited = new Uint8Array(await wb.xlsx.writeBuffer());

  const host = createStandaloneHost(() => DAY);
  await (host.open as (b: Uint8Array) => Promise<void>)(edited);
  expect(await host.readSettings()).toEqual({
    significanceLevel: 0.01,
    minimumBase: 30,
    changeThreshold: 15,
  });
  const before = await host.listSheets();
  expect(before.find((s) => s.name === "My notes")?.role).toBe("user");

  await importAll(host, [tablesOf("borough-c-2017-09-05.txt", "Borough C")]);
  const book = await readXlsx(await (host.download as () => Promise<Uint8Array>)());
  expect(book.sheetNames).toEqual(
    expect.arrayContaining([
      "Borough A 2017-09-05",
      "Borough C 2017-09-05",
      "My notes",
      "Compare 2017-09-05",
    ])
  );
  expect(book.sheetValues("My notes")?.[1]?.[1]).toBe("=not a formula, my note");
  expect(book.definitions?.thresholds).toMatchObject({
    alpha: 0.01,
    minBase: 30,
    changeThreshold: 15,
  });
});

test("opening a workbook Scrutiny Sheets did not make is refused in words, and the session is kept", async () => {
  const host = createStandaloneHost(() => DAY);
  await importAll(host, [tablesOf("borough-e-2017-09-05.txt", "Borough E")]);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Budget").getCell("A1").value = 1;
  const other = new Uint8Array(await wb.xlsx.writeBuffer());
  await expect((host.open as (b: Uint8Array) => Promise<void>)(other)).rejects.toThrow(
    /not made by Scrutiny Sheets/
  );
  await expect(
    (host.open as (b: Uint8Array) => Promise<void>)(new TextEncoder().encode("not a zip"))
  ).rejects.toThrow(/not a readable .xlsx workbook/);
  expect((await host.listDataSheets()).map((d) => d.sheet)).toEqual([
    "Borough E 2017-09-05",
    "Borough E 2017-09-05 calls",
  ]);
});

test("the monitoring sheet is built from indicators and survives a refresh", async () => {
  const host = createStandaloneHost(() => DAY);
  const read = readIndicators(
    fs.readFileSync(path.join(samples, "monitoring/indicators-2016-17.txt"), "utf8")
  );
  if (!read.ok) throw new Error(read.errors[0]?.message);
  expect((await host.buildMonitoring(read.indicators)).sheets).toEqual(["Monitoring", "Summary"]);
  await host.refreshAll();
  const book = await readXlsx(await (host.download as () => Promise<Uint8Array>)());
  const cells = (book.sheetValues("Monitoring") ?? []).flat();
  expect(cells).toContain("MOPAC 7 neighbourhood crimes");
});

test("Import selection outside Excel says what to do instead", async () => {
  await expect(createStandaloneHost().importSelection()).rejects.toThrow(
    /paste the table into “Paste table” instead/
  );
});
