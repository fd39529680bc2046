// Import selection reads what Excel shows; a number too wide for its column shows as
// "####" and is rebuilt from its value and number format.
import {
  cellText,
  formatDecimals,
  withShownFigures,
} from "../../../src/taskpane/host/selectionText";
import { readPaste } from "../../../src/core/read";
import type { SelectionRead } from "../../../src/writers/officejs/readSelection";

test("decimals and percent come from the number format's first section", () => {
  expect(formatDecimals("0.0%")).toBe(1);
  expect(formatDecimals("#,##0")).toBe(0);
  expect(formatDecimals("#,##0.00;[Red]-#,##0.00")).toBe(2);
  expect(formatDecimals('0" pts"')).toBe(0);
  expect(cellText(0.1154, "0.0%")).toBe("11.5%");
  expect(cellText(-0.0605, "0.0%")).toBe("-6.1%");
  expect(cellText(12251, "#,##0")).toBe("12251");
  expect(cellText("a\tb\nc", "General")).toBe("a b c");
  expect(cellText(null, "General")).toBe("");
});

test("cells Excel shows as #### are rebuilt, and the table reads as the printed paste does", () => {
  const header = [
    "Crime Category",
    "Sub Category",
    "Target",
    "Offences Previous R12",
    "Offences Current R12",
    "Offences % Change",
    "SDs Previous R12",
    "SDs Current R12",
    "SD Rate - Previous R12",
    "SD Rate - Current R12",
  ];
  const read: SelectionRead = {
    sheet: "Sheet1",
    address: "Sheet1!A1:J4",
    from: "selection",
    values: [
      ["Offences & SDs", "", "", "", "", "", "", "", "", ""],
      ["Reporting Period Ending: 1 August 2017", "", "", "", "", "", "", "", "", ""],
      header,
      ["Burglary", "Total", "", 1482, 1392, -0.0607, 102, 99, 0.0688, 0.0711],
    ],
    numberFormats: [
      Array(10).fill("General"),
      Array(10).fill("General"),
      Array(10).fill("General"),
      ["General", "General", "General", "#,##0", "#,##0", "0.0%", "#,##0", "#,##0", "0.0%", "0.0%"],
    ],
    text: [
      ["Offences & SDs", "", "", "", "", "", "", "", "", ""],
      ["Reporting Period Ending: 1 August 2017", "", "", "", "", "", "", "", "", ""],
      header,
      ["Burglary", "Total", "", "1,482", "####", "-6.1%", "102", "99", "###", "7.1%"],
    ],
    syncs: 2,
  };
  const fixed = withShownFigures(read);
  expect(fixed.text[3]).toEqual([
    "Burglary",
    "Total",
    "",
    "1,482",
    "1392",
    "-6.1%",
    "102",
    "99",
    "6.9%",
    "7.1%",
  ]);
  const text = fixed.text.map((r) => r.join("\t")).join("\n");
  const result = readPaste(text, { source: "selection" });
  if (!result.ok) throw new Error(result.error.message);
  expect(result.tables[0]?.rows[0]?.values).toMatchObject({
    offencesPrevious: 1482,
    offencesCurrent: 1392,
    offencesChangePct: -6.1,
    sdRatePrevious: 6.9,
  });
});
