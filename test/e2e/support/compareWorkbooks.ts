// Two .xlsx files compared for content: the same sheets in the same order and visibility,
// and in every cell the same formula or the same value. Cells a caller names (the
// "Imported" date) are left out. Differences come back as lines naming sheet and cell.
//
// Numbers our code computed and wrote as constants (p-values on the Checks sheet) may
// differ in their last bits between two JavaScript engines: Math.exp and Math.pow in
// Chromium 156's V8 and Node 20's V8 differ by one unit in the last place for some
// arguments, and an iterative p-value carries that to about 1e-11. So two numbers are
// the same when they agree to a relative 1e-9 (a count that differs by one never does).
import ExcelJS from "exceljs";

export type Skip = (sheet: ExcelJS.Worksheet, cell: ExcelJS.Cell) => boolean;

/** What a cell holds, as text: "=FORMULA" or a typed constant. */
export function cellContent(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (cell.type === ExcelJS.ValueType.Formula) {
    const f = cell.formula ?? (v as { sharedFormula?: string }).sharedFormula ?? "";
    return `=${f}`;
  }
  if (v instanceof Date) return `date:${v.toISOString()}`;
  if (typeof v === "object") {
    if ("richText" in v) return `text:${v.richText.map((t) => t.text).join("")}`;
    if ("hyperlink" in v)
      return `link:${String((v as ExcelJS.CellHyperlinkValue).text)}->${(v as ExcelJS.CellHyperlinkValue).hyperlink}`;
    if ("error" in v) return `error:${String(v.error)}`;
    return `object:${JSON.stringify(v)}`;
  }
  return `${typeof v}:${String(v)}`;
}

/** Relative agreement below which two numbers are the same figure (see above). */
export const NUMBER_TOLERANCE = 1e-9;

function sameContent(a: string, b: string): boolean {
  if (a === b) return true;
  const [na, nb] = [/^number:(.*)$/.exec(a), /^number:(.*)$/.exec(b)];
  if (!na || !nb) return false;
  const [x, y] = [Number(na[1]), Number(nb[1])];
  return Math.abs(x - y) <= NUMBER_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
}

function cells(ws: ExcelJS.Worksheet, skip: Skip): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (skip(ws, cell)) return;
      const c = cellContent(cell);
      if (c !== "") out.set(cell.address, c);
    });
  });
  return out;
}

export async function loadWorkbook(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's typings want its own Buffer type; an ArrayBuffer view is what it reads.
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  );
  return wb;
}

/** Every difference between two workbooks' sheets and cells; empty when their content is the same. */
export function workbookDifferences(
  a: ExcelJS.Workbook,
  b: ExcelJS.Workbook,
  skip: Skip = () => false
): string[] {
  const diffs: string[] = [];
  const sheetsOf = (wb: ExcelJS.Workbook) => wb.worksheets.map((ws) => `${ws.name} (${ws.state})`);
  const [namesA, namesB] = [sheetsOf(a), sheetsOf(b)];
  if (namesA.join("|") !== namesB.join("|"))
    diffs.push(`sheets differ: [${namesA.join(", ")}] vs [${namesB.join(", ")}]`);
  for (const wsA of a.worksheets) {
    const wsB = b.getWorksheet(wsA.name);
    if (!wsB) continue;
    const [ca, cb] = [cells(wsA, skip), cells(wsB, skip)];
    for (const address of new Set([...ca.keys(), ...cb.keys()])) {
      const [va, vb] = [ca.get(address) ?? "(empty)", cb.get(address) ?? "(empty)"];
      if (!sameContent(va, vb)) diffs.push(`${wsA.name}!${address}: ${va} vs ${vb}`);
    }
  }
  return diffs;
}
