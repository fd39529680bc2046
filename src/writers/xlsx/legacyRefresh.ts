// Refresh over an existing workbook with ExcelJS, kept aside until the part-by-part editor
// (editXlsx) replaces it: sheets of the spec replace sheets of the same name in place,
// sheets named in `removeSheets` go, every other sheet is left as ExcelJS read it. New
// workbooks are written by writeXlsx, without ExcelJS.
import ExcelJS from "exceljs";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../../layout/spec";
import { STYLES, type StyleFormat } from "../../layout/styles";
import { rangeRef } from "../../layout/a1";
import { checkSpec } from "../../layout/checkSpec";
import { sheetKey } from "../../layout/sheetNames";
import { toFileFormula } from "./fileFormula";
import { formulaAt } from "../../layout/formulaRows";
import { escapeXlsxText } from "./ooxml/xml";

/** ExcelJS keeps a sheet's tab position in `orderNo`, which its typings leave out. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

/** Excel limits a string inside a formula to 255 characters. */
const MAX_FORMULA_STRING = 255;

// eslint-disable-next-line no-control-regex -- the control characters the escape rewrites
const NEEDS_ESCAPE = /[\x00-\x08\x0B-\x1F\x7F]|_x[0-9A-Fa-f]{4}_/;

export async function legacyRefresh(
  spec: WorkbookSpec,
  base: ExcelJS.Workbook
): Promise<Uint8Array> {
  // The same check as the add-in's writer, against the sheets of the workbook refreshed:
  // this writer replaces any sheet by name, so no sheet counts as the user's.
  checkSpec(spec, {
    sheets: new Map(base.worksheets.map((w) => [sheetKey(w.name), w.name])),
  });
  const wb = base;
  // ExcelJS writes formulas without results: ask Excel to calculate on opening.
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };

  for (const name of spec.removeSheets ?? []) {
    const old = findSheet(wb, name);
    if (old) wb.removeWorksheet(old.id);
  }
  for (const sheet of spec.sheets) {
    const old = findSheet(wb, sheet.name);
    const orderNo = old ? (old as Ordered).orderNo : undefined;
    if (old) wb.removeWorksheet(old.id);
    const ws = wb.addWorksheet(sheet.name);
    // A replaced sheet keeps its place among the tabs.
    if (orderNo !== undefined) (ws as Ordered).orderNo = orderNo;
    writeSheet(ws, sheet);
  }
  // Every sheet's text, the base workbook's included (refresh keeps the data sheets as read).
  const restore = escapeTexts(wb);
  try {
    // Fastest deflate: at the default level, compressing a 150,000-row sheet takes longer
    // than everything else together, for a file about a tenth smaller.
    const buffer = await wb.xlsx.writeBuffer({
      zip: { compression: "DEFLATE", compressionOptions: { level: 1 } },
    } as Partial<ExcelJS.XlsxWriteOptions>);
    return new Uint8Array(buffer as ArrayBuffer);
  } finally {
    restore();
  }
}

/** Escapes every text cell for writing; returns how to put the workbook's values back. */
function escapeTexts(wb: ExcelJS.Workbook): () => void {
  const undo: (() => void)[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        let escaped: ExcelJS.CellValue = v;
        if (cell.type === ExcelJS.ValueType.String && typeof v === "string") {
          escaped = escapeXlsxText(v);
        } else if (cell.type === ExcelJS.ValueType.RichText && v && typeof v === "object") {
          const rich = v as ExcelJS.CellRichTextValue;
          if (rich.richText.some((r) => NEEDS_ESCAPE.test(r.text)))
            escaped = {
              ...rich,
              richText: rich.richText.map((r) => ({ ...r, text: escapeXlsxText(r.text) })),
            };
        } else if (cell.type === ExcelJS.ValueType.Hyperlink && v && typeof v === "object") {
          const link = v as ExcelJS.CellHyperlinkValue;
          if (NEEDS_ESCAPE.test(link.text)) escaped = { ...link, text: escapeXlsxText(link.text) };
        }
        if (escaped !== v) {
          cell.value = escaped;
          undo.push(() => {
            cell.value = v;
          });
        }
      })
    );
  }
  return () => undo.forEach((f) => f());
}

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const key = sheetKey(name);
  return wb.worksheets.find((w) => sheetKey(w.name) === key);
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: SheetSpec): void {
  if (sheet.visibility && sheet.visibility !== "visible") ws.state = sheet.visibility;
  // Committee papers are printed: landscape, all columns on one page width.
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    paperSize: 9,
  };
  (sheet.columnWidths ?? []).forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    ws.views = [{ state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }];
  }
  for (const block of sheet.blocks) {
    block.cells.forEach((cells, i) => {
      cells.forEach((spec, j) => {
        if (spec) writeCell(ws.getCell(block.row + i + 1, block.col + j + 1), spec, block.row + i);
      });
    });
  }
  fitHeaderRows(ws, sheet);
  for (const t of sheet.tables) {
    const headers: string[] = [];
    const rows: ExcelJS.CellValue[][] = [];
    for (let c = 0; c < t.cols; c++)
      headers.push(String(ws.getCell(t.row + 1, t.col + c + 1).value ?? `Column ${c + 1}`));
    for (let r = 1; r < t.rows; r++) {
      const row: ExcelJS.CellValue[] = [];
      for (let c = 0; c < t.cols; c++) row.push(ws.getCell(t.row + r + 1, t.col + c + 1).value);
      rows.push(row);
    }
    // An Excel table needs at least one data row.
    if (rows.length === 0) rows.push(headers.map(() => null));
    ws.addTable({
      name: t.name,
      ref: rangeRef(t.row, t.col, 1, 1).split(":")[0]!,
      headerRow: true,
      style: {
        theme: (t.style ?? "TableStyleLight9") as ExcelJS.TableStyleProperties["theme"],
        showRowStripes: true,
      },
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
  }
  sheet.conditionalFormats.forEach((cf, i) => {
    const style: Partial<ExcelJS.Style> = {};
    if (cf.format.fill)
      style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.format.fill) } };
    const font: Partial<ExcelJS.Font> = {};
    if (cf.format.fontColor) font.color = { argb: argb(cf.format.fontColor) };
    if (cf.format.bold) font.bold = true;
    if (cf.format.italic) font.italic = true;
    if (Object.keys(font).length > 0) style.font = font;
    ws.addConditionalFormatting({
      ref: rangeRef(cf.row, cf.col, cf.rows, cf.cols),
      rules: [
        {
          type: "expression",
          formulae: [toFileFormula(cf.formula)],
          style,
          priority: i + 1,
          ...(cf.stopIfTrue ? { stopIfTrue: true } : {}),
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
  });
}

/** `spec` written to `cell`, which stands in sheet row `row` (0-based). */
function writeCell(cell: ExcelJS.Cell, spec: CellSpec, row: number): void {
  const formula = formulaAt(spec, row);
  if (formula !== undefined) {
    cell.value = { formula: toFileFormula(formula) } as ExcelJS.CellFormulaValue;
  } else if (spec.text !== undefined) {
    if (spec.link && spec.text.length <= MAX_FORMULA_STRING) {
      // Internal links as HYPERLINK formulas: ExcelJS writes a cell hyperlink as an
      // external relationship, which Excel would try to open as a file. The text is a
      // string literal inside our own formula, never evaluated as a formula itself.
      const target = `#${spec.link}`;
      cell.value = {
        formula: `HYPERLINK(${literal(target)},${literal(spec.text)})`,
        result: spec.text,
      } as ExcelJS.CellFormulaValue;
    } else {
      // Strings are written as shared strings: "=..." stays text.
      cell.value = spec.text;
    }
  } else if (spec.number !== undefined) {
    cell.value = spec.number;
  } else if (spec.bool !== undefined) {
    cell.value = spec.bool;
  }
  if (spec.numFmt) cell.numFmt = spec.numFmt;
  if (spec.style) applyStyle(cell, STYLES[spec.style]);
  if (spec.note) cell.note = spec.note;
}

/** A formula string literal; control characters (a CR would come back as a LF) as CHAR(n). */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
    .replace(SPELLED, (c) => `"&CHAR(${c.charCodeAt(0)})&"`)
    .replace(NUL, "");
}
// eslint-disable-next-line no-control-regex -- the control characters CHAR(n) spells out
const SPELLED = /[\x01-\x08\x0B-\x1F\x7F]/g;
// eslint-disable-next-line no-control-regex -- Excel's CHAR has no 0: a NUL is dropped
const NUL = /\x00/g;

function applyStyle(cell: ExcelJS.Cell, s: StyleFormat): void {
  const font: Partial<ExcelJS.Font> = {};
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.size) font.size = s.size;
  if (s.fontColor) font.color = { argb: argb(s.fontColor) };
  if (Object.keys(font).length > 0) cell.font = font;
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.wrap) cell.alignment = { wrapText: true, vertical: "top" };
  if (s.borderBottom) cell.border = { bottom: { style: "thin", color: { argb: "FF8EA9DB" } } };
}

/** Header cells wrap: give their rows the height of the longest heading (a file has no autofit). */
function fitHeaderRows(ws: ExcelJS.Worksheet, sheet: SheetSpec): void {
  const widths = sheet.columnWidths ?? [];
  for (const block of sheet.blocks) {
    block.cells.forEach((cells, i) => {
      let lines = 0;
      cells.forEach((c, j) => {
        if (c?.style !== "header" || !c.text) return;
        const width = Math.max((widths[block.col + j] ?? 9) - 3, 4);
        lines = Math.max(lines, Math.ceil(c.text.length / width));
      });
      if (lines > 1) ws.getRow(block.row + i + 1).height = Math.min(lines, 5) * 15;
    });
  }
}
