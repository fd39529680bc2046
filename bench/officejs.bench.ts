// The Office.js writer through Microsoft's own client (test/doubles/officeJsClient: the
// Excel web build of @microsoft/office-js in jsdom, answered by the Excel double): for an
// import of one pasted table, a build of all 32 London boroughs from the Datastore file
// and a 30,000-row paste, each write request's size as Office.js serialised it
// (JSON.stringify of the body Excel on the web receives, limit 5,000,000 bytes) beside
// the planner's estimate of it, and what the requests carried.
import { FakeExcel } from "../test/doubles/fakeExcel";
import { OfficeJsClient, WIRE_REQUEST_LIMIT } from "../test/doubles/officeJsClient";
import { actionCounts, cellSetsNotSized, linksPerSheet } from "../test/doubles/wireChecks";
import { applyWorkbookSpec, type ApplyOptions } from "../src/writers/officejs/applyWorkbookSpec";
import { DEFAULT_MAX_REQUEST_BYTES } from "../src/writers/officejs/requestBudget";
import type { WorkbookSpec } from "../src/layout/spec";
import {
  bigPasteTables,
  dataStage,
  datastoreAreas,
  generatedStage,
  importSpec,
  mertonAugust,
} from "../test/writers/officejs/scenarios";

const MB = 1_000_000;
const mb = (n: number): number => Number((n / MB).toFixed(3));

/** One write through the client: planned and serialised size of each of its write requests. */
async function write(client: OfficeJsClient, spec: WorkbookSpec, options?: ApplyOptions) {
  const first = client.requests.length;
  const t0 = performance.now();
  const report = await client.run((ctx) => applyWorkbookSpec(ctx, spec, options));
  const ms = Math.round(performance.now() - t0);
  const sent = client.requests.slice(first);
  const writes = sent.slice(sent.length - report.requests.length);
  const ratios = writes.map((r, i) => r.bytes / (report.requests[i]?.bytes ?? 1));
  return {
    requests: sent.length,
    readRequests: sent.length - writes.length,
    writeRequests: writes.length,
    plannedMB: report.requests.map((r) => mb(r.bytes)),
    serialisedMB: writes.map((r) => mb(r.bytes)),
    maxSerialisedMB: mb(Math.max(...sent.map((r) => r.bytes))),
    serialisedOverPlanned: {
      min: Number(Math.min(...ratios).toFixed(2)),
      max: Number(Math.max(...ratios).toFixed(2)),
    },
    allUnder5000000: sent.every((r) => r.bytes < WIRE_REQUEST_LIMIT),
    cellSetsNotSizedToRange: cellSetsNotSized(sent).length,
    formulasR1C1Sets: actionCounts(sent).FormulasR1C1 ?? 0,
    ms,
  };
}

async function importOne() {
  const excel = new FakeExcel();
  excel.addSheet("My notes", [["mine"]]);
  const client = new OfficeJsClient(excel);
  return write(client, importSpec(mertonAugust(), excel.sheetNames()).spec);
}

async function buildBoroughs() {
  const excel = new FakeExcel();
  const client = new OfficeJsClient(excel);
  const data = dataStage(datastoreAreas(32), excel.sheetNames());
  const dataSheets = await write(client, data.spec);
  const gen = generatedStage(data.refs, excel.sheetNames(), data.definitions);
  const generated = await write(client, gen.spec, { previous: data.definitions });
  return {
    tables: data.refs.length,
    generatedSheets: gen.spec.sheets.length,
    dataSheets,
    generated,
    mostLinksOnASheet: Math.max(...linksPerSheet(excel).values()),
  };
}

async function paste(rows: number) {
  const excel = new FakeExcel();
  const client = new OfficeJsClient(excel);
  return {
    rows,
    ...(await write(client, dataStage(bigPasteTables(rows), excel.sheetNames()).spec)),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  return {
    note: `Through Microsoft's Office.js client (npm @microsoft/office-js, excel-web-16.00.debug.js) answered by the Excel double. serialisedMB = JSON.stringify(request body) in millions of bytes (Excel on the web refuses 5,000,000); plannedMB = the planner's bound for the same request; the planner packs requests to at most ${DEFAULT_MAX_REQUEST_BYTES.toLocaleString("en-GB")} bytes. Number formats reach Excel a request before the values they protect, so writes take more requests than bytes alone would need.`,
    importOneTable: await importOne(),
    build32Boroughs: await buildBoroughs(),
    paste30000Rows: await paste(30_000),
  };
}
