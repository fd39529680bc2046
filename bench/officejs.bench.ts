// The Office.js writer against the Excel test double: syncs (requests to Excel) and
// request sizes for an import, for building comparison and trend sheets over 2 to 33
// areas, and for a 100,000-row paste; times are for the writer plus the double.
import * as fs from "fs";
import * as path from "path";
import { FakeExcel } from "../test/doubles/fakeExcel";
import {
  applyWorkbookSpec,
  type ApplyOptions,
  type ApplyReport,
} from "../src/writers/officejs/applyWorkbookSpec";
import { WorkbookPlanError } from "../src/writers/officejs/errors";
import { readPaste } from "../src/core/read";
import type { WorkbookSpec } from "../src/layout/spec";
import {
  dataStage,
  generatedStage,
  datastoreAreas,
  importSpec,
  mertonAugust,
  mertonJuly,
} from "../test/writers/officejs/scenarios";

const MB = 1024 * 1024;

async function apply(excel: FakeExcel, spec: WorkbookSpec, options?: ApplyOptions) {
  const first = excel.requests.length;
  const t0 = performance.now();
  const report: ApplyReport = await excel.run((ctx) =>
    applyWorkbookSpec(ctx as unknown as Excel.RequestContext, spec, options)
  );
  const requests = excel.requests.slice(first);
  return {
    syncs: report.syncs,
    readSyncs: report.readSyncs,
    writeRequests: report.requests.length,
    requestKB: requests.filter((r) => r.writes > 0).map((r) => Math.round(r.bytes / 1024)),
    maxRequestMB: Number((Math.max(...requests.map((r) => r.bytes)) / MB).toFixed(2)),
    ms: Math.round(performance.now() - t0),
  };
}

function specMB(spec: WorkbookSpec): number {
  return Number((JSON.stringify(spec.sheets.map((s) => s.blocks)).length / MB).toFixed(1));
}

async function importFigures() {
  const excel = new FakeExcel();
  excel.addSheet("My notes", [["mine"]]);
  const july = importSpec(mertonJuly(), excel.sheetNames());
  const first = await apply(excel, july.spec);
  const august = importSpec(mertonAugust(), excel.sheetNames(), july.definitions, july.refs);
  const second = await apply(excel, august.spec, { previous: july.definitions });
  return { firstImportIntoNewWorkbook: first, secondImportRebuildingGenerated: second };
}

async function buildFigures(areas: number) {
  const excel = new FakeExcel();
  excel.addSheet("My notes", [["mine"]]);
  const data = dataStage(datastoreAreas(areas), excel.sheetNames());
  await apply(excel, data.spec);
  const gen = generatedStage(data.refs, excel.sheetNames(), data.definitions);
  const figures: Record<string, unknown> = {
    areas,
    dataSheets: data.refs.length,
    generatedSheets: gen.spec.sheets.length,
    generatedSpecMB: specMB(gen.spec),
  };
  try {
    figures.firstBuild = await apply(excel, gen.spec, { previous: data.definitions });
    const again = generatedStage(data.refs, excel.sheetNames(), gen.definitions);
    figures.rebuild = await apply(excel, again.spec, { previous: gen.definitions });
  } catch (e) {
    if (!(e instanceof WorkbookPlanError)) throw e;
    figures.refused = `${e.issues.length} problems, e.g. ${e.issues[0]?.message}`;
  }
  // The parts apart: comparison and trend sheets alone, and the Checks sheet alone.
  const part = async (roles: string[]) => {
    const own = new FakeExcel();
    await apply(own, { sheets: data.spec.sheets.filter((s) => s.role === "data") });
    return apply(own, { sheets: gen.spec.sheets.filter((s) => roles.includes(s.role)) });
  };
  const checks = gen.spec.sheets.find((s) => s.role === "checks");
  figures.comparisonAndTrendSheetsOnly = await part(["comparison", "trend"]);
  figures.checksSheetOnly = {
    rows: checks ? checks.blocks.reduce((n, b) => n + b.cells.length, 0) : 0,
    ...(await part(["checks"])),
  };
  return figures;
}

async function bigPasteFigures(rows: number) {
  const lines = fs
    .readFileSync(path.join(__dirname, "../samples/offences-sds/merton-2017-08-01.txt"), "utf8")
    .split("\n");
  const body = lines.slice(5, 32);
  const paste = [
    ...lines.slice(0, 5),
    ...Array.from({ length: rows }, (_, i) => body[i % body.length]),
  ].join("\n");
  const t0 = performance.now();
  const read = readPaste(paste, { source: "paste", area: "Merton" });
  if (!read.ok) throw new Error(read.error.message);
  const readMs = Math.round(performance.now() - t0);
  const t1 = performance.now();
  const excel = new FakeExcel();
  const spec = dataStage(read.tables, excel.sheetNames()).spec;
  const layoutMs = Math.round(performance.now() - t1);
  const written = await apply(excel, spec);
  return {
    pasteMB: Number((paste.length / MB).toFixed(1)),
    tableRows: read.tables[0]?.rows.length,
    readMs,
    layoutMs,
    ...written,
    allRequestsUnder5MB: excel.requests.every((r) => r.bytes < 5 * MB),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  return {
    note: "syncs = context.sync() calls by the writer (reads + writes); request sizes as the Excel test double measures them (JSON of the operations), limit 5 MB; the writer packs requests to at most 4,000,000 bytes by its own estimate",
    import: await importFigures(),
    build: {
      areas2: await buildFigures(2),
      areas12: await buildFigures(12),
      areas20: await buildFigures(20),
      areas33: await buildFigures(33),
    },
    paste100k: await bigPasteFigures(100_000),
  };
}
