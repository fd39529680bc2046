import { layoutDataSheet, FLAG_TEXT } from "../../src/layout/dataSheet/layout";
import type { CellSpec, SheetSpec } from "../../src/layout/spec";
import type { CrimeTable } from "../../src/core/model";
import { sampleTables, datastoreTables } from "../support/samples";
import { mertonAugust } from "../support/handTables";

const thresholds = { alpha: 0.05, minBase: 20 };
const layout = (t: CrimeTable) =>
  layoutDataSheet(t, {
    sheetName: "Data",
    tableName: "Data_T",
    importedOn: "2026-11-22",
    thresholds,
  });

/** The table block: header row then data rows. */
function tableBlock(sheet: SheetSpec) {
  const t = sheet.tables[0]!;
  const block = sheet.blocks.find((b) => b.row === t.row)!;
  const headers = block.cells[0]!.map((c) => c?.text ?? "");
  const rows = block.cells.slice(1);
  const cell = (i: number, heading: string): CellSpec | null =>
    rows[i]![headers.indexOf(heading)] ?? null;
  return { t, headers, rows, cell };
}

describe("data sheet layout", () => {
  const [offences, calls] = sampleTables("merton-2017-08-01.txt");

  test("keeps the source headings, with each derived figure as a formula and the printed figure beside it", () => {
    const { headers, t, rows } = tableBlock(layout(offences!).sheet);
    const source = offences!.columns.map((c) => c.heading);
    for (const h of source) expect(headers).toContain(h);
    expect(headers.indexOf("Offences % Change (printed)")).toBe(
      headers.indexOf("Offences % Change") + 1
    );
    expect(headers.indexOf("SD Rate - Current R12 (printed)")).toBe(
      headers.indexOf("SD Rate - Current R12") + 1
    );
    expect(headers).toEqual(
      expect.arrayContaining(["p-value (offences change)", "Check", "Flag", "Source line"])
    );
    expect(t.rows).toBe(offences!.rows.length + 1);
    expect(t.cols).toBe(headers.length);
    expect(rows).toHaveLength(offences!.rows.length);
  });

  test("counts are numbers with thousands separators; % changes and rates are formulas that never divide by zero", () => {
    const { cell } = tableBlock(layout(offences!).sheet);
    const victim = offences!.rows.findIndex((r) => r.subcategory === "TNO - Victim");
    expect(cell(victim, "Offences Previous R12")).toEqual({ number: 12251, numFmt: "#,##0" });
    const change = cell(victim, "Offences % Change")!;
    expect(change.formula).toMatch(
      /^IF\(AND\(ISNUMBER\(\$D\d+\),ISNUMBER\(\$E\d+\)\),IF\(\$D\d+=0,"n\/a",/
    );
    expect(change.numFmt).toBe("0.0%");
    expect(cell(victim, "Offences % Change (printed)")).toEqual({ number: 0.022, numFmt: "0.0%" });
    expect(cell(victim, "SD Rate - Current R12")!.formula).toContain('"n/a"');
    expect(cell(victim, "p-value (offences change)")!.formula).toContain("BINOM.DIST(MIN(");
  });

  test("pasted text is never a formula", () => {
    const t = mertonAugust();
    t.rows[0]!.category = '=HYPERLINK("http://example.com","x")';
    t.rows[1]!.values.offencesCurrent = null;
    t.rows[1]!.raw.offencesCurrent = "=1+1";
    const { cell } = tableBlock(layout(t).sheet);
    expect(cell(0, "Crime Category")).toEqual({
      text: '=HYPERLINK("http://example.com","x")',
      style: undefined,
    });
    expect(cell(1, "Offences Current R12")).toEqual({ text: "=1+1" });
  });

  test("highlights are expression rules over the data rows, and the legend holds the thresholds they use", () => {
    const { sheet } = layout(offences!);
    const { t } = tableBlock(sheet);
    expect(sheet.conditionalFormats.length).toBeGreaterThan(5);
    for (const cf of sheet.conditionalFormats) {
      expect(cf.row).toBe(t.row + 1);
      expect(cf.rows).toBe(offences!.rows.length);
    }
    const legendTexts = sheet.blocks.flatMap((b) => b.cells.flat()).map((c) => c?.text);
    for (const label of Object.values(FLAG_TEXT).filter((l) => l !== FLAG_TEXT.notable))
      expect(legendTexts).toContain(label);
    // The notable-change flag and its threshold cell come with a change threshold (the add-in's setting).
    expect(legendTexts).not.toContain(FLAG_TEXT.notable);
    const withThreshold = layoutDataSheet(offences!, {
      sheetName: "Data",
      tableName: "T",
      importedOn: "x",
      thresholds: { ...thresholds, changeThreshold: 20 },
    }).sheet;
    const cells = withThreshold.blocks.flatMap((b) => b.cells.flat());
    expect(cells.map((c) => c?.text)).toContain(FLAG_TEXT.notable);
    expect(cells.find((c) => c?.numFmt === "0%")?.number).toBe(0.2);
    const alphaCell = sheet.blocks.flatMap((b) => b.cells.flat()).find((c) => c?.number === 0.05);
    expect(alphaCell).toBeDefined();
    expect(sheet.conditionalFormats.some((cf) => /\$[A-Z]+\$\d+/.test(cf.formula))).toBe(true);
  });

  test("the calls table has a unit column and a change that is % on counts and points on percentages", () => {
    const { headers, cell } = tableBlock(layout(calls!).sheet);
    expect(headers.slice(0, 2)).toEqual(["Measure", "Unit"]);
    const iCalls = calls!.rows.findIndex((r) => r.category === "I Calls In Target");
    expect(cell(iCalls, "Unit")).toEqual({ text: "percent" });
    expect(cell(iCalls, "Previous R12")).toEqual({ number: 0.91, numFmt: "0.0%" });
    expect(cell(iCalls, "Change %")!.formula).toMatch(/\*100,""\)$/);
    const asb = calls!.rows.findIndex((r) => r.category === "ASB Calls");
    expect(cell(asb, "Previous R12")).toEqual({ number: 4171, numFmt: "#,##0" });
    expect(cell(asb, "Change %")!.numFmt).toBe("0.0%");
  });

  test("Datastore tables have no SD columns and no printed columns", () => {
    const [camden] = datastoreTables({ areas: ["Camden"] });
    const { headers } = tableBlock(layout(camden!).sheet);
    expect(headers.some((h) => /SD/.test(h) && !/p-value/.test(h))).toBe(false);
    expect(headers.some((h) => h.endsWith("(printed)"))).toBe(false);
    expect(headers).toContain("Offences % Change");
  });

  test("cellOf points at the printed cell for issues and at the formula otherwise", () => {
    const l = layout(offences!);
    const i = offences!.rows.findIndex((r) => r.subcategory === "TNO - Victim");
    const { headers, t } = tableBlock(l.sheet);
    const letter = (h: string) => String.fromCharCode(65 + headers.indexOf(h));
    expect(l.cellOf(i, "offencesChangePct", true)).toBe(
      `'Data'!${letter("Offences % Change (printed)")}${t.row + 2 + i}`
    );
    expect(l.cellOf(i, "offencesChangePct")).toBe(
      `'Data'!${letter("Offences % Change")}${t.row + 2 + i}`
    );
    expect(l.cellOf(i, "offencesCurrent")).toBe(
      `'Data'!${letter("Offences Current R12")}${t.row + 2 + i}`
    );
  });
});
