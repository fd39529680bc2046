// Any other table: a label column and figure columns, with or without a header row.
// Field keys come from the headings (camelCase); columns are typed by what they hold.

import type { ColumnInfo, TableRow } from "../model";
import { typedValue } from "./buildRows";
import { fieldKeys } from "./fieldKey";
import { parseNumber } from "./parseNumber";
import { rowsFrom, type SourceGrid, type SourceLine } from "./sourceLines";
import { splitSpacedRow } from "./splitSpacedRow";

export interface GenericMatch {
  headerLine: number | null;
  columns: ColumnInfo[];
  rows: TableRow[];
  /** Index of the first line after the table. */
  end: number;
}

/** Most figures taken from the right of a PDF-copied line of a generic table. */
const MAX_SPACED_VALUES = 60;

function isNumber(text: string): boolean {
  return parseNumber(text).kind === "number";
}

/** A data row: a label that is not a figure, and at least one figure after it. */
function isCelledDataRow(l: SourceLine | undefined): boolean {
  if (!l || l.cells.length < 2) return false;
  const label = l.cells[0] ?? "";
  if (label === "" || isNumber(label)) return false;
  for (let j = 1; j < l.cells.length; j++) if (isNumber(l.cells[j] ?? "")) return true;
  return false;
}

function isCelledHeader(l: SourceLine): boolean {
  let words = 0;
  for (let j = 1; j < l.cells.length; j++) {
    const c = l.cells[j] ?? "";
    if (c === "") continue;
    const k = parseNumber(c).kind;
    if (k === "number") return false;
    if (k === "text") words++;
  }
  return words > 0;
}

/** Rows of the table from `start`: consecutive data rows, across blank lines between rows. */
function collect(
  lines: SourceLine[],
  start: number,
  isRow: (l: SourceLine | undefined) => boolean,
  stop: (l: SourceLine) => boolean
): number {
  return rowsFrom(lines, start, (l) => (isRow(l) && !stop(l) ? l : null)).end;
}

function typeColumn(cells: string[], heading: string): ColumnInfo["type"] | "status" | null {
  let numbers = 0;
  let words = 0;
  let statuses = 0;
  let percent = /%|percent|rate/i.test(heading);
  let whole = true;
  for (const c of cells) {
    const p = parseNumber(c);
    if (p.kind === "number") {
      numbers++;
      if (p.unit === "percent") percent = true;
      if (p.unit !== null || p.decimals > 0) whole = false;
    } else if (p.kind === "text") words++;
    else if (p.kind === "status") statuses++;
  }
  if (numbers === 0 && words === 0)
    return statuses > 0 ? "status" : heading === "" ? null : "number";
  if (numbers < words) return "text";
  return percent ? "percent" : whole ? "count" : "number";
}

function build(
  headings: string[] | null,
  rowsCells: SourceLine[],
  headerLine: number | null,
  end: number
): GenericMatch | null {
  let width = headings?.length ?? 0;
  for (const r of rowsCells) width = Math.max(width, r.cells.length);
  const heads = Array.from({ length: width }, (_, j) => headings?.[j] ?? "");
  const keys = fieldKeys(heads);
  const columns: ColumnInfo[] = [{ field: "category", heading: heads[0] ?? "", type: "text" }];
  const statusCols: number[] = [];
  const valueCols: { j: number; col: ColumnInfo }[] = [];
  for (let j = 1; j < width; j++) {
    const type = typeColumn(
      rowsCells.map((r) => r.cells[j] ?? ""),
      heads[j] ?? ""
    );
    if (type === null) continue;
    if (type === "status") {
      statusCols.push(j);
      continue;
    }
    const col: ColumnInfo = { field: keys[j] ?? `column${j + 1}`, heading: heads[j] ?? "", type };
    columns.push(col);
    valueCols.push({ j, col });
  }
  if (!valueCols.some((v) => v.col.type !== "text")) return null;
  const rows: TableRow[] = rowsCells.map((r) => {
    const values: Record<string, number | null> = {};
    const raw: Record<string, string> = {};
    for (const { j, col } of valueCols) {
      const text = r.cells[j] ?? "";
      raw[col.field] = text;
      if (col.type !== "text")
        values[col.field] = typedValue(text, col.type === "count" ? "count" : "number");
    }
    const label = r.cells[0] ?? "";
    return {
      line: r.line,
      category: label,
      subcategory: null,
      isTotal: /^(?:grand )?total$/i.test(label),
      status: statusCols.some((j) => parseNumber(r.cells[j] ?? "").kind === "status")
        ? "dot"
        : null,
      values,
      raw,
    };
  });
  return { headerLine, columns, rows, end };
}

/** A generic table starting at line index `i` of a celled source, or null. */
export function matchCelledGeneric(
  lines: SourceLine[],
  i: number,
  stop: (l: SourceLine) => boolean
): GenericMatch | null {
  const l = lines[i];
  if (!l) return null;
  if (
    l.cells.length >= 2 &&
    !isCelledDataRow(l) &&
    isCelledHeader(l) &&
    isCelledDataRow(lines[i + 1])
  ) {
    const end = collect(lines, i + 1, isCelledDataRow, stop);
    return build(l.cells, lines.slice(i + 1, end), l.line, end);
  }
  if (isCelledDataRow(l) && isCelledDataRow(lines[i + 1])) {
    const end = collect(lines, i, isCelledDataRow, stop);
    return build(null, lines.slice(i, end), null, end);
  }
  return null;
}

/** A headerless generic table of PDF-copied lines: two or more lines ending in figures. */
export function matchSpacedGeneric(
  grid: SourceGrid,
  i: number,
  stop: (l: SourceLine) => boolean
): GenericMatch | null {
  const lines = grid.lines;
  const split = (l: SourceLine | undefined) =>
    l ? splitSpacedRow(l.cells[0] ?? "", MAX_SPACED_VALUES) : null;
  const first = split(lines[i]);
  const second = split(lines[i + 1]);
  const hasFigure = (s: ReturnType<typeof split>) => !!s && s.values.some(isNumber);
  if (!hasFigure(first) || !hasFigure(second)) return null;
  const isRow = (l: SourceLine | undefined) => hasFigure(split(l));
  const end = collect(lines, i, isRow, stop);
  const cells: SourceLine[] = lines.slice(i, end).map((l) => {
    const s = split(l) ?? { label: "", values: [] };
    return { line: l.line, cells: [s.label, ...s.values] };
  });
  return build(null, cells, null, end);
}
