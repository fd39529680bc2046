// Excel.run wrapped once: a request refused because the user is editing a cell is tried
// again; a write the refusal cut half-way is finished, not restarted over the user's work.
import { FakeExcel } from "../doubles/fakeExcel";
import {
  runExcel,
  excelRunner,
  CELL_EDIT_MODE,
  type ExcelRunFunction,
} from "../../src/office/runExcel";
import { writeWorkbook } from "../../src/writers/officejs/writeWorkbook";
import { assertWorkbookMatchesSpec } from "../writers/layoutContract";
import { viewFakeWorkbook } from "../writers/officejs/viewFakeWorkbook";
import { importSpec, mertonAugust } from "../writers/officejs/scenarios";

/** A host older than ExcelApi 1.11 ignores delayForCellEdit: the double's run without options. */
const oldHost =
  (excel: FakeExcel): ExcelRunFunction =>
  (_options, batch) =>
    excel.run((c) => batch(c as unknown as Excel.RequestContext));
const noWait = { sleep: () => Promise.resolve() };

describe("runExcel", () => {
  it("asks Excel to wait for cell editing, so a modern host does not refuse", async () => {
    const excel = new FakeExcel();
    excel.enterCellEditMode(1);
    const run: ExcelRunFunction = (options, batch) =>
      excel.run(options, (c) => batch(c as unknown as Excel.RequestContext));
    await runExcel(
      async (ctx) => {
        ctx.workbook.worksheets.add("Added");
        await ctx.sync();
      },
      { run, ...noWait }
    );
    expect(excel.sheetNames()).toContain("Added");
    expect(excel.requests).toHaveLength(1);
  });

  it("tries again while the user edits a cell, then gives up with Excel's error", async () => {
    const excel = new FakeExcel();
    excel.enterCellEditMode(2);
    await runExcel(
      async (ctx) => {
        ctx.workbook.worksheets.add("Later");
        await ctx.sync();
      },
      { run: oldHost(excel), ...noWait }
    );
    expect(excel.sheetNames()).toContain("Later");
    expect(excel.requests.map((r) => r.error)).toEqual([CELL_EDIT_MODE, CELL_EDIT_MODE, null]);

    excel.enterCellEditMode(10);
    await expect(
      runExcel(
        async (ctx) => {
          ctx.workbook.worksheets.add("Never");
          await ctx.sync();
        },
        { run: oldHost(excel), retries: 2, ...noWait }
      )
    ).rejects.toMatchObject({ code: CELL_EDIT_MODE });
  });

  it("finishes a write that cell editing cut half-way, leaving the sheets it completed as they are", async () => {
    const excel = new FakeExcel();
    excel.addSheet("My notes", [["mine"]]);
    const notes = excel.snapshot("My notes");
    const { spec } = importSpec(mertonAugust(), excel.sheetNames());
    // The third write request is refused: Excel rejects it whole.
    excel.failSync(4, { code: CELL_EDIT_MODE });
    const report = await writeWorkbook(excelRunner({ run: oldHost(excel), ...noWait }), spec, {
      maxRequestBytes: 40_000,
    });
    assertWorkbookMatchesSpec(viewFakeWorkbook(excel), spec);
    expect(excel.snapshot("My notes")).toBe(notes);
    expect(report.sheets.sort()).toEqual(spec.sheets.map((s) => s.name).sort());
    expect(excel.requests.filter((r) => r.error === CELL_EDIT_MODE)).toHaveLength(1);
  });
});
