// The Office host against the Excel test double (proxies that throw until loaded, writes
// applied on sync, the 5 MB request limit, Excel's name and table errors): what it writes,
// how few requests it makes, that the user's sheets are never touched, that a failure
// half-way is repaired by running again, and that its definitions are the .xlsx form.
import * as fs from "fs";
import * as path from "path";
import type { CrimeTable } from "../../../src/core/model";
import { readPaste } from "../../../src/core/read";
import { validateTables } from "../../../src/core/validate";
import { findAnomalies } from "../../../src/core/anomalies";
import {
  DEFINITIONS_SHEET,
  parseDefinitions,
  type Definitions,
} from "../../../src/layout/definitions";
import { createOfficeHost } from "../../../src/taskpane/host/officeHost";
import type { ExcelRunFunction } from "../../../src/office/runExcel";
import { createStandaloneHost } from "../../../src/taskpane/host/standaloneHost";
import { readXlsx } from "../../../src/writers/xlsx/readXlsx";
import { readIndicators } from "../../../src/core/monitor/readIndicators";
import type { HighlightSettings, WorkbookHost } from "../../../src/taskpane/host/workbookHost";
import { FakeExcel } from "../../doubles/fakeExcel";

const DAY = "2026-11-22";
const samples = path.join(__dirname, "../../../samples/offences-sds");
const sampleText = (file: string) => fs.readFileSync(path.join(samples, file), "utf8");

function tablesOf(file: string, area: string): CrimeTable[] {
  const read = readPaste(sampleText(file), { source: "paste" });
  if (!read.ok) throw new Error(read.error.message);
  return read.tables.map((t) => ({ ...t, area }));
}

function hostOn(excel: FakeExcel): WorkbookHost {
  // The double's run has Excel.run's shape; its context stands in for Excel.RequestContext.
  return createOfficeHost(excel.run.bind(excel) as unknown as ExcelRunFunction, () => DAY);
}

async function importInto(host: WorkbookHost, tables: CrimeTable[], settings?: HighlightSettings) {
  return host.importTables(
    tables,
    validateTables(tables),
    findAnomalies(tables),
    settings ?? (await host.readSettings())
  );
}

function definitionsIn(excel: FakeExcel) {
  const range = excel.usedRange(DEFINITIONS_SHEET);
  if (!range) return null;
  const rows: unknown[][] = [];
  for (let r = 0; ; r++) {
    const v = excel.cell(DEFINITIONS_SHEET, r, 0).value;
    if (v === "" || v === null) break;
    rows.push([v]);
  }
  return parseDefinitions(rows);
}

test("importing a sample table into a user's workbook: five requests (reads, text formats before values, values, generated sheets), the user's sheet untouched", async () => {
  const excel = new FakeExcel();
  excel.addSheet("Budget", [
    ["Item", "Amount"],
    ["Overtime", 1200],
    ["=not a formula", "@SUM(A1)"],
  ]);
  const before = excel.snapshot("Budget");
  const host = hostOn(excel);
  const settings = await host.readSettings(); // the pane read them when it opened
  const start = excel.syncCount;
  const report = await importInto(host, tablesOf("merton-2017-08-01.txt", "Merton"), settings);
  expect(excel.syncCount - start).toBeLessThanOrEqual(5);
  expect(report.sheets).toEqual([
    "Merton 2017-08-01",
    "Merton 2017-08-01 calls",
    "Checks",
    "Summary",
  ]);
  expect(excel.sheetNames()).toEqual(
    expect.arrayContaining([
      "Budget",
      "Merton 2017-08-01",
      "Merton 2017-08-01 calls",
      "Checks",
      DEFINITIONS_SHEET,
    ])
  );
  expect(excel.snapshot("Budget")).toBe(before);
  expect(excel.visibility(DEFINITIONS_SHEET)).toBe("VeryHidden");
  expect(excel.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
});

test("imports, comparison, refresh and settings on the live workbook, read back by the pane's listings", async () => {
  const excel = new FakeExcel();
  const host = hostOn(excel);
  await importInto(host, tablesOf("borough-a-2017-09-05.txt", "Merton"));
  const second = await importInto(host, tablesOf("borough-c-2017-09-05.txt", "Wandsworth"));
  expect(second.sheets).toEqual(
    expect.arrayContaining(["Wandsworth 2017-09-05", "Compare 2017-09-05", "Checks", "Summary"])
  );
  expect((await host.listDataSheets()).map((d) => `${d.area} ${d.periodEnding} ${d.kind}`)).toEqual(
    [
      "Merton 2017-09-05 offences-sds",
      "Merton 2017-09-05 calls-asb",
      "Wandsworth 2017-09-05 offences-sds",
      "Wandsworth 2017-09-05 calls-asb",
    ]
  );

  const built = await host.buildComparison({
    kind: "group",
    group: "South West",
    areas: ["Kingston upon Thames", "Merton", "Richmond upon Thames", "Wandsworth"],
  });
  expect(built.sheets).toContain("Compare South West 2017-09-05");
  expect(definitionsIn(excel)?.groups.map((g) => g.name)).toEqual(["South West"]);

  await host.saveSettings({ significanceLevel: 0.01, minimumBase: 25, changeThreshold: 10 });
  expect(await host.readSettings()).toEqual({
    significanceLevel: 0.01,
    minimumBase: 25,
    changeThreshold: 10,
  });

  // The analyst corrects a count on a data sheet; refresh carries it into the comparison's inputs.
  const start = excel.syncCount;
  const refreshed = await host.refreshAll();
  expect(refreshed.sheets).toEqual(
    expect.arrayContaining(["Compare South West 2017-09-05", "Checks", "Summary"])
  );
  expect(excel.syncCount - start).toBeLessThanOrEqual(8);
  expect(definitionsIn(excel)?.thresholds).toMatchObject({
    alpha: 0.01,
    minBase: 25,
    changeThreshold: 10,
  });
  const roles = await host.listSheets();
  expect(roles.find((s) => s.name === "Checks")).toEqual({
    name: "Checks",
    role: "checks",
    generated: true,
  });
  expect(roles.find((s) => s.name === "Merton 2017-09-05")).toEqual({
    name: "Merton 2017-09-05",
    role: "data",
    generated: false,
  });
});

test("the definitions Excel gets are the ones the .xlsx workbook gets for the same imports", async () => {
  const excel = new FakeExcel();
  const office = hostOn(excel);
  const standalone = createStandaloneHost(() => DAY);
  for (const [file, area] of [
    ["merton-2017-07-02.txt", "Merton"],
    ["merton-2017-08-01.txt", "Merton"],
    ["borough-e-2017-09-05.txt", "Borough E"],
  ] as const) {
    await importInto(office, tablesOf(file, area));
    await importInto(standalone, tablesOf(file, area));
  }
  const xlsx = await readXlsx(await (standalone.download as () => Promise<Uint8Array>)());
  // Sheet ids (README "Renamed sheets") are given as sheets are first recorded: Excel keeps
  // those of each import, the in-browser pane lays its session out anew. Each records one
  // id per sheet; the rest is the same.
  const ids = (d: Definitions | null) => d?.sheets.map((s) => s.anchor);
  for (const d of [definitionsIn(excel), xlsx.definitions])
    expect(new Set(ids(d)).size).toBe(d!.sheets.length);
  const withoutIds = (d: Definitions | null) =>
    d && { ...d, sheets: d.sheets.map(({ anchor: _id, ...s }) => s) };
  expect(withoutIds(definitionsIn(excel))).toEqual(withoutIds(xlsx.definitions));
});

test("Import selection reads a table pasted into a sheet from its values and number formats", async () => {
  const excel = new FakeExcel();
  // As Excel's own paste leaves it: numbers typed as numbers, percentages as fractions formatted 0.0%.
  const text = sampleText("merton-2017-08-01.txt");
  const rows = text.split("\n").map((line) =>
    line.split("\t").map((cell) => {
      const pct = /^(-?[\d.]+)%$/.exec(cell);
      if (pct) return Number(pct[1]) / 100;
      const n = /^-?[\d,]+$/.test(cell) ? Number(cell.replace(/,/g, "")) : NaN;
      return Number.isFinite(n) ? n : cell;
    })
  );
  const width = Math.max(...rows.map((r) => r.length));
  excel.addSheet(
    "Pasted",
    rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")])
  );
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === "number" && !Number.isInteger(v))
        excel.setNumberFormat("Pasted", `${String.fromCharCode(65 + c)}${r + 1}`, "0.0%");
    })
  );
  excel.select("Pasted", "A1");
  const host = hostOn(excel);
  const selection = await host.importSelection();
  expect(selection.source).toMatch(/^selection Pasted!A1:/);
  const read = readPaste(selection.text, { source: selection.source });
  const expected = readPaste(text, { source: selection.source });
  if (!read.ok || !expected.ok) throw new Error("unreadable");
  const figures = (r: typeof read) =>
    r.ok
      ? r.tables.map((t) => t.rows.map((row) => [row.category, row.subcategory, row.values]))
      : [];
  expect(figures(read)).toEqual(figures(expected));
  expect(read.tables.map((t) => t.periodEnding)).toEqual(["2017-08-01", "2017-08-01"]);
});

test("a write that fails half-way leaves the user's sheets alone, says which sheets are incomplete, and a rerun repairs them", async () => {
  const excel = new FakeExcel();
  excel.addSheet("Notes", [["my notes"]]);
  const notes = excel.snapshot("Notes");
  const host = hostOn(excel);
  await importInto(host, tablesOf("borough-a-2017-09-05.txt", "Merton"));
  const tables = tablesOf("borough-d-2017-09-05.txt", "Sutton");
  // How many requests this import makes, measured on an identical workbook: fail the one
  // that writes the data sheet's values (the last two write the generated sheets), after a
  // few of its operations ran, so some sheets are written and some are not.
  const twin = new FakeExcel();
  twin.addSheet("Notes", [["my notes"]]);
  await importInto(hostOn(twin), tablesOf("borough-a-2017-09-05.txt", "Merton"));
  const twinStart = twin.syncCount;
  await importInto(hostOn(twin), tables);
  excel.failSync(twin.syncCount - twinStart - 2, { afterOperations: 3 });
  const failure = await importInto(host, tables).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(Error);
  expect((failure as Error).message).toMatch(
    /incomplete and will be repaired when you run it again: .*Sutton 2017-09-05/
  );
  expect(excel.snapshot("Notes")).toBe(notes);

  // Running the same import again finishes it: nothing is imported twice.
  const again = await importInto(host, tables);
  expect(again.warnings).toEqual(["This finished the import Excel had interrupted."]);
  expect(excel.sheetNames().filter((n) => n.startsWith("Sutton"))).toEqual([
    "Sutton 2017-09-05",
    "Sutton 2017-09-05 calls",
  ]);
  expect(excel.snapshot("Notes")).toBe(notes);
  expect((await host.listDataSheets()).map((d) => d.sheet)).toContain("Sutton 2017-09-05");
});

/** The sample indicators built into a monitoring sheet; the record of it; where its Q4 actual of the first indicator is. */
async function buildSampleMonitoring(excel: FakeExcel, host: WorkbookHost, sheet: string) {
  const read = readIndicators(
    fs.readFileSync(path.join(samples, "../monitoring/indicators-2016-17.txt"), "utf8")
  );
  if (!read.ok) throw new Error(read.errors[0]?.message);
  expect((await host.buildMonitoring(read.indicators)).sheets).toEqual([sheet, "Summary"]);
  const record = definitionsIn(excel)?.sheets.find((d) => d.role === "monitoring");
  const input = record?.monitoring?.inputs.indicators[0];
  const col = input?.periods.find((p) => p.label === "2016-17 Q4")?.col;
  if (!record || input === undefined || col === undefined) throw new Error("no Q4 column recorded");
  /** The analyst types a figure into that cell. */
  const type = (value: number) =>
    excel.state.writeCells(
      excel.state.findSheet(sheet)!,
      { row: input.actualRow, col, rows: 1, cols: 1 },
      [[value]]
    );
  return { read, record, row: input.actualRow, col, type };
}

test("the monitoring sheet is built from pasted indicators, recorded with its inputs, and rebuilt by Refresh all", async () => {
  const excel = new FakeExcel();
  const host = hostOn(excel);
  const { read, record, row, col, type } = await buildSampleMonitoring(excel, host, "Monitoring");
  expect(record).toMatchObject({ name: "Monitoring", generated: false });
  expect(record.monitoring?.inputs.indicators).toHaveLength(read.indicators.length);

  // The analyst types a new actual into the sheet; Refresh all rebuilds the sheet around it.
  type(1490);
  const refreshed = await host.refreshAll();
  expect(refreshed.sheets).toEqual(expect.arrayContaining(["Checks", "Monitoring"]));
  expect(excel.cell("Monitoring", row, col).value).toBe(1490);
  expect(excel.sheetNames().filter((n) => n.startsWith("Monitoring"))).toEqual(["Monitoring"]);
});

test("a monitoring sheet named around a user's own “Monitoring” sheet is read back by its recorded name", async () => {
  const excel = new FakeExcel();
  excel.addSheet("Monitoring", [["my own notes"]]);
  const host = hostOn(excel);
  const { row, col, type } = await buildSampleMonitoring(excel, host, "Monitoring (2)");
  type(1490);
  const refreshed = await host.refreshAll();
  // Rebuilt from its own cells: the figure typed into it survives; the user's sheet is untouched.
  expect(refreshed.sheets).toContain("Monitoring (2)");
  expect(excel.cell("Monitoring (2)", row, col).value).toBe(1490);
  expect(excel.cell("Monitoring", "A1").value).toBe("my own notes");
});
