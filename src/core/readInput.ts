// One input (a file's text or a paste) to tables, whatever its form: a London Datastore
// CSV becomes rolling-12-month tables for the areas asked for; anything else is read as
// a pasted crime table. The one place that decides between the two, for the command
// line and the task pane alike.
import type { CrimeTable, ReadError, ReadResult } from "./model";
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
  /**
   * Names a pasted table's file name may give as its area besides London's boroughs (the
   * wards of Datastore files read with it); the `areas` given count too.
   */
  knownAreas?: readonly string[];
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
      knownAreas: [...(opts.knownAreas ?? []), ...(opts.areas ?? [])],
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

/** One of the texts read together: a file's, as readInput takes it. */
export interface InputText extends DatastoreText {
  fileName?: string;
  area?: string;
  html?: string;
}

/**
 * Each input's tables, in input order, and the wards of the ward-level files among them
 * (names other files' names may give); or the first failure and the input it concerns.
 */
export type InputsResult =
  | { ok: true; tables: CrimeTable[][]; wards: string[] }
  | { ok: false; error: ReadError; input: number };

/**
 * Texts read together, as a command line's files are: the Datastore CSVs together
 * (readDatastoreInputs), then each other text as readInput reads it, its file name giving
 * its area when that names a ward of those files or an area given ("forest-hill.txt"
 * beside the ward-level file is Forest Hill). A Datastore failure is said first.
 */
export function readInputs(
  inputs: readonly InputText[],
  opts: Pick<ReadInputOptions, "period" | "areas" | "groups">
): InputsResult {
  const csvAt = inputs.flatMap((t, i) => (isDatastoreCsv(t.text) ? [i] : []));
  const fromDatastore = readDatastoreInputs(
    csvAt.map((i) => inputs[i]!),
    opts
  );
  if (!fromDatastore.ok) return { ...fromDatastore, input: csvAt[fromDatastore.input]! };
  const tables: CrimeTable[][] = [];
  for (const [i, { text, ...named }] of inputs.entries()) {
    const d = csvAt.indexOf(i);
    if (d >= 0) {
      tables.push(fromDatastore.tables[d]!);
      continue;
    }
    const read = readInput(text, { ...opts, ...named, knownAreas: fromDatastore.wards });
    if (!read.ok) return { ok: false, error: read.error, input: i };
    tables.push(read.tables);
  }
  return { ok: true, tables, wards: fromDatastore.wards };
}

/** "line 12, column 3" (or "") for a read error's place. */
export function describeErrorPlace(error: ReadError): string {
  if (!error.line) return "";
  return ` (line ${error.line}${error.column ? `, column ${error.column}` : ""})`;
}
