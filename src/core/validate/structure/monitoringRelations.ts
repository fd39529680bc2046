// The derived columns of a published monitoring table (a council's performance report):
// a year-to-date figure as the sum of its year's quarters or months, a printed RAG rating
// as a rule gives it from a figure, its target and tolerance (and, for the rule that
// rewards improvement, the same period a year earlier), and a printed direction of
// travel as the move between two periods gives it. Which columns, which rule and which
// tolerance are found by the figures, as the pair of a change column is: the reading that
// agrees with most rows is taken, and each row that disagrees is a finding.

import type { StructuredRow, StructuredTable } from "../../read/structure";
import { cellValue } from "../../read/structure/cellValue";
import { isMonthWord } from "../../read/structure/periods";
import { rateRag } from "../../monitor/computeMonitoring";
import type { Rag } from "../../monitor/types";
import { DEFAULT_TOLERANCE_PCT } from "../../monitor/readIndicators";
import { toNumber } from "../../round";
import { printedAt } from "./figures";
import { accepted, countFit } from "./fit";
import type { RagRule, StatedRule } from "./statedRule";
import {
  directionOf,
  polarityOf,
  ragOf,
  type DirectionCell,
  type Judgement,
  type Movement,
  type Sign,
} from "./monitoringCells";

export type { RagRule };

export const RAG_RULE_TEXT: Record<RagRule, (tolerance: string) => string> = {
  improvement: (tol) =>
    `Green on target or within ${tol}; beyond it Amber if improved on the earlier period, else Red`,
  band: (tol) => `Green on or better than target, Amber within ${tol}, Red beyond`,
};

export type Tolerance = { column: number } | { pct: number };

/** The tolerances tried when a table states none (no column, no key): the commonest two. */
export const UNSTATED_TOLERANCES_PCT: readonly number[] = [DEFAULT_TOLERANCE_PCT, 5];

export interface RagRelation {
  kind: "rag";
  column: number;
  actual: number;
  target: number;
  /** The earlier figure the "improvement" rule compares with (null: none printed). */
  previous: number | null;
  rule: RagRule;
  tolerance: Tolerance;
  /** The polarity column, if the table prints one. */
  polarity: number | null;
  /** The lines of the paste that state the rule, when it is stated. */
  stated?: number[];
}

export interface DirectionRelation {
  kind: "direction";
  column: number;
  from: number;
  to: number;
  /** What an arrow alone says in this table: the movement of the figure, or its judgement. */
  arrows: "movement" | "judgement";
  polarity: number | null;
}

function columnsOfRole(t: StructuredTable, role: string): number[] {
  return t.columns.flatMap((c, j) => (c.role === role ? [j] : []));
}

/** The polarity of a row: its polarity cell or its name; null when neither says. */
function signOf(r: StructuredRow, polarityColumn: number | null): Sign | null {
  return polarityOf(polarityColumn === null ? null : (r.cells[polarityColumn] ?? ""), r.labels);
}

const valueAt = (r: StructuredRow, col: number): number | null => {
  const p = printedAt(r, col);
  return p ? toNumber(p.exact) : null;
};

/** The tolerance of a row, in percent of its target. */
function toleranceAt(r: StructuredRow, tol: Tolerance): number | null {
  if ("pct" in tol) return tol.pct;
  const p = cellValue(r.cells[tol.column] ?? "");
  return p.kind === "number" ? toNumber(p.exact) : null;
}

const bandRag = (actual: number, target: number, sign: Sign, tolerancePct: number): Rag => {
  const worse = sign * (actual - target);
  if (worse <= 1e-9) return "Green";
  const off = target === 0 ? Infinity : worse / Math.abs(target);
  return off <= tolerancePct / 100 + 1e-9 ? "Amber" : "Red";
};

/** The ratings a row's figures give under a rule, for each polarity the row may have. */
export function expectedRags(
  r: StructuredRow,
  rel: Omit<RagRelation, "kind" | "column">
): Rag[] | null {
  const actual = valueAt(r, rel.actual);
  const target = valueAt(r, rel.target);
  const tol = toleranceAt(r, rel.tolerance);
  if (actual === null || target === null || tol === null) return null;
  const previous = rel.previous === null ? null : valueAt(r, rel.previous);
  const sign = signOf(r, rel.polarity);
  const signs: Sign[] = sign === null ? [1, -1] : [sign];
  const rags = signs.flatMap((s): Rag[] => {
    if (rel.rule === "band") return [bandRag(actual, target, s, tol)];
    const rag = rateRag(actual, target, previous, s, tol) as Rag;
    // With no earlier figure printed, whether it improved cannot be told: Amber or Red.
    return rag === "Red" && previous === null ? ["Amber", "Red"] : [rag];
  });
  return [...new Set(rags)];
}

/** Whether the "improvement" rule can rate a row: with no earlier figure, an Amber cannot be told. */
function ragTest(
  r: StructuredRow,
  col: number,
  rel: Omit<RagRelation, "kind" | "column">
): "skip" | boolean {
  const printed = ragOf(r.cells[col] ?? "");
  if (!printed) return "skip";
  const rags = expectedRags(r, rel);
  // A row whose polarity is not told and whose ratings differ by it says little of the rule.
  if (!rags || rags.length > 1) return "skip";
  return rags.includes(printed);
}

function hasCounts(t: StructuredTable, col: number): boolean {
  return t.rows.some((r) => printedAt(r, col) !== null);
}

/** A column of changes: its figures carry signs ("+836", "-5.8%"). */
function signed(t: StructuredTable, col: number): boolean {
  let signs = 0;
  let plus = 0;
  let n = 0;
  for (const r of t.rows) {
    const text = (r.cells[col] ?? "").trim();
    if (!printedAt(r, col)) continue;
    n++;
    if (/^[+\-\u2212\u2013]/.test(text)) signs++;
    if (text.startsWith("+")) plus++;
  }
  // A change prints its signs; an indicator's own figure may be negative now and then.
  return plus > 0 || (n > 0 && signs * 2 >= n);
}

/** A column of row numbers or references ("No", "Ref."), not figures. */
const isIdentifier = (heading: string) =>
  /^(?:no\.?|ref\.?|#|code|id|number)$/i.test(heading.trim());

/** Figure columns a rating or a direction may be read from, nearest the derived column first. */
function figureColumns(t: StructuredTable, near: number): number[] {
  return t.columns
    .flatMap((c, j) =>
      ["period", "value", "total"].includes(c.role) &&
      !isIdentifier(c.heading) &&
      hasCounts(t, j) &&
      !signed(t, j)
        ? [j]
        : []
    )
    .sort((a, b) => distance(a, near) - distance(b, near));
}

/** Columns left of the derived one come first, nearest first; then those right of it. */
const distance = (j: number, near: number) => (j < near ? near - j : 1000 + j - near);

/** The earlier figure a figure is compared with: the pair of a change or direction column. */
type Pairs = { from: number; to: number }[];

function previousOf(actual: number, pairs: Pairs): number | null {
  return pairs.find((p) => p.to === actual)?.from ?? null;
}

/** A table that rates its figures: it prints a target or a rating. */
export function isMonitoringTable(t: StructuredTable): boolean {
  return t.columns.some((c) => c.role === "target" || c.role === "rag");
}

/** The rating columns of a table, each with the reading of figures that gives most of its ratings. */
export function ragRelations(
  t: StructuredTable,
  pairs: Pairs,
  stated: StatedRule | null = null
): RagRelation[] {
  const targets = columnsOfRole(t, "target").filter((j) => hasCounts(t, j));
  if (targets.length === 0) return [];
  const polarity = columnsOfRole(t, "polarity")[0] ?? null;
  const tolColumn = columnsOfRole(t, "tolerance")[0];
  const tolerances: Tolerance[] =
    tolColumn !== undefined
      ? [{ column: tolColumn }]
      : stated?.tolerancePct != null
        ? [{ pct: stated.tolerancePct }]
        : UNSTATED_TOLERANCES_PCT.map((pct) => ({ pct }));
  const out: RagRelation[] = [];
  for (const col of columnsOfRole(t, "rag")) {
    // A rule the report states is the rule; else the one its words or figures say.
    const rules = stated?.rule ? [stated.rule] : ragRulesOf(t, col);
    const nearest = [...targets].sort((a, b) => distance(a, col) - distance(b, col));
    // The figure rated is the one printed nearest its rating (a report prints the latest
    // figure beside its target and status): the first that some reading fits is taken.
    for (const actual of figureColumns(t, col).filter((j) => !targets.includes(j))) {
      const best = bestReading(
        t,
        col,
        { actual, previous: previousOf(actual, pairs), polarity },
        {
          targets: nearest,
          rules,
          tolerances,
        }
      );
      if (best) {
        out.push(stated ? { ...best, stated: stated.lines } : best);
        break;
      }
    }
  }
  return out;
}

/** "Above / close to / below target" say the band rule by their words; other ratings may be either. */
function ragRulesOf(t: StructuredTable, col: number): RagRule[] {
  const words = t.rows
    .map((r) => (r.cells[col] ?? "").trim().toLowerCase())
    .filter((w) => w !== "");
  return words.length > 0 && words.every((w) => /\btarget\b/.test(w) || ragOf(w) === null)
    ? ["band"]
    : ["improvement", "band"];
}

/** The rule, target and tolerance that give most of a column's ratings from one figure. */
function bestReading(
  t: StructuredTable,
  col: number,
  fixed: { actual: number; previous: number | null; polarity: number | null },
  tries: { targets: number[]; rules: RagRule[]; tolerances: Tolerance[] }
): RagRelation | null {
  let best: { rel: RagRelation; score: number } | null = null;
  let order = 0;
  for (const target of tries.targets)
    for (const rule of tries.rules)
      for (const tolerance of tries.tolerances) {
        const rel = { ...fixed, target, rule, tolerance };
        const fit = countFit(t.rows, (r) => ragTest(r, col, rel));
        order++;
        if (!accepted(fit)) continue;
        // Most rows agreeing wins; among equals, the first reading tried (nearest target,
        // this product's rule, the usual tolerance).
        const score = fit.ok / fit.n - order * 1e-6;
        if (!best || score > best.score)
          best = { rel: { kind: "rag", column: col, ...rel }, score };
      }
  return best ? best.rel : null;
}

function movementOf(r: StructuredRow, from: number, to: number): Movement | null {
  const a = printedAt(r, from);
  const b = printedAt(r, to);
  if (!a || !b) return null;
  const d = toNumber(b.exact) - toNumber(a.exact);
  return Math.abs(d) < 1e-9 ? "same" : d > 0 ? "up" : "down";
}

const judged = (m: Movement, sign: Sign): Judgement =>
  m === "same" ? "same" : (m === "up") === (sign === -1) ? "better" : "worse";

/** The directions a row's figures allow a cell to print, and whether the cell prints one of them. */
export function directionHolds(
  r: StructuredRow,
  rel: Omit<DirectionRelation, "kind">
): {
  holds: boolean;
  /** Whether the cell could have been wrong: a judgement of a row of untold polarity cannot. */
  telling: boolean;
  moved: Movement;
  cell: DirectionCell;
  sign: Sign | null;
} | null {
  const cell = directionOf(r.cells[rel.column] ?? "");
  const moved = movementOf(r, rel.from, rel.to);
  if (!cell || !moved) return null;
  const sign = signOf(r, rel.polarity);
  const judgements: Judgement[] =
    sign === null ? [judged(moved, 1), judged(moved, -1)] : [judged(moved, sign)];
  const says = (m: Movement | null, j: Judgement | null) =>
    (m === null || m === moved) && (j === null || judgements.includes(j));
  const holds =
    cell.arrow === null
      ? says(cell.movement, cell.judgement)
      : rel.arrows === "movement"
        ? says(cell.arrow, null)
        : says(null, cell.arrow === "up" ? "better" : cell.arrow === "down" ? "worse" : "same");
  const judgedOnly = cell.arrow === null ? cell.movement === null : rel.arrows === "judgement";
  const telling = sign !== null || moved === "same" || !judgedOnly;
  return { holds, telling, moved, cell, sign };
}

/** The direction-of-travel columns of a table, each with the pair of periods it agrees with best. */
export function directionRelations(t: StructuredTable, pairs: Pairs): DirectionRelation[] {
  const polarity = columnsOfRole(t, "polarity")[0] ?? null;
  const out: DirectionRelation[] = [];
  for (const column of columnsOfRole(t, "direction")) {
    const figures = figureColumns(t, column).filter((j) => t.columns[j]?.role !== "target");
    // The pairs of the change columns, else two periods of one kind, earlier to later.
    const candidates: Pairs =
      pairs.length > 0
        ? pairs
        : figures.flatMap((to) =>
            figures
              .filter((from) => from !== to && comesBefore(t, from, to))
              .map((from) => ({ from, to }))
          );
    let best: { rel: DirectionRelation; score: number } | null = null;
    candidates.forEach((p, k) =>
      (["movement", "judgement"] as const).forEach((arrows, a) => {
        const rel = { kind: "direction" as const, column, ...p, arrows, polarity };
        const fit = countFit(t.rows, (r) => {
          const held = directionHolds(r, rel);
          return held && held.telling ? held.holds : "skip";
        });
        if (!accepted(fit)) return;
        const score = fit.ok / fit.n - (k * 2 + a) * 1e-6;
        if (!best || score > best.score) best = { rel, score };
      })
    );
    if (best) out.push((best as { rel: DirectionRelation }).rel);
  }
  return out;
}

const century = (yy: string): string => (Number(yy) < 50 ? `20${yy}` : `19${yy}`);

/** The financial year a heading names ("2016/17", "16-17") as "2016/17"; null when none. */
function financialYear(heading: string): string | null {
  const fy = /\b((?:19|20)?\d\d)\s?[/\-\u2013]\s?(?:19|20)?(\d\d)\b/.exec(heading);
  if (!fy) return null;
  const start = fy[1] as string;
  return `${start.length === 2 ? century(start) : start}/${fy[2]}`;
}

/** The year a heading names, financial ("2016/17") or calendar ("2016"), as a key; null when none. */
function yearKey(heading: string): string | null {
  const fy = financialYear(heading);
  if (fy) return fy;
  const y = /\b((?:19|20)\d\d)\b/.exec(heading);
  return y ? (y[1] as string) : null;
}

/** A heading with its years and quarter numbers taken out: "FYTD #", "Q# #". */
function shapeOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/\b(?:19|20)?\d\d\s?[/\-\u2013]\s?(?:19|20)?\d\d\b|\b(?:19|20)\d\d\b/g, "#")
    .replace(/\bq(?:tr)?\s?[1-4]\b/g, "q#")
    .replace(/\s+/g, " ")
    .trim();
}

const quarterOf = (h: string): number | null => {
  const m = /\bq(?:tr)?\s?([1-4])\b/i.exec(h);
  return m ? Number(m[1]) : null;
};

/**
 * Whether column a is an earlier period of the same kind as column b ("FYTD 2015/16" before
 * "FYTD 2016/17", "Q2" before "Q3"); columns of different kinds, or of no told order, are not.
 */
function comesBefore(t: StructuredTable, a: number, b: number): boolean {
  const ha = t.columns[a]?.heading ?? "";
  const hb = t.columns[b]?.heading ?? "";
  if (shapeOf(ha) !== shapeOf(hb)) return false;
  const ya = yearKey(ha);
  const yb = yearKey(hb);
  if (ya !== null && yb !== null && ya !== yb) return ya < yb;
  const qa = quarterOf(ha);
  const qb = quarterOf(hb);
  return qa !== null && qb !== null && qa < qb;
}

const TO_DATE = /\b(?:f?ytd|year to date|to date)\b/i;

export function isToDateHeading(heading: string): boolean {
  return TO_DATE.test(heading) && !/average/i.test(heading);
}

/** A heading of one quarter or month ("Q3 2016/17", "Quarter 2", "Oct", "Nov-16"). */
function isPartHeading(heading: string): boolean {
  const h = heading.trim();
  if (isToDateHeading(h) || /average|baseline|target/i.test(h)) return false;
  return /\bq(?:tr)?\s?[1-4]\b|\bquarter\b/i.test(h) || isMonthWord(h.split(/[\s\-']/)[0] ?? "");
}

/**
 * The quarters or months a year-to-date column adds up: its year's (when it names one),
 * else the run of quarter or month columns just left of it; none when there are fewer than two.
 */
export function toDateParts(t: StructuredTable, col: number): number[] {
  const h = t.columns[col]?.heading ?? "";
  const year = yearKey(h);
  const parts = t.columns.flatMap((c, j) =>
    j !== col && c.role === "period" && isPartHeading(c.heading) && hasCounts(t, j) ? [j] : []
  );
  if (year !== null) {
    const same = parts.filter((j) => yearKey(t.columns[j]?.heading ?? "") === year);
    if (same.length >= 2) return same;
  }
  const run: number[] = [];
  for (let j = col - 1; j >= 0 && parts.includes(j); j--) {
    // Quarters of another financial year end the run; months run on over the new year.
    const fy = financialYear(t.columns[j]?.heading ?? "");
    if (run.length > 0 && fy !== financialYear(t.columns[run[0] as number]?.heading ?? "")) break;
    run.unshift(j);
  }
  return run.length >= 2 ? run : [];
}
