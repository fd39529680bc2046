// Turns the cells of recognised rows into typed rows: category filled down, totals
// marked, figures parsed (counts as integers, percentages as printed), status dots kept.

import { OFFENCES_FIELDS, type ColumnInfo, type TableRow } from "../model";
import { pow10 } from "../round";
import { parseNumber } from "./parseNumber";
import { splitCategories } from "./splitCategory";

/** A recognised row before typing: its labels and its printed figures. */
export interface RawRow {
  line: number;
  /** One text per label field of the table (category[, subcategory]). */
  labels: string[];
  /** Printed text per value field ("" when blank or missing). */
  printed: Record<string, string>;
  /** A status dot was printed somewhere in the row. */
  status: boolean;
}

const TOTAL_LABEL = /^(?:sub[- ]?)?total$|^grand total$/i;

/** Reads a printed figure as the column's type wants it; null when it is not one. */
export function typedValue(printed: string, type: ColumnInfo["type"]): number | null {
  const p = parseNumber(printed);
  if (p.kind !== "number") return null;
  if (type === "count") {
    const whole = p.decimals === 0 || p.exact.scaled % pow10(p.decimals) === BigInt(0);
    return p.unit === null && whole ? p.value : null;
  }
  return p.value;
}

function offencesValues(printed: Record<string, string>): {
  values: Record<string, number | null>;
  raw: Record<string, string>;
} {
  const values: Record<string, number | null> = {};
  const raw: Record<string, string> = {};
  for (const f of OFFENCES_FIELDS) {
    const text = printed[f] ?? "";
    raw[f] = text;
    values[f] = typedValue(text, f.includes("Rate") || f.endsWith("Pct") ? "percent" : "count");
  }
  const target = printed.target ?? "";
  if (target !== "") {
    raw.target = target;
    values.target = typedValue(target, "number");
  }
  return { values, raw };
}

/** Rows of an "Offences & SDs" table. Spaced (PDF-copied) rows carry one label to split. */
export function offencesRows(raws: RawRow[], spaced: boolean): TableRow[] {
  const names = spaced
    ? splitCategories(raws.map((r) => r.labels[0] ?? ""))
    : fillDown(raws.map((r) => ({ category: r.labels[0] ?? "", subcategory: r.labels[1] ?? "" })));
  return raws.map((r, i) => {
    const n = names[i] ?? { category: "", subcategory: null };
    const sub = n.subcategory === "" ? null : n.subcategory;
    const { values, raw } = offencesValues(r.printed);
    return {
      line: r.line,
      category: n.category,
      subcategory: sub,
      isTotal: sub !== null ? TOTAL_LABEL.test(sub) : TOTAL_LABEL.test(n.category),
      status: r.status ? "dot" : null,
      values,
      raw,
    };
  });
}

function fillDown(
  rows: { category: string; subcategory: string }[]
): { category: string; subcategory: string | null }[] {
  let current = "";
  return rows.map((r) => {
    if (r.category !== "") current = r.category;
    return { category: current, subcategory: r.subcategory };
  });
}

/** A row of the "I & S Calls and ASB" table: counts get a % change, percentages points. */
export function callsRow(r: RawRow): TableRow {
  const previous = r.printed.previous ?? "";
  const current = r.printed.current ?? "";
  const isPercent = [previous, current].some((t) => {
    const p = parseNumber(t);
    return p.kind === "number" && p.unit === "percent";
  });
  const changeField = isPercent ? "changePoints" : "changePct";
  const change = r.printed.change ?? "";
  const raw: Record<string, string> = { previous, current, [changeField]: change };
  const values: Record<string, number | null> = {
    previous: typedValue(previous, isPercent ? "percent" : "count"),
    current: typedValue(current, isPercent ? "percent" : "count"),
    [changeField]: typedValue(change, isPercent ? "points" : "percent"),
  };
  const label = r.labels[0] ?? "";
  return {
    line: r.line,
    category: label,
    subcategory: null,
    isTotal: TOTAL_LABEL.test(label),
    status: r.status || parseNumber(change).kind === "status" ? "dot" : null,
    unit: isPercent ? "percent" : "count",
    values,
    raw,
  };
}

/** Sets each figure column's `decimals` to the most decimals its cells printed. */
export function setDecimals(columns: ColumnInfo[], rows: TableRow[]): ColumnInfo[] {
  return columns.map((c) => {
    if (c.type === "text") return c;
    let decimals: number | undefined;
    for (const r of rows) {
      const p = parseNumber(r.raw[c.field] ?? "");
      if (p.kind === "number") decimals = Math.max(decimals ?? 0, p.decimals);
    }
    return decimals === undefined ? c : { ...c, decimals };
  });
}
