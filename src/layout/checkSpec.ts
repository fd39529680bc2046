// The one check of a spec that both writers run before writing anything: a spec Excel
// would refuse (a sheet name it does not take, a table off the sheet, a formula too long)
// fails whole, with every problem listed, and the workbook is untouched. Pure: no
// Office.js, no ExcelJS. The checks that depend on the workbook written to (a user's sheet
// in the way, a table name already used) take what the writer read of it.

import type { CellSpec, SheetSpec, TableSpec, WorkbookSpec } from "./spec";
import { a1, parseRangeAddress } from "./a1";
import { widthOf } from "./extent";
import { sheetKey, sheetNameProblem, tableNameProblem } from "./sheetNames";

/** Excel's limits. */
export const MAX_TEXT = 32767;
export const MAX_FORMULA = 8192;
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export type PlanProblem =
  | "user-sheet-in-the-way"
  | "invalid-sheet-name"
  | "duplicate-sheet"
  | "invalid-table"
  | "table-name-taken"
  | "tables-overlap"
  | "invalid-cell"
  | "invalid-range";

export interface PlanIssue {
  problem: PlanProblem;
  sheet: string;
  message: string;
}

/** Misuse: the spec cannot be applied to this workbook as it stands. Nothing was written. */
export class WorkbookPlanError extends Error {
  override readonly name = "WorkbookPlanError";
  constructor(readonly issues: PlanIssue[]) {
    super(
      issues.length === 1
        ? (issues[0] as PlanIssue).message
        : `${issues.length} problems stop the workbook from being written: ${issues.map((i) => i.message).join("; ")}`
    );
  }
}

function sheetMessage(problem: PlanProblem, sheet: string, detail: string): PlanIssue {
  return { problem, sheet, message: `Sheet "${sheet}": ${detail}` };
}

/** What the workbook written to holds, as far as the checks need it. */
export interface TargetWorkbook {
  /** Its sheets: name as in the workbook, by sheetKey. */
  sheets: ReadonlyMap<string, string>;
  /** Keys of the sheets the writer may replace or remove; every sheet when left out. */
  owned?: ReadonlySet<string>;
  /** Lower-case names of the tables that stay in the workbook through the write. */
  keptTables?: ReadonlySet<string>;
}

const EMPTY_WORKBOOK: TargetWorkbook = { sheets: new Map() };

/** Throws WorkbookPlanError listing every problem of `spec` written to `workbook`. */
export function checkSpec(spec: WorkbookSpec, workbook: TargetWorkbook = EMPTY_WORKBOOK): void {
  const issues = specIssues(spec, workbook);
  if (issues.length > 0) throw new WorkbookPlanError(issues);
}

/** Every problem, in the order: sheet names, removals, tables, then each sheet's content. */
function specIssues(spec: WorkbookSpec, workbook: TargetWorkbook): PlanIssue[] {
  const removed = new Set(sheetsToRemove(spec, workbook).map(sheetKey));
  const known = new Set([
    ...spec.sheets.map((s) => sheetKey(s.name)),
    ...[...workbook.sheets.keys()].filter((k) => !removed.has(k)),
  ]);
  return [
    ...sheetNameIssues(spec, workbook),
    ...removalIssues(spec, workbook),
    ...tableIssues(spec, workbook.keptTables ?? new Set()),
    ...spec.sheets.flatMap((sheet) => contentIssues(sheet, known)),
  ];
}

/** The workbook's names of the sheets `spec` removes: those it has and the writer may remove. */
export function sheetsToRemove(spec: WorkbookSpec, workbook: TargetWorkbook): string[] {
  const written = specSheetKeys(spec);
  return (spec.removeSheets ?? []).flatMap((name) => {
    const key = sheetKey(name);
    const there = workbook.sheets.get(key);
    return there !== undefined && !isUsers(workbook, key) && !written.has(key) ? [there] : [];
  });
}

function specSheetKeys(spec: WorkbookSpec): Set<string> {
  return new Set(spec.sheets.map((s) => sheetKey(s.name)));
}

/** A sheet the workbook has that the writer did not make, so must leave as it is. */
function isUsers(workbook: TargetWorkbook, key: string): boolean {
  return workbook.sheets.has(key) && workbook.owned !== undefined && !workbook.owned.has(key);
}

/** Names: valid, unique in the spec, and never a sheet the user made. */
function sheetNameIssues(spec: WorkbookSpec, workbook: TargetWorkbook): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const seen = new Set<string>();
  for (const { name } of spec.sheets) {
    const key = sheetKey(name);
    const p = sheetNameProblem(name);
    if (p) issues.push(sheetMessage("invalid-sheet-name", name, p));
    if (seen.has(key))
      issues.push(sheetMessage("duplicate-sheet", name, "the spec has two sheets of this name"));
    seen.add(key);
    if (isUsers(workbook, key))
      issues.push(
        sheetMessage(
          "user-sheet-in-the-way",
          name,
          "a sheet of this name is already in the workbook and was not made by Scrutiny Sheets, so it is left as it is"
        )
      );
  }
  return issues;
}

/** Removals: only of sheets this add-in made, and never of a sheet the spec also writes. */
function removalIssues(spec: WorkbookSpec, workbook: TargetWorkbook): PlanIssue[] {
  const written = specSheetKeys(spec);
  const issues: PlanIssue[] = [];
  for (const name of spec.removeSheets ?? []) {
    const key = sheetKey(name);
    if (!workbook.sheets.has(key)) continue;
    if (isUsers(workbook, key))
      issues.push(
        sheetMessage(
          "user-sheet-in-the-way",
          name,
          "the spec asks to remove a sheet Scrutiny Sheets did not make; it is left as it is"
        )
      );
    else if (written.has(key))
      issues.push(
        sheetMessage("duplicate-sheet", name, "the spec both removes and writes this sheet")
      );
  }
  return issues;
}

/** Tables: valid, unique in the workbook, not overlapping each other. */
function tableIssues(spec: WorkbookSpec, keptTables: ReadonlySet<string>): PlanIssue[] {
  const issues: PlanIssue[] = [];
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
      const key = t.name.toLowerCase();
      if (keptTables.has(key) || specTables.has(key))
        issues.push(
          sheetMessage(
            "table-name-taken",
            sheet.name,
            `the table name "${t.name}" is already used in the workbook`
          )
        );
      specTables.add(key);
      for (const other of sheet.tables.slice(0, i)) issues.push(...overlapIssues(sheet, other, t));
    });
  }
  return issues;
}

function overlapIssues(sheet: SheetSpec, earlier: TableSpec, t: TableSpec): PlanIssue[] {
  return overlaps(t, earlier)
    ? [
        sheetMessage(
          "tables-overlap",
          sheet.name,
          `tables "${earlier.name}" and "${t.name}" overlap`
        ),
      ]
    : [];
}

/** Cells, ranges and charts of one sheet; `known` holds the keys of the sheets there will be. */
function contentIssues(sheet: SheetSpec, known: ReadonlySet<string>): PlanIssue[] {
  return [...blockIssues(sheet), ...conditionalFormatIssues(sheet), ...chartIssues(sheet, known)];
}

function blockIssues(sheet: SheetSpec): PlanIssue[] {
  const issues: PlanIssue[] = [];
  for (const b of sheet.blocks) {
    const fits =
      Number.isInteger(b.row) &&
      Number.isInteger(b.col) &&
      b.row >= 0 &&
      b.col >= 0 &&
      b.row + b.cells.length <= MAX_ROWS &&
      b.col + widthOf(b) <= MAX_COLS;
    if (!fits) {
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
  return issues;
}

function conditionalFormatIssues(sheet: SheetSpec): PlanIssue[] {
  return sheet.conditionalFormats
    .filter((f) => !inSheet(f))
    .map((f) =>
      sheetMessage(
        "invalid-range",
        sheet.name,
        `a conditional format at row ${f.row + 1}, column ${f.col + 1} does not fit the sheet`
      )
    );
}

/** Charts: every address a range, on a sheet there will be, and at least one series. */
function chartIssues(sheet: SheetSpec, known: ReadonlySet<string>): PlanIssue[] {
  const issues: PlanIssue[] = [];
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
      else if (parsed.sheet !== null && !known.has(sheetKey(parsed.sheet)))
        issues.push(
          sheetMessage(
            "invalid-range",
            sheet.name,
            `chart "${c.title}": no sheet "${parsed.sheet}"`
          )
        );
    }
    if (c.series.length === 0)
      issues.push(sheetMessage("invalid-range", sheet.name, `chart "${c.title}" has no series`));
  }
  return issues;
}

/** Run on every cell of the spec: counts without building an array per cell. */
function cellProblem(cell: CellSpec): string | null {
  const kinds =
    Number(cell.text !== undefined) +
    Number(cell.number !== undefined) +
    Number(cell.bool !== undefined) +
    Number(cell.formula !== undefined);
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

interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function overlaps(a: Area, b: Area): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.col < b.col + b.cols &&
    b.col < a.col + a.cols
  );
}

function inSheet(r: Area): boolean {
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
