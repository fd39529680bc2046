// jstat ships no type declarations: declare only the functions src/core/stats uses.
declare module "jstat" {
  export const jStat: {
    /** Regularised incomplete beta I_x(a, b) (continued fraction; ~1e-7 relative accuracy). */
    ibeta(x: number, a: number, b: number): number;
    /** Lower regularised incomplete gamma P(a, x). */
    lowRegGamma(a: number, x: number): number;
    /** ln C(n, m). */
    combinationln(n: number, m: number): number;
    normal: {
      cdf(x: number, mean: number, std: number): number;
      inv(p: number, mean: number, std: number): number;
    };
  };
}
