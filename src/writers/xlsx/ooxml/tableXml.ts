// Table parts (ListObjects). Excel refuses a table whose header cells are not strings equal
// to its column names, or whose column names repeat: the names are made here, once, and
// the sheet writer writes the header cells from them (excelRules.ts).
import type { CellSpec, SheetSpec, TableSpec } from "../../../layout/spec";
import { rangeRef } from "../../../layout/a1";
import { NS, XML_HEADER, escapeMarkup, xmlText } from "./xml";

/** The cell of the spec at (row, col): the last block that writes it wins, as in Excel. */
export function specCellAt(sheet: SheetSpec, row: number, col: number): CellSpec | null {
  let found: CellSpec | null = null;
  for (const b of sheet.blocks) {
    const cell = b.cells[row - b.row]?.[col - b.col];
    if (cell) found = cell;
  }
  return found;
}

function headerText(cell: CellSpec | null, index: number): string {
  if (cell?.text !== undefined && cell.text.trim() !== "") return cell.text;
  if (cell?.number !== undefined) return String(cell.number);
  if (cell?.bool !== undefined) return cell.bool ? "TRUE" : "FALSE";
  return `Column${index + 1}`;
}

/** The table's column names from its header cells: text, unique ignoring case, never empty. */
export function tableColumnNames(sheet: SheetSpec, t: TableSpec): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (let c = 0; c < t.cols; c++) {
    const first = headerText(specCellAt(sheet, t.row, t.col + c), c);
    let name = first;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${first}${n}`;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/** Rows the table covers: Excel needs at least one data row under the headers. */
export function tableRows(t: TableSpec): number {
  return Math.max(t.rows, 2);
}

/** A name in an attribute: tab and line feed too as `_xHHHH_` (an attribute would turn them into spaces). */
function attrText(text: string): string {
  return xmlText(text).replace(/[\t\n]/g, (c) => `_x${c === "\t" ? "0009" : "000A"}_`);
}

/** The part of table number `id` (unique in the workbook, from 1). */
export function tableXml(t: TableSpec, id: number, columns: readonly string[]): string {
  const ref = rangeRef(t.row, t.col, tableRows(t), t.cols);
  const cols = columns
    .map((name, i) => `<tableColumn id="${i + 1}" name="${attrText(name)}"/>`)
    .join("");
  return (
    XML_HEADER +
    `<table xmlns="${NS.main}" id="${id}" name="${escapeMarkup(t.name)}" displayName="${escapeMarkup(t.name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${escapeMarkup(t.style ?? "TableStyleLight9")}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    "</table>"
  );
}
