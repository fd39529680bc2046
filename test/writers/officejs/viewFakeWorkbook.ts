// The layout contract's view of the Excel test double's workbook.
import type { FakeExcel } from "../../doubles/fakeExcel";
import type { WrittenWorkbook } from "../layoutContract";

const vis = (v: string): "visible" | "hidden" | "veryHidden" =>
  v === "VeryHidden" ? "veryHidden" : v === "Hidden" ? "hidden" : "visible";
const strip = (f: string | null): string | null =>
  f === null ? null : f.startsWith("=") ? f.slice(1) : null;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function viewFakeWorkbook(excel: FakeExcel): WrittenWorkbook {
  return {
    sheetNames: () => excel.sheetNames(),
    visibility: (sheet) => vis(excel.visibility(sheet)),
    cell: (sheet, row, col) => {
      const c = excel.cell(sheet, row, col);
      return {
        value: c.kind === "empty" || c.kind === "formula" ? null : c.value,
        formula: strip(c.formula),
        numFmt: c.numFmt,
      };
    },
    formulaCells: (sheet) =>
      [...excel.formulas(sheet)].map(([address, formula]) => {
        const m = /^([A-Z]+)(\d+)$/.exec(address);
        return {
          row: Number(m?.[2]) - 1,
          col: colIndex(m?.[1] ?? "A"),
          rows: 1,
          cols: 1,
          formula: formula.slice(1),
        };
      }),
    tables: (sheet) => excel.tables(sheet).map((t) => ({ name: t.name, ...t.rect })),
    // A rule without "=" is a text constant to Excel, not the formula the spec asked for.
    conditionalFormats: (sheet) =>
      excel.conditionalFormats(sheet).map((f) => ({
        ...f.rect,
        formula: f.rule?.startsWith("=") ? f.rule.slice(1) : null,
        fill: f.fill,
      })),
    link: (sheet, row, col) => {
      const h = excel.cell(sheet, row, col).hyperlink;
      return h?.documentReference ?? h?.address ?? null;
    },
    freeze: (sheet) => excel.freeze(sheet),
    charts: (sheet) =>
      excel.charts(sheet).map((c) => ({
        title: c.title,
        series: c.series.map((s) => ({ name: s.name, values: s.values ?? "" })),
      })),
  };
}
