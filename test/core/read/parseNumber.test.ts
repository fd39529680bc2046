import {
  parseNumber,
  parseDate,
  parsePeriodLine,
  areaFromFileName,
  parseAreaLine,
  decodeText,
} from "../../../src/core/read";

const value = (t: string) => {
  const p = parseNumber(t);
  return p.kind === "number" ? [p.value, p.unit, p.decimals] : p.kind;
};

describe("parseNumber", () => {
  it.each([
    ["2,375", [2375, null, 0]],
    ["27,373", [27373, null, 0]],
    ["1,234,567", [1234567, null, 0]],
    ["12 345", [12345, null, 0]],
    ["12\u00a0345", [12345, null, 0]],
    ["11.5%", [11.5, "percent", 1]],
    ["74.0%", [74, "percent", 1]],
    ["-0.1%", [-0.1, "percent", 1]],
    ["\u22120.1%", [-0.1, "percent", 1]],
    ["\u201314.9%", [-14.9, "percent", 1]],
    ["(3)", [-3, null, 0]],
    ["(3.5%)", [-3.5, "percent", 1]],
    ["+4.2%", [4.2, "percent", 1]],
    ["-0.6pp", [-0.6, "points", 1]],
    [" 816 ", [816, null, 0]],
    ["0.0%", [0, "percent", 1]],
    ["-0.0%", [0, "percent", 1]],
    [".5", [0.5, null, 1]],
    ["-5", [-5, null, 0]],
  ])("%s is a figure", (text, want) => {
    expect(value(text)).toEqual(want);
  });

  it.each([
    ["", "blank"],
    ["   ", "blank"],
    ["-", "unavailable"],
    ["n/a", "unavailable"],
    ["N/A", "unavailable"],
    ["*", "unavailable"],
    ["..", "unavailable"],
    ["●", "status"],
    ["•", "status"],
    ["\u00e2\u2014\u008f", "status"],
    ["abc", "text"],
    ["six hundred", "text"],
    ["NaN", "text"],
    ["Infinity", "text"],
    ["1e308", "text"],
    ["1,23", "text"],
    ["1,2345", "text"],
    ["--5", "text"],
    ["(-3)", "text"],
    ["=1+2", "text"],
    ["@SUM(A1)", "text"],
    ["%", "text"],
    ["9".repeat(400), "text"],
  ])("%j is %s", (text, kind) => {
    expect(parseNumber(text).kind).toBe(kind);
  });

  it("keeps the exact printed decimal, beyond floating point", () => {
    const p = parseNumber("12,345,678,901,234,567,890");
    expect(p.kind === "number" && p.exact).toEqual({
      scaled: BigInt("12345678901234567890"),
      decimals: 0,
    });
    const q = parseNumber("12.25%");
    expect(q.kind === "number" && q.exact).toEqual({ scaled: BigInt(1225), decimals: 2 });
  });
});

describe("parseDate and the period line", () => {
  it.each([
    ["1 August 2017", "2017-08-01"],
    ["5 September 2017", "2017-09-05"],
    ["5th Sept 2017", "2017-09-05"],
    ["2 Jul 2017", "2017-07-02"],
    ["05/09/2017", "2017-09-05"],
    ["5.9.17", "2017-09-05"],
    ["2017-09-05", "2017-09-05"],
    ["September 5, 2017", "2017-09-05"],
    ["Tuesday 5 September 2017", "2017-09-05"],
    ["31 February 2017", null],
    ["5 Smarch 2017", null],
    ["yesterday", null],
  ])("%s → %s", (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it("reads the Reporting Period Ending line in its variants", () => {
    expect(parsePeriodLine("Reporting Period Ending: 1 August 2017")).toEqual({
      iso: "2017-08-01",
      printed: "1 August 2017",
    });
    expect(parsePeriodLine("reporting period ending 5 September 2017")?.iso).toBe("2017-09-05");
    expect(parsePeriodLine("Period ending - 02/07/2017")?.iso).toBe("2017-07-02");
    expect(parsePeriodLine("Reporting Period Ending: soon")).toEqual({
      iso: null,
      printed: "soon",
    });
    expect(parsePeriodLine("Offences & SDs")).toBeUndefined();
  });
});

describe("area names", () => {
  it.each([
    ["merton-2017-08-01.txt", "Merton"],
    ["borough-c-2017-09-05.pdf-copy.txt", "Borough C"],
    ["borough-d-2017-09-05.html", "Borough D"],
    ["/some/dir/kingston-upon-thames_20170801.csv", "Kingston upon Thames"],
    ["barking-and-dagenham.txt", "Barking and Dagenham"],
    ["2017-08-01.txt", null],
    ["paste.txt", null],
  ])("%s → %s", (file, area) => {
    expect(areaFromFileName(file)).toBe(area);
  });

  it("reads an area line in the paste", () => {
    expect(parseAreaLine("Borough: Merton")).toBe("Merton");
    expect(parseAreaLine("Area - Camden and Islington")).toBe("Camden and Islington");
    expect(parseAreaLine("Burglary Total")).toBeUndefined();
  });
});

describe("decodeText", () => {
  it("reads UTF-8, UTF-8 with BOM, UTF-16 LE (Excel's Unicode Text) and Windows-1252", () => {
    const text = "TNO\t816\t●";
    expect(decodeText(new Uint8Array(Buffer.from(text, "utf8")))).toBe(text);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, "utf8")]))).toBe(text);
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]))).toBe(text);
    expect(
      decodeText(new Uint8Array([0x4f, 0x66, 0x66, 0x65, 0x6e, 0x63, 0x65, 0x73, 0x20, 0xa3, 0x35]))
    ).toBe("Offences £5");
  });
});
