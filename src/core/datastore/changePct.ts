// % change of two counts rounded to one decimal, halves away from zero, as Excel's ROUND
// prints it. Done in integers so that an exact half (12.25%) is never lost to binary
// floating point.

/** (current − previous) / previous in percent, to 1 decimal; null when previous is 0. */
export function changePct(previous: number, current: number): number | null {
  if (previous === 0) return null;
  // tenths of a percent = (current − previous) × 1000 / previous, rounded half away from zero
  const num = (current - previous) * 1000;
  const den = previous;
  const sign = Math.sign(num) * Math.sign(den);
  const n = Math.abs(num);
  const d = Math.abs(den);
  const twice = 2 * n + d;
  const tenths = (twice - (twice % (2 * d))) / (2 * d); // exact integer division
  return (sign * tenths) / 10 + 0; // + 0 turns -0 into 0
}
