// The last step of build and refresh: the workbook's bytes, then the file. Either can
// fail with something the user can act on (too large, a file they cannot write).
import type { WorkbookSpec } from "../layout/spec";
import { writeXlsx } from "../writers/xlsx/writeXlsx";
import { MAX_XLSX_CELLS, XlsxTooLargeError } from "../writers/xlsx/errors";
import { editXlsx } from "../writers/xlsx/ooxml/editPackage";
import { reasonOf } from "../app/errors";
import type { CliIO } from "./io";

/** False, with the writer's own "too large" sentence on stderr, when `cells` is past its limit. */
export function fitsTheWriter(command: string, cells: number, io: CliIO): boolean {
  if (cells <= MAX_XLSX_CELLS) return true;
  io.stderr(`${command}: ${new XlsxTooLargeError(cells).message}; nothing written\n`);
  return false;
}

/** Writes `spec` (over the workbook `base`, its bytes, for a refresh) to `out`; false, with the reason on stderr, when it cannot. */
export async function writeBook(
  command: string,
  spec: WorkbookSpec,
  out: string,
  io: CliIO,
  base?: Uint8Array
): Promise<boolean> {
  let bytes: Uint8Array;
  try {
    bytes = base ? await editXlsx(base, spec) : await writeXlsx(spec);
  } catch (err) {
    if (!(err instanceof XlsxTooLargeError)) throw err;
    io.stderr(`${command}: ${err.message}; nothing written\n`);
    return false;
  }
  try {
    await io.writeFile(out, bytes);
  } catch (err) {
    io.stderr(`${command}: cannot write ${out}: ${reasonOf(err)}\n`);
    return false;
  }
  return true;
}
