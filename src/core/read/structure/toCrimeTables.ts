// Tables read by their structure as the product's tables (kind "generic"): labels joined
// into the row's category, each figure column typed by what it prints, the printed text
// kept, so validation (core/validate/structure/checkGeneric) checks their changes, shares
// and totals and the workbook shows them.
import type { ColumnInfo, CrimeTable, TableRow } from "../../model";
import { setDecimals, typedValue } from "../buildRows";
import { fieldKeys } from "../fieldKey";
import { cellValue } from "./cellValue";
import type { StructuredTable } from "./types";

function typeOf(t: StructuredTable, j: number): ColumnInfo["type"] {
  let numbers = 0;
  let percent = 0;
  let whole = true;
  let words = 0;
  for (const r of t.rows) {
    const p = cellValue(r.cells[j] ?? "");
    if (p.kind === "text") words++;
    if (p.kind !== "number") continue;
    numbers++;
    if (p.unit === "percent") percent++;
    if (p.unit !== null || p.decimals > 0) whole = false;
  }
  if (numbers < words) return "text";
  if (numbers === 0) return "number";
  // A column of percentages only; one that mixes them with other figures (a monitoring
  // table's "This quarter": 95.5% on one row, 2.7 days on the next) keeps each as printed.
  if (percent === numbers) return "percent";
  return whole ? "count" : "number";
}

export interface CrimeTableContext {
  source: string;
  area: string | null;
  periodEnding: string | null;
}

export function toCrimeTable(t: StructuredTable, ctx: CrimeTableContext): CrimeTable {
  const headings = t.columns.map((c, j) => c.heading || `column ${j + 2}`);
  const keys = fieldKeys(["category", ...headings]).slice(1);
  const columns: ColumnInfo[] = [
    { field: "category", heading: t.labelHeadings.filter((h) => h !== "").join(" "), type: "text" },
    ...t.columns.map((c, j) => ({
      field: keys[j] as string,
      heading: c.heading,
      type: typeOf(t, j),
      role: c.role,
    })),
  ];
  const rows: TableRow[] = t.rows.map((r) => {
    const values: Record<string, number | null> = {};
    const raw: Record<string, string> = {};
    columns.slice(1).forEach((c, j) => {
      const text = r.cells[j] ?? "";
      raw[c.field] = text;
      if (c.type !== "text")
        values[c.field] = cellValue(text).kind === "number" ? typedValue(text, c.type) : null;
    });
    const label = r.labels.filter((l) => l !== "").join(" ");
    return {
      line: r.line,
      category: label === "" ? `line ${r.line}` : label,
      subcategory: null,
      isTotal: r.totalLabel,
      status: null,
      ...(r.section !== null ? { section: r.section } : {}),
      values,
      raw,
    };
  });
  return {
    source: ctx.source,
    kind: "generic",
    title: t.title,
    area: ctx.area,
    periodEnding: ctx.periodEnding,
    columns: setDecimals(columns, rows),
    rows,
  };
}
