// Wards benchmark: the Met's ward-level extract (three boroughs, 58 wards, 24 months) read
// beside the borough-level extract, then every ward's R12 table and each borough's
// coverage (what its wards leave out). WARD_FILE and BOROUGH_FILE may name the full
// published files instead (all 33 areas, about 680 wards) to measure those.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readDatastore, readDatastoreSet } from "../src/core/datastore";
import { validateTables } from "../src/core/validate";

const DIR = path.join(__dirname, "../test/fixtures/wards");
const WARD =
  process.env.WARD_FILE ?? path.join(DIR, "mps-ward-level-crime-2024-01-to-2025-12.extract.csv");
const BOROUGH =
  process.env.BOROUGH_FILE ??
  path.join(DIR, "mps-borough-level-crime-2024-01-to-2025-12.extract.csv");

const ms = (t: number): number => Math.round(t * 10) / 10;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<Record<string, unknown>> {
  const ward = fs.readFileSync(WARD, "utf8");
  const borough = fs.readFileSync(BOROUGH, "utf8");
  const read = readDatastore(ward, path.basename(WARD));
  if (!read.ok) throw new Error(read.error.message);
  const file = read.file;
  const groups = file.areas.filter((a) => a.isBorough).map((a) => `${a.name} wards`);

  const pass = () => {
    const t0 = performance.now();
    const alone = readDatastore(ward, "ward.csv");
    if (!alone.ok) throw new Error(alone.error.message);
    const t1 = performance.now();
    const set = readDatastoreSet(
      [
        { text: ward, source: "ward.csv" },
        { text: borough, source: "borough.csv" },
      ],
      { groups }
    );
    if (!set.ok) throw new Error(set.error.message);
    const tables = set.tables.flat();
    const t2 = performance.now();
    const notes = validateTables(tables).filter((i) => i.rule === "ward-coverage").length;
    const t3 = performance.now();
    return { tables: tables.length, notes, readMs: t1 - t0, setMs: t2 - t1, checkMs: t3 - t2 };
  };
  const runs = [pass(), pass(), pass(), pass(), pass()];
  const last = runs[runs.length - 1]!;
  return {
    benchmark: "wards",
    date: new Date().toISOString(),
    node: process.version,
    wardFile: path.basename(WARD),
    wardFileBytes: Buffer.byteLength(ward),
    boroughFile: path.basename(BOROUGH),
    months: file.months.length,
    areas: file.areas.length,
    wards: file.wards?.wards.length ?? 0,
    wardTables: last.tables,
    coverageNotes: last.notes,
    wardCountStoreBytes: (file.wards?.prefix.byteLength ?? 0) + file.prefix.byteLength,
    medianOf5: {
      readWardFileMs: ms(median(runs.map((r) => r.readMs))),
      readBothAndWardTablesMs: ms(median(runs.map((r) => r.setMs))),
      validateMs: ms(median(runs.map((r) => r.checkMs))),
    },
    loadAverage1min: Math.round(os.loadavg()[0]! * 100) / 100,
    cpus: os.cpus().length,
    note: "a pass = read the ward file alone, then both files with every borough's wards (R12 tables and coverage), then validate them",
  };
}
