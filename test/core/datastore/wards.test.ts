// Wards of the Met's ward-level Datastore file (a real extract: three boroughs, 2024-2025),
// picked by name or code, grouped by borough, and set against the borough-level file.
// Expected figures are summed from the raw CSV here, or were worked out by hand (see the
// fixture's .source.md).
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import {
  closestNames,
  listWards,
  readDatastore,
  readDatastoreSet,
  wardsGroupArea,
  type DatastoreSetOptions,
} from "../../../src/core/datastore";
import { recogniseLayout } from "../../../src/core/datastore/recogniseLayout";
import { validateTables } from "../../../src/core/validate";
import type { CrimeTable } from "../../../src/core/model";

const DIR = path.join(__dirname, "../../fixtures/wards");
const WARD = "mps-ward-level-crime-2024-01-to-2025-12.extract.csv";
const BOROUGH = "mps-borough-level-crime-2024-01-to-2025-12.extract.csv";
const text = (name: string): string => fs.readFileSync(path.join(DIR, name), "utf8");
const wardText = text(WARD);

/** Raw rows of the ward file as cells, and a sum over them of months [from, to) (0 = 202401). */
const wardRows = Papa.parse<string[]>(wardText.trim(), { delimiter: "," }).data.slice(1);
function rawSum(keep: (r: string[]) => boolean, from: number, to: number): number {
  let sum = 0;
  for (const r of wardRows.filter(keep)) for (let m = from; m < to; m++) sum += Number(r[5 + m]);
  return sum;
}

function tablesOf(files: string[], opts: DatastoreSetOptions): CrimeTable[] {
  const read = readDatastoreSet(
    files.map((f) => ({ text: text(f), source: f })),
    opts
  );
  if (!read.ok) throw new Error(read.error.message);
  return read.tables.flat();
}

function errorOf(files: string[], opts: DatastoreSetOptions): string {
  const read = readDatastoreSet(
    files.map((f) => ({ text: text(f), source: f })),
    opts
  );
  if (read.ok) throw new Error("read when it should have been refused");
  return read.error.message;
}

const figure = (t: CrimeTable, category: string, sub: string) => {
  const row = t.rows.find((r) => r.category === category && r.subcategory === sub);
  if (!row) throw new Error(`no row ${category} / ${sub}`);
  return [row.values.offencesPrevious, row.values.offencesCurrent];
};

describe("reading a ward-level file keeps its wards", () => {
  const read = readDatastore(wardText, WARD);
  if (!read.ok) throw new Error(read.error.message);
  const { file } = read;

  it("holds every ward with its code and borough, still summed to boroughs", () => {
    expect(file.layout.level).toBe("ward");
    expect(file.areas.map((a) => a.name)).toEqual(["Barking and Dagenham", "Lewisham", "Merton"]);
    expect(file.wards!.wards).toHaveLength(58);
    const forestHill = file.wards!.wards.find((w) => w.name === "Forest Hill")!;
    expect(forestHill).toMatchObject({ label: "Forest Hill", code: "E05013722" });
    expect(file.areas[forestHill.area]!.name).toBe("Lewisham");
  });

  it("tells apart a ward name two boroughs share by its borough", () => {
    const labels = file.wards!.wards.map((w) => w.label);
    expect(labels).toContain("Abbey (Barking and Dagenham)");
    expect(labels).toContain("Abbey (Merton)");
    expect(labels).toContain("Village (Merton)");
    expect(labels).not.toContain("Abbey");
  });
});

describe("listing a file's wards", () => {
  it("gives each borough's wards by the labels they are picked by, in file order", () => {
    const read = readDatastore(wardText, WARD);
    if (!read.ok) throw new Error(read.error.message);
    const listed = listWards(read.file);
    // Counted from the raw CSV: each borough's distinct ward names, in the order first met.
    const raw = new Map<string, string[]>();
    for (const r of wardRows) {
      const names = raw.get(r[4]!) ?? [];
      if (!names.includes(r[2]!)) names.push(r[2]!);
      raw.set(r[4]!, names);
    }
    expect(listed.map((a) => a.area)).toEqual([...raw.keys()]);
    expect(listed.map((a) => a.wards.length)).toEqual([...raw.values()].map((w) => w.length));
    const lewisham = listed.find((a) => a.area === "Lewisham")!;
    expect(lewisham.wards).toEqual(raw.get("Lewisham"));
    const merton = listed.find((a) => a.area === "Merton")!;
    expect(merton.wards).toContain("Abbey (Merton)");
  });

  it("is empty for a borough-level file", () => {
    const read = readDatastore(text(BOROUGH), BOROUGH);
    if (!read.ok) throw new Error(read.error.message);
    expect(listWards(read.file)).toEqual([]);
  });
});

describe("choosing wards", () => {
  it("makes a ward's R12 table from its own rows (Forest Hill, by name or code)", () => {
    for (const written of ["Forest Hill", "forest hill", "E05013722"]) {
      const [t] = tablesOf([WARD], { areas: [written] });
      expect(t!.area).toBe("Forest Hill");
      expect(t!.ward).toEqual({ borough: "Lewisham", code: "E05013722" });
      expect(t!.periodEnding).toBe("2025-12-31");
      // Worked out by hand: 1,080 offences in 2024, 1,071 in 2025.
      expect(figure(t!, "All offences", "Total")).toEqual([1080, 1071]);
      expect(figure(t!, "BURGLARY", "BURGLARY BUSINESS AND COMMUNITY")).toEqual([18, 13]);
    }
  });

  it("gives every category the same figures as the raw rows", () => {
    const [t] = tablesOf([WARD], { areas: ["Abbey (Merton)"] });
    const inAbbey = (r: string[]) => r[2] === "Abbey" && r[4] === "Merton";
    for (const row of t!.rows.filter((r) => !r.isTotal)) {
      const keep = (r: string[]) => inAbbey(r) && r[0] === row.category && r[1] === row.subcategory;
      expect([row.values.offencesPrevious, row.values.offencesCurrent]).toEqual([
        rawSum(keep, 0, 12),
        rawSum(keep, 12, 24),
      ]);
    }
    expect(figure(t!, "All offences", "Total")[1]).toBe(622);
  });

  it("refuses a shared name alone, naming both wards", () => {
    expect(errorOf([WARD], { areas: ["Abbey"] })).toBe(
      '"Abbey" is a ward of more than one borough: name it as "Abbey (Barking and Dagenham)" or "Abbey (Merton)"'
    );
  });

  it("refuses an unknown name with the closest known names", () => {
    const message = errorOf([WARD], { areas: ["Forest Hil"] });
    expect(message).toContain('"Forest Hil" (did you mean "Forest Hill"?) not in');
    expect(message).toContain("its areas: Barking and Dagenham, Lewisham, Merton; and 58 wards");
    // A borough-level file has no wards: a ward's name there is unknown.
    expect(errorOf([BOROUGH], { areas: ["Forest Hill"] })).toContain('"Forest Hill" not in');
  });

  it("takes a group of wards and a borough's wards", () => {
    const named = tablesOf([WARD], { groups: ["South Lewisham=Forest Hill,Perry Vale,Sydenham"] });
    expect(named.map((t) => t.area)).toEqual(["Forest Hill", "Perry Vale", "Sydenham"]);
    const all = tablesOf([WARD], { groups: ["Lewisham wards"] });
    expect(all).toHaveLength(19);
    expect(all.every((t) => t.ward?.borough === "Lewisham")).toBe(true);
    // The wards' sums are the borough's sums from the same file.
    const [borough] = tablesOf([WARD], { areas: ["Lewisham"] });
    const sum = all.reduce((s, t) => s + (figure(t, "All offences", "Total")[1] as number), 0);
    expect(sum).toBe(figure(borough!, "All offences", "Total")[1]);
    expect(sum).toBe(28583);
    expect(errorOf([BOROUGH], { groups: ["Lewisham wards"] })).toBe(
      'group "Lewisham wards": no ward-level file given holds wards of Lewisham'
    );
  });

  it("reads group names of a borough's wards", () => {
    expect(wardsGroupArea("Lewisham wards")).toBe("Lewisham");
    expect(wardsGroupArea("wards of Barking and Dagenham")).toBe("Barking and Dagenham");
    expect(wardsGroupArea("South West")).toBeNull();
    expect(closestNames("Sydnham", ["Sydenham", "Perry Vale", "Lewisham"])).toEqual(["Sydenham"]);
  });
});

describe("how much of a borough its wards hold", () => {
  it("sets a borough's table from the borough file against its wards' sums", () => {
    const tables = tablesOf([WARD, BOROUGH], { areas: ["Barking and Dagenham"] });
    // The borough comes from the borough file only: no second table summed from the wards.
    expect(tables.map((t) => [t.source, t.area])).toEqual([[BOROUGH, "Barking and Dagenham"]]);
    const issues = validateTables(tables).filter((i) => i.rule === "ward-coverage");
    const arson = issues.find((i) => i.subcategory === "ARSON")!;
    // Worked out by hand: 97 of 98 in 2025, 68 of 71 in 2024 (165 of 169 over the 24 months).
    expect(arson).toMatchObject({ severity: "info", line: 2, reported: 97, expected: 98 });
    expect(arson.message).toContain("hold 97 of the 98 offences");
    expect(arson.message).toContain("1 (1.0%) are in no ward (the 12 months before: 68 of 71)");
    const all = issues.find((i) => i.category === "All offences")!;
    expect([all.reported, all.expected]).toEqual([19685, 20115]);
    const weapons = issues.find((i) => i.subcategory === "POSSESSION OF WEAPONS")!;
    expect(weapons.message).toContain("132 of the 156 offences");
    expect(weapons.message).toContain("24 (15.4%) are in no ward");
    // A category of one sub-category is said once, not again for its total.
    expect(issues.filter((i) => i.category === "POSSESSION OF WEAPONS")).toHaveLength(1);
  });

  it("says it on a ward's table when the borough itself was not asked for", () => {
    const tables = tablesOf([WARD, BOROUGH], { areas: ["Forest Hill", "Sydenham"] });
    expect(tables.map((t) => t.area)).toEqual(["Forest Hill", "Sydenham"]);
    expect(tables[0]!.wardCoverage).toMatchObject({ borough: "Lewisham", boroughSource: BOROUGH });
    expect(tables[1]!.wardCoverage).toBeUndefined();
    const all = validateTables(tables).find(
      (i) => i.rule === "ward-coverage" && i.category === "All offences"
    )!;
    expect([all.table, all.reported, all.expected]).toEqual([0, 28583, 29174]);
  });

  it("gives every borough from the borough file, each with its wards' sums, when nothing is asked for", () => {
    const tables = tablesOf([WARD, BOROUGH], {});
    expect(tables.map((t) => t.area)).toEqual(["Barking and Dagenham", "Lewisham", "Merton"]);
    expect(tables.every((t) => t.source === BOROUGH && t.wardCoverage)).toBe(true);
    const merton = tables[2]!.wardCoverage!.rows.find((r) => r.category === "All offences")!;
    expect(merton.wards).toEqual({ previous: 13696, current: 13397 });
    expect(merton.borough).toEqual({ previous: 13991, current: 13587 });
  });

  it("says when the borough file holds other months than the wards' tables", () => {
    // The sample borough file of February 2022 to January 2024 cannot give 2025's figures.
    const shared = path.join(
      __dirname,
      "../../../samples/datastore/mps-borough-level-crime-2022-02-to-2024-01.csv"
    );
    const read = readDatastoreSet(
      [
        { text: wardText, source: WARD },
        { text: fs.readFileSync(shared, "utf8"), source: "borough-2022-2024.csv" },
      ],
      { areas: ["Forest Hill"] }
    );
    if (!read.ok) throw new Error(read.error.message);
    const tables = read.tables.flat();
    expect(tables.map((t) => t.area)).toEqual(["Forest Hill"]);
    const notes = validateTables(tables).filter((i) => i.rule === "ward-coverage");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toContain(
      "cannot be set against borough-2022-2024.csv: it holds 2022-02 to 2024-01, not the 24 months to 31 Dec 2025"
    );
  });

  it("says a borough summed from wards may be short when no borough file is given", () => {
    const [lewisham] = tablesOf([WARD], { areas: ["Lewisham"] });
    expect(lewisham!.wardCoverage).toMatchObject({ boroughSource: null, rows: [] });
    const notes = validateTables([lewisham!]).filter((i) => i.rule === "ward-coverage");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toMatch(/^Lewisham's figures are the sums of its wards in/);
  });
});

describe("the historical ward file's layout", () => {
  it('is recognised, its "Refreshed Date" column a date and not a month', () => {
    const header = text("mps-ward-level-crime-historical.header.csv").trim().split(",");
    const read = recogniseLayout(header);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.recognised.layout).toMatchObject({
      level: "ward",
      columns: { wardName: "WardName", wardCode: "WardCode", refreshed: "Refreshed Date" },
    });
    expect(read.recognised.monthColumns).toHaveLength(154);
    expect(read.recognised.monthColumns[0]).toEqual({ column: 5, month: "2010-04" });
    expect(read.recognised.monthColumns[153]).toEqual({ column: 158, month: "2023-01" });
  });
});
