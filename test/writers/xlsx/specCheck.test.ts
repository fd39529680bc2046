// Both writers run the one spec check (layout/checkSpec) before writing anything: a spec
// the add-in's writer refuses, the .xlsx writer refuses with the same problems.
import ExcelJS from "exceljs";
import { writeXlsx } from "../../../src/writers/xlsx/writeXlsx";
import { editXlsx } from "../../../src/writers/xlsx/ooxml/editPackage";
import { planWrites, type WorkbookFacts } from "../../../src/writers/officejs/planWrites";
import { WorkbookPlanError } from "../../../src/writers/officejs/errors";
import type { SheetSpec, WorkbookSpec } from "../../../src/layout/spec";

const sheet = (name: string, over: Partial<SheetSpec> = {}): SheetSpec => ({
  name,
  role: "comparison",
  generated: true,
  blocks: [],
  tables: [],
  conditionalFormats: [],
  charts: [],
  ...over,
});

const noFacts: WorkbookFacts = { sheets: [], tableNames: [], onSheet: new Map() };

async function xlsxError(spec: WorkbookSpec, base?: ExcelJS.Workbook): Promise<unknown> {
  const over = base ? new Uint8Array(await base.xlsx.writeBuffer()) : null;
  return (over ? editXlsx(over, spec) : writeXlsx(spec)).then(
    () => null,
    (e: unknown) => e
  );
}

function officeJsError(spec: WorkbookSpec): unknown {
  try {
    planWrites(spec, noFacts);
    return null;
  } catch (e) {
    return e;
  }
}

describe("the spec check both writers share", () => {
  test.each<[string, WorkbookSpec]>([
    ["a sheet name Excel refuses", { sheets: [sheet("a/b")] }],
    ["two sheets of one name", { sheets: [sheet("Trend"), sheet("TREND")] }],
    [
      "a cell with two kinds of value",
      {
        sheets: [sheet("C", { blocks: [{ row: 0, col: 0, cells: [[{ text: "x", number: 1 }]] }] })],
      },
    ],
    [
      "a table name that looks like a cell",
      {
        sheets: [
          sheet("T", {
            blocks: [{ row: 0, col: 0, cells: [[{ text: "h" }], [{ number: 1 }]] }],
            tables: [{ name: "AB12", row: 0, col: 0, rows: 2, cols: 1 }],
          }),
        ],
      },
    ],
  ])("refuses %s in both writers alike", async (_what, spec) => {
    const fromXlsx = await xlsxError(spec);
    const fromOfficeJs = officeJsError(spec);
    expect(fromXlsx).toBeInstanceOf(WorkbookPlanError);
    expect(fromOfficeJs).toBeInstanceOf(WorkbookPlanError);
    expect((fromXlsx as WorkbookPlanError).issues).toEqual(
      (fromOfficeJs as WorkbookPlanError).issues
    );
  });

  test("the .xlsx writer knows the sheets of the workbook it refreshes", async () => {
    const base = new ExcelJS.Workbook();
    base.addWorksheet("Data");
    const chart = {
      type: "line" as const,
      title: "Calls",
      categories: "'Data'!A1:A3",
      series: [{ name: "Calls", values: "'Data'!B1:B3" }],
      row: 0,
      col: 0,
      width: 4,
      height: 4,
    };
    const spec: WorkbookSpec = { sheets: [sheet("Trend", { charts: [chart] })] };
    expect(await xlsxError(spec, base)).toBeNull();
    const error = await xlsxError(spec);
    expect(error).toBeInstanceOf(WorkbookPlanError);
    // Categories and values alike name the missing sheet.
    expect((error as WorkbookPlanError).issues.map((i) => i.message)).toEqual([
      'Sheet "Trend": chart "Calls": no sheet "Data"',
      'Sheet "Trend": chart "Calls": no sheet "Data"',
    ]);
  });
});
