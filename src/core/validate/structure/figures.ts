// The printed figures of a structured table as exact decimals, and the arithmetic each kind
// of derived figure is checked by: at the printed precision, halves rounded away from zero
// as Excel's ROUND does (core/round.ts).

import { cellValue } from "../../read/structure/cellValue";
import type { StructuredRow } from "../../read/structure";
import { formatExact } from "../figures";
import {
  addDecimals,
  decimalEquals,
  percentChange,
  percentOf,
  rationalOf,
  roundRational,
  subtractDecimals,
  toNumber,
  type ExactDecimal,
} from "../../round";

export interface Printed {
  exact: ExactDecimal;
  decimals: number;
  percent: boolean;
  text: string;
}

/** The printed figure of a cell, or null when it is not a number. */
export function printedAt(row: StructuredRow, col: number): Printed | null {
  const text = row.cells[col] ?? "";
  const p = cellValue(text);
  if (p.kind !== "number") return null;
  return { exact: p.exact, decimals: p.decimals, percent: p.unit === "percent", text };
}

/** A blank cell counts as nothing in a sum (tables print blanks for none). */
export function countAt(row: StructuredRow, col: number): ExactDecimal | null {
  const text = row.cells[col] ?? "";
  if (text === "") return { scaled: BigInt(0), decimals: 0 };
  const p = cellValue(text);
  if (p.kind === "number") return p.exact;
  return p.kind === "unavailable" ? { scaled: BigInt(0), decimals: 0 } : null;
}

/** The expected figure, or null when the printed one agrees. */
export type Expect = ExactDecimal | null;

export function expectChange(from: ExactDecimal, to: ExactDecimal, printed: Printed): Expect {
  const diff = subtractDecimals(to, from);
  return decimalEquals(diff, printed.exact) ? null : diff;
}

export function expectPercentChange(
  from: ExactDecimal,
  to: ExactDecimal,
  printed: Printed
): Expect | "undefined" {
  const r = percentChange(from, to);
  if (!r) return "undefined";
  const e = roundRational(r, printed.decimals);
  return decimalEquals(e, printed.exact) ? null : e;
}

/**
 * A change in percentage points between two printed percentages. The difference of the
 * printed figures, at the change's precision, agrees; so does a change the publisher took
 * from the unrounded rates, within what the rounding of the three printed figures allows.
 */
export function expectPointsChange(from: Printed, to: Printed, printed: Printed): Expect {
  const diff = subtractDecimals(to.exact, from.exact);
  const rounded = roundRational(rationalOf(diff), printed.decimals);
  if (decimalEquals(rounded, printed.exact)) return null;
  const gap = Math.abs(toNumber(subtractDecimals(printed.exact, diff)));
  const slack = [from, to, printed].reduce((s, p) => s + 0.5 / 10 ** p.decimals, 0);
  return gap <= slack + 1e-9 ? null : rounded;
}

export function expectShare(
  part: ExactDecimal,
  whole: ExactDecimal,
  printed: Printed
): Expect | "undefined" {
  const r = percentOf(part, whole);
  if (!r) return "undefined";
  const e = roundRational(r, printed.decimals);
  return decimalEquals(e, printed.exact) ? null : e;
}

/** A total at its printed precision: parts with more decimals than the total are summed, then rounded. */
export function expectSum(parts: ExactDecimal[], printed: Printed): Expect {
  const sum = parts.reduce((a, b) => addDecimals(a, b), { scaled: BigInt(0), decimals: 0 });
  const atPrinted =
    sum.decimals > printed.decimals ? roundRational(rationalOf(sum), printed.decimals) : sum;
  return decimalEquals(atPrinted, printed.exact) ? null : atPrinted;
}

/** A figure as an analyst reads it: "1,685", "-3.1", "8.6" (one formatter: validate's). */
export function formatDecimal(d: ExactDecimal, percent = false): string {
  return formatExact(d, { percent, group: true });
}
