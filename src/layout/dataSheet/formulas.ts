// The data sheet's formulas as text, on cell references: derived figures (by how they
// are derived), p-values and the comparisons that flag and highlight. Blank inputs give
// blank results, so a missing count shows nothing rather than an error.
import type { DerivedFigure } from "../../core/kinds";

/** (current - previous) / previous; "n/a" when previous is 0; blank when a count is missing. */
export function changeFormula(prev: string, cur: string): string {
  return `IF(AND(ISNUMBER(${prev}),ISNUMBER(${cur})),IF(${prev}=0,"n/a",(${cur}-${prev})/${prev}),"")`;
}

/** numerator / denominator; "n/a" when the denominator is 0; blank when missing. */
export function rateFormula(num: string, den: string): string {
  return `IF(AND(ISNUMBER(${num}),ISNUMBER(${den})),IF(${den}=0,"n/a",${num}/${den}),"")`;
}

/** The change in percentage points of two fractions (stored percentages). */
export function pointsFormula(prev: string, cur: string): string {
  return `IF(AND(ISNUMBER(${prev}),ISNUMBER(${cur})),(${cur}-${prev})*100,"")`;
}

/** A derived figure's formula on its two inputs. */
export const DERIVED_FORMULA: Record<DerivedFigure["how"], (a: string, b: string) => string> = {
  change: changeFormula,
  rate: rateFormula,
  points: pointsFormula,
};

/**
 * Two-sided exact test of a change in counts (binomial on their sum), as the core's
 * poissonChangeTest: with a dispersion φ > 1 on the counts divided by φ and rounded.
 */
export function countPValueFormula(prev: string, cur: string, phi = 1): string {
  const [P, C] = [prev, cur];
  const guard = (test: string) =>
    `IF(AND(ISNUMBER(${P}),ISNUMBER(${C})),IF(OR(MIN(${P},${C})<0,${P}+${C}=0),"",${test}),"")`;
  if (!(phi > 1)) return guard(`MIN(1,2*BINOM.DIST(MIN(${P},${C}),${P}+${C},0.5,TRUE))`);
  const [a, b] = [`ROUND(${P}/${phi},0)`, `ROUND(${C}/${phi},0)`];
  return guard(`IF(${a}=${b},1,MIN(1,2*BINOM.DIST(MIN(${a},${b}),${a}+${b},0.5,TRUE)))`);
}

/**
 * Two-sided Fisher exact p-value of x1 of n1 against the rest, margins fixed: the sum of
 * the probabilities of the tables no more likely than the one seen (R's fisher.test, with
 * its 1e-7 slack), over every possible x from max(0, n1 + K - N) to min(K, n1).
 */
export function fisherFormula(x1: string, n1: string, x2: string, n2: string): string {
  const [K, N] = [`(${x1}+${x2})`, `(${n1}+${n2})`];
  const lo = `MAX(0,${n1}+${K}-${N})`;
  const count = `MIN(${K},${n1})-${lo}+1`;
  const xs = `(${lo}-1+ROW(OFFSET($A$1,0,0,${count},1)))`;
  // HYPGEOMDIST (Excel 2007's name) needs no "_xlfn." prefix in the file.
  const pmf = (x: string) => `HYPGEOMDIST(${x},${n1},${K},${N})`;
  return `MIN(1,SUMPRODUCT((${pmf(xs)}<=${pmf(x1)}*(1+1E-7))*${pmf(xs)}))`;
}

/**
 * Two-sided test of x1/n1 against x2/n2 as the core's twoProportionTest: the pooled z-test,
 * or Fisher's exact test when an expected count is below 5.
 */
export function ratePValueFormula(x1: string, n1: string, x2: string, n2: string): string {
  const pooled = `(${x1}+${x2})/(${n1}+${n2})`;
  const z = `(${x2}/${n2}-${x1}/${n1})/SQRT(${pooled}*(1-${pooled})*(1/${n1}+1/${n2}))`;
  return (
    `IF(AND(ISNUMBER(${x1}),ISNUMBER(${n1}),ISNUMBER(${x2}),ISNUMBER(${n2})),` +
    `IF(OR(${n1}<=0,${n2}<=0,${x1}<0,${x2}<0,${x1}>${n1},${x2}>${n2}),"",` +
    `IF(OR(${x1}+${x2}=0,${x1}+${x2}=${n1}+${n2}),1,` +
    `IF(MIN(${n1},${n2})*MIN(${pooled},1-${pooled})<5,${fisherFormula(x1, n1, x2, n2)},` +
    `MIN(1,2*NORM.S.DIST(-ABS(${z}),TRUE))))),"")`
  );
}

/** p below alpha and `a op b` (a significant rise, fall or drop); false when untested. */
export function significantFormula(p: string, alpha: string, comparison: string): string {
  return `IF(ISNUMBER(${p}),AND(${p}<${alpha},${comparison}),FALSE)`;
}

/** The base is below the minimum. */
export function smallBaseFormula(base: string, minBase: string): string {
  return `IF(ISNUMBER(${base}),${base}<${minBase},FALSE)`;
}

/** The printed figure differs from the formula's at printed precision (scaled to printed units). */
export function mismatchFormula(
  formula: string,
  printed: string,
  scale: number,
  d: number
): string {
  const [D, P] = [formula, printed];
  const s = scale === 1 ? "" : `*${scale}`;
  return `IF(ISNUMBER(${P}),IF(ISNUMBER(${D}),ROUND(${P}${s},${d})<>ROUND(${D}${s},${d}),${D}="n/a"),FALSE)`;
}
