// One specification for both writers: given a view of a written workbook (whichever
// library wrote it and whichever reads it back), check that a WorkbookSpec was applied
// faithfully. The Office.js writer's tests run it against the Excel test double; the
// .xlsx writer's tests can run it against ExcelJS's reading of the file.
//
// Checked: every sheet, its visibility; every cell of every block (text stays text with
// no formula, numbers stay numbers, formulas are exactly ours, number formats); no formula
// anywhere that the spec did not ask for; tables and their ranges; conditional formats,
// their ranges, rules and order; and, where the view offers them, links, freeze panes and
// charts. Plain TypeScript with no test framework: it returns the differences, and
// `assertWorkbookMatchesSpec` throws them as one error.

import type { CellSpec, SheetSpec, WorkbookSpec } from "../../src/layout/spec";
import { formulaAt } from "../../src/layout/formulaRows";
import { usedRows } from "../../src/layout/extent";

export interface WrittenCell {
  /** The constant the cell holds; null when empty or when it holds a formula. */
  value: string | number | boolean | null;
  /** The formula without "=", or null. */
  formula: string | null;
  /** The number format; null or "General" when none. */
  numFmt: string | null;
}

export interface WrittenRange {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface WrittenWorkbook {
  sheetNames(): string[];
  visibility(sheet: string): "visible" | "hidden" | "veryHidden";
  cell(sheet: string, row: number, col: number): WrittenCell;
  /** Every cell holding a formula (formula without "="). */
  formulaCells(sheet: string): (WrittenRange & { formula: string })[];
  tables(sheet: string): (WrittenRange & { name: string })[];
  /** In priority order; formula without "=", or null when the rule is not a formula. */
  conditionalFormats(
    sheet: string
  ): (WrittenRange & { formula: string | null; fill?: string | null })[];
  /** Internal link target of a cell ("'Sheet'!A1"), when the format keeps them as links. */
  link?(sheet: string, row: number, col: number): string | null;
  freeze?(sheet: string): { rows: number; cols: number };
  charts?(sheet: string): { title: string; series: { name: string; values: string }[] }[];
}

export interface ContractOptions {
  /** Maps a written formula to the layout's form (e.g. drop "_xlfn." prefixes). @default drops "_xlfn." */
  normalizeFormula?: (formula: string) => string;
  /** Sheets expected to be absent (removed by the spec). @default spec.removeSheets */
  absent?: string[];
}

const a1 = (row: number, col: number): string => {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row + 1}`;
};

const literal = (text: string): string => `"${text.replace(/"/g, '""')}"`;
const isGeneral = (f: string | null): boolean => f === null || f === "" || f === "General";
const upper = (c: string | null | undefined): string | null => (c ? c.toUpperCase() : null);
const unquote = (address: string): string =>
  address
    .replace(/^'((?:[^']|'')*)'!/, (_m, s: string) => `${s.replace(/''/g, "'")}!`)
    .replace(/\$/g, "");

/** Our own formulas: the spec's, and the HYPERLINK an .xlsx writer may use for a linked text cell. */
function expectedFormula(cell: CellSpec, row: number): string[] {
  const formula = formulaAt(cell, row);
  if (formula !== undefined) return [formula];
  if (cell.text !== undefined && cell.link) {
    return [
      `HYPERLINK(${literal(`#${cell.link}`)},${literal(cell.text)})`,
      `HYPERLINK(${literal(cell.link)},${literal(cell.text)})`,
    ];
  }
  return [];
}

export function checkWorkbookAgainstSpec(
  book: WrittenWorkbook,
  spec: WorkbookSpec,
  options: ContractOptions = {}
): string[] {
  const norm = options.normalizeFormula ?? ((f: string) => f.replace(/_xlfn\./gi, ""));
  const out: string[] = [];
  const names = book.sheetNames();
  for (const gone of options.absent ?? spec.removeSheets ?? []) {
    if (names.some((n) => n.toLowerCase() === gone.toLowerCase()))
      out.push(`sheet "${gone}" should have been removed`);
  }
  for (const sheet of spec.sheets) {
    if (!names.includes(sheet.name)) {
      out.push(
        `sheet "${sheet.name}" is missing (the workbook has ${names.map((n) => `"${n}"`).join(", ")})`
      );
      continue;
    }
    out.push(...checkSheet(book, sheet, norm).map((m) => `${sheet.name}: ${m}`));
  }
  return out;
}

export function assertWorkbookMatchesSpec(
  book: WrittenWorkbook,
  spec: WorkbookSpec,
  options?: ContractOptions
): void {
  const diffs = checkWorkbookAgainstSpec(book, spec, options);
  if (diffs.length > 0) {
    const shown = diffs.slice(0, 40);
    throw new Error(
      `The workbook does not match its spec (${diffs.length} differences):\n  ${shown.join("\n  ")}${diffs.length > shown.length ? "\n  ..." : ""}`
    );
  }
}

function checkSheet(
  book: WrittenWorkbook,
  sheet: SheetSpec,
  norm: (f: string) => string
): string[] {
  const out: string[] = [];
  const name = sheet.name;
  const vis = book.visibility(name);
  if (vis !== (sheet.visibility ?? "visible"))
    out.push(`visibility is ${vis}, the spec says ${sheet.visibility ?? "visible"}`);

  const ours = new Map<string, string[]>();
  for (const block of sheet.blocks) {
    block.cells.forEach((row, i) =>
      row.forEach((spec, j) => {
        if (!spec) return;
        const r = block.row + i;
        const c = block.col + j;
        const at = a1(r, c);
        const got = book.cell(name, r, c);
        const formula = got.formula === null ? null : norm(got.formula);
        const allowed = expectedFormula(spec, r);
        if (allowed.length) ours.set(at, allowed);
        if (spec.formula !== undefined) {
          if (formula !== allowed[0])
            out.push(
              `${at} should hold the formula ${allowed[0]}, it holds ${formula === null ? JSON.stringify(got.value) : formula}`
            );
        } else if (spec.text !== undefined) {
          if (formula !== null && !allowed.includes(formula))
            out.push(
              `${at} should hold the text ${JSON.stringify(spec.text)}, it holds a formula ${formula}`
            );
          else if (
            formula === null &&
            got.value !== spec.text &&
            !(spec.text === "" && (got.value === null || got.value === ""))
          ) {
            out.push(
              `${at} should hold the text ${JSON.stringify(spec.text)}, it holds ${JSON.stringify(got.value)}`
            );
          }
        } else if (spec.number !== undefined) {
          if (formula !== null || got.value !== spec.number)
            out.push(
              `${at} should hold the number ${spec.number}, it holds ${formula ?? JSON.stringify(got.value)}`
            );
        } else if (spec.bool !== undefined) {
          if (formula !== null || got.value !== spec.bool)
            out.push(
              `${at} should hold ${String(spec.bool)}, it holds ${formula ?? JSON.stringify(got.value)}`
            );
        } else if (formula !== null || (got.value !== null && got.value !== "")) {
          out.push(`${at} should be empty, it holds ${formula ?? JSON.stringify(got.value)}`);
        }
        const empty =
          spec.text === undefined &&
          spec.number === undefined &&
          spec.bool === undefined &&
          spec.formula === undefined;
        if (empty && spec.numFmt === undefined) {
          // A blank cell's format is free: a writer may give it its column's.
        } else if (spec.text === undefined) {
          const want = spec.numFmt ?? null;
          if (want === null ? !isGeneral(got.numFmt) : got.numFmt !== want)
            out.push(
              `${at} should have the number format ${want ?? "General"}, it has ${got.numFmt ?? "General"}`
            );
        } else if (
          !isGeneral(got.numFmt) &&
          got.numFmt !== "@" &&
          got.numFmt !== (spec.numFmt ?? null)
        ) {
          out.push(`${at} holds text but has the number format ${got.numFmt}`);
        }
        if (spec.link && book.link) {
          const link = book.link(name, r, c);
          if (link === null || unquote(link.replace(/^#/, "")) !== unquote(spec.link)) {
            if (!(formula !== null && allowed.includes(formula)))
              out.push(`${at} should link to ${spec.link}, it links to ${String(link)}`);
          }
        }
      })
    );
  }
  for (const f of book.formulaCells(name)) {
    const at = a1(f.row, f.col);
    const allowed = ours.get(at);
    if (!allowed || !allowed.includes(norm(f.formula)))
      out.push(`${at} holds a formula the spec did not write: ${f.formula}`);
  }

  const tables = book.tables(name);
  for (const t of sheet.tables) {
    const w = tables.find((x) => x.name === t.name);
    if (!w) out.push(`table ${t.name} is missing`);
    else if (w.row !== t.row || w.col !== t.col || w.rows !== t.rows || w.cols !== t.cols) {
      out.push(
        `table ${t.name} covers ${a1(w.row, w.col)}:${a1(w.row + w.rows - 1, w.col + w.cols - 1)}, the spec says ${a1(t.row, t.col)}:${a1(t.row + t.rows - 1, t.col + t.cols - 1)}`
      );
    }
  }

  // Conditional formats: same order; a writer may trim a rule to the rows the sheet uses.
  const used = usedRows(sheet);
  const written = book.conditionalFormats(name);
  let k = 0;
  for (const f of sheet.conditionalFormats) {
    const first = used ? Math.max(f.row, used.first) : f.row;
    const last = used ? Math.min(f.row + f.rows - 1, used.last) : f.row + f.rows - 1;
    const w = written[k];
    const matchesFull = w && w.row === f.row && w.rows === f.rows;
    const matchesTrimmed = w && w.row === first && w.rows === last - first + 1;
    if (last < first && !matchesFull) continue; // dropped: it covered no used row
    k++;
    const where = `conditional format ${k} (${f.formula})`;
    if (!w) {
      out.push(`${where} is missing`);
      continue;
    }
    if (w.col !== f.col || w.cols !== f.cols || !(matchesFull || matchesTrimmed)) {
      out.push(
        `${where} covers ${a1(w.row, w.col)}:${a1(w.row + w.rows - 1, w.col + w.cols - 1)}, the spec says ${a1(f.row, f.col)}:${a1(f.row + f.rows - 1, f.col + f.cols - 1)}`
      );
    }
    if ((matchesFull || w.row === f.row) && (w.formula === null || norm(w.formula) !== f.formula)) {
      out.push(`${where} has the rule ${String(w.formula)}`);
    }
    if (w.fill !== undefined && f.format.fill && upper(w.fill) !== upper(f.format.fill))
      out.push(`${where} fills ${String(w.fill)}, the spec says ${f.format.fill}`);
  }
  if (written.length > k)
    out.push(`${written.length - k} conditional formats the spec did not ask for`);

  if (book.freeze) {
    const fz = book.freeze(name);
    const want = sheet.freeze ?? { rows: 0, cols: 0 };
    if (fz.rows !== want.rows || fz.cols !== want.cols)
      out.push(
        `freezes ${fz.rows} rows and ${fz.cols} columns, the spec says ${want.rows} and ${want.cols}`
      );
  }
  if (book.charts) {
    const charts = book.charts(name);
    if (charts.length !== sheet.charts.length)
      out.push(`has ${charts.length} charts, the spec asks for ${sheet.charts.length}`);
    sheet.charts.forEach((c, i) => {
      const w = charts[i];
      if (!w) return;
      if (w.title !== c.title)
        out.push(
          `chart ${i + 1} is titled ${JSON.stringify(w.title)}, the spec says ${JSON.stringify(c.title)}`
        );
      const got = w.series.map((s) => `${s.name}=${unquote(s.values)}`);
      const want = c.series.map((s) => `${s.name}=${unquote(s.values)}`);
      if (got.join("|") !== want.join("|"))
        out.push(`chart ${i + 1} has series ${got.join(", ")}, the spec says ${want.join(", ")}`);
    });
  }
  return out;
}
