// A published monitoring table (Hart District Council's KPIs, Q2 2014/15) built into a
// workbook: its words (the printed status, the notes) are kept on the data sheet, the
// ratings that its figures do not give are listed on Checks and counted on the Summary, and
// a refresh reads the sheet back and finds the same.
import * as path from "path";
import { runBuild } from "../../src/cli/buildCommand";
import { runRefresh } from "../../src/cli/refreshCommand";
import { readXlsx } from "../../src/writers/xlsx/readXlsx";
import { memoryIo } from "../support/cliIo";

const HART = path.join(__dirname, "../fixtures/tables/hart-kpis-2014-15-q2.txt");

/** The lines of the ratings worked out by hand (the fixture's source.md, F1 to F5). */
const WRONG_RATINGS = [6, 7, 12, 16, 25, 31];

async function ratingFindings(bytes: Uint8Array): Promise<number[]> {
  const checks = (await readXlsx(bytes)).sheetValues("Checks")!;
  const header = checks.findIndex((r) => r.includes("Rule"));
  const cols = checks[header] as unknown[];
  const rule = cols.indexOf("Rule");
  const line = cols.indexOf("Source line");
  return checks
    .slice(header + 1)
    .filter((r) => r[rule] === "rag-mismatch")
    .map((r) => Number(r[line]))
    .sort((a, b) => a - b);
}

describe("a published monitoring table in a workbook", () => {
  it("keeps its status and notes, lists the ratings its figures do not give, and refreshes alike", async () => {
    const io = memoryIo();
    expect(await runBuild([HART], { out: "hart.xlsx" }, io)).toBe(0);
    const built = io.files.get("hart.xlsx") as Uint8Array;
    const book = await readXlsx(built);
    const data = book.sheetValues(book.sheetNames.find((n) => n.endsWith("table"))!)!;
    const header = data.findIndex((r) => r.includes("Status"));
    const cols = data[header] as unknown[];
    expect(cols).toEqual(expect.arrayContaining(["This quarter", "Target", "Status", "Notes"]));
    // HR11 (line 12): sickness absence 2.7 days against 3.15, printed "below target".
    const hr11 = data.find((r) => String(r[0]).startsWith("HR11"))!;
    expect([hr11[cols.indexOf("This quarter")], hr11[cols.indexOf("Status")]]).toEqual([
      2.7,
      "below target",
    ]);
    expect(await ratingFindings(built)).toEqual(WRONG_RATINGS);
    const summary = book.sheetValues("Summary")!.flat().join(" ");
    expect(summary).toContain("35 agree, 6 do not");

    expect(await runRefresh("hart.xlsx", {}, io)).toBe(0);
    expect(await ratingFindings(io.files.get("hart.xlsx") as Uint8Array)).toEqual(WRONG_RATINGS);
  });
});
