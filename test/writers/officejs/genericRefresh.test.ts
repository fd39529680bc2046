// A Refresh all in Excel, through Microsoft's client on the Excel double, reads a table of
// no known kind back as it was printed and lists the same Checks as the import did: the
// Calgary table's "-67%" among "-37.2%" and its sections (each "Total" totals its section),
// Oxfordshire's "n/a", Daventry's lines no table took.
import { FakeExcel } from "../../doubles/fakeExcel";
import { OfficeJsClient } from "../../doubles/officeJsClient";
import { applyWorkbookSpec } from "../../../src/writers/officejs/applyWorkbookSpec";
import { refreshGenerated } from "../../../src/commands/refreshComparisons";
import { readPaste } from "../../../src/core/read";
import { tableText } from "../../support/tablesCorpus";
import { importSpec, IMPORTED_ON } from "./scenarios";

/** The Checks sheet's rows, each as its values. */
function checksRows(excel: FakeExcel): unknown[][] {
  const used = excel.usedRange("Checks")!;
  const rows = Number(/(\d+)$/.exec(used)![1]);
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: 15 }, (_, c) => excel.cell("Checks", r, c).value)
  );
}

describe("Refresh all with tables of no known kind", () => {
  it.each([
    "calgary-police-q1-2017-ytd.txt",
    "oxfordshire-scs-dashboard-2013-14-q2.txt",
    "daventry-msg-2018-19.txt",
  ])("%s: Checks is the same after it", async (file) => {
    const read = readPaste(tableText(file), { source: file, area: "X" });
    if (!read.ok) throw new Error(read.error.message);
    const excel = new FakeExcel();
    const client = new OfficeJsClient(excel);
    await client.run((ctx) => applyWorkbookSpec(ctx, importSpec(read.tables, []).spec));
    const before = checksRows(excel);
    expect(
      before
        .flat()
        .filter((v) => typeof v === "string" && /mismatch|line-not-read|missing-value/.test(v))
        .length
    ).toBeGreaterThan(0);

    await refreshGenerated(client.runner, () => IMPORTED_ON);

    expect(checksRows(excel)).toEqual(before);
  });
});
