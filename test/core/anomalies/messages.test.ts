import {
  alphaText,
  chanceText,
  changeText,
  formatNumber,
  percentOf,
  pText,
} from "../../../src/core/anomalies/messages";

describe("message wording", () => {
  it("formats counts with thousands separators", () => {
    expect(formatNumber(9495)).toBe("9,495");
    expect(formatNumber(1234567)).toBe("1,234,567");
    expect(formatNumber(-30306)).toBe("-30,306");
    expect(formatNumber(1122.1385)).toBe("1,122.1");
  });

  it("rounds percentages from counts half away from zero, exactly", () => {
    expect(percentOf(49, 400)).toBe("12.3%"); // 12.25% exactly: a float would give 12.2
    expect(percentOf(-49, 400)).toBe("-12.3%");
    expect(percentOf(1, 6)).toBe("16.7%");
    expect(changeText(240, 309)).toBe("+28.8%"); // domain note: JavaScript's Math.round gives 28.7
    expect(changeText(48, 40)).toBe("-16.7%");
    expect(changeText(0, 3)).toBeNull();
  });

  it("states p-values and how often chance gives as much", () => {
    expect(pText(0.0556)).toBe("p = 0.056");
    expect(pText(0.00408)).toBe("p = 0.0041");
    expect(pText(0.0004)).toBe("p < 0.001");
    // never rounded onto the other side of alpha
    expect(pText(0.04996, 0.05)).toBe("p = 0.04996");
    expect(pText(0.0504, 0.05)).toBe("p = 0.050");
    expect(chanceText(0.0556)).toBe("about 6 times in 100");
    expect(chanceText(0.0104)).toBe("about 1 time in 100");
    expect(chanceText(0.00408)).toBe("about 4 times in 1,000");
    expect(chanceText(0.0001)).toBe("less than 1 time in 1,000");
    expect(chanceText(1)).toBe("almost every time");
    expect(alphaText(0.05)).toBe("5%");
    expect(alphaText(0.001)).toBe("0.1%");
  });
});
