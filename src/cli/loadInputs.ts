// Reads every input file before anything is written: Datastore CSVs become R12 tables
// (one per area asked for), anything else is read as a paste. The first file that cannot
// be read stops the command, with a message naming it.
import * as path from "path";
import type { CrimeTable } from "../core/model";
import { decodeText, readPaste } from "../core/read";
import { isDatastoreCsv, readDatastore, r12Tables } from "../core/datastore";
import { isGroupError, parseGroup, resolveGroup, type Group } from "../core/groups";
import { problem, type Problem, type Result } from "../core/result";
import type { CliIO } from "./io";
import { reasonOf } from "../app/errors";

export interface LoadOptions {
  /** Areas: Datastore areas to take; a single area also names a single pasted file's area. */
  area?: string | string[];
  /** Datastore end month YYYY-MM. */
  period?: string;
  /** Groups (preset names or NAME=Area1,Area2): their areas are taken from Datastore files. */
  group?: string[];
}

/** The tables read, or the first file that could not be (its problem names it). */
export type LoadResult = Result<{ tables: CrimeTable[] }>;

/** A failed load of `file`: `message` already names the file. */
const unreadable = (file: string, message: string): LoadResult => ({
  ok: false,
  error: problem("unreadable", message, { file }),
});

const asList = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

export async function loadInputs(
  files: string[],
  opts: LoadOptions,
  io: CliIO
): Promise<LoadResult> {
  const areas = asList(opts.area);
  const texts: { file: string; text: string }[] = [];
  for (const file of files) {
    try {
      texts.push({ file, text: decodeText(await io.readBytes(file)) });
    } catch (err) {
      const why = reasonOf(err);
      return unreadable(file, `cannot read ${file}: ${why}`);
    }
  }
  const pastes = texts.filter((t) => !isDatastoreCsv(t.text));
  const tables: CrimeTable[] = [];
  for (const { file, text } of texts) {
    const name = path.basename(file);
    if (isDatastoreCsv(text)) {
      const read = readDatastore(text, name);
      if (!read.ok) return unreadable(file, `${file}: ${read.error.message}`);
      const wanted = [...areas];
      for (const g of opts.group ?? []) {
        const group = g.includes("=")
          ? parseGroup(
              g,
              read.file.areas.map((a) => a.name)
            )
          : resolveGroup(g, read.file);
        // A group of pasted areas names no Datastore area: it is for the pasted tables.
        if (!isGroupError(group))
          wanted.push(...group.areas.filter((a) => read.file.areas.some((x) => x.name === a)));
      }
      const r12 = r12Tables(read.file, {
        period: opts.period,
        areas: wanted.length > 0 ? wanted : undefined,
      });
      if (!r12.ok) return unreadable(file, `${file}: ${r12.error.message}`);
      tables.push(...r12.tables);
    } else {
      const area = pastes.length === 1 && areas.length === 1 ? areas[0] : undefined;
      const html = /\.html?$/i.test(file) ? text : undefined;
      const read = readPaste(text, { source: name, fileName: name, area, html });
      if (!read.ok) {
        const where = read.error.line
          ? ` (line ${read.error.line}${read.error.column ? `, column ${read.error.column}` : ""})`
          : "";
        return unreadable(file, `${file}${where}: ${read.error.message}`);
      }
      tables.push(...read.tables);
    }
  }
  return { ok: true, tables };
}

/** The groups asked for, as area lists: presets by name, or NAME=Area1,Area2 over the areas of the tables. */
export function resolveGroups(
  specs: string[],
  tables: CrimeTable[]
): Result<{ groups: Group[] }, { error: Problem<"bad-group"> }> {
  const known = [...new Set(tables.map((t) => t.area).filter((a): a is string => a !== null))];
  const groups: Group[] = [];
  for (const spec of specs) {
    const g = spec.includes("=") ? parseGroup(spec, known) : resolveGroup(spec);
    if (isGroupError(g)) return { ok: false, error: problem("bad-group", g.error) };
    groups.push(g);
  }
  return { ok: true, groups };
}
