// The ribbon's "Refresh comparisons" against the Excel test double: it rebuilds every
// generated sheet from the data sheets as the user corrected them, leaves the user's
// sheets alone, and always ends with a notice in plain words.
import { FakeExcel } from "../doubles/fakeExcel";
import { excelRunner, CELL_EDIT_MODE, type ExcelRunFunction } from "../../src/office/runExcel";
import { writeWorkbook } from "../../src/writers/officejs/writeWorkbook";
import { readWorkbookState } from "../../src/writers/officejs/readWorkbookState";
import { WorkbookPlanError } from "../../src/writers/officejs/errors";
import { refreshAll, startFrom } from "../../src/app/useCases";
import { noticeFor, runRefreshCommand, type Notice } from "../../src/commands/refreshComparisons";
import { MESSAGES } from "../../src/commands/messages";
import { assertWorkbookMatchesSpec } from "../writers/layoutContract";
import { viewFakeWorkbook } from "../writers/officejs/viewFakeWorkbook";
import { importSpec, mertonAugust, mertonJuly } from "../writers/officejs/scenarios";

const runOn =
  (excel: FakeExcel): ExcelRunFunction =>
  (options, batch) =>
    excel.run(options, (c) => batch(c as unknown as Excel.RequestContext));
const clock = () => "2026-11-22";

async function builtWorkbook() {
  const excel = new FakeExcel();
  excel.addSheet("My notes", [["mine"], [1, 2, 3]]);
  const first = importSpec(mertonJuly(), excel.sheetNames());
  const run = excelRunner({ run: runOn(excel) });
  await writeWorkbook(run, first.spec);
  const second = importSpec(mertonAugust(), excel.sheetNames(), first.definitions, first.refs);
  await writeWorkbook(run, second.spec, { previous: first.definitions });
  return { excel, run, spec: second.spec };
}

describe("Refresh comparisons", () => {
  it("rebuilds the generated sheets from the data sheets as the user corrected them, and says which", async () => {
    const { excel, run, spec } = await builtWorkbook();
    const notes = excel.snapshot("My notes");
    // The user corrects a count on the August data sheet: its printed % change no longer agrees.
    const data = spec.sheets.find((s) => s.name === "Merton 2017-08-01")!;
    const table = data.tables[0]!;
    const headers = data.blocks.find((b) => b.row === table.row)!.cells[0]!.map((c) => c?.text);
    const col = headers.indexOf("Offences Current R12");
    excel.typeCells(data.name, `${String.fromCharCode(65 + table.col + col)}${table.row + 3}`, [
      [99999],
    ]);
    const checksText = () =>
      [...Array(400).keys()]
        .map(
          (r) =>
            String(excel.cell("Checks", r, 12).value) + String(excel.cell("Checks", r, 6).value)
        )
        .join("\n");
    expect(checksText()).not.toMatch(/99,?999/);
    const before = excel.syncCount;

    const shown: Notice[] = [];
    const notice = await runRefreshCommand({
      run,
      notify: async (n) => {
        shown.push(n);
      },
      clock,
    });

    expect(shown).toEqual([notice]);
    expect(notice.kind).toBe("success");
    expect(notice.title).toBe(MESSAGES.doneTitle);
    expect(notice.message).toMatch(/Checks/);
    expect(notice.message).toMatch(/Trend Merton/);
    expect(excel.snapshot("My notes")).toBe(notes);
    // 3 reads for the state, then the writer's reads and its writes: number formats a
    // request before the values (text stays text), generated sheets after the definitions.
    expect(excel.syncCount - before).toBeLessThanOrEqual(8);
    // The workbook is what the plan says, and Checks now reports the corrected row.
    const state = await excel.run((c) => readWorkbookState(c as unknown as Excel.RequestContext));
    const again = refreshAll(startFrom(state, clock()));
    assertWorkbookMatchesSpec(viewFakeWorkbook(excel), again.plan.spec);
    expect(checksText()).toMatch(/99,?999/);
  });

  it("on a workbook Scrutiny Sheets has not built in, changes nothing and says what to do", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Budget", [["x"]]);
    const notice = await runRefreshCommand({
      run: excelRunner({ run: runOn(excel) }),
      notify: async () => undefined,
      clock,
    });
    expect(notice).toEqual({
      kind: "info",
      title: MESSAGES.nothingTitle,
      message: MESSAGES.nothing,
    });
    expect(excel.requests.every((r) => r.writes === 0)).toBe(true);
  });

  it("while the user keeps editing a cell, ends with a notice saying to finish editing", async () => {
    const { excel } = await builtWorkbook();
    excel.enterCellEditMode(100);
    const oldHost: ExcelRunFunction = (_o, batch) =>
      excel.run((c) => batch(c as unknown as Excel.RequestContext));
    const notice = await runRefreshCommand({
      run: excelRunner({ run: oldHost, retries: 1, sleep: async () => undefined }),
      notify: async () => undefined,
      clock,
    });
    expect(notice).toEqual({
      kind: "error",
      title: MESSAGES.failedTitle,
      message: MESSAGES.cellEdit,
    });
    expect(excel.requests.slice(-2).map((r) => r.error)).toEqual([CELL_EDIT_MODE, CELL_EDIT_MODE]);
  });

  it("words a refused plan and an unknown failure plainly", () => {
    const plan = new WorkbookPlanError([
      {
        problem: "user-sheet-in-the-way",
        sheet: "Checks",
        message: 'Sheet "Checks": made by someone else',
      },
    ]);
    expect(noticeFor({ error: plan }).message).toBe(
      'Nothing was changed. Sheet "Checks": made by someone else'
    );
    expect(noticeFor({ error: new Error("The connection dropped.") }).message).toMatch(
      /^Excel stopped the refresh: The connection dropped\. Nothing of yours/
    );
  });
});
