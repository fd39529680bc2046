// Every published sample (tab, PDF copy, HTML) reads to the same 27 crime rows and 4 calls
// rows with the right values, period and area.
import { OFFENCES_FIELDS, type CrimeTable } from "../../../src/core/model";
import { readPaste } from "../../../src/core/read";
import { SAMPLE_FILES, sampleText } from "./samples";

const PERIODS: Record<string, string> = {
  "merton-2017-07-02": "2017-07-02",
  "merton-2017-08-01": "2017-08-01",
  "borough-a-2017-09-05": "2017-09-05",
  "borough-c-2017-09-05": "2017-09-05",
  "borough-d-2017-09-05": "2017-09-05",
  "borough-e-2017-09-05": "2017-09-05",
};

function read(name: string, area?: string): CrimeTable[] {
  const r = readPaste(sampleText(name), { source: name, fileName: name, area });
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.tables;
}

/** An independent reading of a tab-separated sample: split, fill down, strip "," and "%". */
function oracle(name: string) {
  const lines = sampleText(name).split("\n");
  const num = (s: string | undefined) =>
    s === undefined || s.trim() === "" ? null : Number(s.replace(/[,%]/g, ""));
  const crime: {
    line: number;
    category: string;
    subcategory: string;
    values: (number | null)[];
  }[] = [];
  const calls: { line: number; label: string; values: (number | null)[]; dot: boolean }[] = [];
  let category = "";
  lines.forEach((l, i) => {
    const c = l.split("\t");
    if (c.length === 11 && !/^Crime Category/.test(l)) {
      if (c[0] !== "") category = c[0] ?? "";
      crime.push({
        line: i + 1,
        category,
        subcategory: c[1] ?? "",
        values: c.slice(3, 10).map(num),
      });
    } else if (c.length === 4 && c[0] !== "") {
      calls.push({
        line: i + 1,
        label: c[0] ?? "",
        values: [num(c[1]), num(c[2]), c[3] === "●" ? null : num(c[3])],
        dot: c[3] === "●",
      });
    }
  });
  return { crime, calls };
}

function comparable(t: CrimeTable) {
  return t.rows.map((r) => ({
    category: r.category,
    subcategory: r.subcategory,
    isTotal: r.isTotal,
    status: r.status,
    unit: r.unit,
    values: r.values,
  }));
}

describe("reading the sample tables", () => {
  it("has all eight samples, in three forms", () => {
    expect(SAMPLE_FILES).toHaveLength(8);
    expect(SAMPLE_FILES.filter((f) => f.endsWith(".pdf-copy.txt"))).toHaveLength(1);
    expect(SAMPLE_FILES.filter((f) => f.endsWith(".html"))).toHaveLength(1);
  });

  it.each(SAMPLE_FILES)(
    "%s: 27 crime rows and 4 calls rows, with period, title and area",
    (name) => {
      const tables = read(name);
      expect(tables.map((t) => [t.kind, t.rows.length])).toEqual([
        ["offences-sds", 27],
        ["calls-asb", 4],
      ]);
      const key = name.replace(/\..*$/, "");
      for (const t of tables) {
        expect(t.periodEnding).toBe(PERIODS[key]);
        expect(t.source).toBe(name);
      }
      expect(tables.map((t) => t.title)).toEqual(["Offences & SDs", "I & S Calls and ASB"]);
      expect(tables[0]?.area).toBe(
        key.startsWith("merton") ? "Merton" : `Borough ${key.charAt(8).toUpperCase()}`
      );
    }
  );

  it.each(SAMPLE_FILES.filter((f) => /\d\.txt$/.test(f) && !f.includes("pdf-copy")))(
    "%s: every figure and label agrees with an independent split of the tab-separated file",
    (name) => {
      const [offences, calls] = read(name);
      const want = oracle(name);
      expect(want.crime).toHaveLength(27);
      expect(
        offences?.rows.map((r) => ({
          line: r.line,
          category: r.category,
          subcategory: r.subcategory,
          values: OFFENCES_FIELDS.map((f) => r.values[f]),
        }))
      ).toEqual(want.crime);
      expect(
        calls?.rows.map((r) => ({
          line: r.line,
          label: r.category,
          values: [
            r.values.previous,
            r.values.current,
            r.values.changePct ?? r.values.changePoints ?? null,
          ],
          dot: r.status === "dot",
        }))
      ).toEqual(want.calls);
    }
  );

  it.each([
    ["borough-c-2017-09-05.txt", "borough-c-2017-09-05.pdf-copy.txt"],
    ["borough-d-2017-09-05.txt", "borough-d-2017-09-05.html"],
  ])("%s and %s read to the same rows", (tab, other) => {
    const a = read(tab);
    const b = read(other);
    expect(b.map(comparable)).toEqual(a.map(comparable));
    expect(b.map((t) => t.periodEnding)).toEqual(a.map((t) => t.periodEnding));
  });

  it("spot-checks figures against the files", () => {
    const merton = read("merton-2017-08-01.txt")[0];
    // "TNO	TNO - State		816	910	11.5%	604	648	74.0%	71.2%	●" on line 6
    expect(merton?.rows[0]).toMatchObject({
      line: 6,
      category: "TNO",
      subcategory: "TNO - State",
      isTotal: false,
      status: "dot",
      values: {
        offencesPrevious: 816,
        offencesCurrent: 910,
        offencesChangePct: 11.5,
        sdsPrevious: 604,
        sdsCurrent: 648,
        sdRatePrevious: 74.0,
        sdRateCurrent: 71.2,
      },
    });
    // PDF copy, line 32: "Knife Injury Victims (U25 Non DA) Total 10 17 70.0%" (no SD columns, no dot)
    const knife = read("borough-c-2017-09-05.pdf-copy.txt")[0]?.rows[26];
    expect(knife).toMatchObject({
      line: 32,
      category: "Knife Injury Victims (U25 Non DA)",
      subcategory: "Total",
      isTotal: true,
      status: null,
      values: {
        offencesPrevious: 10,
        offencesCurrent: 17,
        offencesChangePct: 70.0,
        sdsPrevious: null,
        sdsCurrent: null,
        sdRatePrevious: null,
        sdRateCurrent: null,
      },
    });
    // PDF copy: "Theft and Handling Theft From M/V 983 1,187 20.8% 12 10 1.2% 0.8% ●"
    expect(read("borough-c-2017-09-05.pdf-copy.txt")[0]?.rows[10]).toMatchObject({
      category: "Theft and Handling",
      subcategory: "Theft From M/V",
      values: { offencesPrevious: 983, offencesCurrent: 1187, offencesChangePct: 20.8 },
    });
    // HTML: "<td></td><td>Other Theft &amp; Handling</td><td></td><td>2,177</td><td>2,463</td><td>13.1%</td>"
    const html = read("borough-d-2017-09-05.html");
    expect(html[0]?.rows[13]).toMatchObject({
      category: "Theft and Handling",
      subcategory: "Other Theft & Handling",
      values: { offencesPrevious: 2177, offencesCurrent: 2463, offencesChangePct: 13.1 },
    });
    // HTML calls: "I Calls In Target 94.8% 93.8% ●": percentages, the dot is the status.
    expect(html[1]?.rows[2]).toMatchObject({
      category: "I Calls In Target",
      unit: "percent",
      status: "dot",
      values: { previous: 94.8, current: 93.8, changePoints: null },
    });
    // merton 1 August: ASB Repeat Callers has no current figure.
    expect(read("merton-2017-08-01.txt")[1]?.rows[1]).toMatchObject({
      line: 40,
      category: "ASB Repeat Callers",
      unit: "count",
      values: { previous: 93, current: null, changePct: null },
    });
  });

  it("marks the totals and fills the category down", () => {
    const rows = read("borough-a-2017-09-05.txt")[0]?.rows ?? [];
    expect(rows.filter((r) => r.isTotal).map((r) => r.category)).toEqual([
      "TNO",
      "Burglary",
      "Criminal Damage",
      "Robbery",
      "Robbery - Mobile Phone",
      "Theft and Handling",
      "Theft Person - Mobile Phone",
      "VWI",
      "Domestic Abuse",
      "Sexual Offences",
      "Total Gun Crime",
      "Lethal-barrelled Gun Discharges",
      "Total Knife Crime",
      "Knife Injury Victims (U25 Non DA)",
    ]);
    expect(rows.filter((r) => r.category === "Robbery").map((r) => r.subcategory)).toEqual([
      "Business Property",
      "Personal Property",
      "Total",
    ]);
  });

  it("keeps the source's headings and printed precision for the workbook", () => {
    const [offences, calls] = read("merton-2017-07-02.txt");
    expect(offences?.columns.map((c) => c.heading)).toEqual([
      "Crime Category",
      "Sub Category",
      "Target",
      "Offences Previous R12",
      "Offences Current R12",
      "Offences % Change",
      "SDs Previous R12",
      "SDs Current R12",
      "SD Rate - Previous R12",
      "SD Rate - Current R12",
    ]);
    expect(offences?.columns.find((c) => c.field === "offencesChangePct")).toEqual({
      field: "offencesChangePct",
      heading: "Offences % Change",
      type: "percent",
      decimals: 1,
    });
    expect(offences?.columns.find((c) => c.field === "offencesPrevious")).toMatchObject({
      type: "count",
      decimals: 0,
    });
    expect(calls?.columns.map((c) => [c.field, c.heading])).toEqual([
      ["category", ""],
      ["previous", "Previous R12"],
      ["current", "Current R12"],
      ["changePct", "Change %"],
      ["changePoints", "Change %"],
    ]);
    // Printed text is kept exactly as in the source.
    expect(offences?.rows[3]?.raw).toMatchObject({
      offencesPrevious: "13,029",
      offencesChangePct: "2.9%",
    });
  });

  it("takes the area from the user first, then the paste, then the file name", () => {
    const name = "merton-2017-08-01.txt";
    expect(read(name, "Wimbledon")[0]?.area).toBe("Wimbledon");
    const withLine = "Borough: Sutton\n" + sampleText(name);
    const r = readPaste(withLine, { source: name, fileName: name });
    expect(r.ok && r.tables.map((t) => t.area)).toEqual(["Sutton", "Sutton"]);
    const anonymous = readPaste(sampleText(name), { source: "paste" });
    expect(anonymous.ok && anonymous.tables.map((t) => t.area)).toEqual([null, null]);
  });
});
