// Independent exact calculations for the tests: whole-number binomial coefficients in
// BigInt, so no floating-point library function is involved.

/** num / den as the nearest double, for BigInt num >= 0, den > 0. */
export function ratioToNumber(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = den.toString(2).length - num.toString(2).length + 64;
  const q = shift >= 0 ? (num << BigInt(shift)) / den : num / (den << BigInt(-shift));
  return Number(q) * Math.pow(2, -shift);
}

/** Row n of Pascal's triangle: C(n, 0) .. C(n, n). */
export function binomialRow(n: number): bigint[] {
  const row: bigint[] = [1n];
  for (let k = 0; k < n; k++) row.push(((row[k] as bigint) * BigInt(n - k)) / BigInt(k + 1));
  return row;
}

/** Exact two-sided p-value of the conditional test: 2 × P(X >= max(a, b)), X ~ Bin(a + b, 1/2), capped at 1. */
export function exactPoissonTwoSided(a: number, b: number): number {
  if (a === b) return 1;
  const n = a + b;
  const k = Math.max(a, b);
  // Sum C(n, n) + C(n, n - 1) + ... + C(n, k), walking down from the small end.
  let c = 1n;
  let tail = 1n;
  for (let i = n; i > k; i--) {
    c = (c * BigInt(i)) / BigInt(n - i + 1);
    tail += c;
  }
  return Math.min(1, ratioToNumber(2n * tail, 1n << BigInt(n)));
}

function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let c = 1n;
  for (let i = 0; i < k; i++) c = (c * BigInt(n - i)) / BigInt(i + 1);
  return c;
}

/** Exact two-sided Fisher p-value for x1/n1 vs x2/n2: sum of table probabilities <= the observed one. */
export function exactFisher(x1: number, n1: number, x2: number, n2: number): number {
  const k = x1 + x2;
  const weights: bigint[] = [];
  for (let x = 0; x <= Math.min(k, n1); x++) weights.push(choose(n1, x) * choose(n2, k - x));
  const observed = weights[x1] as bigint;
  let all = 0n;
  let asExtreme = 0n;
  for (const w of weights) {
    all += w;
    if (w <= observed) asExtreme += w;
  }
  return ratioToNumber(asExtreme, all);
}
