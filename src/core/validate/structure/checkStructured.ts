// Checks every derived column and row of tables read by their structure: each change
// against its period pair (absolute and %), each share against its total, each total
// column and total row against its parts, each row of changes against its rows. Says for
// each table which derived columns were checked and which were read but not checked.

import type { StructuredRead, StructuredRow, StructuredTable } from "../../read/structure";
import { issueMessages, rowName, structureMessages } from "../../messages";
import type { Issue } from "../../model";
import { toNumber, type ExactDecimal } from "../../round";
import {
  countAt,
  expectChange,
  expectPercentChange,
  expectPointsChange,
  expectShare,
  expectSum,
  formatDecimal,
  printedAt,
  type Printed,
} from "./figures";
import {
  findDerived,
  percentRow,
  wholeFor,
  type Relation,
  type Structure,
  type Unchecked,
} from "./findDerived";
import {
  RAG_RULE_TEXT,
  directionHolds,
  expectedRags,
  type DirectionRelation,
  type RagRelation,
  type Tolerance,
} from "./monitoringRelations";
import { directionOf, ragOf } from "./monitoringCells";
import { statedRule, type StatedRule } from "./statedRule";

export interface TableCoverage {
  table: number;
  /** Derived columns and rows checked: the heading (or row) and how. */
  checked: { what: string; how: string }[];
  /** Columns read that look derived but could not be checked, and why. */
  unchecked: Unchecked[];
  /** How many printed figures and words the checks recalculated: each derived cell, once. */
  figures: number;
}

export interface StructureCheck {
  issues: Issue[];
  coverage: TableCoverage[];
}

function labelOf(r: StructuredRow): string {
  return r.labels.filter((l) => l !== "").join(" ");
}

function whereOf(r: StructuredRow): string {
  return rowName(labelOf(r), null, r.line);
}

function heading(t: StructuredTable, j: number): string {
  return t.columns[j]?.heading || `column ${j + 1}`;
}

function issue(
  t: number,
  r: StructuredRow,
  field: string,
  printed: Printed,
  expected: ExactDecimal | null,
  rule: Issue["rule"],
  message: string
): Issue {
  return {
    rule,
    severity: rule === "change-undefined" ? "warning" : "error",
    table: t,
    line: r.line,
    category: labelOf(r),
    subcategory: null,
    field,
    reported: toNumber(printed.exact),
    expected: expected ? toNumber(expected) : null,
    message,
  };
}

function checkChangeColumn(
  ti: number,
  t: StructuredTable,
  rel: Extract<Relation, { kind: "change" | "change-pct" | "change-points" }>
): Issue[] {
  const out: Issue[] = [];
  const h = heading(t, rel.column);
  for (const r of t.rows) {
    if (r.changeRow) continue;
    const from = printedAt(r, rel.from);
    const to = printedAt(r, rel.to);
    const printed = printedAt(r, rel.column);
    if (!from || !to || !printed) continue;
    const pct = rel.kind === "change-pct";
    const e = pct
      ? expectPercentChange(from.exact, to.exact, printed)
      : rel.kind === "change-points"
        ? expectPointsChange(from, to, printed)
        : expectChange(from.exact, to.exact, printed);
    if (e === null) continue;
    if (e === "undefined") {
      out.push(
        issue(
          ti,
          r,
          h,
          printed,
          null,
          "change-undefined",
          structureMessages.changeUndefined(whereOf(r), h, printed.text)
        )
      );
      continue;
    }
    const msg = issueMessages.changeMismatch(
      whereOf(r),
      h,
      printed.text,
      formatDecimal(e, pct),
      from.text,
      to.text
    );
    out.push(issue(ti, r, h, printed, e, "change-mismatch", msg));
  }
  return out;
}

/**
 * Wholes to try: the counts are whole numbers, so their sum is one; the whole numbers
 * inside the narrowest rows' ranges (most 2,000).
 */
function wholeCandidates(spans: { lo: number; hi: number }[]): number[] {
  const narrow = [...spans].sort((a, b) => a.hi - a.lo - (b.hi - b.lo)).slice(0, 3);
  const out = new Set<number>();
  for (const x of narrow)
    for (let w = Math.ceil(x.lo - 1e-9); w <= Math.floor(x.hi + 1e-9) && out.size < 2000; w++)
      out.add(w);
  return [...out].sort((a, b) => a - b);
}

/** Longest table in which a wrong count of a share's sum is placed on its row. */
const MAX_PLACED_ROWS = 2000;

interface Outliers {
  /** Rows to report. */
  lines: Set<number>;
  /** The whole the other rows' shares point to, when it is not the sum. */
  consensus: number | null;
}

/**
 * The rows whose shares of a column's sum disagree with the whole the other rows' shares
 * point to: when one count is wrong, the sum moves and every share with it, but only the
 * wrong row's own share disagrees with the others'. When the sum and another whole are
 * each agreed by as many rows, the rows against either are reported. Null when the sum
 * agrees with more rows than any other whole (then each row is checked against the sum).
 */
function outlyingShareRows(
  t: StructuredTable,
  rel: Extract<Relation, { kind: "share" }>,
  sum: number
): Outliers | null {
  // Placing a wrong count is quadratic in the rows: a longer table is checked against its sum.
  if (t.rows.length > MAX_PLACED_ROWS) return null;
  const spans: { line: number; lo: number; hi: number }[] = [];
  for (const r of t.rows) {
    const part = printedAt(r, rel.of);
    const share = printedAt(r, rel.column);
    if (!part || !share) continue;
    const count = Number(part.text.replace(/[^\d.]/g, ""));
    const s = Number(share.text.replace(/[^\d.]/g, ""));
    const half = 0.5 / 10 ** share.decimals;
    if (s - half <= 0) continue;
    spans.push({ line: r.line, lo: (count * 100) / (s + half), hi: (count * 100) / (s - half) });
  }
  const holds = (w: number, x: { lo: number; hi: number }) => x.lo <= w + 1e-9 && w <= x.hi + 1e-9;
  const bySum = spans.filter((x) => holds(sum, x)).length;
  let best: number | null = null;
  let most = 0;
  for (const c of wholeCandidates(spans)) {
    const n = spans.filter((x) => holds(c, x)).length;
    if (n > most) [best, most] = [c, n];
  }
  if (best === null || most < bySum || spans.every((x) => holds(sum, x))) return null;
  const against = (w: number) => spans.filter((x) => !holds(w, x)).map((x) => x.line);
  const lines = new Set(against(best));
  if (most === bySum) for (const l of against(sum)) lines.add(l);
  return { lines, consensus: Math.round(best) };
}

function checkShare(
  ti: number,
  t: StructuredTable,
  rel: Extract<Relation, { kind: "share" }>,
  rels: Relation[]
): Issue[] {
  const out: Issue[] = [];
  const h = heading(t, rel.column);
  const totals = rels.filter((x) => x.kind === "total-row");
  const first = t.rows[0];
  const sum = rel.whole === "sum" && first ? wholeFor(t, first, rel.of, "sum", totals) : null;
  const outliers = sum
    ? outlyingShareRows(t, rel, Number(formatDecimal(sum).replace(/,/g, "")))
    : null;
  for (const r of t.rows) {
    if (outliers && !outliers.lines.has(r.line)) continue;
    if (r.changeRow) continue;
    const part = printedAt(r, rel.of);
    const printed = printedAt(r, rel.column);
    const whole = wholeFor(t, r, rel.of, rel.whole, totals);
    if (!part || !printed || !whole) continue;
    const e = expectShare(part.exact, whole, printed);
    const consensus = outliers?.consensus;
    if (e === null && consensus) {
      const w = { scaled: BigInt(consensus), decimals: 0 };
      const c = expectShare(part.exact, w, printed);
      if (c === null || c === "undefined") continue;
      const msg = structureMessages.shareAgainstOthers(
        whereOf(r),
        h,
        printed.text,
        formatDecimal(c, true),
        part.text,
        formatDecimal(w),
        formatDecimal(whole)
      );
      out.push(issue(ti, r, h, printed, c, "rate-mismatch", msg));
      continue;
    }
    if (e === null || e === "undefined") continue;
    const msg = structureMessages.shareMismatch(
      whereOf(r),
      h,
      printed.text,
      formatDecimal(e, true),
      part.text,
      formatDecimal(whole)
    );
    out.push(issue(ti, r, h, printed, e, "rate-mismatch", msg));
  }
  return out;
}

function checkTotalRow(
  ti: number,
  t: StructuredTable,
  rel: Extract<Relation, { kind: "total-row" }>,
  summed: number[]
): Issue[] {
  const out: Issue[] = [];
  const r = t.rows[rel.row] as StructuredRow;
  for (const j of summed) {
    const printed = printedAt(r, j);
    const parts = rel.parts.map((k) => countAt(t.rows[k] as StructuredRow, j));
    if (!printed || parts.some((p) => p === null)) continue;
    const e = expectSum(parts as ExactDecimal[], printed);
    if (e === null) continue;
    const msg = structureMessages.totalRowMismatch(
      whereOf(r),
      heading(t, j),
      printed.text,
      formatDecimal(e),
      rel.parts.length
    );
    out.push(issue(ti, r, heading(t, j), printed, e, "total-mismatch", msg));
  }
  return out;
}

function checkTotalColumn(
  ti: number,
  t: StructuredTable,
  rel: Extract<Relation, { kind: "total-column" }>
): Issue[] {
  const out: Issue[] = [];
  const h = heading(t, rel.column);
  const names = rel.parts.map((j) => heading(t, j)).join(", ");
  for (const r of t.rows) {
    if (r.changeRow) continue;
    const printed = printedAt(r, rel.column);
    const parts = rel.parts.map((j) => countAt(r, j));
    if (!printed || parts.some((p) => p === null)) continue;
    if (rel.countsOnly && percentRow(r, rel.column, rel.parts)) continue;
    const e = expectSum(parts as ExactDecimal[], printed);
    if (e !== null)
      out.push(
        issue(
          ti,
          r,
          h,
          printed,
          e,
          "total-mismatch",
          structureMessages.totalColumnMismatch(
            whereOf(r),
            h,
            printed.text,
            formatDecimal(e),
            names
          )
        )
      );
  }
  return out;
}

function checkChangeRow(
  ti: number,
  t: StructuredTable,
  rel: Extract<Relation, { kind: "change-row" }>,
  cols: number[]
): Issue[] {
  const out: Issue[] = [];
  const r = t.rows[rel.row] as StructuredRow;
  const from = t.rows[rel.from] as StructuredRow;
  const to = t.rows[rel.to] as StructuredRow;
  for (const j of cols) {
    const a = printedAt(from, j);
    const b = printedAt(to, j);
    const printed = printedAt(r, j);
    if (!a || !b || !printed) continue;
    const e = expectPercentChange(a.exact, b.exact, printed);
    if (e === null || e === "undefined") continue;
    const msg = structureMessages.changeRowMismatch(
      whereOf(r),
      heading(t, j),
      printed.text,
      formatDecimal(e),
      `${labelOf(from)} ${a.text}`,
      `${labelOf(to)} ${b.text}`
    );
    out.push(issue(ti, r, heading(t, j), printed, e, "change-mismatch", msg));
  }
  return out;
}

/** A finding on a printed word (a rating, a direction): no figure of its own. */
function wordIssue(
  t: number,
  r: StructuredRow,
  field: string,
  rule: Issue["rule"],
  message: string
): Issue {
  return {
    rule,
    severity: "error",
    table: t,
    line: r.line,
    category: labelOf(r),
    subcategory: null,
    field,
    reported: null,
    expected: null,
    message,
  };
}

function toleranceText(tol: Tolerance, t: StructuredTable): string {
  return "pct" in tol ? `${tol.pct}% of target` : `the ${heading(t, tol.column)} of target`;
}

function checkRag(ti: number, t: StructuredTable, rel: RagRelation): Issue[] {
  const out: Issue[] = [];
  const h = heading(t, rel.column);
  for (const r of t.rows) {
    const text = (r.cells[rel.column] ?? "").trim();
    const printed = ragOf(text);
    const rags = printed ? expectedRags(r, rel) : null;
    if (!printed || !rags || rags.includes(printed)) continue;
    const actual = printedAt(r, rel.actual)?.text ?? "";
    const target = printedAt(r, rel.target)?.text ?? "";
    const previous = rel.previous === null ? null : printedAt(r, rel.previous);
    const figures =
      `${heading(t, rel.actual)} ${actual} against ${heading(t, rel.target)} ${target}` +
      (rel.rule === "improvement" && previous
        ? ` (${heading(t, rel.previous as number)} ${previous.text})`
        : "");
    const rule = RAG_RULE_TEXT[rel.rule](toleranceText(rel.tolerance, t));
    const msg = structureMessages.ragMismatch(
      whereOf(r),
      h,
      text,
      rags.join(" or "),
      figures,
      rule
    );
    out.push(wordIssue(ti, r, h, "rag-mismatch", msg));
  }
  return out;
}

const MOVED = { up: "a rise", down: "a fall", same: "no change" } as const;

function checkDirection(ti: number, t: StructuredTable, rel: DirectionRelation): Issue[] {
  const out: Issue[] = [];
  const h = heading(t, rel.column);
  for (const r of t.rows) {
    const held = directionHolds(r, rel);
    if (!held || held.holds) continue;
    const { moved, sign } = held;
    const judgement =
      moved === "same" || sign === null
        ? ""
        : `, ${(moved === "up") === (sign === -1) ? "better" : "worse"} where ${sign === 1 ? "lower" : "higher"} is better`;
    const from = `${heading(t, rel.from)} ${printedAt(r, rel.from)?.text ?? ""}`;
    const to = `${heading(t, rel.to)} ${printedAt(r, rel.to)?.text ?? ""}`;
    const msg = structureMessages.directionMismatch(
      whereOf(r),
      h,
      (r.cells[rel.column] ?? "").trim(),
      `${MOVED[moved]}${judgement}`,
      from,
      to
    );
    out.push(wordIssue(ti, r, h, "direction-mismatch", msg));
  }
  return out;
}

/** Columns a total row or a row of changes applies to: counts and total columns. */
function summedColumns(t: StructuredTable, rels: Relation[]): number[] {
  const derived = new Set(
    rels.flatMap((r) => ("column" in r && r.kind !== "total-column" ? [r.column] : []))
  );
  return t.columns
    .map((c, j) => ({ c, j }))
    .filter(
      ({ c, j }) =>
        !derived.has(j) &&
        ["period", "value", "total", "target"].includes(c.role) &&
        t.rows.some((r) => printedAt(r, j) && !printedAt(r, j)?.percent)
    )
    .map(({ j }) => j);
}

function describe(t: StructuredTable, rel: Relation): { what: string; how: string } {
  switch (rel.kind) {
    case "change":
      return {
        what: heading(t, rel.column),
        how: `change from ${heading(t, rel.from)} to ${heading(t, rel.to)}`,
      };
    case "change-pct":
      return {
        what: heading(t, rel.column),
        how: `% change from ${heading(t, rel.from)} to ${heading(t, rel.to)}`,
      };
    case "change-points":
      return {
        what: heading(t, rel.column),
        how: `change in points from ${heading(t, rel.from)} to ${heading(t, rel.to)}`,
      };
    case "share":
      return {
        what: heading(t, rel.column),
        how: `share of ${heading(t, rel.of)} in ${rel.whole === "sum" ? "the column's sum" : "the total row"}`,
      };
    case "total-column":
      return {
        what: heading(t, rel.column),
        how: `sum of ${rel.parts.map((j) => heading(t, j)).join(", ")}`,
      };
    case "total-row":
      return {
        what: `line ${(t.rows[rel.row] as StructuredRow).line}`,
        how: `total of ${rel.parts.length} rows`,
      };
    case "rag":
      return {
        what: heading(t, rel.column),
        how:
          `rating of ${heading(t, rel.actual)} against ${heading(t, rel.target)}` +
          (rel.rule === "improvement" && rel.previous !== null
            ? ` and ${heading(t, rel.previous)}`
            : "") +
          `: ${RAG_RULE_TEXT[rel.rule](toleranceText(rel.tolerance, t))}` +
          (rel.stated ? ` (as stated on line ${rel.stated.join(", ")})` : ""),
      };
    case "direction":
      return {
        what: heading(t, rel.column),
        how: `direction from ${heading(t, rel.from)} to ${heading(t, rel.to)}${rel.arrows === "judgement" ? " (arrows mean better or worse)" : ""}`,
      };
    case "change-row":
      return {
        what: `line ${(t.rows[rel.row] as StructuredRow).line}`,
        how: `% change from line ${(t.rows[rel.from] as StructuredRow).line} to line ${(t.rows[rel.to] as StructuredRow).line}`,
      };
  }
}

function checkTable(
  ti: number,
  t: StructuredTable,
  stated: StatedRule | null,
  derived: Structure = findDerived(t, stated)
): { issues: Issue[]; coverage: TableCoverage } {
  const { relations, unchecked } = derived;
  const summed = summedColumns(t, relations);
  const issues = relations.flatMap((rel) => {
    switch (rel.kind) {
      case "change":
      case "change-pct":
      case "change-points":
        return checkChangeColumn(ti, t, rel);
      case "share":
        return checkShare(ti, t, rel, relations);
      case "total-row":
        return checkTotalRow(ti, t, rel, summed);
      case "total-column":
        return checkTotalColumn(ti, t, rel);
      case "change-row":
        return checkChangeRow(ti, t, rel, summed);
      case "rag":
        return checkRag(ti, t, rel);
      case "direction":
        return checkDirection(ti, t, rel);
    }
  });
  const checked = relations.map((r) => describe(t, r));
  const figures = figuresChecked(t, relations, summed);
  return { issues, coverage: { table: ti, checked, unchecked, figures } };
}

/** The derived cells checked: a column's printed cells, a total row's or change row's summed ones. */
function figuresChecked(t: StructuredTable, relations: Relation[], summed: number[]): number {
  return relations.reduce((n, rel) => {
    if (!("column" in rel)) {
      const r = t.rows[rel.row] as StructuredRow;
      return n + summed.filter((j) => printedAt(r, j) !== null).length;
    }
    // A rating or direction counts where the cell says one ("for info only" does not).
    const says = (r: StructuredRow) => {
      const text = r.cells[rel.column] ?? "";
      if (rel.kind === "rag") return ragOf(text) !== null;
      if (rel.kind === "direction") return directionOf(text) !== null;
      return printedAt(r, rel.column) !== null;
    };
    return n + t.rows.filter((r) => !r.changeRow && says(r)).length;
  }, 0);
}

/** A RAG rule stated anywhere in the paste: in a line no table took, or a table's title. */
function statedRuleOf(read: StructuredRead): StatedRule | null {
  const titles = read.tables.flatMap((t) =>
    t.title !== null && t.titleLine !== null ? [{ line: t.titleLine, text: t.title }] : []
  );
  return statedRule([...read.unread, ...titles]);
}

/** Checks every table read by its structure; issues in table and line order. */
export function checkStructured(
  read: StructuredRead,
  stated: StatedRule | null = statedRuleOf(read),
  /** Each table's derived columns and rows, when the caller has found them already. */
  derived?: readonly Structure[]
): StructureCheck {
  const results = read.tables.map((t, i) => checkTable(i, t, stated, derived?.[i]));
  const issues = results
    .flatMap((r) => r.issues)
    .map((issue, k) => ({ issue, k }))
    .sort((a, b) => a.issue.table - b.issue.table || a.issue.line - b.issue.line || a.k - b.k)
    .map((x) => x.issue);
  return { issues, coverage: results.map((r) => r.coverage) };
}
