import {
  decimalEquals,
  parseExactDecimal,
  percentChange,
  percentOf,
  roundHalfAwayFromZero,
  roundRational,
  toNumber,
} from "../../src/core/round";

const d = (t: string) => {
  const x = parseExactDecimal(t);
  if (!x) throw new Error(t);
  return x;
};

describe("exact rounding, halves away from zero", () => {
  it("rounds exact rationals as Excel's ROUND does", () => {
    expect(toNumber(roundRational({ num: BigInt(1225), den: BigInt(100) }, 1))).toBe(12.3);
    expect(toNumber(roundRational({ num: BigInt(-1225), den: BigInt(100) }, 1))).toBe(-12.3);
    expect(toNumber(roundRational({ num: BigInt(1224), den: BigInt(100) }, 1))).toBe(12.2);
    expect(toNumber(roundRational({ num: BigInt(1), den: BigInt(3) }, 3))).toBe(0.333);
    expect(toNumber(roundRational({ num: BigInt(2), den: BigInt(3) }, 0))).toBe(1);
    expect(toNumber(roundRational({ num: BigInt(1250), den: BigInt(1) }, -2))).toBe(1300);
    expect(toNumber(roundRational({ num: BigInt(-5), den: BigInt(10) }, 0))).toBe(-1);
  });

  it("computes % change and shares exactly", () => {
    const change = percentChange(d("240"), d("309"));
    expect(change && toNumber(roundRational(change, 1))).toBe(28.8);
    const share = percentOf(d("49"), d("400"));
    expect(share && toNumber(roundRational(share, 1))).toBe(12.3);
    expect(percentChange(d("0"), d("5"))).toBeNull();
    expect(percentOf(d("5"), d("0"))).toBeNull();
  });

  it("rounds floats as Excel does, reading them to 15 significant digits", () => {
    // JavaScript: Math.round(28.749999999999996 * 10) / 10 = 28.7; Excel and LibreOffice: 28.8.
    const x = ((309 - 240) / 240) * 100;
    expect(Math.round(x * 10) / 10).toBe(28.7);
    expect(roundHalfAwayFromZero(x, 1)).toBe(28.8);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(-2.5, 0)).toBe(-3);
    expect(roundHalfAwayFromZero(2.5, 0)).toBe(3);
    expect(roundHalfAwayFromZero(1234.5678, -2)).toBe(1200);
    expect(roundHalfAwayFromZero(1e308, 1)).toBe(1e308);
    expect(roundHalfAwayFromZero(Number.NaN, 1)).toBeNaN();
  });

  it("reads and compares exact decimals", () => {
    expect(d("-1234.50")).toEqual({ scaled: BigInt(-123450), decimals: 2 });
    expect(d("1.5e-3")).toEqual({ scaled: BigInt(15), decimals: 4 });
    expect(d("2e3")).toEqual({ scaled: BigInt(2000), decimals: 0 });
    expect(parseExactDecimal("1,234")).toBeNull();
    expect(parseExactDecimal(".")).toBeNull();
    expect(decimalEquals(d("34.0"), d("34"))).toBe(true);
    expect(decimalEquals(d("34.05"), d("34.0"))).toBe(false);
  });
});
