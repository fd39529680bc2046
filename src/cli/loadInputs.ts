// Reads every input file before anything is written, each as core's readInput reads it
// (Datastore CSVs become R12 tables for the areas asked for, anything else a paste). The
// first file that cannot be read stops the command, with a message naming it.
import * as path from "path";
import type { CrimeTable } from "../core/model";
import { decodeText } from "../core/read";
import { isDatastoreCsv, wardsGroupOfTables } from "../core/datastore";
import { isGroupError, parseGroup, resolveGroup, type Group } from "../core/groups";
import { describeErrorPlace, readInputs } from "../core/readInput";
import { problem, type Problem, type Result } from "../core/result";
import type { CliIO } from "./io";
import { reasonOf } from "../app/errors";
import { isPdfInput, unreadableTablesMessage } from "./readPdfInput";
import { isSpreadsheetFile } from "../app/spreadsheetFiles";
import { loadSpreadsheets } from "./loadSpreadsheets";

export interface LoadOptions {
  /** Areas: Datastore areas to take; a single area also names a single pasted file's area. */
  area?: string | string[];
  /** Datastore end month YYYY-MM. */
  period?: string;
  /** Groups (preset names or NAME=Area1,Area2): their areas are taken from Datastore files. */
  group?: string[];
  /** PDFs: the pages to search ("7-84"). */
  pages?: string;
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
  const texts: { file: string; text: string; pdf?: Uint8Array }[] = [];
  for (const file of files) {
    if (isSpreadsheetFile(file)) continue; // read with every sheet below
    try {
      const bytes = await io.readBytes(file);
      const pdf = isPdfInput(file, bytes) ? bytes : undefined;
      texts.push({ file, text: pdf ? "" : decodeText(bytes), pdf });
    } catch (err) {
      const why = reasonOf(err);
      return unreadable(file, `cannot read ${file}: ${why}`);
    }
  }
  // A single area given for a single paste names it; otherwise areas pick Datastore areas.
  const pastes = texts.filter((t) => !isDatastoreCsv(t.text));
  const pasteArea = pastes.length === 1 && areas.length === 1 ? areas[0] : undefined;
  // Read together: an area or ward may be in any Datastore CSV, and a file may be named after one.
  const plain = texts.filter((t) => !t.pdf);
  const read = readInputs(
    plain.map(({ file, text }) => ({
      text,
      source: path.basename(file),
      fileName: path.basename(file),
      area: pasteArea,
      html: /\.html?$/i.test(file) ? text : undefined,
    })),
    { period: opts.period, areas, groups: opts.group }
  );
  if (!read.ok) {
    const file = plain[read.input]?.file ?? "";
    return unreadable(file, `${file}${describeErrorPlace(read.error)}: ${read.error.message}`);
  }
  const tables: CrimeTable[] = [];
  let next = 0;
  for (const { file, pdf } of texts) {
    if (!pdf) {
      tables.push(...read.tables[next++]!);
      continue;
    }
    const fromPdf = await loadPdf(file, pdf, { ...opts, area: pasteArea });
    if (!fromPdf.ok) return fromPdf;
    tables.push(...fromPdf.tables);
  }
  const sheetArea = files.length === 1 && areas.length === 1 ? areas[0] : undefined;
  const sheets = await loadSpreadsheets(
    files.filter(isSpreadsheetFile),
    { area: sheetArea, period: opts.period, areas, groups: opts.group, knownAreas: read.wards },
    io
  );
  if (!sheets.ok) return sheets;
  return { ok: true, tables: [...tables, ...sheets.tables] };
}

/** The tables of a PDF; refused when one of them could not be read (nothing is written then). */
async function loadPdf(
  file: string,
  bytes: Uint8Array,
  opts: { area?: string; pages?: string }
): Promise<LoadResult> {
  // The PDF reader is loaded only when a PDF is given (start-up of every other command).
  const { readPdfBytes } = await import("../readers/pdf/readPdfBytes");
  const read = await readPdfBytes(bytes, { source: path.basename(file), ...opts });
  if (!read.ok) return unreadable(file, read.error.message);
  const pages = read.unreadable.map((u) => u.page);
  if (pages.length > 0) return unreadable(file, unreadableTablesMessage(file, pages));
  return { ok: true, tables: read.tables };
}

/** The groups asked for, as area lists: presets by name, or NAME=Area1,Area2 over the areas of the tables. */
export function resolveGroups(
  specs: string[],
  tables: CrimeTable[]
): Result<{ groups: Group[] }, { error: Problem<"bad-group"> }> {
  const known = [...new Set(tables.map((t) => t.area).filter((a): a is string => a !== null))];
  const groups: Group[] = [];
  for (const spec of specs) {
    const g =
      wardsGroupOfTables(spec, tables) ??
      (spec.includes("=") ? parseGroup(spec, known) : resolveGroup(spec));
    if (isGroupError(g)) return { ok: false, error: problem("bad-group", g.error) };
    groups.push(g);
  }
  return { ok: true, groups };
}
