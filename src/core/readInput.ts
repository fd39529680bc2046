// One input (a file's text or a paste) to tables, whatever its form: a London Datastore
// CSV becomes rolling-12-month tables for the areas asked for; anything else is read as
// a pasted crime table. The one place that decides between the two, for the command
// line and the task pane alike.
import type { ReadError, ReadResult } from "./model";
import { readPaste } from "./read";
import { tooLongText } from "./read/readProblems";
import {
  isDatastoreCsv,
  readDatastoreSet,
  type DatastoreSetResult,
  type DatastoreText,
} from "./datastore";

export interface ReadInputOptions {
  /** Name of the input as the user knows it (a file name, or "paste"). */
  source: string;
  /** File name, from which a pasted table's area may be read when the paste does not say it. */
  fileName?: string;
  /** Area of a pasted table, as the user gave it. */
  area?: string;
  /** The clipboard's text/html, or the file's text when the file is HTML. */
  html?: string;
  /** Datastore: end month YYYY-MM of the rolling 12 months (default: the latest possible). */
  period?: string;
  /** Datastore: areas (boroughs, or wards of a ward-level file) to take (default: every borough, unless groups name some). */
  areas?: string[];
  /** Datastore: group presets, "<Borough> wards" or NAME=Area1,Area2 specs whose areas to take. */
  groups?: string[];
}

export function readInput(text: string, opts: ReadInputOptions): ReadResult {
  if (!isDatastoreCsv(text)) {
    return readPaste(text, {
      source: opts.source,
      fileName: opts.fileName,
      area: opts.area,
      html: opts.html,
    });
  }
  // An area or category name longer than a cell holds is refused here as in a paste.
  const read = readDatastoreInputs([{ text, source: opts.source }], opts);
  return read.ok ? { ok: true, tables: read.tables[0]! } : { ok: false, error: read.error };
}

/**
 * Datastore CSVs read together, as a command line's files are: an area or ward is looked
 * for in every file, and a ward-level file beside a borough-level one says how much of each
 * borough its wards hold. Each input's tables, or the first failure and its input.
 */
export function readDatastoreInputs(
  inputs: readonly DatastoreText[],
  opts: Pick<ReadInputOptions, "period" | "areas" | "groups">
): DatastoreSetResult {
  const read = readDatastoreSet(inputs, opts);
  if (!read.ok) return read;
  for (const [input, tables] of read.tables.entries()) {
    const tooLong = tooLongText(null, tables);
    if (tooLong) return { ok: false, error: tooLong, input };
  }
  return read;
}

/** "line 12, column 3" (or "") for a read error's place. */
export function describeErrorPlace(error: ReadError): string {
  if (!error.line) return "";
  return ` (line ${error.line}${error.column ? `, column ${error.column}` : ""})`;
}
