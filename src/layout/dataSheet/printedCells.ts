// What a generic table's data sheet cannot give back by itself, recorded in its definition
// so that a refresh reads the table as it was printed and checks it alike:
// - a figure's printed text where the cell's number and the column's format would print it
//   otherwise: a percentage among other figures ("95.5%" beside "2.7"), fewer or more
//   decimals than the column's ("-67%" in a column of "-37.2%"), a figure marked not
//   available ("n/a", a blank cell on the sheet);
// - the section heading each row was printed under (a "Total" totals its section).
// A figure the user has since changed is read as changed: the record applies only while
// the cell still holds what was printed.
import { parseNumber } from "../../core/read/parseNumber";
import type { ColumnInfo, CrimeTable, TableRow } from "../../core/model";
import type { PrintedCellRecord, SectionRecord } from "../definitions";
import { printedText, valueReading } from "./readBack";

/** Whether a row's figure was printed as a percentage in a column that is not all percentages. */
export function printedAsPercent(
  row: TableRow,
  field: string,
  info: ColumnInfo | undefined
): boolean {
  return info?.type !== "percent" && /%\s*$/.test(row.raw[field] ?? "");
}

/** A mark for a figure not available, which the sheet leaves blank. */
export const UNAVAILABLE_MARK = /^(-|–|n\/?a|\*|\.)$/i;

/** The text a refresh reads back for a figure from its cell (dataSheet/readBack READ_VALUE). */
function readBackText(row: TableRow, value: number, info: ColumnInfo): string {
  const { type, decimals } = valueReading(row, info);
  return printedText(value, type, decimals);
}

/** The printed texts of a generic table that its sheet's cells would not give back. */
export function recordPrintedCells(table: CrimeTable): PrintedCellRecord[] {
  if (table.kind !== "generic") return [];
  const out: PrintedCellRecord[] = [];
  for (const c of table.columns) {
    if (c.field === "category" || c.type === "text") continue;
    for (const row of table.rows) {
      const printed = (row.raw[c.field] ?? "").trim();
      const value = row.values[c.field];
      const kept =
        typeof value === "number"
          ? readBackText(row, value, c) === printed
          : !UNAVAILABLE_MARK.test(printed);
      if (!kept) out.push([row.line, c.field, printed]);
    }
  }
  return out;
}

/** The section each row of a generic table was printed under. */
export function recordSections(table: CrimeTable): SectionRecord[] {
  if (table.kind !== "generic") return [];
  return table.rows.flatMap((r): SectionRecord[] => (r.section ? [[r.line, r.section]] : []));
}

/** Whether the sheet's cell still holds what was printed: the same figure, or nothing for a mark. */
function unchanged(row: TableRow, field: string, printed: string): boolean {
  const p = parseNumber(printed);
  const value = row.values[field];
  if (p.kind === "number")
    return (
      typeof value === "number" && Math.abs(value - p.value) <= 1e-9 * Math.max(1, Math.abs(value))
    );
  return (row.raw[field] ?? "") === "";
}

/** The rows read back, with their printed texts and sections as recorded. */
export function restorePrinted(
  rows: TableRow[],
  cells: readonly PrintedCellRecord[],
  sections: readonly SectionRecord[]
): void {
  const text = new Map(cells.map(([line, field, printed]) => [`${line}\u0000${field}`, printed]));
  const sectionOf = new Map(sections);
  for (const row of rows) {
    const section = sectionOf.get(row.line);
    if (section !== undefined) row.section = section;
    for (const field of Object.keys(row.raw)) {
      const printed = text.get(`${row.line}\u0000${field}`);
      if (printed !== undefined && unchanged(row, field, printed)) row.raw[field] = printed;
    }
  }
}
