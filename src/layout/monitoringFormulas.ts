// The formula builders and number formats of the monitoring sheet's figures: pure string
// functions on cell references, kept apart so the table and grid layout read on their own.
import type { Indicator, IndicatorUnit } from "../core/monitor/types";
import { a1, stringLiteral } from "./a1";
import { DIRECTIONS, MOVEMENTS, type Rating } from "./monitoringColumns";
import { NUMBER_FORMATS } from "./styles";

/** Value formats by unit: percentages are stored as fractions (0.185 shows as 18.5%). */
export const VALUE_FMT: Record<IndicatorUnit, string> = {
  count: "#,##0",
  money: '"£"#,##0',
  percentage: "0.0%",
};
export const CHANGE_FMT: Record<IndicatorUnit, string> = {
  count: "+#,##0;-#,##0;0",
  money: '+"£"#,##0;-"£"#,##0;"£"0',
  percentage: NUMBER_FORMATS.points,
};
export const SIGNED_PCT = "+0.0%;-0.0%;0.0%";
export const NA = '"n/a"';

export const toleranceFormat = (pct: number): string => (Number.isInteger(pct) ? "0%" : "0.0#%");

/** The value as the sheet stores it. */
export const stored = (v: number, unit: IndicatorUnit): number =>
  unit === "percentage" ? v / 100 : v;

/** A formula aggregating consecutive periods of one grid row, "n/a" when any is blank. */
export function aggregateFormula(
  row: number,
  cols: number[],
  how: Indicator["aggregation"]
): string {
  if (cols.length === 0) return NA;
  const first = Math.min(...cols);
  const last = Math.max(...cols);
  const range = first === last ? a1(row, first) : `${a1(row, first)}:${a1(row, last)}`;
  if (how === "latest") return `IF(COUNT(${a1(row, last)})=1,${a1(row, last)},${NA})`;
  const fn = how === "sum" ? "SUM" : "AVERAGE";
  return `IF(COUNT(${range})=${cols.length},${fn}(${range}),${NA})`;
}

export const num = (ref: string) => `ISNUMBER(${ref})`;

/** "▼ down, better", "▲ up, worse", "► no change": the movement, then its judgement by polarity. */
export function dotFormula(current: string, previous: string, sign: string): string {
  const moved = `ROUND(${current}-${previous},9)`;
  const judged = `ROUND(${sign}*(${current}-${previous}),9)`;
  const [up, down, same] = [MOVEMENTS.up, MOVEMENTS.down, DIRECTIONS.same.text].map(stringLiteral);
  const [better, worse] = [DIRECTIONS.better, DIRECTIONS.worse].map((d) =>
    stringLiteral(`, ${d.judgement}`)
  );
  const movement = `IF(${moved}>0,${up},${down})&IF(${judged}<0,${better},${worse})`;
  return `IF(AND(${num(current)},${num(previous)}),IF(${moved}=0,${same},${movement}),${NA})`;
}

export function ragFormula(
  actual: string,
  target: string,
  previous: string,
  sign: string,
  tolerance: string
): string {
  const rating = (r: Rating) => stringLiteral(r);
  const within = `IF(${target}=0,${sign}*(${actual}-${target})<=0,ROUND(${sign}*(${actual}-${target})/ABS(${target}),9)<=ROUND(${tolerance},9))`;
  // Nested IFs, not AND: AND would evaluate the subtraction on "n/a" text and give #VALUE!.
  const notGreen = `IF(${num(previous)},IF(ROUND(${sign}*(${actual}-${previous}),9)<=0,${rating("Amber")},${rating("Red")}),${rating("Red")})`;
  return `IF(AND(${num(actual)},${num(target)}),IF(${within},${rating("Green")},${notGreen}),${NA})`;
}
