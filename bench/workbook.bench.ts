// Workbook benchmark: build the workbook for all 32 London boroughs from the 2022-2024
// Datastore file (R12 tables ending January 2024, one data sheet per borough, the
// 32-borough comparison, Checks), then have LibreOffice open and recalculate the result
// in the same run, so our time stands beside the time a spreadsheet needs to open it.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readDatastore, r12Tables } from "../src/core/datastore";
import { validateTables } from "../src/core/validate";
import { defaultAnomalyOptions, findAnomalies } from "../src/core/anomalies";
import { layoutWorkbook } from "../src/layout/layoutWorkbook";
import { writeXlsx } from "../src/writers/xlsx/writeXlsx";
import { convertWithLibreOffice, libreOfficeAvailable } from "../test/support/libreoffice";

const FILE = path.join(
  __dirname,
  "../samples/datastore/mps-borough-level-crime-2022-02-to-2024-01.csv"
);
const ms = (t: number): number => Math.round(t * 10) / 10;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function buildOnce(text: string) {
  const t0 = performance.now();
  const read = readDatastore(text, path.basename(FILE));
  if (!read.ok) throw new Error(read.error.message);
  const r12 = r12Tables(read.file, { period: "2024-01" });
  if (!r12.ok) throw new Error(r12.error.message);
  const t1 = performance.now();
  const issues = validateTables(r12.tables);
  const anomalies = findAnomalies(r12.tables, defaultAnomalyOptions);
  const t2 = performance.now();
  const { spec } = layoutWorkbook({
    tables: r12.tables,
    issues,
    anomalies,
    groups: [],
    thresholds: { ...defaultAnomalyOptions },
    existingSheetNames: [],
    importedOn: "2024-02-01",
  });
  const t3 = performance.now();
  const bytes = await writeXlsx(spec);
  const t4 = performance.now();
  const formulas = spec.sheets.reduce(
    (n, s) => n + s.blocks.reduce((m, b) => m + b.cells.flat().filter((c) => c?.formula).length, 0),
    0
  );
  return {
    bytes,
    figures: {
      readAndR12: t1 - t0,
      validateAndAnomalies: t2 - t1,
      layout: t3 - t2,
      writeXlsx: t4 - t3,
      total: t4 - t0,
    },
    sheets: spec.sheets.length,
    tables: r12.tables.length,
    formulas,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const text = fs.readFileSync(FILE, "utf8");
  const runs: Awaited<ReturnType<typeof buildOnce>>[] = [];
  for (let i = 0; i < 3; i++) runs.push(await buildOnce(text));
  const last = runs[runs.length - 1]!;
  const ours = Object.fromEntries(
    Object.keys(last.figures).map((k) => [
      k,
      ms(median(runs.map((r) => r.figures[k as keyof typeof last.figures]))),
    ])
  );

  const result: Record<string, unknown> = {
    input: path.basename(FILE),
    period: "2024-01",
    areas: last.tables,
    sheets: last.sheets,
    formulas: last.formulas,
    xlsxBytes: last.bytes.length,
    oursMs: ours,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}`,
  };
  if (!libreOfficeAvailable()) {
    result.libreOffice = "not installed: LibreOffice figures not measured";
    return result;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-bench-"));
  const book = path.join(dir, "all-boroughs.xlsx");
  fs.writeFileSync(book, last.bytes);
  const empty = path.join(dir, "empty.xlsx");
  fs.writeFileSync(
    empty,
    await writeXlsx({
      sheets: [
        {
          name: "A",
          role: "checks",
          generated: true,
          blocks: [{ row: 0, col: 0, cells: [[{ number: 1 }]] }],
          tables: [],
          conditionalFormats: [],
          charts: [],
        },
      ],
    })
  );
  // Warm the profile, then time an empty workbook (start-up alone) and ours.
  await convertWithLibreOffice([empty]);
  const t0 = performance.now();
  await convertWithLibreOffice([empty]);
  const t1 = performance.now();
  await convertWithLibreOffice([book]);
  const t2 = performance.now();
  result.libreOfficeMs = {
    emptyWorkbook: ms(t1 - t0),
    openRecalculateSave: ms(t2 - t1),
    recalculationBeyondStartup: ms(t2 - t1 - (t1 - t0)),
  };
  result.oursVersusLibreOffice = `ours ${ms(ours.total!)} ms to build; LibreOffice ${ms(t2 - t1)} ms to open, recalculate and save it`;
  return result;
}
