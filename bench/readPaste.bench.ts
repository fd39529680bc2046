// Reading and validating pastes: the published samples, and a 20 MB tab-separated paste
// (the sample's 27 crime rows repeated, about 360,000 rows).
import * as fs from "fs";
import * as path from "path";
import { bigPaste } from "../test/support/bigPaste";
import { readPaste } from "../src/core/read";
import { validateTables } from "../src/core/validate";

const DIR = path.join(__dirname, "../samples/offences-sds");

function time(f: () => void, repeat: number): number {
  const start = performance.now();
  for (let i = 0; i < repeat; i++) f();
  return (performance.now() - start) / repeat;
}

export async function run(): Promise<Record<string, unknown>> {
  const perSample: Record<string, number> = {};
  for (const name of fs.readdirSync(DIR).sort()) {
    const text = fs.readFileSync(path.join(DIR, name), "utf8");
    const once = () => {
      const r = readPaste(text, { source: name });
      if (r.ok) validateTables(r.tables);
    };
    time(once, 50);
    perSample[name] = Number(time(once, 200).toFixed(3));
  }
  const big = bigPaste({ bytes: 20e6 }).text;
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const r = readPaste(big, { source: "big" });
  const t1 = performance.now();
  const issues = r.ok ? validateTables(r.tables) : [];
  const t2 = performance.now();
  return {
    msPerSampleReadAndValidate: perSample,
    bigPasteMB: Number((big.length / 1e6).toFixed(1)),
    bigPasteRows: r.ok ? r.tables[0]?.rows.length : 0,
    bigPasteReadMs: Math.round(t1 - t0),
    bigPasteValidateMs: Math.round(t2 - t1),
    bigPasteIssues: issues.length,
    heapGrowthMB: Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6),
  };
}
