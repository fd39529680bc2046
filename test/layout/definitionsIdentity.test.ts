// Sheet ids (README "Renamed sheets"): the sheet an anchor's reference names, as Excel,
// LibreOffice and Office.js write it back, and the resolution of recorded sheets to the
// names they have now.
import {
  anchorDefinitions,
  anchoredSheet,
  anchorsOf,
  resolveDefinitions,
} from "../../src/layout/definitionsIdentity";
import type { Definitions, SheetDefinition } from "../../src/layout/definitions";

const defs = (...sheets: SheetDefinition[]): Definitions => ({
  version: 1,
  areas: [],
  periods: [],
  groups: [],
  thresholds: {},
  sheets,
});
const data = (name: string, anchor?: string): SheetDefinition => ({
  name,
  role: "data",
  generated: false,
  ...(anchor ? { anchor } : {}),
});
const checks = (name: string, anchor?: string): SheetDefinition => ({
  name,
  role: "checks",
  generated: true,
  ...(anchor ? { anchor } : {}),
});
const names = (d: Definitions) => d.sheets.map((s) => s.name);

describe("anchoredSheet", () => {
  test.each([
    ["'Checks (old)'!$A$1", "Checks (old)"],
    ["='Checks (old)'!$A$1", "Checks (old)"],
    ["Checks!$A$1", "Checks"],
    ["=Summary!A1", "Summary"],
    ["'O''Brien 2017-09-05'!$A$1", "O'Brien 2017-09-05"],
    ["#REF!$A$1", null],
    ["=#REF!", null],
    ["'Checks'!$A$1:$B$2", null],
  ])("%s names %s", (reference, sheet) => {
    expect(anchoredSheet(reference)).toBe(sheet);
  });

  test("only workbook-level names of the anchor form are anchors (names ignore case)", () => {
    const map = anchorsOf([
      { name: "_ScrutinySheet_1", reference: "'A'!$A$1" },
      { name: "_scrutinysheet_2", reference: "#REF!$A$1" },
      { name: "MyTotal", reference: "'A'!$B$9" },
    ]);
    expect([...map]).toEqual([
      ["_scrutinysheet_1", "A"],
      ["_scrutinysheet_2", null],
    ]);
  });
});

describe("resolveDefinitions", () => {
  const sheets = ["Merton Aug", "Checks (old)", "Checks"];
  const anchors = new Map([
    ["_scrutinysheet_1", "Merton Aug"],
    ["_scrutinysheet_2", "Checks (old)"],
  ]);

  test("each recorded sheet under the name its id gives; the user's sheet of an old name is not claimed", () => {
    const out = resolveDefinitions(
      defs(data("Merton 2017-08-01", "_ScrutinySheet_1"), checks("Checks", "_ScrutinySheet_2")),
      anchors,
      sheets
    );
    expect(names(out)).toEqual(["Merton Aug", "Checks (old)"]);
  });

  test("definitions without ids, or ids the workbook lacks while its sheets are gone, are taken by name", () => {
    const old = defs(data("Merton 2017-08-01"), checks("Checks"));
    expect(resolveDefinitions(old, anchors, sheets)).toBe(old);
    const notYet = defs(data("Merton 2017-08-01", "_ScrutinySheet_7"));
    expect(names(resolveDefinitions(notYet, new Map(), ["Sheet1"]))).toEqual(["Merton 2017-08-01"]);
  });

  test("a deleted sheet keeps its record, unless another sheet has taken its name", () => {
    const deleted = new Map([["_scrutinysheet_1", null]]);
    expect(
      names(resolveDefinitions(defs(data("Merton", "_ScrutinySheet_1")), deleted, ["Sheet1"]))
    ).toEqual(["Merton"]);
    expect(
      names(resolveDefinitions(defs(data("Merton", "_ScrutinySheet_1")), deleted, ["Merton"]))
    ).toEqual([]);
  });

  test("a name recorded for two sheets, or a sheet carrying another id, is refused", () => {
    expect(() =>
      resolveDefinitions(
        defs(data("Checks (old)", "_ScrutinySheet_1"), checks("Checks (old)", "_ScrutinySheet_2")),
        anchors,
        sheets
      )
    ).toThrow(/claim the sheet “Checks \(old\)” as a data sheet but also as the Checks sheet/);
    expect(() =>
      resolveDefinitions(defs(checks("Merton Aug", "_ScrutinySheet_5")), anchors, sheets)
    ).toThrow(/as the Checks sheet \(_ScrutinySheet_5\), but that sheet is _ScrutinySheet_1/);
  });
});

describe("anchorDefinitions", () => {
  test("a sheet keeps the id it had; new sheets get the next free ones", () => {
    const previous = defs(data("A", "_ScrutinySheet_1"), checks("Checks", "_ScrutinySheet_4"));
    const next = anchorDefinitions(
      defs(data("A"), data("B"), checks("Checks"), data("C")),
      previous
    );
    expect(next.sheets.map((s) => [s.name, s.anchor])).toEqual([
      ["A", "_ScrutinySheet_1"],
      ["B", "_ScrutinySheet_5"],
      ["Checks", "_ScrutinySheet_4"],
      ["C", "_ScrutinySheet_6"],
    ]);
  });
});
