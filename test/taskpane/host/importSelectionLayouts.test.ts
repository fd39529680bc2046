// "Import selection" in Excel reads the layouts a paste is read in: a London Datastore file
// opened in Excel (its counts numbers, tab-separated once read from the range) and a
// published monitoring table typed into a sheet, each as its file is read.
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import { readInput } from "../../../src/core/readInput";
import { createOfficeHost } from "../../../src/taskpane/host/officeHost";
import type { ExcelRunFunction } from "../../../src/office/runExcel";
import { FakeExcel } from "../../doubles/fakeExcel";
import { observed, tableText } from "../../support/tablesCorpus";

const DATASTORE = path.join(
  __dirname,
  "../../../samples/datastore/mps-borough-level-crime-2022-02-to-2024-01.csv"
);

/** The selection Import selection reads from a sheet holding `rows` (A1 selected: the used range). */
async function selectionOf(rows: (string | number)[][]) {
  const excel = new FakeExcel();
  const width = Math.max(...rows.map((r) => r.length));
  excel.addSheet(
    "Data",
    rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")])
  );
  excel.select("Data", "A1");
  const host = createOfficeHost(
    excel.run.bind(excel) as unknown as ExcelRunFunction,
    () => "2026-12-04"
  );
  return host.importSelection();
}

test("a Datastore file opened in Excel is read from the range as the CSV is", async () => {
  const csv = fs.readFileSync(DATASTORE, "utf8");
  const grid = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.map((row, i) =>
    i === 0 ? row : row.map((cell, c) => (c >= 3 ? Number(cell) : cell))
  );
  const selection = await selectionOf(grid);
  const areas = ["Merton", "Croydon"];
  const fromRange = readInput(selection.text, { source: selection.source, areas });
  const fromCsv = readInput(csv, { source: "csv", areas });
  if (!fromRange.ok || !fromCsv.ok) throw new Error("unreadable");
  expect(fromRange.tables.map((t) => [t.kind, t.area, t.periodEnding])).toEqual([
    ["datastore-r12", "Merton", "2024-01-31"],
    ["datastore-r12", "Croydon", "2024-01-31"],
  ]);
  const figures = (tables: typeof fromCsv.tables) =>
    tables.map((t) => t.rows.map((r) => [r.category, r.subcategory, r.values]));
  expect(figures(fromRange.tables)).toEqual(figures(fromCsv.tables));
});

test("Hart's KPI table typed into a sheet is read and checked as its paste is", async () => {
  const text = tableText("hart-kpis-2014-15-q2.txt");
  const rows = text
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => l.split("\t").map((c) => (/^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
  const selection = await selectionOf(rows);
  const fromRange = observed(selection.text).check.issues.map((i) => [i.rule, i.line, i.field]);
  const fromPaste = observed(text).check.issues.map((i) => [i.rule, i.line, i.field]);
  expect(fromRange).toEqual(fromPaste);
  expect(fromRange.filter(([rule]) => rule === "rag-mismatch")).toHaveLength(6);
});
