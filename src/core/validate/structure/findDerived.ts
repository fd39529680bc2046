// Which columns and rows of a structured table are derived from which: each change column
// from the pair of period columns it agrees with in most rows (any order, any naming),
// each share from its count column and total, each total column from the columns left of
// it, each total row from the rows above it. A derived column whose figures fit no pair
// is reported as read but not checked, with why.

import type { StructuredRow, StructuredTable } from "../../read/structure";
import { isTotalLabel, mayBeTotalLabel } from "../../read/structure/periods";
import { cellValue } from "../../read/structure/cellValue";
import { referenceOfLabels } from "../../read/structure/rowReference";
import { addDecimals, toNumber, type ExactDecimal } from "../../round";
import {
  countAt,
  expectChange,
  expectPercentChange,
  expectPointsChange,
  expectShare,
  expectSum,
  printedAt,
  type Expect,
  type Printed,
} from "./figures";
import { MIN_FIT, accepted, countFit, type Fit } from "./fit";
import type { StatedRule } from "./statedRule";
import { directionOf, ragOf } from "./monitoringCells";
import {
  directionRelations,
  isMonitoringTable,
  isToDateHeading,
  ragRelations,
  toDateParts,
  type DirectionRelation,
  type RagRelation,
} from "./monitoringRelations";

export type Relation =
  | { kind: "change" | "change-pct" | "change-points"; column: number; from: number; to: number }
  | { kind: "share"; column: number; of: number; whole: "total-row" | "sum" }
  /** countsOnly: a year to date, whose rows of percentages are averages, not sums. */
  | { kind: "total-column"; column: number; parts: number[]; countsOnly?: true }
  | { kind: "total-row"; row: number; parts: number[] }
  | { kind: "change-row"; row: number; from: number; to: number }
  | RagRelation
  | DirectionRelation;

export interface Unchecked {
  column: string;
  why: string;
}

export interface Structure {
  relations: Relation[];
  unchecked: Unchecked[];
}

/** Widest table whose columns are paired (changes, totals). */
const MAX_PAIRED_COLUMNS = 60;

/** How many rows a derived figure agrees in (its expectation null), of those that print it. */
function fitOf(
  rows: StructuredRow[],
  test: (r: StructuredRow) => Expect | "undefined" | "skip"
): Fit {
  return countFit(rows, (r) => {
    const e = test(r);
    return e === "skip" || e === "undefined" ? "skip" : e === null;
  });
}

/** Whether most of a column's figures carry a unit ("%", "pp"). */
function mostlyUnit(t: StructuredTable, col: number, unit: "percent" | "points"): boolean {
  let marked = 0;
  let num = 0;
  for (const r of t.rows) {
    const p = cellValue(r.cells[col] ?? "");
    if (p.kind !== "number") continue;
    num++;
    if (p.unit === unit) marked++;
  }
  return num > 0 && marked * 2 > num;
}

const percentColumn = (t: StructuredTable, col: number): boolean => mostlyUnit(t, col, "percent");

function signedColumn(t: StructuredTable, col: number): boolean {
  return t.rows.some((r) => {
    const text = (r.cells[col] ?? "").trim();
    return cellValue(text).kind === "number" && /^[+\-\u2212\u2013(]/.test(text);
  });
}

function hasNumbers(t: StructuredTable, col: number): boolean {
  return t.rows.some((r) => cellValue(r.cells[col] ?? "").kind === "number");
}

/** Indexes of the columns with one of `roles` that `keep` accepts. */
function columnsWhere(
  t: StructuredTable,
  roles: readonly string[],
  keep: (j: number) => boolean
): number[] {
  return t.columns.flatMap((c, j) => (roles.includes(c.role) && keep(j) ? [j] : []));
}

/** Columns of counts that derived figures may come from. */
function inputColumns(t: StructuredTable): number[] {
  return columnsWhere(
    t,
    ["period", "value", "total", "target"],
    (j) => hasNumbers(t, j) && !percentColumn(t, j) && !signedColumn(t, j)
  );
}

/** Rows a relation is found on: the first few thousand (every row is then checked). */
const MAX_FIT_ROWS = 2000;

function sampleRows(t: StructuredTable): StructuredRow[] {
  return dataRows(t).slice(0, MAX_FIT_ROWS);
}

function dataRows(t: StructuredTable): StructuredRow[] {
  return t.rows.filter((r) => !r.changeRow);
}

/** The pair (from, to) of input columns a change column agrees with best, or null. */
function bestPair(
  t: StructuredTable,
  col: number,
  inputs: number[],
  expect: (from: number, to: number, r: StructuredRow) => Expect | "undefined" | "skip"
): { from: number; to: number; fit: Fit } | null {
  let best: { from: number; to: number; fit: Fit; rank: number } | null = null;
  for (const a of inputs)
    for (const b of inputs) {
      if (a === b) continue;
      const fit = fitOf(sampleRows(t), (r) => expect(a, b, r));
      if (!accepted(fit)) continue;
      // Ties go to the later period nearest left of the change, then the nearer earlier one.
      const rank = fit.ok / fit.n - (col > b ? col - b : 100 + b) * 1e-4 - Math.abs(b - a) * 1e-6;
      if (!best || rank > best.rank) best = { from: a, to: b, fit, rank };
    }
  return best;
}

const changeTest =
  (t: StructuredTable, col: number) => (a: number, b: number, r: StructuredRow) => {
    const from = printedAt(r, a);
    const to = printedAt(r, b);
    const printed = printedAt(r, col);
    if (!from || !to || !printed) return "skip" as const;
    return expectChange(from.exact, to.exact, printed);
  };

const pctTest = (t: StructuredTable, col: number) => (a: number, b: number, r: StructuredRow) => {
  const from = printedAt(r, a);
  const to = printedAt(r, b);
  const printed = printedAt(r, col);
  if (!from || !to || !printed) return "skip" as const;
  return expectPercentChange(from.exact, to.exact, printed);
};

const pointsTest =
  (t: StructuredTable, col: number) => (a: number, b: number, r: StructuredRow) => {
    const from = printedAt(r, a);
    const to = printedAt(r, b);
    const printed = printedAt(r, col);
    if (!from || !to || !printed) return "skip" as const;
    return expectPointsChange(from, to, printed);
  };

/** A column of changes in percentage points: by its heading, or by its figures ("+3.7pp"). */
function pointsColumn(t: StructuredTable, col: number): boolean {
  return t.columns[col]?.role === "change-points" || mostlyUnit(t, col, "points");
}

/** Columns of percentages for one period (rates, shares of a period) a points change may come from. */
function percentInputs(t: StructuredTable): number[] {
  return columnsWhere(
    t,
    ["period", "value", "rate"],
    (j) => percentColumn(t, j) && !signedColumn(t, j) && !pointsColumn(t, j)
  );
}

/** Whether `holds` of a row's figure and its parts' figures in most columns that print both. */
function inMostColumns(
  rows: StructuredRow[],
  r: StructuredRow,
  parts: number[],
  inputs: number[],
  holds: (parts: ExactDecimal[], total: Printed) => boolean | "skip"
): boolean {
  let ok = 0;
  let n = 0;
  for (const j of inputs) {
    const total = printedAt(r, j);
    const ps = parts.map((k) => countAt(rows[k] as StructuredRow, j));
    if (!total || ps.some((p) => p === null)) continue;
    const h = holds(ps as ExactDecimal[], total);
    if (h === "skip") continue;
    n++;
    if (h) ok++;
  }
  return n > 0 && ok >= 1 && ok / n >= MIN_FIT;
}

/** Whether a row is the sum of `parts` in most columns (a total not labelled as one). */
const sumsHold = (rows: StructuredRow[], r: StructuredRow, parts: number[], inputs: number[]) =>
  inMostColumns(rows, r, parts, inputs, (ps, total) => expectSum(ps, total) === null);

/** Share a leading total's figures may be off their parts' sum and still be taken for their total. */
const NEAR_SUM = 0.15;

/** Whether a row is near the sum of `parts` in most columns of counts. */
const sumsNear = (rows: StructuredRow[], r: StructuredRow, parts: number[], inputs: number[]) =>
  inMostColumns(rows, r, parts, inputs, (ps, total) => {
    if (total.percent) return "skip";
    const sum = ps.reduce((a, p) => a + toNumber(p), 0);
    const printed = toNumber(total.exact);
    return Math.abs(printed - sum) <= NEAR_SUM * Math.abs(printed);
  });

/** Rows that total the rows above them: by label, or (a closing or "All …" row) by figures. */
export function totalRows(t: StructuredTable, inputs: number[]): Relation[] {
  const out: Relation[] = [];
  let start = 0;
  const rows = t.rows;
  // Lettered parts are inside their item: a total further down counts the item, not them.
  const inItems = new Set<number>();
  rows.forEach((r, i) => {
    if (r.changeRow) return;
    // An item over its lettered parts ("5 … See below", "5a", "5b", "5c") is their total,
    // when its figures are near their sum (a wrong figure is then a finding).
    const lettered = letteredParts(rows, i);
    if (lettered.length >= 2 && sumsNear(rows, r, lettered, inputs)) {
      out.push({ kind: "total-row", row: i, parts: lettered });
      for (const k of lettered) inItems.add(k);
      return;
    }
    // A total under a section heading totals the rows of its section.
    const parts = rows
      .slice(start, i)
      .map((_, k) => start + k)
      .filter((k) => !(rows[k] as StructuredRow).changeRow && !inItems.has(k))
      .filter((k) => r.section === null || (rows[k] as StructuredRow).section === r.section);
    const byLabel = r.totalLabel || r.labels.some(isTotalLabel);
    // A total printed first ("Total MOPAC 7" above its seven crimes) totals the rows below it,
    // when its label says so and its figures are near their sum (a wrong figure is then a
    // finding; "Total Notifiable Offences" over a few of its parts is no such total).
    if (byLabel && i === 0 && start === 0) {
      const below = leadingTotalParts(rows);
      if (below.length >= 2 && sumsNear(rows, r, below, inputs)) {
        out.push({ kind: "total-row", row: 0, parts: below });
        start = below[below.length - 1]! + 1;
        return;
      }
    }
    const candidate =
      (i === rows.length - 1 || mayBeTotalLabel(r.labels.join(" "))) && parts.length >= 2;
    if (!byLabel && !candidate) return;
    if (parts.length === 0) return;
    if (!byLabel && !sumsHold(rows, r, parts, inputs)) return;
    out.push({ kind: "total-row", row: i, parts });
    start = i + 1;
  });
  return out;
}

/** The rows lettered as parts of row i's item ("5a", "5b" after "5"), in a run below it. */
function letteredParts(rows: StructuredRow[], i: number): number[] {
  const item = referenceOfLabels((rows[i] as StructuredRow).labels);
  if (!item || item.part !== "") return [];
  const parts: number[] = [];
  for (let k = i + 1; k < rows.length; k++) {
    const ref = referenceOfLabels((rows[k] as StructuredRow).labels);
    if (!ref || ref.item !== item.item || ref.part === "") break;
    parts.push(k);
  }
  return parts;
}

/** The rows under a leading total: down to the next total row or section. */
function leadingTotalParts(rows: StructuredRow[]): number[] {
  const first = rows[0] as StructuredRow;
  const parts: number[] = [];
  for (let k = 1; k < rows.length; k++) {
    const r = rows[k] as StructuredRow;
    if (r.totalLabel || r.changeRow || r.section !== first.section) break;
    parts.push(k);
  }
  return parts;
}

/** Shares of a count column: of each total row's figure, or of the column's sum. */
function shareOf(
  t: StructuredTable,
  col: number,
  inputs: number[],
  totals: Relation[]
): Relation | null {
  const left = inputs.filter((j) => j < col);
  const of = left[left.length - 1];
  if (of === undefined) return null;
  const whole: "total-row" | "sum" = totals.length > 0 ? "total-row" : "sum";
  const fit = fitOf(sampleRows(t), (r) => {
    const part = printedAt(r, of);
    const printed = printedAt(r, col);
    if (!part || !printed) return "skip";
    const w = wholeFor(t, r, of, whole, totals);
    return w ? expectShare(part.exact, w, printed) : "skip";
  });
  const sharesOfSum = whole === "sum" && addsToHundred(t, col);
  return accepted(fit) || sharesOfSum ? { kind: "share", column: col, of, whole } : null;
}

/** Whether a column of percentages adds up to 100, within what its rounding allows. */
function addsToHundred(t: StructuredTable, col: number): boolean {
  let sum = 0;
  let slack = 0;
  let n = 0;
  for (const r of dataRows(t)) {
    const p = printedAt(r, col);
    if (!p) continue;
    n++;
    sum += Number(p.text.replace(/[^\d.-]/g, ""));
    slack += 0.5 / 10 ** p.decimals;
  }
  return n >= 2 && Math.abs(sum - 100) <= slack + 1e-9;
}

/** The whole a row's share is of: its total row's figure, or the sum of the column. */
export function wholeFor(
  t: StructuredTable,
  r: StructuredRow,
  of: number,
  whole: "total-row" | "sum",
  totals: Relation[]
): ReturnType<typeof countAt> {
  const i = t.rows.indexOf(r);
  if (whole === "total-row") {
    const rel = totals.find((x) => x.kind === "total-row" && (x.row === i || x.parts.includes(i)));
    if (!rel || rel.kind !== "total-row") return null;
    return printedAt(t.rows[rel.row] as StructuredRow, of)?.exact ?? null;
  }
  return columnSum(t, of);
}

/** Sums of a table's columns, once each (every row's share asks for its column's sum). */
const sums = new WeakMap<StructuredTable, Map<number, ReturnType<typeof countAt>>>();

function columnSum(t: StructuredTable, of: number): ReturnType<typeof countAt> {
  let byColumn = sums.get(t);
  if (!byColumn) sums.set(t, (byColumn = new Map()));
  if (byColumn.has(of)) return byColumn.get(of) ?? null;
  const parts = dataRows(t).map((x) => countAt(x, of));
  const sum = parts.some((p) => p === null)
    ? null
    : (parts as NonNullable<(typeof parts)[number]>[]).reduce(addDecimals, {
        scaled: BigInt(0),
        decimals: 0,
      });
  byColumn.set(of, sum);
  return sum;
}

/** A total column: the sum of the count columns left of it, back to the previous total. */
function totalColumn(t: StructuredTable, col: number, inputs: number[]): Relation | null {
  const parts: number[] = [];
  for (let j = col - 1; j >= 0; j--) {
    if (!inputs.includes(j) || t.columns[j]?.role === "total") break;
    parts.unshift(j);
  }
  if (parts.length < 2) return null;
  const fit = fitOf(sampleRows(t), (r) => {
    const printed = printedAt(r, col);
    const ps = parts.map((j) => countAt(r, j));
    if (!printed || ps.some((p) => p === null)) return "skip";
    return expectSum(ps as NonNullable<(typeof ps)[number]>[], printed);
  });
  return accepted(fit) ? { kind: "total-column", column: col, parts } : null;
}

/** A row of % changes from the first data row to the last one above it. */
function changeRowsOf(t: StructuredTable): Relation[] {
  const out: Relation[] = [];
  t.rows.forEach((r, i) => {
    if (!r.changeRow) return;
    const above = t.rows
      .slice(0, i)
      .map((_, k) => k)
      .filter(
        (k) => !(t.rows[k] as StructuredRow).changeRow && !(t.rows[k] as StructuredRow).totalLabel
      );
    if (above.length >= 2)
      out.push({
        kind: "change-row",
        row: i,
        from: above[0] as number,
        to: above[above.length - 1] as number,
      });
  });
  return out;
}

const WHY = {
  noPair: "no pair of period columns gives these changes",
  rate: "a rate or ranking whose base (population, group) is not printed",
  percent: "percentages with no count they are a change or share of",
  total: "not the sum of the columns left of it (it may cover periods not shown)",
  toDate: "not the sum of its year's periods (it may cover periods not shown)",
  rag: "no figure, target and rule (within a tolerance; improvement on the year before) give these ratings",
  direction: "no pair of period columns moves as these directions say",
  points: "no pair of percentage columns gives these changes in points",
};

function changeColumn(
  t: StructuredTable,
  j: number,
  inputs: number[],
  rels: Relation[],
  unchecked: Unchecked[]
): void {
  const heading = t.columns[j]?.heading || `column ${j + 1}`;
  const pair = bestPair(t, j, inputs, changeTest(t, j));
  if (pair) rels.push({ kind: "change", column: j, from: pair.from, to: pair.to });
  else unchecked.push({ column: heading, why: WHY.noPair });
}

function percentColumnRelation(
  t: StructuredTable,
  j: number,
  inputs: number[],
  rels: Relation[],
  unchecked: Unchecked[]
): void {
  const col = t.columns[j];
  const heading = col?.heading || `column ${j + 1}`;
  const prior = rels.find((r) => r.kind === "change");
  const test = pctTest(t, j);
  const samePair =
    prior &&
    prior.kind === "change" &&
    accepted(fitOf(sampleRows(t), (r) => test(prior.from, prior.to, r)))
      ? { from: prior.from, to: prior.to }
      : null;
  const pair = col?.role === "share" ? null : (samePair ?? bestPair(t, j, inputs, test));
  if (pair) {
    rels.push({ kind: "change-pct", column: j, from: pair.from, to: pair.to });
    return;
  }
  const share = shareOf(
    t,
    j,
    inputs,
    rels.filter((r) => r.kind === "total-row")
  );
  if (share) rels.push(share);
  else
    unchecked.push({ column: heading, why: col?.role === "change-pct" ? WHY.noPair : WHY.percent });
}

/** The derived columns and rows of a table, and the ones it could not check. */
export function findDerived(t: StructuredTable, stated: StatedRule | null = null): Structure {
  // Pairing columns is quadratic in them: a table wider than any committee prints is read
  // but its columns are not paired.
  if (t.columns.length > MAX_PAIRED_COLUMNS)
    return {
      relations: [],
      unchecked: [{ column: "(all)", why: `more than ${MAX_PAIRED_COLUMNS} figure columns` }],
    };
  const inputs = inputColumns(t);
  const rels: Relation[] = [...totalRows(t, inputs), ...changeRowsOf(t)];
  const unchecked: Unchecked[] = [];
  t.columns.forEach((c, j) => {
    if (!hasNumbers(t, j)) return;
    const heading = c.heading || `column ${j + 1}`;
    // A year to date beside the quarters or months it adds up.
    const toDate = c.role === "period" && isToDateHeading(c.heading) ? toDateParts(t, j) : [];
    if (c.role === "total") {
      const rel = totalColumn(t, j, inputs);
      if (rel) rels.push(rel);
      else unchecked.push({ column: heading, why: WHY.total });
    } else if (toDate.length > 0) {
      const rel = toDateColumn(t, j, toDate);
      if (rel) rels.push(rel);
      else unchecked.push({ column: heading, why: WHY.toDate });
    } else if (pointsColumn(t, j)) {
      const pair = bestPair(t, j, percentInputs(t), pointsTest(t, j));
      if (pair) rels.push({ kind: "change-points", column: j, from: pair.from, to: pair.to });
      else unchecked.push({ column: heading, why: WHY.points });
    } else if (
      c.role === "change" ||
      (signedColumn(t, j) && !percentColumn(t, j) && c.role !== "change-pct")
    )
      changeColumn(t, j, inputs, rels, unchecked);
    else if (c.role === "rate") unchecked.push({ column: heading, why: WHY.rate });
  });
  // In a table that rates its figures, percentages for a period are the indicators' own figures.
  const ownFigures = isMonitoringTable(t) ? ["period", "value", "target"] : [];
  t.columns.forEach((c, j) => {
    if (!hasNumbers(t, j) || ["rate", "total", "change", "change-points"].includes(c.role)) return;
    if (pointsColumn(t, j) || ownFigures.includes(c.role)) return;
    if (c.role === "change-pct" || c.role === "share" || percentColumn(t, j))
      percentColumnRelation(t, j, inputs, rels, unchecked);
  });
  monitoringColumns(t, rels, unchecked, stated);
  return { relations: rels, unchecked };
}

/** A monitoring table's ratings and directions of travel, read against the pairs found above. */
function monitoringColumns(
  t: StructuredTable,
  rels: Relation[],
  unchecked: Unchecked[],
  stated: StatedRule | null
): void {
  const pairs = rels.flatMap((r) =>
    r.kind === "change" || r.kind === "change-pct" ? [{ from: r.from, to: r.to }] : []
  );
  const directions = directionRelations(t, pairs);
  const rags = ragRelations(
    t,
    [...pairs, ...directions.map((d) => ({ from: d.from, to: d.to }))],
    stated
  );
  // A column is reported as not checked only where it prints ratings or directions (a
  // "Status" of other words is no rating).
  for (const [role, found, why, says] of [
    ["direction", directions, WHY.direction, (x: string) => directionOf(x) !== null],
    ["rag", rags, WHY.rag, (x: string) => ragOf(x) !== null],
  ] as const)
    t.columns.forEach((c, j) => {
      if (c.role !== role || !t.rows.some((r) => says(r.cells[j] ?? ""))) return;
      if (!found.some((f) => f.column === j))
        unchecked.push({ column: c.heading || `column ${j + 1}`, why });
    });
  rels.push(...directions, ...rags);
}

/** A row whose year to date or its periods print percentages (averaged, not summed). */
export function percentRow(r: StructuredRow, col: number, parts: number[]): boolean {
  return [col, ...parts].some((j) => printedAt(r, j)?.percent === true);
}

/** A year to date: the sum of its quarters or months, in the rows that print counts. */
function toDateColumn(t: StructuredTable, col: number, parts: number[]): Relation | null {
  const fit = fitOf(sampleRows(t), (r) => {
    const printed = printedAt(r, col);
    const ps = parts.map((j) => countAt(r, j));
    if (!printed || percentRow(r, col, parts) || ps.some((p) => p === null)) return "skip";
    return expectSum(ps as NonNullable<(typeof ps)[number]>[], printed);
  });
  return accepted(fit) ? { kind: "total-column", column: col, parts, countsOnly: true } : null;
}
