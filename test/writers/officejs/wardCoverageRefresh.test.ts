// A Refresh all in Excel, through Microsoft's client on the Excel double, lists the same
// ward-coverage notes on Checks as the import did: the data sheet's definition records
// its table's coverage (the real ward-level and borough-level extracts read together),
// and the refresh, which has neither file, reads it back with the table.
import { readFileSync } from "fs";
import path from "path";
import { FakeExcel } from "../../doubles/fakeExcel";
import { OfficeJsClient } from "../../doubles/officeJsClient";
import { applyWorkbookSpec } from "../../../src/writers/officejs/applyWorkbookSpec";
import { refreshGenerated } from "../../../src/commands/refreshComparisons";
import { readDatastoreInputs } from "../../../src/core/readInput";
import { importSpec, IMPORTED_ON } from "./scenarios";

const DIR = path.join(__dirname, "../../fixtures/wards");
const FILES = [
  "mps-borough-level-crime-2024-01-to-2025-12.extract.csv",
  "mps-ward-level-crime-2024-01-to-2025-12.extract.csv",
];

/** The Checks sheet's ward-coverage rows (Rule is its third column), each as its values. */
function coverageRows(excel: FakeExcel): unknown[][] {
  const used = excel.usedRange("Checks")!;
  const rows = Number(/(\d+)$/.exec(used)![1]);
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    if (excel.cell("Checks", r, 2).value !== "ward-coverage") continue;
    out.push(Array.from({ length: 15 }, (_, c) => excel.cell("Checks", r, c).value));
  }
  return out;
}

describe("Refresh all with a ward-level file's coverage", () => {
  it("lists the same ward-coverage notes on Checks as the import did", async () => {
    const read = readDatastoreInputs(
      FILES.map((f) => ({ text: readFileSync(path.join(DIR, f), "utf8"), source: f })),
      { areas: ["Lewisham"] }
    );
    if (!read.ok) throw new Error(read.error.message);
    const excel = new FakeExcel();
    const client = new OfficeJsClient(excel);
    const built = importSpec(read.tables.flat(), excel.sheetNames());
    await client.run((ctx) => applyWorkbookSpec(ctx, built.spec));
    const before = coverageRows(excel);
    // Lewisham's All offences: its wards hold 28,583 of its 29,174 offences in 2025 (by hand).
    expect(before.find((r) => r[6] === "All offences")?.slice(9, 11)).toEqual([28583, 29174]);

    await refreshGenerated(client.runner, () => IMPORTED_ON);

    expect(coverageRows(excel)).toEqual(before);
  });
});
