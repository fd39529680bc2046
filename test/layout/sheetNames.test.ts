import {
  SheetNamer,
  TableNamer,
  cleanSheetName,
  dataSheetName,
  fitSheetName,
  MAX_SHEET_NAME,
} from "../../src/layout/sheetNames";

describe("sheet names follow Excel's rules", () => {
  test("forbidden characters become '-', quotes are trimmed from the ends, 31 characters at most", () => {
    expect(cleanSheetName("Theft [M/V]: a*b?c\\d")).toBe("Theft -M-V-- a-b-c-d");
    expect(cleanSheetName("'quoted'")).toBe("quoted");
    expect(cleanSheetName("x".repeat(40))).toHaveLength(MAX_SHEET_NAME);
    expect(cleanSheetName("")).toBe("Sheet");
    expect(cleanSheetName("History")).not.toBe("History");
  });

  test("a taken name, in any case, gets a numbered suffix and the user's sheet is never reused", () => {
    const namer = new SheetNamer(["Checks", "merton 2017-08-01"]);
    expect(namer.take("Checks")).toBe("Checks (2)");
    expect(namer.take("CHECKS")).toBe("CHECKS (3)");
    expect(namer.take("Merton 2017-08-01")).toBe("Merton 2017-08-01 (2)");
    expect(namer.take("Trend Merton")).toBe("Trend Merton");
    expect(namer.take("Trend Merton")).toBe("Trend Merton (2)");
  });

  test("a suffix on a long name keeps it within 31 characters", () => {
    const long = "Kensington and Chelsea 2024-01-31";
    const namer = new SheetNamer([cleanSheetName(long)]);
    const second = namer.take(long);
    expect(second.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(second.endsWith(" (2)")).toBe(true);
  });

  test("data sheet names keep the period and shorten the area", () => {
    expect(dataSheetName("Merton", "2017-08-01")).toBe("Merton 2017-08-01");
    expect(dataSheetName("Merton", "2017-08-01", "calls")).toBe("Merton 2017-08-01 calls");
    const n = dataSheetName("Kensington and Chelsea", "2024-01-31");
    expect(n.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(n.endsWith(" 2024-01-31")).toBe(true);
    expect(fitSheetName("Compare", "All London boroughs", "2024-01-31")).toMatch(
      /^Compare All London .* 2024-01-31$/
    );
    expect(fitSheetName("Compare", "All London boroughs", "2024-01-31").length).toBeLessThanOrEqual(
      MAX_SHEET_NAME
    );
  });

  test("table names are letters, digits and underscores, unique ignoring case, never a cell reference", () => {
    const t = new TableNamer(["Data_Merton_2017_08_01_offences"]);
    expect(t.take("Data_Merton_2017-08-01_offences")).toBe("Data_Merton_2017_08_01_offences_2");
    expect(t.take("A1")).toBe("T_A1");
    expect(t.take("2017 table")).toBe("T_2017_table");
    expect(t.take("R1C1")).toBe("T_R1C1");
  });
});
