// Datastore benchmark: read the 2010-2022 borough file, then compute the R12 tables of
// every borough for every possible end month (the file holds 142 months, so 119 end
// months × 32 boroughs). Tables of one end month are dropped before the next, as a
// caller streaming them would, so peak memory shows what the file itself costs.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as v8 from "v8";
import * as vm from "vm";
import { readDatastore, r12Tables } from "../src/core/datastore";

const FILE = path.join(
  __dirname,
  "../samples/datastore/mps-borough-level-crime-2010-04-to-2022-01.csv"
);

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
const ms = (t: number): number => Math.round(t * 10) / 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function run(): Promise<Record<string, unknown>> {
  const text = fs.readFileSync(FILE, "utf8");
  // A collector to call between measurements, so heap figures show what is retained.
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  gc();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  const sample = (): void => {
    const m = process.memoryUsage();
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    if (m.rss > peakRss) peakRss = m.rss;
  };

  // One full pass: read, then every end month × every borough.
  const pass = (sampleMemory: boolean) => {
    const t0 = performance.now();
    const read = readDatastore(text, path.basename(FILE));
    if (!read.ok) throw new Error(read.error.message);
    const t1 = performance.now();
    const file = read.file;
    let tables = 0;
    let rows = 0;
    let checksum = 0; // keeps the work observable
    const ends = file.months.slice(23);
    for (const period of ends) {
      const r = r12Tables(file, { period });
      if (!r.ok) throw new Error(r.error.message);
      tables += r.tables.length;
      for (const t of r.tables) {
        rows += t.rows.length;
        checksum += t.rows[t.rows.length - 1]!.values.offencesCurrent ?? 0;
      }
      if (sampleMemory) sample();
    }
    const t2 = performance.now();
    return {
      readMs: t1 - t0,
      tablesMs: t2 - t1,
      totalMs: t2 - t0,
      tables,
      rows,
      checksum,
      ends: ends.length,
      file,
    };
  };

  // First pass: cold, and samples memory after each end month (memoryUsage() is slow,
  // so the timed passes below do not sample).
  const first = pass(true);
  sample();
  gc();
  const afterGc = process.memoryUsage(); // `first.file` is still referenced
  const runs = Array.from({ length: 5 }, () => pass(false));

  const file = first.file;
  return {
    file: path.basename(FILE),
    fileBytes: Buffer.byteLength(text),
    months: file.months.length,
    areas: file.areas.length,
    boroughs: file.areas.filter((a) => a.isBorough).length,
    subCategories: file.categories.length,
    endMonths: first.ends,
    tables: first.tables,
    rows: first.rows,
    checksumAllOffencesCurrent: first.checksum,
    coldRunWithMemorySampling: {
      readMs: ms(first.readMs),
      tablesMs: ms(first.tablesMs),
      totalMs: ms(first.totalMs),
    },
    warmRunsTotalMs: runs.map((r) => ms(r.totalMs)),
    medianOf5Warm: {
      readMs: ms(median(runs.map((r) => r.readMs))),
      tablesMs: ms(median(runs.map((r) => r.tablesMs))),
      totalMs: ms(median(runs.map((r) => r.totalMs))),
    },
    countStoreBytes: file.prefix.byteLength + file.cellBlock.byteLength + file.cellLine.byteLength,
    heapUsedBeforeMB: mb(before.heapUsed),
    peakHeapUsedMB: mb(peakHeap),
    // Typed arrays live outside the JS heap, in arrayBuffers: count both.
    retainedByFileAfterGcMB: mb(
      afterGc.heapUsed + afterGc.arrayBuffers - before.heapUsed - before.arrayBuffers
    ),
    peakHeapGrowthMB: mb(peakHeap - before.heapUsed),
    peakRssMB: mb(peakRss),
    loadAverage1min: Math.round(os.loadavg()[0]! * 100) / 100,
    cpus: os.cpus().length,
    note:
      "a pass = read the file + R12 tables of 32 boroughs for each of 119 end months; " +
      "tables of each end month dropped before the next; memory sampled during the cold pass",
  };
}
