// Reads a data sheet back into a CrimeTable, as the user left it: corrected counts,
// added or reordered rows, moved columns. Pure: takes the sheet's values as either
// writer reads them (rows of cells; formulas as their results, which are not needed).
// Each column is read by its role's readBack (roles.ts); the kind completes the row.
import { kindSchema, type DataColumnRole } from "../../core/kinds";
import type { CrimeTable, TableRow } from "../../core/model";
import { nameKey } from "../../core/nameKey";
import type { DataColumnDef, DataSheetInfo } from "../definitions";
import { isEmpty, type ReadContext } from "./readBack";
import { ROLE_COMPILERS } from "./roles";
import { restoreWardCoverage } from "./wardCoverage";
import { restorePrinted } from "./printedCells";

export type ReadDataSheetResult =
  | { ok: true; table: CrimeTable; headerRow: number; columnOf: Map<DataColumnDef, number> }
  | { ok: false; error: string };

/** Labels and units first (a figure's scale depends on its row's unit), then figures, then printed figures. */
const READ_ORDER: readonly DataColumnRole[] = [
  "category",
  "label",
  "subcategory",
  "unit",
  "status",
  "line",
  "value",
  "printed",
];

const readBackOf = (c: DataColumnDef) => ROLE_COMPILERS[c.role].readBack;

/** The header row: the row holding the first heading and every column it must show (the user may have moved rows or columns). */
function findHeader(
  values: unknown[][],
  info: DataSheetInfo,
  first: DataColumnDef
): { headerRow: number; columnOf: Map<DataColumnDef, number> } | null {
  const needed = info.columns.filter((c) => readBackOf(c)?.marks === "header");
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    if (!row.some((v) => nameKey(v) === nameKey(first.heading))) continue;
    const found = new Map<DataColumnDef, number>();
    // Every column found, formulas included: generated sheets link to derived cells too.
    for (const c of info.columns) {
      const j = row.findIndex((v) => nameKey(v) === nameKey(c.heading));
      if (j >= 0) found.set(c, j);
    }
    if (needed.every((c) => found.has(c))) return { headerRow: r, columnOf: found };
  }
  return null;
}

export function readDataSheet(
  values: unknown[][],
  info: DataSheetInfo,
  sheetName = "data sheet"
): ReadDataSheetResult {
  const first = info.columns[0];
  if (!first)
    return { ok: false, error: `${sheetName}: the workbook's definitions list no columns for it` };
  const header = findHeader(values, info, first);
  if (!header) {
    const names = info.columns
      .filter((c) => readBackOf(c)?.marks === "header")
      .map((c) => `"${c.heading}"`);
    return { ok: false, error: `${sheetName}: no header row with the columns ${names.join(", ")}` };
  }
  const { headerRow, columnOf } = header;
  const schema = kindSchema(info.kind);
  const ctx: ReadContext = {
    schema,
    typeOf: (field) => info.sourceColumns.find((c) => c.field === field),
    lastCategory: "",
  };
  const read = READ_ORDER.flatMap((role) =>
    info.columns.filter((c) => c.role === role && columnOf.has(c))
  );
  // A row blank in every label and figure ends the table.
  const marking = read.filter((c) => readBackOf(c)?.marks !== undefined);
  // Rows carry a unit where the sheet has a Unit column, a count unless it says percent.
  const rowUnits = info.columns.some((c) => c.role === "unit");

  const rows: TableRow[] = [];
  for (let r = headerRow + 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    const get = (c: DataColumnDef): unknown => cells[columnOf.get(c)!];
    if (marking.every((c) => isEmpty(get(c)))) break;
    const row: TableRow = {
      line: r + 1,
      category: "",
      subcategory: null,
      isTotal: false,
      status: null,
      values: {},
      raw: {},
    };
    if (rowUnits) row.unit = "count";
    for (const c of read) readBackOf(c)!.read(ctx, get(c), c, row);
    // Figures the sheet does not hold (a Datastore table's % change) as the import made them.
    schema.completeReadBack?.(row);
    rows.push(row);
  }

  restorePrinted(rows, info.printedCells ?? [], info.sections ?? []);

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
      ...(info.wardCoverage ? { wardCoverage: restoreWardCoverage(info.wardCoverage) } : {}),
      ...(info.unreadLines
        ? { unreadLines: info.unreadLines.map(([line, text, why]) => ({ line, text, why })) }
        : {}),
    },
  };
}
