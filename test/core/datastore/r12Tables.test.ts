import { readDatastore, r12Tables, type DatastoreFile } from "../../../src/core/datastore";
import type { CrimeTable } from "../../../src/core/model";
import {
  FILE_2010,
  FILE_2022,
  rawRows,
  sampleText,
  sumRows,
  twelveMonthsEnding,
  type RawRow,
} from "./rawCsv";

function load(name: string): { file: DatastoreFile; rows: RawRow[] } {
  const text = sampleText(name);
  const read = readDatastore(text, name);
  if (!read.ok) throw new Error(read.error.message);
  return { file: read.file, rows: rawRows(text).rows };
}

const f2010 = load(FILE_2010);
const f2022 = load(FILE_2022);

function tablesFor(file: DatastoreFile, opts: Parameters<typeof r12Tables>[1]): CrimeTable[] {
  const r = r12Tables(file, opts);
  if (!r.ok) throw new Error(r.error.message);
  return r.tables;
}

function figure(
  table: CrimeTable,
  category: string,
  subcategory: string
): [number | null | undefined, number | null | undefined] {
  const row = table.rows.find((r) => r.category === category && r.subcategory === subcategory);
  if (!row) throw new Error(`no row ${category} / ${subcategory} in ${table.area}`);
  return [row.values.offencesPrevious, row.values.offencesCurrent];
}

/** Previous and current R12 of an area (optionally one major / minor) from the raw CSV. */
function independent(
  rows: RawRow[],
  area: string,
  endYYYYMM: string,
  major?: string,
  minor?: string
): [number, number] {
  const current = twelveMonthsEnding(endYYYYMM);
  const y = Number(endYYYYMM.slice(0, 4)) - 1;
  const previous = twelveMonthsEnding(`${y}${endYYYYMM.slice(4)}`);
  const keep = (r: RawRow) =>
    r.area === area &&
    (major === undefined || r.major === major) &&
    (minor === undefined || r.minor === minor);
  return [sumRows(rows, previous, keep), sumRows(rows, current, keep)];
}

describe("r12Tables on the 2010-2022 file", () => {
  const cases: [string, string][] = [
    ["Merton", "202201"],
    ["Kingston upon Thames", "201903"],
    ["Westminster", "201203"], // the earliest end month: April 2010 + 23 months
    ["Barking and Dagenham", "201709"],
    ["Richmond upon Thames", "202003"],
  ];
  it.each(cases)("%s ending %s: every row equals sums of the raw CSV", (area, end) => {
    const period = `${end.slice(0, 4)}-${end.slice(4)}`;
    const [table] = tablesFor(f2010.file, { period, areas: [area] });
    expect(table!.area).toBe(area);
    expect(figure(table!, "All offences", "Total")).toEqual(independent(f2010.rows, area, end));
    const majors = new Set(f2010.rows.map((r) => r.major));
    for (const major of majors) {
      expect(figure(table!, major, "Total")).toEqual(independent(f2010.rows, area, end, major));
      for (const minor of new Set(
        f2010.rows.filter((r) => r.major === major).map((r) => r.minor)
      )) {
        expect(figure(table!, major, minor)).toEqual(
          independent(f2010.rows, area, end, major, minor)
        );
      }
    }
  });

  it("matches the raw all-offences totals of Merton for every possible end month", () => {
    const months = f2010.file.months.slice(23);
    expect(months).toHaveLength(142 - 23);
    for (const m of months) {
      const [table] = tablesFor(f2010.file, { period: m, areas: ["merton"] });
      expect(figure(table!, "All offences", "Total")).toEqual(
        independent(f2010.rows, "Merton", m.replace("-", ""))
      );
    }
  });

  it("defaults to the latest month and all 32 boroughs, not the airports", () => {
    const tables = tablesFor(f2010.file, {});
    expect(tables).toHaveLength(32);
    expect(tables.map((t) => t.area)).not.toContain("London Heathrow and London City Airports");
    expect(new Set(tables.map((t) => t.periodEnding))).toEqual(new Set(["2022-01-31"]));
  });

  it("gives the airports area when asked for it by name", () => {
    const [t] = tablesFor(f2010.file, {
      areas: ["London Heathrow and London City Airports"],
      period: "2020-06",
    });
    expect(figure(t!, "All offences", "Total")).toEqual(
      independent(f2010.rows, "London Heathrow and London City Airports", "202006")
    );
  });
});

describe("r12Tables on the 2022-2024 file", () => {
  it.each(["Croydon", "Camden", "Sutton", "Tower Hamlets", "Hammersmith and Fulham"])(
    "%s, default period 2024-01: totals equal sums of the raw CSV",
    (area) => {
      const [table] = tablesFor(f2022.file, { areas: [area] });
      expect(table!.periodEnding).toBe("2024-01-31");
      expect(figure(table!, "All offences", "Total")).toEqual(
        independent(f2022.rows, area, "202401")
      );
      for (const major of new Set(f2022.rows.map((r) => r.major))) {
        expect(figure(table!, major, "Total")).toEqual(
          independent(f2022.rows, area, "202401", major)
        );
      }
    }
  );

  it("reads a quoted sub-category with commas", () => {
    const [t] = tablesFor(f2022.file, { areas: ["Lambeth"] });
    const minor = "Disclosure, Obstruction, False or Misleading State";
    expect(figure(t!, "Miscellaneous Crimes Against Society", minor)).toEqual(
      independent(f2022.rows, "Lambeth", "202401", "Miscellaneous Crimes Against Society", minor)
    );
  });
});

describe("table shape", () => {
  const [table] = tablesFor(f2022.file, { areas: ["Kingston"], period: "2024-01" });
  const t = table!;

  it("is a datastore-r12 table for the canonical borough and the month's last day", () => {
    expect(t.kind).toBe("datastore-r12");
    expect(t.area).toBe("Kingston upon Thames");
    expect(t.periodEnding).toBe("2024-01-31");
    expect(t.source).toBe(FILE_2022);
    expect(t.columns.map((c) => c.heading)).toEqual([
      "Offences Previous R12",
      "Offences Current R12",
      "Offences % Change",
    ]);
  });

  it("marks SD figures absent (null), never zero", () => {
    for (const row of t.rows) {
      for (const field of ["sdsPrevious", "sdsCurrent", "sdRatePrevious", "sdRateCurrent"]) {
        expect(row.values).toHaveProperty(field, null);
      }
    }
  });

  it("orders rows as the file does: sub-categories, then the category Total, then All offences", () => {
    const fileOrder: string[] = [];
    for (const r of f2022.rows) if (!fileOrder.includes(r.major)) fileOrder.push(r.major);
    const tableOrder = t.rows
      .filter((r) => r.isTotal && r.category !== "All offences")
      .map((r) => r.category);
    expect(tableOrder).toEqual(fileOrder);
    const burglary = t.rows.filter((r) => r.category === "Burglary").map((r) => r.subcategory);
    expect(burglary).toEqual(["Burglary Business and Community", "Domestic Burglary", "Total"]);
    expect(t.rows[t.rows.length - 1]).toMatchObject({
      category: "All offences",
      subcategory: "Total",
      isTotal: true,
    });
  });

  it("gives every area every sub-category: a sub-category the area lacks is a zero row", () => {
    const pairs = new Set(f2022.rows.map((r) => `${r.major}|${r.minor}`));
    const expectedRows = pairs.size + new Set(f2022.rows.map((r) => r.major)).size + 1;
    for (const table of tablesFor(f2022.file, {})) expect(table.rows).toHaveLength(expectedRows);
    // Kingston has 47 rows in the file but 55 sub-categories exist
    const held = new Set(
      f2022.rows
        .filter((r) => r.area === "Kingston upon Thames")
        .map((r) => `${r.major}|${r.minor}`)
    );
    const missing = [...pairs].filter((p) => !held.has(p));
    expect(missing.length).toBeGreaterThan(0);
    for (const p of missing) {
      const [major, minor] = p.split("|") as [string, string];
      const row = t.rows.find((r) => r.category === major && r.subcategory === minor)!;
      expect(row.values.offencesPrevious).toBe(0);
      expect(row.values.offencesCurrent).toBe(0);
      expect(row.values.offencesChangePct).toBeNull();
    }
  });

  it("points each row at its CSV line (a Total at its category's first line)", () => {
    for (const row of t.rows.filter(
      (r) => !r.isTotal && r.values.offencesCurrent! + r.values.offencesPrevious! > 0
    )) {
      const raw = f2022.rows.find((r) => r.line === row.line)!;
      expect([raw.area, raw.major, raw.minor]).toEqual([
        "Kingston upon Thames",
        row.category,
        row.subcategory,
      ]);
    }
    const burglaryTotal = t.rows.find((r) => r.category === "Burglary" && r.isTotal)!;
    const firstBurglary = f2022.rows.find(
      (r) => r.area === "Kingston upon Thames" && r.major === "Burglary"
    )!;
    expect(burglaryTotal.line).toBe(firstBurglary.line);
  });

  it("rounds % change to 1 decimal, halves away from zero, from the counts", () => {
    for (const row of t.rows) {
      const p = row.values.offencesPrevious!;
      const c = row.values.offencesCurrent!;
      if (p === 0) {
        expect(row.values.offencesChangePct).toBeNull();
        continue;
      }
      // independent: exact rational via BigInt, ten-thousandths then half-up on the magnitude
      const scaled = (BigInt(Math.abs(c - p)) * 10000n) / BigInt(p); // truncated 1/100 of a percent, ×100
      const tenths = Number((scaled + 5n) / 10n);
      const expected = (Math.sign(c - p) * tenths) / 10;
      expect(row.values.offencesChangePct).toBeCloseTo(expected, 10);
    }
  });
});

describe("period ending on a leap year", () => {
  it("ends February 2020 on the 29th", () => {
    const [t] = tablesFor(f2010.file, { period: "2020-02", areas: ["Brent"] });
    expect(t!.periodEnding).toBe("2020-02-29");
  });
});

describe("areas and groups", () => {
  it("expands a preset group in its order, after named areas, without repeats", () => {
    const tables = tablesFor(f2022.file, { areas: ["Merton"], group: "South West" });
    expect(tables.map((t) => t.area)).toEqual([
      "Merton",
      "Kingston upon Thames",
      "Richmond upon Thames",
      "Wandsworth",
    ]);
  });

  it("takes a user-defined group", () => {
    const tables = tablesFor(f2022.file, { group: "Pathfinder=Camden,Islington" });
    expect(tables.map((t) => t.area)).toEqual(["Camden", "Islington"]);
  });

  it("refuses an unknown area or group with the areas the file holds", () => {
    const area = r12Tables(f2022.file, { areas: ["Gotham"] });
    expect(area.ok).toBe(false);
    if (!area.ok) expect(area.error.message).toMatch(/"Gotham" not in .*Barnet/);
    const group = r12Tables(f2022.file, { group: "Mordor" });
    expect(group.ok).toBe(false);
    if (!group.ok) expect(group.error.message).toMatch(/unknown group "Mordor".*Central West/);
  });
});

describe("months the file does not hold", () => {
  it("says which months an end month needs and which the file holds", () => {
    const r = r12Tables(f2022.file, { period: "2022-01" });
    expect(r).toEqual({
      ok: false,
      error: expect.objectContaining({ code: "missing-months" }),
    });
    if (!r.ok)
      expect(r.error.message).toContain(
        "need 2020-02 to 2022-01; " + FILE_2022 + " holds 2022-02 to 2024-01"
      );
  });

  it.each([
    [FILE_2022, "2023-12"], // only 23 months of data
    [FILE_2010, "2012-02"], // one month short at the start
    [FILE_2010, "2022-02"], // after the file ends
  ])("%s ending %s is refused, no tables", (name, period) => {
    const file = name === FILE_2010 ? f2010.file : f2022.file;
    const r = r12Tables(file, { period });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("missing-months");
      expect(r.error.message).toContain(
        `holds ${file.months[0]} to ${file.months[file.months.length - 1]}`
      );
    }
    expect(r).not.toHaveProperty("tables");
  });

  it("refuses a malformed period", () => {
    const r = r12Tables(f2022.file, { period: "January 2024" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/not a month/);
  });

  it("refuses the default period of a file with fewer than 24 months", () => {
    // keep the first 3 columns and 20 months of the 2022 file
    const short = sampleText(FILE_2022)
      .split("\r\n")
      .map((l) =>
        l
          .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
          .slice(0, 23)
          .join(",")
      )
      .join("\r\n");
    const read = readDatastore(short, "short.csv");
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.file.months).toHaveLength(20);
    const r = r12Tables(read.file);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toBe(
        "R12 tables need 24 months of data; short.csv holds 2022-02 to 2023-09 (fewer than 24 months)"
      );
  });
});
