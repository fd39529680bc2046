// What `build --out` may write over. A file that exists is replaced only when it is a
// workbook we built (it holds our definitions sheet: rebuilding is the tool's own job) or
// with --force; an input file is never replaced, since the build would destroy what it reads.
import { resolve } from "path";
import type { CliIO } from "./io";

const missing = (err: unknown): boolean =>
  typeof err === "object" && err !== null && (err as { code?: unknown }).code === "ENOENT";

/** Why `out` must not be written, or null when it may. */
export async function refuseOutput(
  out: string,
  inputs: readonly string[],
  force: boolean,
  io: Pick<CliIO, "readBytes">
): Promise<string | null> {
  if (inputs.some((f) => resolve(f) === resolve(out)))
    return `${out} is one of the input files; give another --out (not even --force writes over an input)`;
  if (force) return null;
  let ours: boolean;
  try {
    const bytes = await io.readBytes(out);
    // The workbook reader is loaded only when there is a file to read.
    const { readXlsx } = await import("../writers/xlsx/readXlsx");
    ours = (await readXlsx(bytes)).definitions !== null;
  } catch (err) {
    // Nothing there: write it. Anything else there (a folder, not a workbook, unreadable): refuse.
    if (missing(err)) return null;
    ours = false;
  }
  return ours
    ? null
    : `${out} already exists and was not built by scrutiny-sheets; use --force to replace it, ` +
        `or \`scrutiny-sheets refresh ${out}\` to update a workbook it built`;
}
