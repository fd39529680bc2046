// The command line with the Met's ward-level Datastore file (real extract, see
// test/fixtures/wards): a ward chosen by --area, a borough's wards compared with --group,
// and the borough-level file beside it saying how much its wards leave out.
import * as path from "path";
import { runBuild } from "../../src/cli/buildCommand";
import { runCheck } from "../../src/cli/checkCommand";
import { readXlsx } from "../../src/writers/xlsx/readXlsx";
import { memoryIo } from "../support/cliIo";

const DIR = path.join(__dirname, "../fixtures/wards");
const WARD = path.join(DIR, "mps-ward-level-crime-2024-01-to-2025-12.extract.csv");
const BOROUGH = path.join(DIR, "mps-borough-level-crime-2024-01-to-2025-12.extract.csv");

interface JsonIssue {
  rule: string;
  table: number;
  category: string;
  subcategory: string;
  reported: number;
  expected: number;
}

describe("check with a ward-level file", () => {
  it('reads one ward with --area "Forest Hill" (exit 0)', async () => {
    const io = memoryIo();
    expect(await runCheck([WARD], { area: ["Forest Hill"], json: true }, io)).toBe(0);
    const doc = JSON.parse(io.out.join(""));
    expect(doc.tables.map((t: { area: string }) => t.area)).toEqual(["Forest Hill"]);
    expect(doc.tables[0].ward).toEqual({ borough: "Lewisham", code: "E05013722" });
    const all = doc.tables[0].rows.find((r: { category: string }) => r.category === "All offences");
    expect([all.values.offencesPrevious, all.values.offencesCurrent]).toEqual([1080, 1071]);
  });

  it("refuses an unknown ward with exit 2, suggesting the closest names", async () => {
    const io = memoryIo();
    expect(await runCheck([WARD], { area: ["Sydnham"] }, io)).toBe(2);
    expect(io.err.join("")).toContain('"Sydnham" (did you mean "Sydenham"?) not in');
  });

  it("finds a ward in the ward file and its borough's gap in the borough file", async () => {
    const io = memoryIo();
    const code = await runCheck([BOROUGH, WARD], { area: ["Forest Hill"], json: true }, io);
    expect(io.err.join("")).toBe("");
    expect(code).toBe(0);
    const doc = JSON.parse(io.out.join(""));
    expect(doc.tables.map((t: { area: string }) => t.area)).toEqual(["Forest Hill"]);
    const notes: JsonIssue[] = doc.issues.filter((i: JsonIssue) => i.rule === "ward-coverage");
    const all = notes.find((i) => i.category === "All offences")!;
    // Worked out by hand: Lewisham's wards hold 28,583 of its 29,174 offences in 2025.
    expect([all.reported, all.expected]).toEqual([28583, 29174]);
  });

  it("says a borough summed from wards may be short, in the readable report", async () => {
    const io = memoryIo();
    expect(await runCheck([WARD], { area: ["Merton"] }, io)).toBe(0);
    expect(io.out.join("")).toContain("[ward-coverage] Merton's figures are the sums of its wards");
  });
});

describe("build comparing the wards of a borough", () => {
  it('makes a data sheet per ward and a comparison of the group "Lewisham wards"', async () => {
    const io = memoryIo();
    const code = await runBuild([WARD], { out: "w.xlsx", group: ["Lewisham wards"] }, io);
    expect(io.err.join("")).toBe("");
    expect(code).toBe(0);
    const book = await readXlsx(io.files.get("w.xlsx") as Uint8Array);
    // The sheet name is cut to fit Excel's 31 characters ("Compare Lewisham war 2025-12-31").
    const compare = book.sheetNames.find((n) => n.startsWith("Compare Lewisham"))!;
    expect(compare).toBeDefined();
    const header = book.sheetValues(compare)!.find((r) => r[0] === "Category")!;
    expect(header).toEqual(expect.arrayContaining(["Forest Hill", "Sydenham", "Telegraph Hill"]));
  });
});
