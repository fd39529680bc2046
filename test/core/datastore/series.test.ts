import { listMonths, monthlySeries, readDatastore, r12Tables } from "../../../src/core/datastore";
import { FILE_2010, FILE_2022, rawRows, sampleText, sumRows } from "./rawCsv";

const text = sampleText(FILE_2010);
const raw = rawRows(text);
const read = readDatastore(text, FILE_2010);
if (!read.ok) throw new Error(read.error.message);
const file = read.file;

describe("monthlySeries", () => {
  it("gives all offences per month for an area, as the raw columns sum", () => {
    const series = monthlySeries(file, "Merton");
    expect(series.map((p) => p.month)).toEqual(listMonths(file));
    const headings = raw.headers.slice(3);
    expect(series.map((p) => p.value)).toEqual(
      headings.map((h) => sumRows(raw.rows, [h], (r) => r.area === "Merton"))
    );
  });

  it("gives one category (any case) or one sub-category", () => {
    const burglary = monthlySeries(file, "richmond", { category: "BURGLARY" });
    const domestic = monthlySeries(file, "Richmond upon Thames", {
      category: "Burglary",
      subcategory: "Domestic Burglary",
    });
    const headings = raw.headers.slice(3);
    const keep = (minor?: string) => (r: (typeof raw.rows)[number]) =>
      r.area === "Richmond upon Thames" &&
      r.major === "Burglary" &&
      (minor === undefined || r.minor === minor);
    expect(burglary.map((p) => p.value)).toEqual(
      headings.map((h) => sumRows(raw.rows, [h], keep()))
    );
    expect(domestic.map((p) => p.value)).toEqual(
      headings.map((h) => sumRows(raw.rows, [h], keep("Domestic Burglary")))
    );
  });

  it("gives zeros for a sub-category the area lacks", () => {
    const held = new Set(
      raw.rows.filter((r) => r.area === "Merton").map((r) => `${r.major}|${r.minor}`)
    );
    const lacking = raw.rows.find((r) => !held.has(`${r.major}|${r.minor}`))!;
    const series = monthlySeries(file, "Merton", {
      category: lacking.major,
      subcategory: lacking.minor,
    });
    expect(series).toHaveLength(142);
    expect(series.every((p) => p.value === 0)).toBe(true);
  });

  it("agrees with the R12 table: the last 12 months sum to the current R12", () => {
    const series = monthlySeries(file, "Hackney", { category: "Theft" });
    const r = r12Tables(file, { areas: ["Hackney"], period: "2019-12" });
    if (!r.ok) throw new Error(r.error.message);
    const end = series.findIndex((p) => p.month === "2019-12");
    const current = series.slice(end - 11, end + 1).reduce((s, p) => s + p.value, 0);
    const total = r.tables[0]!.rows.find((row) => row.category === "Theft" && row.isTotal)!;
    expect(total.values.offencesCurrent).toBe(current);
  });

  it("throws for an area or category the file does not hold", () => {
    expect(() => monthlySeries(file, "Gotham")).toThrow(/"Gotham" is not an area/);
    expect(() => monthlySeries(file, "Merton", { category: "Piracy" })).toThrow(
      /"Piracy" is not a category/
    );
  });

  it("works on the 24-month file too", () => {
    const r = readDatastore(sampleText(FILE_2022), FILE_2022);
    if (!r.ok) throw new Error(r.error.message);
    expect(monthlySeries(r.file, "Kingston").map((p) => p.month)[0]).toBe("2022-02");
  });
});
