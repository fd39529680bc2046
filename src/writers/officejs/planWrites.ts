// The whole write, planned before the first write: every check that can refuse the spec
// runs here, and the operations come out in the order they must run, packed into requests
// that stay under the size Excel on the web accepts. Pure: no Office.js, so it is tested
// directly and the executor only maps each operation onto the API.
//
// Order, chosen so a failure half-way can always be repaired by running again:
// 1. sheets the spec removes (earlier generated sheets no longer produced);
// 2. sheets the user will own (data sheets), each created just before its content;
// 3. the definitions sheet, which records every generated sheet as ours;
// 4. the generated sheets. Within a sheet: text format "@" on text cells before any
//    value (so pasted text stays text), values and formulas, styles, widths, links,
//    tables (after their values), conditional formats, charts, panes, visibility.

import type {
  BlockSpec,
  CellSpec,
  ChartSpec,
  FormatSpec,
  SheetSpec,
  StyleName,
  TableSpec,
  WorkbookSpec,
} from "../../layout/spec";
import { DEFINITIONS_SHEET, type Definitions } from "../../layout/definitions";
import { STYLES } from "../../layout/styles";
import { coverRectangles, fewestRectangles } from "./coverRectangles";
import { PlanIssue, WorkbookPlanError, sheetMessage } from "./errors";
import { parseRangeAddress } from "./addresses";
import { convert, shiftedDown, type Converted } from "./toR1C1";
import { formulaAt, shiftRows } from "../../layout/formulaRows";
import { specExtent, usedRows, widthOf } from "../../layout/extent";

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** What the writer read from the workbook before planning. */
export interface WorkbookFacts {
  sheets: { name: string; visibility: string }[];
  /** Every table in the workbook. */
  tableNames: string[];
  /** Tables and charts on sheets that will be rebuilt, by lower-case sheet name. */
  onSheet: Map<string, { tables: string[]; charts: string[] }>;
}

export interface PlanOptions {
  /** The workbook's definitions before this write: its generated sheets may be rebuilt or removed. */
  previous?: Definitions | null;
  /** More sheets this add-in made that may be replaced (e.g. those a failed write left incomplete). */
  ownedSheets?: readonly string[];
  /** Estimated size a request may reach. @default 4_000_000 (Excel on the web refuses 5 MB) */
  maxRequestBytes?: number;
  /** Write cell notes (needs ExcelApi 1.18). @default false */
  notes?: boolean;
}

/** What a cell array carries: "" for a cell with nothing to write (Office.js gives null no meaning). */
export type CellInput = string | number | boolean;

type Op<K extends string, T> = { kind: K; sheet: string; bytes: number } & T;
export type WriteOp =
  | Op<"remove", { existing: string }>
  | Op<"create", { visible: boolean }>
  | Op<
      "reuse",
      { existing: string; clear: Rect | "all"; deleteTables: string[]; deleteCharts: string[] }
    >
  | Op<"numberFormat", { rect: Rect; format: string }>
  | Op<"numberFormats", { rect: Rect; formats: string[][] }>
  | Op<"cells", { rect: Rect; formulas: CellInput[][] }>
  | Op<"formulaR1C1", { rect: Rect; formula: string }>
  | Op<"style", { rect: Rect; style: StyleName }>
  | Op<"columnWidth", { col: number; cols: number; points: number }>
  | Op<"link", { row: number; col: number; target: string }>
  | Op<"note", { row: number; col: number; text: string }>
  | Op<"table", { table: TableSpec }>
  | Op<
      "conditionalFormat",
      { rect: Rect; formula: string; format: FormatSpec; stopIfTrue: boolean; priority: number }
    >
  | Op<"chart", { chart: ChartSpec; name: string }>
  | Op<"freeze", { rows: number; cols: number }>
  | Op<"visibility", { visibility: "Visible" | "Hidden" | "VeryHidden" }>;

export interface WritePlan {
  batches: WriteOp[][];
  /** Spec sheets in the order they are written. */
  sheets: string[];
  created: string[];
  rebuilt: string[];
  removed: string[];
  skippedNotes: number;
  /** Conditional formats trimmed to the rows the sheet uses, or dropped for lying beyond them. */
  clippedFormats: number;
}

export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
/** A sheet's charts carry this prefix, so a rebuild removes ours and leaves the user's. */
export const CHART_PREFIX = "Scrutiny chart";
const OP_OVERHEAD = 200;
const MAX_TEXT = 32767;
const MAX_FORMULA = 8192;
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

const lower = (s: string): string => s.toLowerCase();

/** `to.push(...items)` without spreading: a Checks sheet of 280,000 links would overflow the stack. */
function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Excel's rules for a sheet name. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return "a sheet name cannot be empty";
  if (name.length > 31) return "a sheet name has at most 31 characters";
  if (/[[\]:*?/\\]/.test(name)) return "a sheet name cannot contain [ ] : * ? / \\";
  if (name.startsWith("'") || name.endsWith("'"))
    return "a sheet name cannot begin or end with an apostrophe";
  if (lower(name) === "history") return '"History" is reserved by Excel';
  return null;
}

function tableNameProblem(name: string): string | null {
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || name.length > 255)
    return "a table name starts with a letter and has only letters, digits, _ and .";
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name) || /^[RC]$/i.test(name))
    return "a table name cannot look like a cell reference";
  return null;
}

/** What to write for `cell` standing in sheet row `row` (0-based). */
export function cellInput(cell: CellSpec | null | undefined, row: number): CellInput {
  if (!cell) return "";
  if (cell.formula !== undefined) return `=${formulaAt(cell, row)}`;
  if (cell.text !== undefined) return cell.text;
  if (cell.number !== undefined) return cell.number;
  if (cell.bool !== undefined) return cell.bool;
  return "";
}

/** True when writing `cell` writes nothing (no formula, text, number or flag). */
function isEmpty(cell: CellSpec | null): boolean {
  if (!cell) return true;
  if (cell.formula !== undefined || cell.number !== undefined || cell.bool !== undefined)
    return false;
  return (cell.text ?? "") === "";
}

function cellProblem(cell: CellSpec): string | null {
  const kinds = [cell.text, cell.number, cell.bool, cell.formula].filter(
    (v) => v !== undefined
  ).length;
  if (kinds > 1) return "a cell holds more than one of text, number, bool and formula";
  if (cell.number !== undefined && !Number.isFinite(cell.number))
    return `the number ${String(cell.number)} cannot be written to Excel`;
  if (cell.text !== undefined && cell.text.length > MAX_TEXT)
    return `text longer than ${MAX_TEXT} characters`;
  if (cell.formulaRow !== undefined && (cell.formula === undefined || !(cell.formulaRow >= 0)))
    return "a filled-down formula needs a formula and the row it is written for";
  if (cell.formula !== undefined) {
    if (cell.formula.startsWith("=")) return "a formula is given without its leading =";
    if (cell.formula.length + 1 > MAX_FORMULA)
      return `a formula longer than ${MAX_FORMULA} characters`;
  }
  return null;
}

function a1(row: number, col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row + 1}`;
}

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.col < b.col + b.cols &&
    b.col < a.col + a.cols
  );
}

function inSheet(r: Rect): boolean {
  return (
    [r.row, r.col, r.rows, r.cols].every(Number.isInteger) &&
    r.row >= 0 &&
    r.col >= 0 &&
    r.rows >= 1 &&
    r.cols >= 1 &&
    r.row + r.rows <= MAX_ROWS &&
    r.col + r.cols <= MAX_COLS
  );
}

/** Excel's column width unit is the point; layouts give characters of the default font. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export function planWrites(
  spec: WorkbookSpec,
  facts: WorkbookFacts,
  options: PlanOptions = {}
): WritePlan {
  const issues: PlanIssue[] = [];
  const maxBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const pieceBytes = Math.max(1000, Math.floor(maxBytes / 16));
  const existing = new Map(facts.sheets.map((s) => [lower(s.name), s]));
  const previousGenerated = (options.previous?.sheets ?? []).filter((s) => s.generated);
  const owned = new Set([
    lower(DEFINITIONS_SHEET),
    ...previousGenerated.map((s) => lower(s.name)),
    ...(options.ownedSheets ?? []).map(lower),
  ]);
  const previousExtent = new Map(
    previousGenerated.filter((s) => s.extent).map((s) => [lower(s.name), s.extent!])
  );

  // Names: valid, unique in the spec, and never a sheet the user made.
  const specNames = new Set<string>();
  for (const sheet of spec.sheets) {
    const p = sheetNameProblem(sheet.name);
    if (p) issues.push(sheetMessage("invalid-sheet-name", sheet.name, p));
    if (specNames.has(lower(sheet.name)))
      issues.push(
        sheetMessage("duplicate-sheet", sheet.name, "the spec has two sheets of this name")
      );
    specNames.add(lower(sheet.name));
    if (existing.has(lower(sheet.name)) && !owned.has(lower(sheet.name))) {
      issues.push(
        sheetMessage(
          "user-sheet-in-the-way",
          sheet.name,
          "a sheet of this name is already in the workbook and was not made by Scrutiny Sheets, so it is left as it is"
        )
      );
    }
  }
  const removals: string[] = [];
  for (const name of spec.removeSheets ?? []) {
    const e = existing.get(lower(name));
    if (!e) continue;
    if (!owned.has(lower(name)))
      issues.push(
        sheetMessage(
          "user-sheet-in-the-way",
          name,
          "the spec asks to remove a sheet Scrutiny Sheets did not make; it is left as it is"
        )
      );
    else if (specNames.has(lower(name)))
      issues.push(
        sheetMessage("duplicate-sheet", name, "the spec both removes and writes this sheet")
      );
    else removals.push(e.name);
  }

  // Tables: valid, unique in the workbook, not overlapping each other.
  const keptTables = new Set(facts.tableNames.map(lower));
  for (const sheet of spec.sheets) {
    const e = existing.get(lower(sheet.name));
    const clearsAll = e && !previousExtent.has(lower(sheet.name));
    if (clearsAll)
      for (const t of facts.onSheet.get(lower(sheet.name))?.tables ?? [])
        keptTables.delete(lower(t));
  }
  const specTables = new Set<string>();
  for (const sheet of spec.sheets) {
    sheet.tables.forEach((t, i) => {
      const p = tableNameProblem(t.name);
      if (p) issues.push(sheetMessage("invalid-table", sheet.name, `table "${t.name}": ${p}`));
      if (!inSheet(t) || t.rows < 2)
        issues.push(
          sheetMessage(
            "invalid-table",
            sheet.name,
            `table "${t.name}" needs a header row and at least one data row inside the sheet`
          )
        );
      if (keptTables.has(lower(t.name)) || specTables.has(lower(t.name))) {
        issues.push(
          sheetMessage(
            "table-name-taken",
            sheet.name,
            `the table name "${t.name}" is already used in the workbook`
          )
        );
      }
      specTables.add(lower(t.name));
      for (const other of sheet.tables.slice(0, i)) {
        if (overlaps(t, other))
          issues.push(
            sheetMessage(
              "tables-overlap",
              sheet.name,
              `tables "${other.name}" and "${t.name}" overlap`
            )
          );
      }
    });
  }

  // Cells, ranges and charts.
  const known = new Set([
    ...specNames,
    ...[...existing.keys()].filter((k) => !removals.some((r) => lower(r) === k)),
  ]);
  for (const sheet of spec.sheets) {
    for (const b of sheet.blocks) {
      if (
        !Number.isInteger(b.row) ||
        !Number.isInteger(b.col) ||
        b.row < 0 ||
        b.col < 0 ||
        b.row + b.cells.length > MAX_ROWS ||
        b.col + widthOf(b) > MAX_COLS
      ) {
        issues.push(
          sheetMessage(
            "invalid-range",
            sheet.name,
            `a block at row ${b.row + 1}, column ${b.col + 1} does not fit the sheet`
          )
        );
        continue;
      }
      b.cells.forEach((row, i) =>
        row.forEach((cell, j) => {
          const p = cell ? cellProblem(cell) : null;
          if (p)
            issues.push(
              sheetMessage("invalid-cell", sheet.name, `cell ${a1(b.row + i, b.col + j)}: ${p}`)
            );
        })
      );
    }
    for (const f of sheet.conditionalFormats) {
      if (!inSheet(f))
        issues.push(
          sheetMessage(
            "invalid-range",
            sheet.name,
            `a conditional format at row ${f.row + 1}, column ${f.col + 1} does not fit the sheet`
          )
        );
    }
    for (const c of sheet.charts) {
      for (const address of [c.categories, ...c.series.map((s) => s.values)]) {
        const parsed = parseRangeAddress(address);
        if (!parsed)
          issues.push(
            sheetMessage(
              "invalid-range",
              sheet.name,
              `chart "${c.title}": "${address}" is not a range address`
            )
          );
        else if (parsed.sheet !== null && !known.has(lower(parsed.sheet))) {
          issues.push(
            sheetMessage(
              "invalid-range",
              sheet.name,
              `chart "${c.title}": no sheet "${parsed.sheet}"`
            )
          );
        }
      }
      if (c.series.length === 0)
        issues.push(sheetMessage("invalid-range", sheet.name, `chart "${c.title}" has no series`));
    }
  }
  if (issues.length > 0) throw new WorkbookPlanError(issues);

  // Operations, in the order described at the top.
  const ops: WriteOp[] = [];
  const plan: WritePlan = {
    batches: [],
    sheets: [],
    created: [],
    rebuilt: [],
    removed: removals,
    skippedNotes: 0,
    clippedFormats: 0,
  };
  for (const name of removals)
    ops.push({ kind: "remove", sheet: name, existing: name, bytes: OP_OVERHEAD });
  const phase = (s: SheetSpec): number => (!s.generated ? 0 : s.role === "definitions" ? 1 : 2);
  const ordered = spec.sheets
    .map((s, i) => ({ s, i }))
    .sort((a, b) => phase(a.s) - phase(b.s) || a.i - b.i)
    .map((x) => x.s);
  for (const sheet of ordered) {
    plan.sheets.push(sheet.name);
    const e = existing.get(lower(sheet.name));
    if (e) {
      plan.rebuilt.push(sheet.name);
      const prev = previousExtent.get(lower(sheet.name));
      const now = specExtent(sheet);
      const on = facts.onSheet.get(lower(sheet.name)) ?? { tables: [], charts: [] };
      const clear: Rect | "all" = prev
        ? {
            row: 0,
            col: 0,
            rows: Math.max(1, prev.rows, now.rows),
            cols: Math.max(1, prev.cols, now.cols),
          }
        : "all";
      ops.push({
        kind: "reuse",
        sheet: sheet.name,
        existing: e.name,
        clear,
        deleteTables: clear === "all" ? on.tables : [],
        deleteCharts: on.charts.filter((c) => clear === "all" || c.startsWith(CHART_PREFIX)),
        bytes: OP_OVERHEAD * (3 + on.tables.length + on.charts.length),
      });
    } else {
      plan.created.push(sheet.name);
      ops.push({
        kind: "create",
        sheet: sheet.name,
        visible: (sheet.visibility ?? "visible") === "visible",
        bytes: OP_OVERHEAD,
      });
    }
    append(ops, sheetOps(sheet, pieceBytes, options, plan));
    const wanted =
      sheet.visibility === "veryHidden"
        ? "VeryHidden"
        : sheet.visibility === "hidden"
          ? "Hidden"
          : "Visible";
    // A rebuilt sheet the user hid stays hidden; the spec only ever hides.
    if (wanted !== "Visible")
      ops.push({ kind: "visibility", sheet: sheet.name, visibility: wanted, bytes: OP_OVERHEAD });
  }
  plan.batches = packBatches(ops, maxBytes);
  return plan;
}

function sheetOps(
  sheet: SheetSpec,
  pieceBytes: number,
  options: PlanOptions,
  plan: WritePlan
): WriteOp[] {
  const name = sheet.name;
  const formats: WriteOp[] = [];
  const cells: WriteOp[] = [];
  const styles: WriteOp[] = [];
  const extras: WriteOp[] = [];
  for (const block of sheet.blocks) {
    const rows = block.cells.length;
    const cols = widthOf(block);
    if (rows === 0 || cols === 0) continue;
    const at = (r: number, c: number): CellSpec | null => block.cells[r]?.[c] ?? null;
    append(formats, formatOps(name, block, rows, cols, at, pieceBytes));
    append(cells, cellOps(name, block, rows, cols, at, pieceBytes));
    for (const rect of fewestRectangles(
      rows,
      (r) => block.cells[r]?.length ?? 0,
      (r, c) => at(r, c)?.style ?? null
    )) {
      styles.push({
        kind: "style",
        sheet: name,
        rect: {
          row: block.row + rect.row,
          col: block.col + rect.col,
          rows: rect.rows,
          cols: rect.cols,
        },
        style: rect.key,
        bytes: OP_OVERHEAD * styleOperations(rect.key),
      });
    }
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell?.link)
          extras.push({
            kind: "link",
            sheet: name,
            row: block.row + r,
            col: block.col + c,
            target: cell.link,
            bytes: OP_OVERHEAD + jsonBytes(cell.link) * 2,
          });
        if (cell?.note) {
          if (options.notes)
            extras.push({
              kind: "note",
              sheet: name,
              row: block.row + r,
              col: block.col + c,
              text: cell.note,
              bytes: OP_OVERHEAD + jsonBytes(cell.note),
            });
          else plan.skippedNotes++;
        }
      })
    );
  }
  const widths: WriteOp[] = [];
  const w = sheet.columnWidths ?? [];
  for (let c = 0; c < w.length;) {
    const width = w[c];
    let end = c + 1;
    while (end < w.length && w[end] === width) end++;
    if (width !== undefined && width !== null && width > 0) {
      widths.push({
        kind: "columnWidth",
        sheet: name,
        col: c,
        cols: end - c,
        points: charsToPoints(width),
        bytes: OP_OVERHEAD,
      });
    }
    c = end;
  }
  const tables: WriteOp[] = sheet.tables.map((t) => ({
    kind: "table",
    sheet: name,
    table: t,
    bytes: OP_OVERHEAD * 3 + jsonBytes(t),
  }));
  const used = usedRows(sheet);
  const cfs: WriteOp[] = [];
  for (const f of sheet.conditionalFormats) {
    // Only the rows the sheet uses: a rule over empty rows costs Excel time for nothing.
    const first = used ? Math.max(f.row, used.first) : f.row;
    const last = used ? Math.min(f.row + f.rows - 1, used.last) : f.row - 1;
    if (last < first) {
      plan.clippedFormats++;
      continue;
    }
    if (first !== f.row || last !== f.row + f.rows - 1) plan.clippedFormats++;
    cfs.push({
      kind: "conditionalFormat",
      sheet: name,
      rect: { row: first, col: f.col, rows: last - first + 1, cols: f.cols },
      // Excel reads the rule relative to the range's top-left cell: a trimmed top would shift it.
      formula: first === f.row ? f.formula : shiftRows(f.formula, first - f.row),
      format: f.format,
      stopIfTrue: Boolean(f.stopIfTrue),
      priority: cfs.length,
      bytes: OP_OVERHEAD * 8 + jsonBytes(f.formula),
    });
  }
  const charts: WriteOp[] = sheet.charts.map((chart, i) => ({
    kind: "chart",
    sheet: name,
    chart,
    name: `${CHART_PREFIX} ${i + 1}`,
    bytes: OP_OVERHEAD * (6 + 3 * chart.series.length) + jsonBytes(chart),
  }));
  const freeze: WriteOp[] =
    sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)
      ? [
          {
            kind: "freeze",
            sheet: name,
            rows: sheet.freeze.rows,
            cols: sheet.freeze.cols,
            bytes: OP_OVERHEAD,
          },
        ]
      : [];
  return [
    ...formats,
    ...cells,
    ...styles,
    ...widths,
    ...extras,
    ...tables,
    ...cfs,
    ...charts,
    ...freeze,
  ];
}

/**
 * Values and formulas of a block. Formulas that are the same in R1C1 form over a
 * rectangle (a column of per-row formulas) are written once for the whole rectangle; the
 * rest goes in 2-D arrays over the column spans that still need them.
 */
function cellOps(
  sheet: string,
  block: BlockSpec,
  rows: number,
  cols: number,
  at: (r: number, c: number) => CellSpec | null,
  pieceBytes: number
): WriteOp[] {
  // R1C1 of each formula; a formula that is the one above moved down a row reuses its
  // form, and a filled-down cell (formulaRow) has one form wherever it stands.
  const keys: (string | null)[][] = [];
  const rowsAt: (number[] | null)[] = [];
  const fits = (x: Converted | null): string | null =>
    x !== null && x.text.length + 1 <= MAX_FORMULA ? x.text : null;
  /** A filled-down cell's R1C1 form, the same in every row: worked out once per cell and column. */
  const filled = new Map<number, Map<CellSpec, string | null>>();
  const filledKey = (cell: CellSpec, formula: string, formulaRow: number, c: number) => {
    const column = filled.get(c) ?? new Map<CellSpec, string | null>();
    filled.set(c, column);
    let key = column.get(cell);
    if (key === undefined) {
      key = fits(convert(formula, formulaRow, block.col + c));
      column.set(cell, key);
    }
    return key;
  };
  block.cells.forEach((row, r) => {
    keys.push(
      row.map((cell, c) => {
        const f = cell?.formula;
        if (f === undefined) {
          rowsAt[c] = null;
          return null;
        }
        if (cell!.formulaRow !== undefined) {
          // The next row compares with this one's own A1 form only when it is not filled down too.
          rowsAt[c] = null;
          return filledKey(cell!, f, cell!.formulaRow, c);
        }
        const above = block.cells[r - 1]?.[c]?.formula;
        const aboveKey = keys[r - 1]?.[c];
        const aboveRows = rowsAt[c];
        if (above !== undefined && aboveKey && aboveRows) {
          const moved = shiftedDown(above, aboveRows, f);
          if (moved) {
            rowsAt[c] = moved;
            return aboveKey;
          }
        }
        const x = convert(f, block.row + r, block.col + c);
        rowsAt[c] = x ? x.rows : null;
        return fits(x);
      })
    );
  });
  const r1c1 = (r: number, c: number): string | null => keys[r]?.[c] ?? null;
  const shared = coverRectangles(rows, (r) => block.cells[r]?.length ?? 0, r1c1).filter(
    (x) => x.rows * x.cols > 1
  );
  const covered = new Set<number>();
  for (const x of shared)
    for (let r = x.row; r < x.row + x.rows; r++)
      for (let c = x.col; c < x.col + x.cols; c++) covered.add(r * cols + c);
  const needed = (c: number): boolean => {
    for (let r = 0; r < rows; r++)
      if (!covered.has(r * cols + c) && !isEmpty(at(r, c))) return true;
    return false;
  };
  const out: WriteOp[] = [];
  for (let c = 0; c < cols;) {
    if (!needed(c)) {
      c++;
      continue;
    }
    let end = c + 1;
    while (end < cols && needed(end)) end++;
    const c0 = c;
    out.push(
      ...gridOps(
        sheet,
        block.row,
        block.col + c0,
        rows,
        end - c0,
        (r, j) => (covered.has(r * cols + c0 + j) ? "" : cellInput(at(r, c0 + j), block.row + r)),
        pieceBytes,
        "cells"
      )
    );
    c = end;
  }
  for (const x of shared) {
    out.push({
      kind: "formulaR1C1",
      sheet,
      rect: { row: block.row + x.row, col: block.col + x.col, rows: x.rows, cols: x.cols },
      formula: `=${x.key}`,
      bytes: OP_OVERHEAD + jsonBytes(x.key),
    });
  }
  return out;
}

/** How many Office.js property writes a style takes (executeOp sets one per property). */
function styleOperations(style: StyleName): number {
  const s = STYLES[style];
  return (
    1 +
    [s.fill, s.fontColor, s.bold, s.italic, s.size].filter(Boolean).length +
    (s.wrap ? 2 : 0) +
    (s.borderBottom ? 3 : 0)
  );
}

/** Number formats: "@" on text cells so Excel keeps them as typed; few rectangles, or one array. */
function formatOps(
  sheet: string,
  block: BlockSpec,
  rows: number,
  cols: number,
  at: (r: number, c: number) => CellSpec | null,
  pieceBytes: number
): WriteOp[] {
  const own = (r: number, c: number): string | null => {
    const cell = at(r, c);
    if (!cell) return null;
    if (cell.text !== undefined) return "@";
    return cell.numFmt ?? null;
  };
  // A cell with nothing in it and no format of its own may take its column's format (the
  // one above, or below at the top): a blank "n/a" row then does not split the column.
  const blank = (r: number, c: number): boolean => {
    const cell = at(r, c);
    return !cell || (cell.numFmt === undefined && isEmpty(cell));
  };
  const keys: (string | null)[][] = Array.from({ length: rows }, () =>
    Array<string | null>(cols).fill(null)
  );
  for (let c = 0; c < cols; c++) {
    let last: string | null = null;
    for (let r = 0; r < rows; r++) {
      const k = blank(r, c) ? last : own(r, c);
      (keys[r] as (string | null)[])[c] = k;
      if (!blank(r, c)) last = own(r, c);
    }
    let next: string | null = null;
    for (let r = rows - 1; r >= 0; r--) {
      if (!blank(r, c)) next = own(r, c);
      else if (keys[r]?.[c] === null) (keys[r] as (string | null)[])[c] = next;
    }
  }
  const keyAt = (r: number, c: number): string | null => keys[r]?.[c] ?? null;
  const rects = fewestRectangles(rows, () => cols, keyAt);
  if (rects.length <= Math.max(16, (rows * cols) / 8)) {
    return rects.map((r) => ({
      kind: "numberFormat" as const,
      sheet,
      rect: { row: block.row + r.row, col: block.col + r.col, rows: r.rows, cols: r.cols },
      format: r.key,
      bytes: OP_OVERHEAD + jsonBytes(r.key),
    }));
  }
  return gridOps(
    sheet,
    block.row,
    block.col,
    rows,
    cols,
    (r, c) => keyAt(r, c) ?? "General",
    pieceBytes,
    "numberFormats"
  );
}

/** A 2-D array over a block, split into row pieces (or column pieces of a huge row) of at most `pieceBytes`. */
function gridOps<T extends CellInput>(
  sheet: string,
  row0: number,
  col0: number,
  rows: number,
  cols: number,
  value: (r: number, c: number) => T,
  pieceBytes: number,
  kind: "cells" | "numberFormats"
): WriteOp[] {
  const make = (r: number, c: number, grid: T[][], bytes: number): WriteOp =>
    kind === "cells"
      ? {
          kind,
          sheet,
          rect: { row: row0 + r, col: col0 + c, rows: grid.length, cols: grid[0]?.length ?? 0 },
          formulas: grid as CellInput[][],
          bytes: bytes + OP_OVERHEAD,
        }
      : {
          kind,
          sheet,
          rect: { row: row0 + r, col: col0 + c, rows: grid.length, cols: grid[0]?.length ?? 0 },
          formats: grid as string[][],
          bytes: bytes + OP_OVERHEAD,
        };
  const out: WriteOp[] = [];
  let piece: T[][] = [];
  let pieceStart = 0;
  let bytes = 2;
  const flush = (): void => {
    if (piece.length) out.push(make(pieceStart, 0, piece, bytes));
    piece = [];
    bytes = 2;
  };
  for (let r = 0; r < rows; r++) {
    const line: T[] = [];
    for (let c = 0; c < cols; c++) line.push(value(r, c));
    const lineBytes = jsonBytes(line) + 1;
    if (lineBytes > pieceBytes) {
      // One row too big for a request on its own: send it in column pieces.
      flush();
      let start = 0;
      let part: T[] = [];
      let partBytes = 2;
      line.forEach((v, c) => {
        const b = jsonBytes(v) + 1;
        if (part.length && partBytes + b > pieceBytes) {
          out.push(make(r, start, [part], partBytes));
          start = c;
          part = [];
          partBytes = 2;
        }
        part.push(v);
        partBytes += b;
      });
      if (part.length) out.push(make(r, start, [part], partBytes));
      pieceStart = r + 1;
      continue;
    }
    if (piece.length && bytes + lineBytes > pieceBytes) {
      flush();
      pieceStart = r;
    }
    if (!piece.length) pieceStart = r;
    piece.push(line);
    bytes += lineBytes;
  }
  flush();
  return out;
}

/** Packs operations into requests in order, each at most `maxBytes` by estimate. */
export function packBatches(ops: WriteOp[], maxBytes: number): WriteOp[][] {
  const batches: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let size = OP_OVERHEAD;
  for (const op of ops) {
    if (current.length && size + op.bytes > maxBytes) {
      batches.push(current);
      current = [];
      size = OP_OVERHEAD;
    }
    current.push(op);
    size += op.bytes;
  }
  if (current.length) batches.push(current);
  return batches;
}
