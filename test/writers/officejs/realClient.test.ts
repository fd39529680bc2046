// The Office.js writer run through Microsoft's own client (officeJsClient): an import of
// one pasted table, a build of all 32 London boroughs from the Datastore file, and a
// 30,000-row paste. The double answers the requests as Office.js serialised them; the
// workbook is checked against the layout, and the wire against Excel on the web's limits.
import { FakeExcel } from "../../doubles/fakeExcel";
import { OfficeJsClient, WIRE_REQUEST_LIMIT } from "../../doubles/officeJsClient";
import { cellSetsNotSized, linksPerSheet } from "../../doubles/wireChecks";
import {
  applyWorkbookSpec,
  type ApplyOptions,
} from "../../../src/writers/officejs/applyWorkbookSpec";
import type { WorkbookSpec } from "../../../src/layout/spec";
import { assertWorkbookMatchesSpec } from "../layoutContract";
import { viewFakeWorkbook } from "./viewFakeWorkbook";
import {
  bigPasteTables,
  dataStage,
  datastoreAreas,
  generatedStage,
  importSpec,
  mertonAugust,
} from "./scenarios";

const EXCEL_LINKS_PER_SHEET = 65_530;

async function write(client: OfficeJsClient, spec: WorkbookSpec, options?: ApplyOptions) {
  const first = client.requests.length;
  const report = await client.run((ctx) => applyWorkbookSpec(ctx, spec, options));
  const requests = client.requests.slice(first);
  // The planner's estimate of each write request bounds what Office.js serialised for it.
  const writes = requests.slice(requests.length - report.requests.length);
  writes.forEach((r, i) => expect(r.bytes).toBeLessThanOrEqual(report.requests[i]?.bytes ?? 0));
  return { report, requests };
}

function expectWithinExcelLimits(client: OfficeJsClient, excel: FakeExcel): void {
  expect(cellSetsNotSized(client.requests)).toEqual([]);
  for (const r of client.requests) {
    expect(r.error).toBeNull();
    expect(r.bytes).toBeLessThan(WIRE_REQUEST_LIMIT);
  }
  for (const n of linksPerSheet(excel).values())
    expect(n).toBeLessThanOrEqual(EXCEL_LINKS_PER_SHEET);
}

describe("the Office.js writer through Microsoft's client", () => {
  it("imports one pasted table", async () => {
    const excel = new FakeExcel();
    excel.addSheet("My notes", [["mine"]]);
    const client = new OfficeJsClient(excel);
    const { spec } = importSpec(mertonAugust(), excel.sheetNames());
    const { requests } = await write(client, spec);
    assertWorkbookMatchesSpec(viewFakeWorkbook(excel), spec);
    expectWithinExcelLimits(client, excel);
    expect(requests.length).toBeGreaterThan(1);
  });

  it("builds all 32 London boroughs from the Datastore file", async () => {
    const excel = new FakeExcel();
    const client = new OfficeJsClient(excel);
    const data = dataStage(datastoreAreas(32), excel.sheetNames());
    await write(client, data.spec);
    const gen = generatedStage(data.refs, excel.sheetNames(), data.definitions);
    await write(client, gen.spec, { previous: data.definitions });
    assertWorkbookMatchesSpec(viewFakeWorkbook(excel), gen.spec);
    expectWithinExcelLimits(client, excel);
  });

  it("writes a 30,000-row paste", async () => {
    const excel = new FakeExcel();
    const client = new OfficeJsClient(excel);
    const spec = dataStage(bigPasteTables(30_000), excel.sheetNames()).spec;
    await write(client, spec);
    assertWorkbookMatchesSpec(viewFakeWorkbook(excel), spec);
    expectWithinExcelLimits(client, excel);
  });
});
