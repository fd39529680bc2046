import {
  SheetNamer,
  TableNamer,
  cleanSheetName,
  dataSheetName,
  fitSheetName,
  MAX_SHEET_NAME,
  sheetNameProblem,
} from "../../src/layout/sheetNames";
import { DEFINITIONS_SHEET } from "../../src/layout/definitions";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

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

  test("length is counted as Excel counts it, in UTF-16 units, and cut only between whole characters", () => {
    const area = "Merton 🚓🚓🚓 Community Safety Partnership Area";
    for (const name of [
      cleanSheetName(area),
      cleanSheetName("🚓".repeat(20)),
      dataSheetName(area, "2017-08-01"),
      dataSheetName(area, "2017-08-01", "calls"),
      fitSheetName("Trend", area),
      fitSheetName("Compare", "Group 👮‍♀️👮‍♀️👮‍♀️👮‍♀️👮‍♀️👮‍♀️", "2017-08-01"),
      new SheetNamer([dataSheetName(area, "2017-08-01")]).take(dataSheetName(area, "2017-08-01")),
    ]) {
      expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
      expect(LONE_SURROGATE.test(name)).toBe(false);
      expect(sheetNameProblem(name)).toBeNull();
    }
    expect(cleanSheetName("🚓".repeat(20))).toBe("🚓".repeat(15));
    expect(dataSheetName(area, "2017-08-01")).toBe("Merton 🚓🚓🚓 Commun 2017-08-01");
    expect(dataSheetName(area, "2017-08-31")).not.toBe(dataSheetName(area, "2017-08-01"));
    // A character joined of several (a police officer, woman) is not split either.
    expect(fitSheetName("Compare", "Group 👮‍♀️👮‍♀️👮‍♀️👮‍♀️👮‍♀️👮‍♀️", "2017-08-01")).toBe(
      "Compare Group 👮‍♀️ 2017-08-01"
    );
    expect(sheetNameProblem("x".repeat(30) + "🚓")).toMatch(/at most 31/);
    expect(sheetNameProblem("Merton \uD83D")).not.toBeNull();
  });

  test("a namer never hands out a reserved name: Excel's History, the definitions sheet's", () => {
    const namer = new SheetNamer();
    for (const wanted of [
      "History",
      "HISTORY",
      DEFINITIONS_SHEET,
      DEFINITIONS_SHEET.toUpperCase(),
    ]) {
      const name = namer.take(wanted);
      expect(name.toLowerCase()).not.toBe("history");
      expect(name.toLowerCase()).not.toBe(DEFINITIONS_SHEET.toLowerCase());
      expect(sheetNameProblem(name)).toBeNull();
    }
    expect(dataSheetName(DEFINITIONS_SHEET, null)).not.toBe(DEFINITIONS_SHEET);
    expect(new SheetNamer().isTaken(DEFINITIONS_SHEET)).toBe(true);
    // The definitions sheet itself is a name Excel takes.
    expect(sheetNameProblem(DEFINITIONS_SHEET)).toBeNull();
  });
});
