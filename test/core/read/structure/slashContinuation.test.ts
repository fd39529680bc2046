// A Word table copied as text (cells separated by " / ") whose cells run over two lines: the
// West Yorkshire Community Safety Fund indicators (Q3 2013). A line starting "(…)" ends the
// last cell of the line above; the row keeps its first line's number and every line of the
// source is still read into the table.
import { readPaste } from "../../../../src/core/read";
import { cellValue } from "../../../../src/core/read/structure/cellValue";
import { parseNumber } from "../../../../src/core/read/parseNumber";
import { findTables } from "../../../../src/core/read/findTables";
import { spacedLines } from "../../../../src/core/read/sourceLines";
import { readStructured } from "../../../../src/core/read/structure";
import { checkStructured } from "../../../../src/core/validate/structure";
import { validateTables } from "../../../../src/core/validate";
import { checkJson } from "../../../support/checkJson";
import { tableText } from "../../../support/tablesCorpus";

const FILE = "west-yorkshire-csf-indicators-q3-2013.txt";

type Doc = {
  tables: { checked: unknown[]; rows: { line: number; category: string }[] }[];
  issues: { severity: string; line: number }[];
};

describe("a Word table whose cells run over lines (West Yorkshire CSF indicators)", () => {
  const text = tableText(FILE);
  const read = readStructured(text);

  it("is one table: its four heading lines joined, the Bradford section and five rows", () => {
    expect(read.tables).toHaveLength(1);
    const t = read.tables[0]!;
    expect(t.headerLines).toEqual([1, 2, 3, 4]);
    expect(t.labelHeadings).toEqual(["Indicator"]);
    expect(t.columns.map((c) => [c.heading, c.role])).toEqual([
      [
        "Outcome: people in West Yorkshire are saferBaseline at 31 March 2013 (% change for 12 months April 12 – March 13)",
        "period",
      ],
      ["Q2 performance (30 September 2013)", "period"],
      ["Q3 performance (31 December 2013)", "period"],
      ["Achievement at 31 March 2014", "period"],
    ]);
    expect(t.sectionLines).toEqual([5]);
    expect(t.rows.map((r) => [r.line, r.alsoLines ?? [], r.labels, r.section])).toEqual([
      [6, [7], ["Reduce total crime"], "BRADFORD CSP"],
      [8, [9], ["Reduce rate of re-offending of adults"], "BRADFORD CSP"],
      [10, [], ["Reduce domestic burglary"], "BRADFORD CSP"],
      [11, [], ["Reduce DV repeat victimisation"], "BRADFORD CSP"],
      [
        12,
        [],
        ["Reduce the proportion of residents who believe the ASB has increased"],
        "BRADFORD CSP",
      ],
    ]);
  });

  it("joins a broken cell's text with a space, the row's other cells in their columns", () => {
    const rows = read.tables[0]!.rows;
    expect(rows[0]!.cells).toEqual(["40,861 (3%)", "20,409", "30,658", ""]);
    expect(rows[1]!.cells).toEqual([
      "8.48% (December 2012)",
      "8.77% (12m to Sept 12)",
      "No New Data Published",
      "",
    ]);
  });

  it("reads a joined figure cell as its figure, its note kept; a year with a note stays words", () => {
    const [crime, reoffending] = read.tables[0]!.rows;
    const kinds = [...crime!.cells.slice(0, 1), ...reoffending!.cells.slice(0, 3)].map((c) => {
      const p = cellValue(c);
      return p.kind === "number" ? [p.value, p.unit] : [p.kind];
    });
    expect(kinds).toEqual([[40861, null], [8.48, "percent"], [8.77, "percent"], ["unavailable"]]);
    // As a cell of the workbook it stays the text printed, note and all.
    expect(parseNumber("40,861 (3%)").kind).toBe("text");
    // A heading of a year and a note is not a figure: it stays a heading.
    expect(cellValue("2013 (provisional)").kind).toBe("text");
  });

  it("reads every line of the text into the table: none is left unread", () => {
    const t = read.tables[0]!;
    const lines = [
      ...t.headerLines,
      ...t.sectionLines,
      ...t.rows.flatMap((r) => [r.line, ...(r.alsoLines ?? [])]),
    ];
    const filled = text
      .split("\n")
      .map((l, i) => (l.trim() === "" ? 0 : i + 1))
      .filter((n) => n > 0);
    expect([...lines].sort((a, b) => a - b)).toEqual(filled);
    expect(read.unread).toEqual([]);
  });

  it("checks nothing as derived: no printed figure is worked out from others in the table", () => {
    const check = checkStructured(read);
    expect(check.issues).toEqual([]);
    expect(check.coverage[0]!.checked).toEqual([]);
  });

  it("is read so by the product: labels without the separator, figures with notes read as figures", () => {
    const pasted = readPaste(text, { source: FILE });
    if (!pasted.ok) throw new Error(pasted.error.message);
    expect(pasted.tables).toHaveLength(1);
    const rows = pasted.tables[0]!.rows;
    expect(rows.map((r) => [r.line, r.category])).toEqual([
      [6, "Reduce total crime"],
      [8, "Reduce rate of re-offending of adults"],
      [10, "Reduce domestic burglary"],
      [11, "Reduce DV repeat victimisation"],
      [12, "Reduce the proportion of residents who believe the ASB has increased"],
    ]);
    // A figure with its note is kept as printed (the data sheet shows "40,861 (3%)").
    const baseline = pasted.tables[0]!.columns[1]!.field;
    expect(rows.map((r) => r.values[baseline] ?? r.raw[baseline])).toEqual([
      "40,861 (3%)",
      "8.48% (December 2012)",
      3628,
      38,
      15.5,
    ]);
    // "No New Data Published" is a figure not available: a note, not an error.
    const issues = validateTables(pasted.tables);
    expect(issues.filter((i) => i.severity !== "info")).toEqual([]);
    expect(issues.find((i) => i.line === 8 && i.reported === "No New Data Published")?.rule).toBe(
      "missing-value"
    );
  });

  it("is one table of five rows to check, with no error, and says nothing derived was checked", async () => {
    const { code, doc } = await checkJson<Doc>(FILE, text);
    expect(code).toBe(0);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.rows.map((r) => r.line)).toEqual([6, 8, 10, 11, 12]);
    expect(doc.tables[0]!.rows.every((r) => !/\/\s*$/.test(r.category))).toBe(true);
    expect(doc.tables[0]!.checked).toEqual([]);
    expect(doc.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });
});

describe("a line continuing a cell, and the lines around it", () => {
  const lines = tableText(FILE).trimEnd().split("\n");

  it("is not joined across a blank line; the line after the blank is still reported", () => {
    const text = [...lines.slice(0, 6), "", ...lines.slice(6)].join("\n");
    const read = readStructured(text);
    const t = read.tables[0]!;
    expect(t.rows.find((r) => r.line === 6)?.alsoLines).toBeUndefined();
    const accounted = [
      ...read.tables.flatMap((x) => [
        ...x.headerLines,
        ...x.sectionLines,
        ...x.rows.flatMap((r) => [r.line, ...(r.alsoLines ?? [])]),
      ]),
      ...read.unread.map((u) => u.line),
    ];
    expect(accounted).toContain(8);
  });

  it("left unread, is reported with the line it continues, its text included", () => {
    // Lines 8 and 9 alone: one row, no table around it.
    const read = readStructured(lines.slice(7, 9).join("\n"));
    expect(read.tables).toEqual([]);
    expect(read.unread).toHaveLength(1);
    const u = read.unread[0]!;
    expect(u.line).toBe(1);
    expect(u.alsoLines).toEqual([2]);
    expect(u.text).toContain("8.77% (12m to Sept 12)");
    expect(u.text).toContain("No New Data Published");
    expect(u.why).toMatch(/lines 1-2: a cell broken over lines/);
  });
});

describe("the line-by-line reader of the same text", () => {
  it("keeps no separator at the end of a label", () => {
    const ctx = { source: FILE, userArea: null, fileArea: null };
    const rows = findTables(spacedLines(tableText(FILE)), ctx).flatMap((t) => t.rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => /\s\/$/.test(r.category))).toEqual([]);
  });
});
