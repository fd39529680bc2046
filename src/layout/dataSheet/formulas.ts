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

/** Two-sided exact test of a change in counts (binomial on their sum). */
export function countPValueFormula(prev: string, cur: string): string {
  const [P, C] = [prev, cur];
  return `IF(AND(ISNUMBER(${P}),ISNUMBER(${C})),IF(OR(MIN(${P},${C})<0,${P}+${C}=0),"",MIN(1,2*BINOM.DIST(MIN(${P},${C}),${P}+${C},0.5,TRUE))),"")`;
}

/** Pooled two-proportion z-test of x1/n1 against x2/n2; blank when fewer than 5 expected. */
export function ratePValueFormula(x1: string, n1: string, x2: string, n2: string): string {
  const pooled = `(${x1}+${x2})/(${n1}+${n2})`;
  const z = `(${x2}/${n2}-${x1}/${n1})/SQRT(${pooled}*(1-${pooled})*(1/${n1}+1/${n2}))`;
  return (
    `IF(AND(ISNUMBER(${x1}),ISNUMBER(${n1}),ISNUMBER(${x2}),ISNUMBER(${n2})),` +
    `IF(OR(${n1}<=0,${n2}<=0,${x1}<0,${x2}<0,${x1}>${n1},${x2}>${n2}),"",` +
    `IF(OR(${x1}+${x2}=0,${x1}+${x2}=${n1}+${n2}),1,` +
    `IF(MIN(${n1},${n2})*MIN(${pooled},1-${pooled})<5,"",2*NORM.S.DIST(-ABS(${z}),TRUE)))),"")`
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
