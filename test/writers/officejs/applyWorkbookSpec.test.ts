// The Office.js writer against the Excel test double: real layouts of the sample tables
// applied faithfully (the shared layout contract), in a constant number of syncs, with
// calculation suspended while writing, and never touching a sheet the user made.
import { FakeExcel } from "../../doubles/fakeExcel";
import { OfficeJsClient } from "../../doubles/officeJsClient";
import {
  applyWorkbookSpec,
  type ApplyOptions,
} from "../../../src/writers/officejs/applyWorkbookSpec";
import { WorkbookPlanError } from "../../../src/writers/officejs/errors";
import type { WorkbookSpec } from "../../../src/layout/spec";
import { DEFINITIONS_SHEET } from "../../../src/layout/definitions";
import { assertWorkbookMatchesSpec, checkWorkbookAgainstSpec } from "../layoutContract";
import { viewFakeWorkbook } from "./viewFakeWorkbook";
import {
  dataStage,
  generatedStage,
  datastoreAreas,
  importSpec,
  mertonAugust,
  mertonJuly,
} from "./scenarios";

const apply = (excel: FakeExcel, spec: WorkbookSpec, options?: ApplyOptions) =>
  new OfficeJsClient(excel).run((ctx) => applyWorkbookSpec(ctx, spec, options));

function userWorkbook(): FakeExcel {
  const excel = new FakeExcel();
  excel.addSheet("My notes", [["Figures for the committee"], ["=1+1", 42, "2017-09-05"]]);
  excel.addSheet("Checks (mine)", [["kept as it is"]]);
  return excel;
}

describe("importing a pasted table", () => {
  // Syncs: one read, then the writes; text formats reach Excel a request before the values
  // (text stays text), and generated sheets start after the definitions that record them.
  it("writes the data sheets, Checks and the definitions as the layout says, in at most 4 syncs", async () => {
    const excel = userWorkbook();
    const before = excel.snapshot("My notes");
    const { spec } = importSpec(mertonAugust(), excel.sheetNames());
    const report = await apply(excel, spec);

    assertWorkbookMatchesSpec(viewFakeWorkbook(excel), spec);
    expect(report.syncs).toBeLessThanOrEqual(4);
    expect(excel.syncCount).toBe(report.syncs);
    expect(excel.sheetNames()).toEqual(["My notes", "Checks (mine)", ...report.sheets]);
    expect(excel.visibility(DEFINITIONS_SHEET)).toBe("VeryHidden");
    expect(excel.snapshot("My notes")).toBe(before);
    expect(excel.problems).toEqual([]);
    // Every request that wrote suspended calculation first.
    for (const r of excel.requests.filter((x) => x.writes > 0))
      expect(r.suspendedCalculation).toBe(true);
  });

  it("imports a second period in at most 5 syncs, rebuilding the generated sheets in place", async () => {
    const excel = userWorkbook();
    const first = importSpec(mertonJuly(), excel.sheetNames());
    await apply(excel, first.spec);
    const checksBefore = excel.sheetNames().indexOf("Checks");
    const syncsBefore = excel.syncCount;

    const second = importSpec(mertonAugust(), excel.sheetNames(), first.definitions, first.refs);
    const report = await apply(excel, second.spec, { previous: first.definitions });

    assertWorkbookMatchesSpec(viewFakeWorkbook(excel), second.spec);
    expect(excel.syncCount - syncsBefore).toBe(report.syncs);
    expect(report.syncs).toBeLessThanOrEqual(5);
    expect(report.rebuilt).toEqual(expect.arrayContaining(["Checks", DEFINITIONS_SHEET]));
    expect(excel.sheetNames().indexOf("Checks")).toBe(checksBefore);
    // Two periods of one area: a trend sheet now, with its charts.
    const trend = second.spec.sheets.find((s) => s.role === "trend");
    expect(trend).toBeDefined();
    expect(excel.charts(trend!.name).length).toBe(trend!.charts.length);
  });
});

describe("building comparison and trend sheets", () => {
  async function build(areas: number) {
    const excel = userWorkbook();
    const data = dataStage(datastoreAreas(areas), excel.sheetNames());
    await apply(excel, data.spec);
    const first = generatedStage(data.refs, excel.sheetNames(), data.definitions);
    const built = await apply(excel, first.spec, { previous: data.definitions });
    assertWorkbookMatchesSpec(viewFakeWorkbook(excel), first.spec);
    const again = generatedStage(data.refs, excel.sheetNames(), first.definitions);
    const rebuilt = await apply(excel, again.spec, { previous: first.definitions });
    assertWorkbookMatchesSpec(viewFakeWorkbook(excel), again.spec);
    expect(excel.problems).toEqual([]);
    return { built, rebuilt, excel, spec: again.spec };
  }

  it("for 2 areas over two periods takes at most 5 syncs, first time and on rebuilding", async () => {
    const { built, rebuilt, spec } = await build(2);
    expect(spec.sheets.filter((s) => s.role === "comparison")).toHaveLength(2);
    expect(spec.sheets.filter((s) => s.role === "trend")).toHaveLength(2);
    expect(built.syncs).toBeLessThanOrEqual(5);
    expect(rebuilt.syncs).toBeLessThanOrEqual(5);
  });

  // Requests are budgeted on what Office.js serialises (4,000,000 bytes, Excel on the web
  // refuses 5,000,000): 33 areas' comparison, trend and Checks sheets (5,395 findings, each
  // a link) are about 26 MB on the wire, so they take more requests than 2 areas', each
  // full: the count follows the size, never more than one request per 2.6 MB.
  it("for 33 areas takes requests in proportion to the bytes Office.js sends", async () => {
    const many = await build(33);
    for (const k of ["built", "rebuilt"] as const) {
      const bytes = many[k].requests.reduce((n, r) => n + r.bytes, 0);
      expect(many[k].requests.length).toBeLessThanOrEqual(Math.ceil(bytes / 2_600_000) + 2);
    }
  });
});

describe("big pastes", () => {
  it("writes a 100,000-row block in requests that each stay under the 5 MB limit", async () => {
    const rows = 100_000;
    const cells = Array.from({ length: rows }, (_, i) => [
      { text: `Category ${i % 97}` },
      { text: `Sub-category ${i}` },
      { number: i * 3, numFmt: "#,##0" },
      { number: i * 3 + (i % 7), numFmt: "#,##0" },
      { formula: `IF(C${i + 2}=0,"n/a",(D${i + 2}-C${i + 2})/C${i + 2})`, numFmt: "0.0%" },
    ]);
    const spec: WorkbookSpec = {
      sheets: [
        {
          name: "Big paste",
          role: "data",
          generated: false,
          blocks: [
            {
              row: 0,
              col: 0,
              cells: [
                [
                  { text: "Category" },
                  { text: "Sub" },
                  { text: "Prev" },
                  { text: "Cur" },
                  { text: "Change" },
                ],
                ...cells,
              ],
            },
          ],
          tables: [{ name: "Big", row: 0, col: 0, rows: rows + 1, cols: 5 }],
          conditionalFormats: [
            {
              row: 1,
              col: 4,
              rows: rows + 50,
              cols: 1,
              formula: "ISNUMBER($E2)",
              format: { fill: "#FDD9B5" },
            },
          ],
          charts: [],
        },
      ],
    };
    const excel = new FakeExcel();
    const report = await apply(excel, spec);
    expect(report.requests.length).toBeGreaterThan(1);
    for (const r of excel.requests) expect(r.bytes).toBeLessThan(5 * 1024 * 1024);
    expect(excel.maxRequestBytes).toBeGreaterThan(1024 * 1024);
    expect(report.syncs).toBe(1 + report.requests.length);
    expect(excel.cell("Big paste", rows, 1).value).toBe(`Sub-category ${rows - 1}`);
    expect(excel.cell("Big paste", rows, 4).formula).toBe(
      `=IF(C${rows + 1}=0,"n/a",(D${rows + 1}-C${rows + 1})/C${rows + 1})`
    );
    expect(excel.tables("Big paste")[0]?.address).toBe(`A1:E${rows + 1}`);
    // The rule covers the used rows only.
    expect(excel.conditionalFormats("Big paste")[0]?.address).toBe(`E2:E${rows + 1}`);
    assertWorkbookMatchesSpec(viewFakeWorkbook(excel), spec);
  });
});

describe("refusing before writing anything", () => {
  const tiny = (
    name: string,
    extra: Partial<WorkbookSpec["sheets"][number]> = {}
  ): WorkbookSpec => ({
    sheets: [
      {
        name,
        role: "comparison",
        generated: true,
        blocks: [{ row: 0, col: 0, cells: [[{ text: "x" }, { number: 1 }]] }],
        tables: [],
        conditionalFormats: [],
        charts: [],
        ...extra,
      },
    ],
  });

  it.each([
    [
      "a sheet the user made has the name (ignoring case)",
      tiny("my NOTES"),
      "user-sheet-in-the-way",
    ],
    [
      "the spec removes a sheet the user made",
      { ...tiny("New"), removeSheets: ["My notes"] },
      "user-sheet-in-the-way",
    ],
    ["a sheet name Excel refuses", tiny("a/b"), "invalid-sheet-name"],
    [
      "a number that is not finite",
      tiny("N", { blocks: [{ row: 0, col: 0, cells: [[{ number: Number.NaN }]] }] }),
      "invalid-cell",
    ],
    [
      "a formula Excel would refuse for its length",
      tiny("L", { blocks: [{ row: 0, col: 0, cells: [[{ formula: `"${"x".repeat(9000)}"` }]] }] }),
      "invalid-cell",
    ],
    [
      "two tables that overlap",
      tiny("T", {
        blocks: [
          {
            row: 0,
            col: 0,
            cells: [
              [{ text: "a" }, { text: "b" }],
              [{ number: 1 }, { number: 2 }],
            ],
          },
        ],
        tables: [
          { name: "T1", row: 0, col: 0, rows: 2, cols: 2 },
          { name: "T2", row: 0, col: 1, rows: 2, cols: 1 },
        ],
      }),
      "tables-overlap",
    ],
  ])("when %s", async (_what, spec, problem) => {
    const excel = userWorkbook();
    const before = excel.sheetNames().map((n) => excel.snapshot(n));
    const error = await apply(excel, spec as WorkbookSpec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookPlanError);
    expect((error as WorkbookPlanError).issues.map((i) => i.problem)).toContain(problem);
    expect(excel.requests.every((r) => r.writes === 0)).toBe(true);
    expect(excel.sheetNames().map((n) => excel.snapshot(n))).toEqual(before);
  });

  it("refuses a table name another sheet's table already has", async () => {
    const excel = userWorkbook();
    excel.addSheet("Tables", [["h"], [1]]);
    excel.addTable("Tables", "A1:A2", "Data_Merton");
    const spec = tiny("New", {
      blocks: [{ row: 0, col: 0, cells: [[{ text: "h" }], [{ number: 1 }]] }],
      tables: [{ name: "data_merton", row: 0, col: 0, rows: 2, cols: 1 }],
    });
    await expect(apply(excel, spec)).rejects.toMatchObject({
      issues: [expect.objectContaining({ problem: "table-name-taken" })],
    });
  });
});

describe("the layout contract itself", () => {
  it("reports a text cell turned into a formula, a changed format, a missing table and a stray formula", async () => {
    const excel = new FakeExcel();
    const { spec } = importSpec(mertonAugust(), excel.sheetNames());
    await apply(excel, spec);
    expect(checkWorkbookAgainstSpec(viewFakeWorkbook(excel), spec)).toEqual([]);
    const data = spec.sheets[0]!;
    const table = data.tables[0]!;
    // Break the written workbook behind the writer's back, as a faulty writer would.
    excel.setNumberFormat(data.name, "A1", "General");
    excel.typeCells(data.name, "A1", [["=1+1"]]);
    excel.setNumberFormat(data.name, `D${table.row + 2}`, "0.00");
    excel.typeCells(data.name, "Z200", [["=SUM(A1:A2)"]]);
    excel.state.tables = excel.state.tables.filter((t) => t.name !== table.name);
    const diffs = checkWorkbookAgainstSpec(viewFakeWorkbook(excel), spec).join("\n");
    expect(diffs).toMatch(/A1 should hold the text .* it holds a formula 1\+1/);
    expect(diffs).toMatch(
      new RegExp(`D${table.row + 2} should have the number format #,##0, it has 0.00`)
    );
    expect(diffs).toMatch(new RegExp(`table ${table.name} is missing`));
    expect(diffs).toMatch(/Z200 holds a formula the spec did not write/);
  });
});
