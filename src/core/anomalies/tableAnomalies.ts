// Flags within one table: significant count changes, small bases, significant rate changes.
import type { Anomaly, CrimeTable, TableRow } from "../model";
import { poissonChangeTest, twoProportionTest, wilson, zFor } from "../stats";
import {
  rateChangeMessage,
  significantChangeMessage,
  smallBaseChangeMessage,
  smallBaseRateMessage,
} from "./messages";
import type { RateChangeFacts } from "./messages";
import { flatText } from "../flatText";
import type { AnomalyOptions } from "./options";
import { countPair, ratePair, rowLabel } from "./rowMeasures";

function base(
  tableIndex: number,
  row: TableRow,
  field: string
): Omit<Anomaly, "rule" | "pValue" | "message"> {
  return {
    table: tableIndex,
    line: row.line,
    category: row.category,
    subcategory: row.subcategory,
    field,
  };
}

/**
 * A change whose base (the previous count) is below `minBase` gets a small-base flag on
 * its % cell and is never flagged there as a trend; a significant change in its counts
 * is still reported, on the count cell, because the exact test is valid for small counts.
 */
export function tableAnomalies(
  table: CrimeTable,
  tableIndex: number,
  opts: AnomalyOptions,
  /** Each row's dispersion φ from its comparison group (rowDispersions); absent: Poisson only. */
  dispersions: ReadonlyMap<TableRow, number> = new Map()
): Anomaly[] {
  const found: Anomaly[] = [];
  // Every message kept flat: a big table has as many as it has rows.
  const out = {
    push: (a: Anomaly): void => {
      flatText(a.message);
      found.push(a);
    },
  };
  const z = zFor(opts.intervalConfidence);
  for (const row of table.rows) {
    // Most rows flag nothing: their label is made only for a message.
    let made: string | undefined;
    const label = (): string => (made ??= rowLabel(row));
    const counts = countPair(table, row);
    if (counts) {
      const test = poissonChangeTest(counts.previous, counts.current, dispersions.get(row));
      const small = counts.previous < opts.minBase;
      if (small) {
        out.push({
          ...base(tableIndex, row, counts.changeField),
          rule: "small-base",
          pValue: test.pValue,
          message: smallBaseChangeMessage(
            label(),
            counts.subject,
            counts.unit,
            test,
            opts.alpha,
            opts.minBase
          ),
        });
      }
      if (test.direction !== "none" && test.pValue < opts.alpha) {
        out.push({
          ...base(tableIndex, row, small ? counts.countField : counts.changeField),
          rule: test.direction === "increase" ? "significant-increase" : "significant-decrease",
          pValue: test.pValue,
          message: significantChangeMessage(label(), counts.subject, test, opts.alpha),
        });
      }
    }
    const rate = ratePair(table, row);
    if (rate && rate.n1 > 0 && rate.n2 > 0) {
      const test = twoProportionTest(rate.x1, rate.n1, rate.x2, rate.n2);
      const facts = (): RateChangeFacts => ({
        label: label(),
        rateName: rate.rateName,
        x1: rate.x1,
        n1: rate.n1,
        x2: rate.x2,
        n2: rate.n2,
        ci1: wilson(rate.x1, rate.n1, z),
        ci2: wilson(rate.x2, rate.n2, z),
        confidence: opts.intervalConfidence,
        test,
      });
      if (Math.min(rate.n1, rate.n2) < opts.minBase) {
        out.push({
          ...base(tableIndex, row, rate.field),
          rule: "small-base",
          pValue: test.pValue,
          message: smallBaseRateMessage(facts(), opts.alpha, opts.minBase, rate.unit),
        });
      } else if (test.pValue < opts.alpha && test.p1 !== test.p2) {
        out.push({
          ...base(tableIndex, row, rate.field),
          rule: test.p2 < test.p1 ? "rate-drop" : "rate-rise",
          pValue: test.pValue,
          message: rateChangeMessage(facts(), opts.alpha),
        });
      }
    } else if (rate) {
      // A rate over no offences is undefined: the smallest base there is.
      out.push({
        ...base(tableIndex, row, rate.field),
        rule: "small-base",
        pValue: null,
        message: `${label()}: the ${rate.rateName} is unreliable: small numbers (no ${rate.unit} in the ${rate.n1 === 0 ? "previous" : "current"} period, so the rate is undefined there).`,
      });
    }
  }
  return found;
}
