// One input (a file's text or a paste) to tables, whatever its form: a London Datastore
// CSV becomes rolling-12-month tables for the areas asked for; anything else is read as
// a pasted crime table. The one place that decides between the two, for the command
// line and the task pane alike.
import type { ReadError, ReadResult } from "./model";
import { readPaste } from "./read";
import { tooLongText } from "./read/readProblems";
import { isDatastoreCsv, readDatastore, r12Tables } from "./datastore";
import { isGroupError, parseGroup, resolveGroup } from "./groups";

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
  /** Datastore: areas to take (default: every borough, unless groups name some). */
  areas?: string[];
  /** Datastore: group presets or NAME=Area1,Area2 specs whose areas to take. */
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
  const read = readDatastore(text, opts.source);
  if (!read.ok) return read;
  const wanted = [...(opts.areas ?? [])];
  for (const spec of opts.groups ?? []) {
    const known = read.file.areas.map((a) => a.name);
    const byAreas = spec.includes("=");
    const group = byAreas ? parseGroup(spec, known) : resolveGroup(spec, read.file);
    // A preset the file cannot give is refused, never replaced by every area. A group of
    // named areas may be of pasted areas, which the file does not hold: its caller checks it.
    if (isGroupError(group)) {
      if (byAreas) continue;
      return { ok: false, error: { code: "unknown-group", message: group.error } };
    }
    for (const a of group.areas) if (known.includes(a)) wanted.push(a);
  }
  const r12 = r12Tables(read.file, {
    period: opts.period,
    areas: wanted.length > 0 ? [...new Set(wanted)] : undefined,
  });
  if (!r12.ok) return r12;
  // An area or category name longer than a cell holds is refused here as in a paste.
  const tooLong = tooLongText(null, r12.tables);
  return tooLong ? { ok: false, error: tooLong } : { ok: true, tables: r12.tables };
}

/** "line 12, column 3" (or "") for a read error's place. */
export function describeErrorPlace(error: ReadError): string {
  if (!error.line) return "";
  return ` (line ${error.line}${error.column ? `, column ${error.column}` : ""})`;
}
