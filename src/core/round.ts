// Exact decimal arithmetic for checking printed figures. Published percentages are rounded
// half away from zero (Excel's ROUND); a ratio whose exact value ends in 5 (12.25%) is
// often stored in binary floating point as 12.2499999…, so we never round floats of
// ratios: figures are exact decimals (scaled BigInts) and ratios are exact rationals.

/** An exact decimal number: `scaled / 10^decimals`. */
export interface ExactDecimal {
  scaled: bigint;
  decimals: number;
}

/** An exact rational number `num / den` with `den > 0`. */
export interface Rational {
  num: bigint;
  den: bigint;
}

const TEN = BigInt(10);
const ZERO = BigInt(0);
const ONE = BigInt(1);
const TWO = BigInt(2);
const HUNDRED = BigInt(100);

/** 10^0 to 10^40, made once: figures ask for small powers all the time. */
const POWERS_OF_TEN = Array.from({ length: 41 }, (_, n) => TEN ** BigInt(n));

/** 10^n as a BigInt (n ≥ 0). */
export function pow10(n: number): bigint {
  return POWERS_OF_TEN[n] ?? TEN ** BigInt(n);
}

/**
 * Reads a plain decimal literal ("-1234.50", "7", ".5", "1.5e-3") exactly. Returns null for
 * anything else: this is not a general number parser (see read/parseNumber for printed
 * figures with separators and signs).
 */
export function parseExactDecimal(text: string): ExactDecimal | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/.exec(text);
  if (!m) return null;
  const intPart = m[2] ?? "";
  const fracPart = m[3] ?? "";
  if (intPart === "" && fracPart === "") return null;
  const exp = m[4] ? Number(m[4]) : 0;
  let scaled = BigInt((intPart || "0") + fracPart);
  let decimals = fracPart.length - exp;
  if (decimals < 0) {
    scaled *= pow10(-decimals);
    decimals = 0;
  }
  if (m[1] === "-") scaled = -scaled;
  return { scaled, decimals };
}

/** The exact decimal of a finite JavaScript number, as its shortest round-trip text says. */
export function exactOfNumber(value: number): ExactDecimal | null {
  if (!Number.isFinite(value)) return null;
  return parseExactDecimal(String(value));
}

export function rationalOf(d: ExactDecimal): Rational {
  return { num: d.scaled, den: pow10(d.decimals) };
}

/** Rounds `r` to `decimals` places, halves away from zero (decimals may be negative). */
export function roundRational(r: Rational, decimals: number): ExactDecimal {
  let num = r.num;
  let den = r.den;
  if (den < ZERO) {
    num = -num;
    den = -den;
  }
  if (decimals >= 0) num *= pow10(decimals);
  else den *= pow10(-decimals);
  const negative = num < ZERO;
  const abs = negative ? -num : num;
  let q = abs / den;
  const rem = abs % den;
  if (rem * TWO >= den) q += ONE;
  const signed = negative ? -q : q;
  if (decimals >= 0) return { scaled: signed, decimals };
  return { scaled: signed * pow10(-decimals), decimals: 0 };
}

/** Converts an exact decimal to the nearest JavaScript number (never -0). */
export function toNumber(d: ExactDecimal): number {
  const s = d.scaled < ZERO ? -d.scaled : d.scaled;
  let digits = s.toString();
  if (d.decimals > 0) {
    digits = digits.padStart(d.decimals + 1, "0");
    digits = `${digits.slice(0, digits.length - d.decimals)}.${digits.slice(digits.length - d.decimals)}`;
  }
  const v = Number((d.scaled < ZERO ? "-" : "") + digits);
  return v === 0 ? 0 : v;
}

/** Whether two exact decimals are the same number (whatever their printed decimals). */
export function decimalEquals(a: ExactDecimal, b: ExactDecimal): boolean {
  const d = Math.max(a.decimals, b.decimals);
  return a.scaled * pow10(d - a.decimals) === b.scaled * pow10(d - b.decimals);
}

export function compareDecimals(a: ExactDecimal, b: ExactDecimal): number {
  const d = Math.max(a.decimals, b.decimals);
  const x = a.scaled * pow10(d - a.decimals);
  const y = b.scaled * pow10(d - b.decimals);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function addDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const d = Math.max(a.decimals, b.decimals);
  return {
    scaled: a.scaled * pow10(d - a.decimals) + b.scaled * pow10(d - b.decimals),
    decimals: d,
  };
}

export function subtractDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return addDecimals(a, { scaled: -b.scaled, decimals: b.decimals });
}

/** (current − previous) / previous × 100, exactly; null when previous is 0. */
export function percentChange(previous: ExactDecimal, current: ExactDecimal): Rational | null {
  return percentOf(subtractDecimals(current, previous), previous);
}

/** part / whole × 100, exactly; null when whole is 0. */
export function percentOf(part: ExactDecimal, whole: ExactDecimal): Rational | null {
  if (whole.scaled === ZERO) return null;
  const d = Math.max(part.decimals, whole.decimals);
  const num = part.scaled * pow10(d - part.decimals) * HUNDRED;
  const den = whole.scaled * pow10(d - whole.decimals);
  return den < ZERO ? { num: -num, den: -den } : { num, den };
}

/**
 * Excel's ROUND(value, decimals) for a float: Excel works to 15 significant digits, so
 * the float is first read as its 15-significant-digit decimal (28.749999999999996 is
 * 28.7500000000000) and that decimal is rounded half away from zero. Use the exact
 * rational functions above when the inputs are known exactly.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const exact = parseExactDecimal(value.toPrecision(15));
  if (!exact) return value;
  return toNumber(roundRational(rationalOf(exact), Math.trunc(decimals)));
}
