// The last step of build and refresh: the workbook's bytes, then the file. Either can
// fail with something the user can act on (too large, a file they cannot write). The
// workbook writers are loaded here, when a workbook is written, so `check` never loads them.
import type { WorkbookSpec } from "../layout/spec";
import { MAX_TABLE_ROWS, XlsxTooLargeError } from "../writers/xlsx/errors";
import { reasonOf } from "../app/errors";
import type { CliIO } from "./io";

/** False, with the writer's own "too large" sentence on stderr, when a table is longer than a sheet. */
export function fitsTheWriter(
  command: string,
  tables: readonly { rows: readonly unknown[] }[],
  io: CliIO
): boolean {
  let rows = 0;
  for (const t of tables) rows = Math.max(rows, t.rows.length);
  if (rows <= MAX_TABLE_ROWS) return true;
  io.stderr(`${command}: ${new XlsxTooLargeError(rows).message}; nothing written\n`);
  return false;
}

/** The workbook's bytes: a new one, or the workbook `base` (its bytes) refreshed part by part. */
async function bytesOf(spec: WorkbookSpec, base?: Uint8Array): Promise<Uint8Array> {
  if (base) return (await import("../writers/xlsx/ooxml/editPackage")).editXlsx(base, spec);
  return (await import("../writers/xlsx/writeXlsx")).writeXlsx(spec);
}

/** Writes `spec` (over the workbook `base`, its bytes, for a refresh) to `out`; false, with the reason on stderr, when it cannot. */
export async function writeBook(
  command: string,
  spec: WorkbookSpec,
  out: string,
  io: CliIO,
  base?: Uint8Array
): Promise<boolean> {
  // A table longer than a sheet was refused before planning (fitsTheWriter).
  const bytes = await bytesOf(spec, base);
  try {
    await io.writeFile(out, bytes);
  } catch (err) {
    io.stderr(`${command}: cannot write ${out}: ${reasonOf(err)}\n`);
    return false;
  }
  return true;
}
