// A generated sheet's part, as the writer made it for a workbook of its own, made fit for
// the workbook refreshed: its style and shared string indices moved to the workbook's
// (merged) styles and shared strings, and the user's cells
// beside the generated content (outside its recorded extent) merged back into its rows.
import { parseRangeAddress } from "../../../layout/a1";
import type { KeptCells } from "./sheetContext";

export type { KeptCells };

/** A cell element, empty or with content (a cell never holds another `<c>`). */
const CELL = /<(?:[\w]+:)?c\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w]+:)?c>)/g;
const ROW = /<(?:[\w]+:)?row\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w]+:)?row>)/g;
const rowOf = (rowXml: string): number | null => {
  const r = /^<[^>]*?\sr="(\d+)"/.exec(rowXml)?.[1];
  return r === undefined ? null : Number(r) - 1;
};
const refOf = (cellXml: string): { row: number; col: number } | null => {
  const r = /^<[^>]*?\sr="([A-Za-z]+\d+)"/.exec(cellXml)?.[1];
  return r === undefined ? null : parseRangeAddress(r);
};

/** The cells of a sheet part that `keep` says are the user's (cells with no `r` are left). */
export function keptCells(
  sheetXml: string,
  keep: (row: number, col: number) => boolean
): KeptCells {
  const kept: KeptCells = new Map();
  const data = /<(?:[\w]+:)?sheetData\b[^>]*>([\s\S]*?)<\/(?:[\w]+:)?sheetData>/.exec(sheetXml);
  if (!data) return kept;
  for (const cell of data[1]!.matchAll(CELL)) {
    const ref = refOf(cell[0]);
    if (!ref || !keep(ref.row, ref.col) || !hasContent(cell[0])) continue;
    const row = kept.get(ref.row) ?? [];
    row.push({ col0: ref.col, xml: withoutSharedFormula(cell[0]) });
    kept.set(ref.row, row);
  }
  return kept;
}

/** A cell with a value or formula (a styled empty cell is not worth keeping over ours). */
const hasContent = (cell: string): boolean => /<(?:[\w]+:)?(v|is|f)\b/.test(cell);

/**
 * A cell of a shared formula keeps its value but not the formula, whose master cell may be
 * gone with the generated content.
 */
function withoutSharedFormula(cell: string): string {
  return /<(?:[\w]+:)?f\b[^>]*\bt="shared"/.test(cell)
    ? cell.replace(/<(?:[\w]+:)?f\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w]+:)?f>)/, "")
    : cell;
}

/** How a sheet part of ours is rewritten for the workbook it goes into. */
export interface Transplant {
  /** Our xf index → the merged styles' index. */
  xf: number[];
  /** Our dxf index → the merged one. */
  dxf: number[];
  /** Our shared string index → the workbook's. */
  shared: (n: number) => number;
  keep?: KeptCells;
}

/** The sheet part `xml` of ours rewritten as `how` says. */
export function transplantSheet(xml: string, how: Transplant): string {
  let out = xml
    .replace(/(<(?:[\w]+:)?(?:c|row)\b[^>]*?\ss=")(\d+)"/g, (_, head: string, n: string) => {
      return `${head}${how.xf[Number(n)] ?? 0}"`;
    })
    .replace(/(<(?:[\w]+:)?col\b[^>]*?\sstyle=")(\d+)"/g, (_, head: string, n: string) => {
      return `${head}${how.xf[Number(n)] ?? 0}"`;
    })
    .replace(
      /(\sdxfId=")(\d+)"/g,
      (_, head: string, n: string) => `${head}${how.dxf[Number(n)] ?? 0}"`
    )
    .replace(
      /(<c\b[^>]*?\st="s"[^>]*><v>)(\d+)(<\/v><\/c>)/g,
      (_, a: string, n: string, b: string) => `${a}${how.shared(Number(n))}${b}`
    )
    // The used range changes with the user's cells; the element is optional.
    .replace(/<dimension\b[^>]*\/>/, "")
    // The workbook keeps the tab the user had open: a second selected tab would group them.
    .replace(/(<sheetView\b[^>]*?)\stabSelected="(?:1|true)"/, "$1");
  if (how.keep && how.keep.size > 0) out = mergeRows(out, how.keep);
  return out;
}

/** Our rows with the kept cells put in, rows and cells in order, ours winning on a clash. */
function mergeRows(xml: string, keep: KeptCells): string {
  const open = /<sheetData\s*\/>|<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(xml);
  if (!open) return xml;
  const rows = new Map<number, string>();
  for (const m of (open[1] ?? "").matchAll(ROW)) {
    const r = rowOf(m[0]);
    if (r !== null) rows.set(r, m[0]);
  }
  for (const [r, cells] of keep) rows.set(r, withCells(rows.get(r), r, cells));
  const body = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, x]) => x)
    .join("");
  return (
    xml.slice(0, open.index) +
    `<sheetData>${body}</sheetData>` +
    xml.slice(open.index + open[0].length)
  );
}

function withCells(
  rowXml: string | undefined,
  row: number,
  kept: { col0: number; xml: string }[]
): string {
  if (rowXml === undefined) {
    const cells = [...kept].sort((a, b) => a.col0 - b.col0).map((c) => c.xml);
    return `<row r="${row + 1}">${cells.join("")}</row>`;
  }
  const start = /^<[^>]*?>|^<[^>]*?\/>/.exec(rowXml)![0];
  const ours = new Map<number, string>();
  for (const m of rowXml.matchAll(CELL)) {
    const ref = refOf(m[0]);
    if (ref) ours.set(ref.col, m[0]);
  }
  for (const c of kept) if (!ours.has(c.col0)) ours.set(c.col0, c.xml);
  const cells = [...ours.entries()].sort((a, b) => a[0] - b[0]).map(([, x]) => x);
  // The spans hint no longer holds; Excel works it out without.
  const head = start.replace(/\sspans="[^"]*"/, "").replace(/\/>$/, ">");
  return `${head}${cells.join("")}</row>`;
}
