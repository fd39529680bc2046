// The pane's sentences: errors in plain words with row and column, figures as printed.
import {
  describeHostError,
  describePlace,
  describeReadError,
  describeWrite,
  formatFigure,
} from "../../src/taskpane/messages";
import { WorkbookPlanError, WorkbookWriteError } from "../../src/writers/officejs/errors";

test("read errors say where, with line and column when the reader knows them", () => {
  expect(
    describeReadError({
      code: "truncated-row",
      message: "The row stops short: 6 figures, 7 expected",
      line: 12,
      column: 8,
    })
  ).toBe("The row stops short: 6 figures, 7 expected (line 12, column 8)");
  expect(describeReadError({ code: "empty", message: "The paste is empty" })).toBe(
    "The paste is empty"
  );
  expect(describePlace(40, "Current R12")).toBe("line 40, column “Current R12”");
});

test("a write Excel cut half-way while the user edited a cell says what to do and what will be finished", () => {
  const cause = Object.assign(new Error("The operation is not allowed"), {
    code: "InvalidOperationInCellEditMode",
  });
  const error = new WorkbookWriteError(
    {
      completeSheets: ["Merton 2017-08-01"],
      incompleteSheets: ["Checks", "_ScrutinyDefinitions"],
      pendingRemovals: [],
      syncs: 4,
    },
    cause
  );
  expect(describeHostError("Import", error)).toBe(
    "Import failed: Excel is editing a cell. Press Enter or Esc in the sheet, then try again. It will then finish these sheets: Checks, _ScrutinyDefinitions."
  );
});

test("a plan refused before writing keeps the writer's own words", () => {
  const error = new WorkbookPlanError([
    {
      problem: "user-sheet-in-the-way",
      sheet: "Checks",
      message:
        'Sheet "Checks": a sheet of this name is already in the workbook and was not made by Scrutiny Sheets, so it is left as it is',
    },
  ]);
  expect(describeHostError("Refresh all", error)).toBe(
    'Refresh all failed: Sheet "Checks": a sheet of this name is already in the workbook and was not made by Scrutiny Sheets, so it is left as it is'
  );
});

test("write reports list at most four sheets and add any warning", () => {
  expect(describeWrite("Built", { sheets: ["A", "B", "C", "D", "E", "F"] })).toBe(
    "Built: wrote 6 sheets (A, B, C, D and 2 more)."
  );
  expect(
    describeWrite("Refreshed", {
      sheets: [],
      warnings: ["Data sheet “X” is no longer in the workbook: left out."],
    })
  ).toBe("Refreshed: nothing to write. Data sheet “X” is no longer in the workbook: left out.");
});

test("expected figures are shown as the column prints them", () => {
  expect(
    formatFigure(33, {
      field: "offencesChangePct",
      heading: "Offences % Change",
      type: "percent",
      decimals: 1,
    })
  ).toBe("33.0%");
  expect(
    formatFigure(12251, {
      field: "offencesCurrent",
      heading: "Offences Current R12",
      type: "count",
      decimals: 0,
    })
  ).toBe("12,251");
  expect(formatFigure(-0.6, { field: "changePoints", heading: "Change %", type: "points" })).toBe(
    "-0.6 pts"
  );
  // Halves away from zero, as the paper prints them (toFixed gives 12.2% for 12.25).
  expect(
    formatFigure(12.25, {
      field: "sdRateCurrent",
      heading: "SD Rate - Current R12",
      type: "percent",
      decimals: 1,
    })
  ).toBe("12.3%");
  expect(formatFigure(null, undefined)).toBe("blank");
});
