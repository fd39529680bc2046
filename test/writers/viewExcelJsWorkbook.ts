// The layout contract's view of an .xlsx file as ExcelJS reads it back, so the .xlsx
// writer is held to the same specification as the Office.js writer.
import ExcelJS from "exceljs";
import type { WrittenRange, WrittenWorkbook } from "./layoutContract";

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "A19:T46" (or "G20") as a range; the first area of a multi-area reference. */
export function rangeOfRef(ref: string): WrittenRange {
  const [a = "", b = a] = (ref.split(" ")[0] ?? "").replace(/\$/g, "").split(":");
  const pa = /^([A-Z]+)(\d+)$/i.exec(a);
  const pb = /^([A-Z]+)(\d+)$/i.exec(b);
  if (!pa || !pb) throw new Error(`not a range: ${ref}`);
  const row = Number(pa[2]) - 1;
  const col = colIndex(pa[1] ?? "A");
  return { row, col, rows: Number(pb[2]) - row, cols: colIndex(pb[1] ?? "A") - col + 1 };
}

function constant(v: ExcelJS.CellValue): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.getTime();
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("error" in v) return v.error;
  if ("text" in v && typeof v.text === "string") return v.text;
  return null;
}

export async function viewExcelJsWorkbook(bytes: Uint8Array): Promise<WrittenWorkbook> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's typings want a Node Buffer; it reads any ArrayBuffer view.
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = (name: string): ExcelJS.Worksheet => {
    const w = wb.getWorksheet(name);
    if (!w) throw new Error(`no sheet ${name}`);
    return w;
  };
  return {
    sheetNames: () => wb.worksheets.map((w) => w.name),
    visibility: (sheet) => {
      const s = ws(sheet).state;
      return s === "veryHidden" ? "veryHidden" : s === "hidden" ? "hidden" : "visible";
    },
    cell: (sheet, row, col) => {
      const c = ws(sheet).getCell(row + 1, col + 1);
      const formula = c.formula ? c.formula : null;
      return {
        value: formula === null ? constant(c.value) : null,
        formula,
        numFmt: c.numFmt ?? null,
      };
    },
    formulaCells: (sheet) => {
      const out: (WrittenRange & { formula: string })[] = [];
      ws(sheet).eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (c, k) => {
          if (c.formula) out.push({ row: r - 1, col: k - 1, rows: 1, cols: 1, formula: c.formula });
        })
      );
      return out;
    },
    tables: (sheet) =>
      ws(sheet)
        .getTables()
        .map((entry) => {
          // ExcelJS keeps the model under `table` (tableRef once read back); its typings omit both.
          const t = (Array.isArray(entry) ? entry[0] : entry) as unknown as {
            table: { name: string; tableRef?: string; ref?: string };
          };
          return { name: t.table.name, ...rangeOfRef(t.table.tableRef ?? t.table.ref ?? "A1") };
        }),
    conditionalFormats: (sheet) => {
      const cfs = (
        ws(sheet) as unknown as {
          conditionalFormattings: {
            ref: string;
            rules: {
              priority?: number;
              formulae?: string[];
              style?: { fill?: { bgColor?: { argb?: string } } };
            }[];
          }[];
        }
      ).conditionalFormattings;
      return cfs
        .flatMap((cf) => cf.rules.map((rule) => ({ cf, rule })))
        .sort((a, b) => (a.rule.priority ?? 0) - (b.rule.priority ?? 0))
        .map(({ cf, rule }) => ({
          ...rangeOfRef(cf.ref),
          formula: rule.formulae?.[0] ?? null,
          fill: rule.style?.fill?.bgColor?.argb
            ? `#${rule.style.fill.bgColor.argb.slice(2)}`
            : null,
        }));
    },
    freeze: (sheet) => {
      const v = (ws(sheet).views ?? [])[0] as
        { state?: string; xSplit?: number; ySplit?: number } | undefined;
      return v?.state === "frozen"
        ? { rows: v.ySplit ?? 0, cols: v.xSplit ?? 0 }
        : { rows: 0, cols: 0 };
    },
  };
}
