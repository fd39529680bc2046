// The sample committee tables, read the way the product reads them.
import * as fs from "fs";
import * as path from "path";
import type { CrimeTable } from "../../../src/core/model";
import { readPaste } from "../../../src/core/read";

export const SAMPLES = path.join(__dirname, "../../../samples/offences-sds");

/** Both blocks (Offences & SDs, I & S Calls and ASB) of one sample file. */
export function readSample(fileName: string): CrimeTable[] {
  const text = fs.readFileSync(path.join(SAMPLES, fileName), "utf8");
  const result = readPaste(text, { source: fileName, fileName });
  if (!result.ok) throw new Error(`${fileName}: ${result.error.message}`);
  return result.tables;
}

/** The Offences & SDs table of one sample file. */
export function readOffences(fileName: string): CrimeTable {
  const table = readSample(fileName).find((t) => t.kind === "offences-sds");
  if (!table) throw new Error(`${fileName}: no Offences & SDs table`);
  return table;
}
