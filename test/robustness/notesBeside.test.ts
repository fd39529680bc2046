// Issue #17, "Refresh that changes only what the product owns": the Office.js Refresh all
// edits the live workbook, so it clears only the recorded extent of each generated sheet.
// A note the user types beside a generated table (to its right, or below it), and a chart
// of the user's on that sheet, survive a refresh; the generated content is as before.
// Run on the Excel double, through the ribbon's refresh (app refreshAll, then the writer).
import { FakeExcel } from "../doubles/fakeExcel";
import { excelRunner, type ExcelRunFunction } from "../../src/office/runExcel";
import { writeWorkbook } from "../../src/writers/officejs/writeWorkbook";
import { refreshGenerated } from "../../src/commands/refreshComparisons";
import type { Definitions } from "../../src/layout/definitions";
import { datastoreAreas, importSpec } from "../writers/officejs/scenarios";

const runOn =
  (excel: FakeExcel): ExcelRunFunction =>
  (options, batch) =>
    excel.run(options, (c) => batch(c as unknown as Excel.RequestContext));
const clock = () => "2026-11-22";
const NOTE = "Ask the analyst about this";

/** Two boroughs over two months (two comparisons, two trends and Checks), refreshed once. */
async function builtWorkbook(): Promise<{
  excel: FakeExcel;
  run: ReturnType<typeof excelRunner>;
  definitions: Definitions;
}> {
  const excel = new FakeExcel();
  const built = importSpec(datastoreAreas(2), excel.sheetNames());
  const run = excelRunner({ run: runOn(excel) });
  await writeWorkbook(run, built.spec);
  // As the user has it after a Refresh all: what the next one is compared with.
  await refreshGenerated(run, clock);
  return { excel, run, definitions: built.definitions };
}

const col = (c: number): string =>
  (c >= 26 ? String.fromCharCode(64 + Math.floor(c / 26)) : "") +
  String.fromCharCode(65 + (c % 26));

/** Cells two columns right of the generated content, and two rows below it. */
function besideAndBelow(extent: { rows: number; cols: number }): string[] {
  return [`${col(extent.cols + 1)}3`, `B${extent.rows + 2}`];
}

/** Everything the product wrote over `extent`: cells, rules, its charts. */
function generated(excel: FakeExcel, sheet: string, extent: { rows: number; cols: number }) {
  const cells: unknown[] = [];
  for (let r = 0; r < extent.rows; r++)
    for (let c = 0; c < extent.cols; c++) cells.push(excel.cell(sheet, r, c));
  return {
    cells,
    rules: excel.conditionalFormats(sheet),
    charts: excel.charts(sheet).filter((ch) => ch.name.startsWith("Scrutiny chart")),
  };
}

/** A chart of the user's, beside the generated content. */
async function addUsersChart(excel: FakeExcel, sheet: string, at: string): Promise<void> {
  await excel.run(async (c) => {
    const ws = (c as unknown as Excel.RequestContext).workbook.worksheets.getItem(sheet);
    const chart = ws.charts.add("Line", ws.getRange(at), "Columns");
    chart.name = "My chart";
    await c.sync();
  });
}

describe("Refresh all keeps what the user put beside a generated sheet", () => {
  it("keeps notes right of and below comparisons and trends, and the user's chart, and rebuilds the same content", async () => {
    const { excel, run, definitions } = await builtWorkbook();
    const sheets = definitions.sheets.filter((s) => s.role === "comparison" || s.role === "trend");
    expect(sheets.map((s) => s.role).sort()).toEqual([
      "comparison",
      "comparison",
      "trend",
      "trend",
    ]);
    const before = new Map<string, ReturnType<typeof generated>>();
    for (const s of sheets) {
      const extent = s.extent!;
      before.set(s.name, generated(excel, s.name, extent));
      for (const at of besideAndBelow(extent)) excel.typeCells(s.name, at, [[NOTE]]);
    }
    const compare = sheets[0]!;
    excel.typeCells(compare.name, "AA1:AA3", [[1], [2], [3]]);
    await addUsersChart(excel, compare.name, "AA1:AA3");

    const outcome = await refreshGenerated(run, clock);

    expect(outcome.sheets).toEqual(expect.arrayContaining(sheets.map((s) => s.name)));
    for (const s of sheets) {
      for (const at of besideAndBelow(s.extent!)) expect(excel.cell(s.name, at).value).toBe(NOTE);
      expect(generated(excel, s.name, s.extent!)).toEqual(before.get(s.name));
    }
    expect(excel.charts(compare.name).map((c) => c.name)).toContain("My chart");
    expect(excel.cell(compare.name, "AA2").value).toBe(2);
  });

  // Checks records its extent (layoutWorkbook's checksWanted), so the writer clears only it;
  // its Excel table is made plain cells first (Table.convertToRange) and made again.
  it("keeps notes right of and below the Checks sheet, and its table", async () => {
    const { excel, run } = await builtWorkbook();
    const used = excel.usedRange("Checks")!; // "A1:O241"
    const [, lastCol, lastRow] = /:([A-Z]+)(\d+)$/.exec(used)!;
    const extent = { rows: Number(lastRow), cols: lastCol!.charCodeAt(0) - 64 };
    const content = generated(excel, "Checks", extent);
    const tables = excel.tables("Checks");
    expect(tables.map((t) => [t.name, t.address])).toEqual([
      ["Scrutiny_Checks", `A5:${used.split(":")[1]}`],
    ]);
    for (const at of besideAndBelow(extent)) excel.typeCells("Checks", at, [[NOTE]]);
    // A table of the user's beside it stays a table.
    excel.typeCells("Checks", "R5:S7", [
      ["Ward", "Cases"],
      ["Abbey", 3],
      ["Colliers Wood", 5],
    ]);
    excel.addTable("Checks", "R5:S7", "MyWards");

    await refreshGenerated(run, clock);

    for (const at of besideAndBelow(extent)) expect(excel.cell("Checks", at).value).toBe(NOTE);
    expect(generated(excel, "Checks", extent)).toEqual(content);
    expect(
      excel
        .tables("Checks")
        .map((t) => t.name)
        .sort()
    ).toEqual(["MyWards", "Scrutiny_Checks"]);
    expect(excel.tables("Checks").find((t) => t.name === "Scrutiny_Checks")).toEqual(tables[0]);
    expect(excel.cell("Checks", "S7").value).toBe(5);
  });
});
