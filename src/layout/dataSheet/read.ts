// Reads a data sheet back into a CrimeTable, as the user left it: corrected counts,
// added or reordered rows, moved columns. Pure: takes the sheet's values as either
// writer reads them (rows of cells; formulas as their results, which are not needed).
import type { CrimeTable, TableRow } from "../../core/model";
import type { DataColumnDef, DataSheetInfo } from "../definitions";
import { CALLS_CHANGE_FIELD } from "./columns";
import { changePct } from "../../core/datastore";
import { nameKey } from "../../core/nameKey";

export type ReadDataSheetResult =
  | { ok: true; table: CrimeTable; headerRow: number; columnOf: Map<DataColumnDef, number> }
  | { ok: false; error: string };

const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Rounds away binary noise from fraction × 100 (0.115 × 100 = 11.500000000000002). */
const clean = (x: number): number => Math.round(x * 1e9) / 1e9;

const INPUT_ROLES = new Set<DataColumnDef["role"]>([
  "category",
  "subcategory",
  "label",
  "unit",
  "value",
  "printed",
  "status",
  "line",
]);

export function readDataSheet(
  values: unknown[][],
  info: DataSheetInfo,
  sheetName = "data sheet"
): ReadDataSheetResult {
  const wanted = info.columns.filter((c) => INPUT_ROLES.has(c.role));
  const first = info.columns[0];
  if (!first)
    return { ok: false, error: `${sheetName}: the workbook's definitions list no columns for it` };

  // The header row: the row holding the first heading and most of the others (the user may have moved rows or columns).
  let headerRow = -1;
  let columnOf = new Map<DataColumnDef, number>();
  for (let r = 0; r < values.length && headerRow < 0; r++) {
    const row = values[r] ?? [];
    if (!row.some((v) => nameKey(v) === nameKey(first.heading))) continue;
    const found = new Map<DataColumnDef, number>();
    // Every column found, formulas included: generated sheets link to derived cells too.
    for (const c of info.columns) {
      const j = row.findIndex((v) => nameKey(v) === nameKey(c.heading));
      if (j >= 0) found.set(c, j);
    }
    const needed = wanted.filter(
      (c) => c.role === "category" || c.role === "label" || c.role === "value"
    );
    if (needed.every((c) => found.has(c))) {
      headerRow = r;
      columnOf = found;
    }
  }
  if (headerRow < 0) {
    const names = wanted
      .filter((c) => c.role === "category" || c.role === "label" || c.role === "value")
      .map((c) => `"${c.heading}"`);
    return { ok: false, error: `${sheetName}: no header row with the columns ${names.join(", ")}` };
  }

  const get = (row: unknown[], c: DataColumnDef): unknown => {
    const j = columnOf.get(c);
    return j === undefined ? null : row[j];
  };
  const byRole = (role: DataColumnDef["role"]) =>
    info.columns.filter((c) => c.role === role && columnOf.has(c));
  const labelCol = byRole("category")[0] ?? byRole("label")[0]!;
  const subCol = byRole("subcategory")[0];
  const unitCol = byRole("unit")[0];
  const statusCol = byRole("status")[0];
  const lineCol = byRole("line")[0];
  const valueCols = byRole("value");
  const printedCols = byRole("printed");
  const typeOf = (field: string) => info.sourceColumns.find((c) => c.field === field);
  const isCalls = info.kind === "calls-asb";

  const rows: TableRow[] = [];
  let lastCategory = "";
  for (let r = headerRow + 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    const inputs = [labelCol, subCol, ...valueCols].filter(
      (c): c is DataColumnDef => c !== undefined
    );
    if (inputs.every((c) => isEmpty(get(cells, c)))) break;
    const categoryText = isEmpty(get(cells, labelCol))
      ? lastCategory
      : String(get(cells, labelCol)).trim();
    lastCategory = categoryText;
    const subText =
      subCol && !isEmpty(get(cells, subCol)) ? String(get(cells, subCol)).trim() : null;
    const unitText = unitCol ? nameKey(get(cells, unitCol)) : "";
    const unit: TableRow["unit"] = isCalls
      ? unitText === "percent"
        ? "percent"
        : "count"
      : undefined;
    const row: TableRow = {
      line:
        typeof get(cells, lineCol ?? labelCol) === "number" && lineCol
          ? (get(cells, lineCol) as number)
          : r + 1,
      category: categoryText,
      subcategory: subText,
      isTotal: subText !== null && subText.toLowerCase() === "total",
      status: statusCol && !isEmpty(get(cells, statusCol)) ? "dot" : null,
      values: {},
      raw: {},
    };
    if (unit) row.unit = unit;

    for (const c of valueCols) {
      const field = c.field!;
      const v = get(cells, c);
      const info = typeOf(field);
      const percent = unit === "percent" || info?.type === "percent";
      if (typeof v === "number") {
        const value = percent ? clean(v * 100) : v;
        row.values[field] = value;
        row.raw[field] = printedText(
          value,
          percent ? "percent" : info?.type === "count" ? "count" : "number",
          info?.decimals ?? (percent ? 1 : 0)
        );
      } else {
        row.values[field] = null;
        row.raw[field] = isEmpty(v) ? "" : String(v).trim();
      }
    }
    for (const c of printedCols) {
      let field = c.field!;
      let points = false;
      if (field === CALLS_CHANGE_FIELD) {
        points = unit === "percent";
        field = points ? "changePoints" : "changePct";
      }
      const v = get(cells, c);
      const decimals = typeOf(field)?.decimals ?? 1;
      if (typeof v === "number") {
        const value = points ? clean(v) : clean(v * 100);
        row.values[field] = value;
        row.raw[field] = printedText(value, points ? "number" : "percent", decimals);
      } else {
        row.values[field] = null;
        row.raw[field] = isEmpty(v) ? "" : String(v).trim();
      }
    }
    // Derived fields of Datastore tables are not printed: recompute them as the import did.
    if (info.kind === "datastore-r12") {
      const p = row.values.offencesPrevious;
      const q = row.values.offencesCurrent;
      row.values.offencesChangePct =
        typeof p === "number" && typeof q === "number" ? changePct(p, q) : null;
      for (const f of ["sdsPrevious", "sdsCurrent", "sdRatePrevious", "sdRateCurrent"])
        row.values[f] = null;
    }
    rows.push(row);
  }

  return {
    ok: true,
    headerRow,
    columnOf,
    table: {
      source: info.source,
      kind: info.kind,
      title: info.title,
      area: info.area,
      periodEnding: info.periodEnding,
      columns: info.sourceColumns.map((c) => ({ ...c })),
      rows,
    },
  };
}

/** A figure as a paper would print it: "2,375", "11.5%", "-0.6". */
function printedText(
  value: number,
  type: "count" | "percent" | "number",
  decimals: number
): string {
  const fixed = Math.abs(value).toLocaleString("en-GB", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  const sign = value < 0 && Number(fixed.replace(/,/g, "")) !== 0 ? "-" : "";
  return `${sign}${type === "count" ? fixed : fixed.replace(/,/g, type === "percent" ? "" : ",")}${type === "percent" ? "%" : ""}`;
}
