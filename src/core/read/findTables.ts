// Walks the lines of a paste and recognises its tables: "Offences & SDs" and "I & S Calls
// and ASB" by their header rows, anything else with a label and figures as generic. Each
// table takes the nearest title, "Reporting Period Ending" and area lines above it; a
// table with no period line of its own inherits the paste's.

import type { CrimeTable, TableRow } from "../model";
import { setDecimals, type RawRow } from "./buildRows";
import { parseAreaLine } from "./findArea";
import { matchCelledGeneric, matchSpacedGeneric } from "./genericTable";
import { matchCelledHeader, matchSpacedHeader, readerOf, type TableSchema } from "./matchHeader";
import { isStatusText, parseNumber } from "./parseNumber";
import { parsePeriodLine } from "./parseDate";
import {
  filledCells,
  filledCount,
  isBlankLine,
  rowsFrom,
  type SourceGrid,
  type SourceLine,
} from "./sourceLines";
import { splitSpacedRow } from "./splitSpacedRow";

export interface FindContext {
  source: string;
  /** Area named by the user: wins over anything in the paste. */
  userArea: string | null;
  /** Area taken from the file name: used when the paste names none. */
  fileArea: string | null;
}

function lineText(l: SourceLine): string {
  return filledCells(l).join(" ");
}

/** The "Reporting Period Ending" line a line is (its date as read, and as printed), if it is one. */
export function periodLine(l: SourceLine): ReturnType<typeof parsePeriodLine> {
  const n = filledCount(l);
  if (n === 0 || n > 3) return undefined;
  return parsePeriodLine(filledCells(l).join(" "));
}

function periodOf(l: SourceLine): string | null | undefined {
  return periodLine(l)?.iso;
}

function areaOf(l: SourceLine): string | undefined {
  const n = filledCount(l);
  if (n === 0 || n > 2) return undefined;
  return parseAreaLine(filledCells(l).join(" "));
}

function matchHeader(grid: SourceGrid, l: SourceLine): TableSchema | null {
  return grid.spaced ? matchSpacedHeader(l) : matchCelledHeader(l);
}

/** Whether a line ends the rows of any table (a header, a period or an area line). */
function isBoundary(grid: SourceGrid, l: SourceLine): boolean {
  return periodOf(l) !== undefined || areaOf(l) !== undefined || matchHeader(grid, l) !== null;
}

function valueCount(schema: TableSchema): number {
  return schema.valueFields.filter((f) => f !== "target").length;
}

function celledRow(schema: TableSchema, l: SourceLine): RawRow | null {
  const labelAt = new Set<number>();
  const labels = schema.labelFields.map((f) => {
    const i = schema.cellIndex.get(f) ?? -1;
    labelAt.add(i);
    return l.cells[i] ?? "";
  });
  const printed: Record<string, string> = {};
  let figures = 0;
  for (const f of schema.valueFields) {
    const text = l.cells[schema.cellIndex.get(f) ?? -1] ?? "";
    printed[f] = text;
    if (text !== "") figures++;
  }
  let status = false;
  l.cells.forEach((c, i) => {
    if (!labelAt.has(i) && c !== "" && isStatusText(c)) status = true;
  });
  const filled = filledCount(l);
  if (figures === 0 && !status && filled < 2) return null;
  if (filled === 0) return null;
  return { line: l.line, labels, printed, status };
}

function spacedRow(schema: TableSchema, l: SourceLine): RawRow | null {
  const n = valueCount(schema);
  const split = splitSpacedRow(l.cells[0] ?? "", n);
  let values = split.values;
  let label = split.label;
  let status = false;
  if (readerOf(schema).dotIsStatus) {
    // In this table a dot is never a figure: it is the row's status column.
    status = values.some((v) => parseNumber(v).kind === "status");
    values = values.filter((v) => parseNumber(v).kind !== "status");
  } else if (values.length > n && parseNumber(values[values.length - 1] ?? "").kind === "status") {
    status = true;
    values = values.slice(0, -1);
  }
  const hasTarget = schema.valueFields.includes("target");
  const fields =
    hasTarget && values.length < schema.valueFields.length
      ? schema.valueFields.filter((f) => f !== "target")
      : schema.valueFields;
  if (values.length > fields.length) {
    // More figures than columns: the leftmost belong to the label ("Area 51 …").
    const excess = values.length - fields.length;
    label = [label, ...values.slice(0, excess)].join(" ");
    values = values.slice(excess);
  }
  if (values.length === 0 && !status) return null;
  if (!values.some((v) => parseNumber(v).kind !== "text") && !status) return null;
  const printed: Record<string, string> = {};
  fields.forEach((f, k) => (printed[f] = values[k] ?? ""));
  if (values.some((v) => parseNumber(v).kind === "status")) status = true;
  return { line: l.line, labels: [label], printed, status };
}

/** The rows of a recognised table from line index `start`; blank lines between rows are skipped. */
function collectRows(
  grid: SourceGrid,
  schema: TableSchema,
  start: number
): { raws: RawRow[]; end: number } {
  const rowOf = (l: SourceLine): RawRow | null =>
    isBoundary(grid, l) ? null : grid.spaced ? spacedRow(schema, l) : celledRow(schema, l);
  const { rows, end } = rowsFrom(grid.lines, start, rowOf);
  return { raws: rows, end };
}

function rowsOf(schema: TableSchema, raws: RawRow[], spaced: boolean): TableRow[] {
  return readerOf(schema).rows(raws, spaced);
}

export function findTables(grid: SourceGrid, ctx: FindContext): CrimeTable[] {
  const lines = grid.lines;
  let pastePeriod: string | null = null;
  let pasteArea: string | null = null;
  for (const l of lines) {
    const p = periodOf(l);
    if (p && pastePeriod === null) pastePeriod = p;
    const a = areaOf(l);
    if (a && pasteArea === null) pasteArea = a;
    if (pastePeriod !== null && pasteArea !== null) break;
  }
  const tables: CrimeTable[] = [];
  let period: string | null = null;
  let area: string | null = null;
  let title: string | null = null;
  const stop = (l: SourceLine) => isBoundary(grid, l);
  const push = (kind: CrimeTable["kind"], columns: CrimeTable["columns"], rows: TableRow[]) => {
    tables.push({
      source: ctx.source,
      kind,
      title,
      area: ctx.userArea ?? area ?? pasteArea ?? ctx.fileArea,
      periodEnding: period ?? pastePeriod,
      columns: setDecimals(columns, rows),
      rows,
    });
    title = null;
  };

  let i = 0;
  while (i < lines.length) {
    const l = lines[i] as SourceLine;
    if (isBlankLine(l)) {
      i++;
      continue;
    }
    const p = periodOf(l);
    if (p !== undefined) {
      // A period line whose date cannot be read still ends the previous period.
      period = p;
      i++;
      continue;
    }
    const a = areaOf(l);
    if (a !== undefined) {
      area = a;
      i++;
      continue;
    }
    const schema = matchHeader(grid, l);
    if (schema) {
      const { raws, end } = collectRows(grid, schema, i + 1);
      if (raws.length > 0) {
        push(schema.kind, schema.columns, rowsOf(schema, raws, grid.spaced));
        i = end;
        continue;
      }
    }
    const generic = grid.spaced
      ? matchSpacedGeneric(grid, i, stop)
      : matchCelledGeneric(lines, i, stop);
    if (generic && generic.rows.length > 0) {
      push("generic", generic.columns, generic.rows);
      i = Math.max(generic.end, i + 1);
      continue;
    }
    const text = lineText(l);
    if (filledCells(l).length === 1 && text.length <= 200) title = text;
    i++;
  }
  return tables;
}
