// A London Datastore file opened in Excel and copied, or taken by Import selection, comes
// to the pane tab-separated: it is read as the CSV is, wards listed alike.
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import { analysePaste } from "../../../src/taskpane/worker/analysePaste";
import { defaultHighlightSettings } from "../../../src/core/settings";

const WARD_CSV = path.join(
  __dirname,
  "../../fixtures/wards/mps-ward-level-crime-2024-01-to-2025-12.extract.csv"
);

/** The CSV as Excel's copy gives it: cells joined by tabs, rows by CRLF, nothing quoted. */
function asExcelCopy(csv: string): string {
  const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
  return rows.map((r) => r.join("\t")).join("\r\n");
}

function analysed(text: string, source: string, areas?: string[]) {
  const out = analysePaste(
    { text, source, ...(areas ? { datastore: { areas } } : {}) },
    defaultHighlightSettings
  );
  if (out.status !== "ok")
    throw new Error(out.status === "error" ? out.error.message : "cancelled");
  return out.analysis;
}

describe("a Datastore file pasted from Excel", () => {
  const csv = fs.readFileSync(WARD_CSV, "utf8");
  const copied = asExcelCopy(csv);

  it("lists the ward-level file's wards and reads its boroughs as the CSV does", () => {
    const fromCsv = analysed(csv, "ward.csv");
    const fromCopy = analysed(copied, "paste");
    expect(fromCopy.wards).toEqual(fromCsv.wards);
    expect(fromCopy.wards!.length).toBeGreaterThan(0);
    const figures = (a: typeof fromCsv) =>
      a.tables.map((t) => [t.kind, t.area, t.periodEnding, t.rows.map((r) => r.values)]);
    expect(figures(fromCopy)).toEqual(figures(fromCsv));
    expect(fromCopy.tables[0]!.kind).toBe("datastore-r12");
  });

  it("reads a ward chosen from the copy with the same figures as from the CSV", () => {
    const ward = analysed(csv, "ward.csv").wards![0]!.wards[0]!;
    const fromCsv = analysed(csv, "ward.csv", [ward]);
    const fromCopy = analysed(copied, "paste", [ward]);
    expect(fromCopy.tables.map((t) => t.area)).toEqual([ward]);
    expect(fromCopy.tables.map((t) => t.rows.map((r) => r.values))).toEqual(
      fromCsv.tables.map((t) => t.rows.map((r) => r.values))
    );
  });
});
