// The project's sample files read with the real readers, for layout and workbook tests.
import { readFileSync } from "fs";
import path from "path";
import type { CrimeTable } from "../../src/core/model";
import { readPaste } from "../../src/core/read";
import { readDatastore, r12Tables } from "../../src/core/datastore";

export const SAMPLES = path.join(__dirname, "../../samples");
export const OFFENCES_DIR = path.join(SAMPLES, "offences-sds");
export const DATASTORE_2024 = path.join(
  SAMPLES,
  "datastore/mps-borough-level-crime-2022-02-to-2024-01.csv"
);

export const SEPTEMBER_BOROUGHS = [
  "borough-a-2017-09-05.txt",
  "borough-c-2017-09-05.txt",
  "borough-d-2017-09-05.txt",
  "borough-e-2017-09-05.txt",
];
export const MERTON_PERIODS = ["merton-2017-07-02.txt", "merton-2017-08-01.txt"];

/** The tables of one pasted sample file. */
export function sampleTables(file: string): CrimeTable[] {
  const text = readFileSync(path.join(OFFENCES_DIR, file), "utf8");
  const r = readPaste(text, {
    source: file,
    fileName: file,
    html: file.endsWith(".html") ? text : undefined,
  });
  if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
  return r.tables;
}

/** Datastore R12 tables of the 2022-2024 file. */
export function datastoreTables(
  opts: { period?: string; areas?: string[]; group?: string } = {}
): CrimeTable[] {
  const read = readDatastore(readFileSync(DATASTORE_2024, "utf8"), path.basename(DATASTORE_2024));
  if (!read.ok) throw new Error(read.error.message);
  const r = r12Tables(read.file, opts);
  if (!r.ok) throw new Error(r.error.message);
  return r.tables;
}
