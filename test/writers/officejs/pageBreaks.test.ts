// Manual page breaks through Microsoft's client on the double: added with the page setup
// (ExcelApi 1.9, in the same requests), a generated sheet's earlier breaks removed first so
// a refresh does not pile them up, and a user's sheet's own breaks left alone.
import { FakeExcel } from "../../doubles/fakeExcel";
import { OfficeJsClient } from "../../doubles/officeJsClient";
import { applyWorkbookSpec } from "../../../src/writers/officejs/applyWorkbookSpec";
import type { SheetSpec, WorkbookSpec } from "../../../src/layout/spec";

const cells = Array.from({ length: 40 }, (_, i) => [{ text: `Row ${i + 1}` }, { number: i }]);

function trend(rowBreaks?: number[]): SheetSpec {
  return {
    name: "Trend",
    role: "trend",
    generated: true,
    blocks: [{ row: 0, col: 0, cells }],
    tables: [],
    conditionalFormats: [],
    charts: [],
    print: { orientation: "landscape", fitToWidth: 1, ...(rowBreaks ? { rowBreaks } : {}) },
  };
}

/** The user's data sheet: ours to set up for print, its breaks the user's. */
const data: SheetSpec = { ...trend(), name: "Data", role: "data", generated: false };

/** Writes `spec`; `ownedSheets`: sheets an earlier write made, which this one may rebuild. */
async function write(
  excel: FakeExcel,
  spec: WorkbookSpec,
  ownedSheets: string[] = []
): Promise<OfficeJsClient> {
  const isSetSupported = (v: string) => excel.requirements.isSetSupported("ExcelApi", v);
  const client = new OfficeJsClient(excel);
  await client.run((ctx) => applyWorkbookSpec(ctx, spec, { isSetSupported, ownedSheets }));
  return client;
}

describe("page breaks through Office.js", () => {
  it("adds a break above each row the layout asks for, in the requests that set up the page", async () => {
    const plain = new FakeExcel({ excelApi: "1.9" });
    const plainClient = await write(plain, { sheets: [trend()] });
    const excel = new FakeExcel({ excelApi: "1.9" });
    const client = await write(excel, { sheets: [trend([12, 30])] });
    expect(excel.rowBreaks("Trend")).toEqual([12, 30]);
    expect(plain.rowBreaks("Trend")).toEqual([]);
    // No request of its own: the breaks go with the page layout.
    expect(client.requests.length).toBe(plainClient.requests.length);
    // On the wire: the sheet's breaks cleared once, and one Add on its breaks per row.
    const actions = client.requests.flatMap((r) => r.body.Actions.map((a) => a.Name));
    expect(actions.filter((n) => n === "RemovePageBreaks")).toHaveLength(1);
    const adds = client.requests.flatMap((r) => {
      const paths = r.body.ObjectPaths;
      return Object.values(paths).filter(
        (p) =>
          p.Name === "Add" && paths[String(p.ParentObjectPathId)]?.Name === "HorizontalPageBreaks"
      );
    });
    expect(adds.map((p) => p.ArgumentInfo?.Arguments)).toEqual([["A13"], ["A31"]]);
  });

  it("a refresh replaces the generated sheet's breaks rather than adding to them", async () => {
    const excel = new FakeExcel({ excelApi: "1.9" });
    await write(excel, { sheets: [trend([12, 30])] });
    await write(excel, { sheets: [trend([20])] }, ["Trend"]);
    expect(excel.rowBreaks("Trend")).toEqual([20]);
    await write(excel, { sheets: [trend()] }, ["Trend"]);
    expect(excel.rowBreaks("Trend")).toEqual([]);
  });

  it("leaves the breaks a user put on their data sheet", async () => {
    const excel = new FakeExcel({ excelApi: "1.9" });
    await write(excel, { sheets: [data] });
    await new OfficeJsClient(excel).run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").horizontalPageBreaks.add("A15");
      await ctx.sync();
    });
    expect(excel.rowBreaks("Data")).toEqual([14]);
    // Written again (as a rebuild may): the print setup is ours, the break the user's.
    await write(excel, { sheets: [data] }, ["Data"]);
    expect(excel.rowBreaks("Data")).toEqual([14]);
  });

  it("without ExcelApi 1.9 there are no breaks, and no error", async () => {
    const excel = new FakeExcel({ excelApi: "1.7" });
    await write(excel, { sheets: [trend([12])] });
    expect(excel.rowBreaks("Trend")).toEqual([]);
  });
});
