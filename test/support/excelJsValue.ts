// ExcelJS as an independent reader in tests: a cell's value as a plain value.
import ExcelJS from "exceljs";

/** Formulas as their cached result, links as their text, rich text joined, errors as "#N/A". */
export function plainValue(cell: ExcelJS.Cell): unknown {
  if (cell.type === ExcelJS.ValueType.Formula) return cell.result ?? null;
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "object") {
    if (v instanceof Date) return v;
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v && "hyperlink" in v) return typeof v.text === "string" ? v.text : null;
    if ("error" in v) return v.error;
    return null;
  }
  return v;
}
