import Papa from "papaparse";
import * as fs from "fs";
import * as path from "path";
import {
  isDatastoreCsv,
  listAreas,
  listMonths,
  readDatastore,
  r12Tables,
} from "../../../src/core/datastore";
import { LONDON_BOROUGHS, AIRPORTS_AREA } from "../../../src/core/areas";
import { FILE_2010, FILE_2022, sampleText, splitLine } from "./rawCsv";

const text2010 = sampleText(FILE_2010);
const text2022 = sampleText(FILE_2022);

function mustRead(text: string, source = "test.csv") {
  const r = readDatastore(text, source);
  if (!r.ok) throw new Error(r.error.message);
  return r.file;
}

describe("reading the samples", () => {
  it.each([
    [FILE_2010, "2010-04", "2022-01", 142],
    [FILE_2022, "2022-02", "2024-01", 24],
  ])("%s: all 32 boroughs and the airports, months %s to %s", (name, first, last, count) => {
    const file = mustRead(sampleText(name), name);
    const areas = listAreas(file);
    expect(
      areas
        .filter((a) => a.isBorough)
        .map((a) => a.name)
        .sort()
    ).toEqual([...LONDON_BOROUGHS].sort());
    expect(areas.filter((a) => !a.isBorough)).toEqual([{ name: AIRPORTS_AREA, isBorough: false }]);
    const months = listMonths(file);
    expect(months).toHaveLength(count);
    expect([months[0], months[months.length - 1]]).toEqual([first, last]);
    expect(file.layout).toMatchObject({ naming: "MajorText/MinorText", level: "borough" });
  });

  it("keeps quoted names with commas whole", () => {
    const file = mustRead(text2022);
    expect(file.categories.map((c) => c.minor)).toContain(
      "Disclosure, Obstruction, False or Misleading State"
    );
    expect(file.categories.map((c) => c.minor)).toContain(
      "Other Offences Against the State, or Public Order"
    );
  });

  it("holds memory proportional to the rows, not to areas × categories × months", () => {
    const file = mustRead(text2010);
    const dataRows = text2010.split("\r\n").filter((l) => l !== "").length - 1;
    expect(file.prefix.length).toBe(dataRows * (file.months.length + 1));
  });
});

describe("isDatastoreCsv", () => {
  it("recognises both samples and not a pasted Offences & SDs table", () => {
    expect(isDatastoreCsv(text2010)).toBe(true);
    expect(isDatastoreCsv(text2022)).toBe(true);
    const paste = fs.readFileSync(
      path.join(__dirname, "../../../samples/offences-sds/merton-2017-08-01.txt"),
      "utf8"
    );
    expect(isDatastoreCsv(paste)).toBe(false);
    expect(isDatastoreCsv("")).toBe(false);
    expect(isDatastoreCsv("name,value\nx,1\n")).toBe(false);
  });

  it("still claims a Datastore file with a renamed column, so that reading it explains the problem", () => {
    expect(isDatastoreCsv(text2022.replace(/^MajorText/, "Crime Type"))).toBe(true);
  });
});

describe("errors: clear, typed, and no partial result", () => {
  it("names the columns found for an unknown layout", () => {
    const r = readDatastore(text2022.replace(/^MajorText/, "Crime Type"), "renamed.csv");
    expect(r.ok).toBe(false);
    expect(r).not.toHaveProperty("file");
    if (r.ok) return;
    expect(r.error.code).toBe("unknown-layout");
    expect(r.error.line).toBe(1);
    expect(r.error.message).toContain('column 1 "Crime Type" is not a Datastore column');
    expect(r.error.message).toContain(
      'Columns found: "Crime Type", "MinorText", "LookUp_BoroughName", 24 month columns (2022-02 to 2024-01)'
    );
    expect(r.error.message).toContain("no MajorText (or Group) column");
  });

  it("refuses a file with no month columns", () => {
    const r = readDatastore("MajorText,MinorText,LookUp_BoroughName\nA,B,Merton\n", "x.csv");
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({
        code: "unknown-layout",
        message: expect.stringContaining("no YYYYMM month columns"),
      });
  });

  it("refuses a gap in the months", () => {
    const r = readDatastore(
      "MajorText,MinorText,LookUp_BoroughName,202201,202203\nA,B,Merton,1,2\n",
      "gap.csv"
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain("skip from 2022-01 to 2022-03");
  });

  it("reports a truncated last row (a file cut off) with its line", () => {
    const lines = text2022.split("\r\n");
    const cut = text2022.slice(0, text2022.length - 40); // mid-way through the last row
    const r = readDatastore(cut, "cut.csv");
    expect(r.ok).toBe(false);
    expect(r).not.toHaveProperty("file");
    if (r.ok) return;
    expect(r.error.code).toBe("truncated-row");
    const lastLine = lines.filter((l) => l !== "").length;
    expect(r.error.line).toBe(lastLine);
    expect(r.error.message).toMatch(
      new RegExp(
        `^cut\\.csv, line ${lastLine}: the row is truncated: it has \\d+ of the 27 columns`
      )
    );
  });

  it("reports a truncated row in the middle of the file", () => {
    const lines = text2010.split("\r\n");
    const fields = splitLine(lines[99]!);
    lines[99] = lines[99]!.slice(0, lines[99]!.lastIndexOf(",", lines[99]!.length - 200));
    const r = readDatastore(lines.join("\r\n"), "mid.csv");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: "truncated-row", line: 100 });
    expect(fields.length).toBe(145);
  });

  it("reports a quoted cell that is never closed as a truncated row", () => {
    const r = readDatastore(
      text2022 + '"Violence Against the Person,Homicide,Merton,1,2',
      "open.csv"
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: "truncated-row", line: 1576 });
  });

  it("reports a cell that is not a count with line and column", () => {
    const lines = text2022.split("\r\n");
    const f = splitLine(lines[9]!);
    f[5] = "12a";
    lines[9] = Papa.unparse([f]);
    const r = readDatastore(lines.join("\r\n"), "word.csv");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ code: "unreadable", line: 10, column: 6 });
      expect(r.error.message).toBe('word.csv, line 10, column 6 ("202204"): "12a" is not a count');
    }
  });

  it("reports a repeated row rather than double counting it", () => {
    const lines = text2022.split("\r\n");
    lines.splice(20, 0, lines[5]!);
    const r = readDatastore(lines.join("\r\n"), "dup.csv");
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({
        code: "unreadable",
        line: 21,
        message: expect.stringContaining("repeats line 6"),
      });
  });

  it("reports an empty file", () => {
    expect(readDatastore("", "e.csv")).toEqual({
      ok: false,
      error: { code: "empty", message: "e.csv is empty" },
    });
    expect(readDatastore("\uFEFF\r\n\r\n", "e.csv").ok).toBe(false);
  });

  it("reads a file with a byte-order mark and no final line break", () => {
    const file = mustRead("\uFEFF" + text2022.trimEnd());
    expect(listAreas(file)).toHaveLength(33);
  });
});

describe("other layouts give the same R12 figures as the original", () => {
  const original = mustRead(text2010, FILE_2010);
  const periods = ["2015-06", "2022-01"];

  /** Figures of every borough's table keyed case-insensitively, without lines. */
  function figures(file: ReturnType<typeof mustRead>, period: string): string[] {
    const r = r12Tables(file, { period });
    if (!r.ok) throw new Error(r.error.message);
    return r.tables.map((t) =>
      [
        t.area,
        t.periodEnding,
        ...t.rows.map((row) =>
          `${row.category}|${row.subcategory}|${JSON.stringify(row.values)}`.toLowerCase()
        ),
      ].join("\n")
    );
  }

  const rows = Papa.parse<string[]>(text2010, { skipEmptyLines: true }).data;
  const header = rows[0]!;
  const body = rows.slice(1);

  it("a ward-level file (WardName, WardCode, columns reordered) summed to boroughs", () => {
    // Split each borough row across three wards with counts c − 2⌊c/3⌋, ⌊c/3⌋, ⌊c/3⌋.
    const months = header.slice(3);
    const wardRows: string[][] = [];
    for (const r of body) {
      for (let w = 0; w < 3; w++) {
        const counts = r.slice(3).map((c) => {
          const n = Number(c);
          const third = Math.floor(n / 3);
          return String(w === 0 ? n - 2 * third : third);
        });
        wardRows.push([`E0500${w}`, `${r[2]} Ward ${w + 1}`, r[2]!, r[0]!, r[1]!, ...counts]);
      }
    }
    const csv = Papa.unparse([
      ["WardCode", "WardName", "LookUp_BoroughName", "MajorText", "MinorText", ...months],
      ...wardRows,
    ]);
    expect(isDatastoreCsv(csv)).toBe(true);
    const ward = mustRead(csv, "ward.csv");
    expect(ward.layout.level).toBe("ward");
    expect(listAreas(ward)).toEqual(listAreas(original));
    for (const p of periods) expect(figures(ward, p)).toEqual(figures(original, p));
  });

  it("the file opened in Excel and copied (cells separated by tabs, not commas, none quoted)", () => {
    // Excel's copy quotes only a cell holding a tab, a line break or a quote; names with
    // commas ("Disclosure, Obstruction, …") are bare and must stay whole.
    const copied = rows.map((r) => r.join("\t")).join("\r\n");
    expect(copied.slice(0, 200)).not.toContain(",");
    expect(isDatastoreCsv(copied)).toBe(true);
    const file = mustRead(copied, "copied from Excel");
    expect(listAreas(file)).toEqual(listAreas(original));
    expect(file.categories).toEqual(original.categories);
    for (const p of periods) expect(figures(file, p)).toEqual(figures(original, p));
  });

  it("a Group/SubGroup/BOCU file in upper case, months in reverse order, '&' in borough names", () => {
    const months = header.slice(3);
    const upper = body.map((r) => [
      r[0]!.toUpperCase(),
      r[1]!.toUpperCase(),
      r[2]!.toUpperCase().replace(" AND ", " & "),
      ...[...r.slice(3)].reverse(),
    ]);
    const csv = Papa.unparse([["GROUP", "SUBGROUP", "BOCU", ...[...months].reverse()], ...upper]);
    expect(isDatastoreCsv(csv)).toBe(true);
    const later = mustRead(csv, "later.csv");
    expect(later.layout).toMatchObject({ naming: "Group/SubGroup", level: "borough" });
    expect(listAreas(later)).toEqual(listAreas(original));
    for (const p of periods) expect(figures(later, p)).toEqual(figures(original, p));
  });

  it("refuses a ward row that repeats another, and counts rows of an unknown ward", () => {
    const head = "WardName,WardCode,LookUp_BoroughName,MajorText,MinorText,202201";
    const dup = readDatastore(
      [head, "Abbey,E1,Merton,Theft,Shoplifting,3", "Abbey,E1,Merton,Theft,Shoplifting,4"].join(
        "\n"
      ),
      "w.csv"
    );
    expect(dup.ok).toBe(false);
    if (!dup.ok)
      expect(dup.error).toMatchObject({
        code: "unreadable",
        line: 3,
        message: expect.stringContaining("repeats line 2"),
      });
    const unknown = mustRead(
      [
        head,
        "Abbey,E1,Merton,Theft,Shoplifting,3",
        ",,Merton,Theft,Shoplifting,4",
        ",,Merton,Theft,Shoplifting,5",
      ].join("\n")
    );
    expect(unknown.prefix[unknown.months.length]).toBe(12);
  });

  it("headers in mixed case and spacing ('Sub Group', 'Bocu')", () => {
    const csv = text2022.replace(
      /^MajorText,MinorText,LookUp_BoroughName/,
      "Group, Sub Group ,Bocu"
    );
    const file = mustRead(csv);
    expect(file.layout.columns).toEqual({ major: "Group", minor: "Sub Group", area: "Bocu" });
    expect(figures(file, "2024-01")).toEqual(figures(mustRead(text2022), "2024-01"));
  });
});
