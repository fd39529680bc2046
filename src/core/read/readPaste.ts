// Reads what an analyst pasted (or a file) into typed tables. Bad input is a typed
// ReadError, never an exception.

import { readErrorMessage } from "../messages";
import type { CrimeTable, ReadError, ReadResult, UnreadInputLine } from "../model";
import { detectFormat, type PasteFormat } from "./detectFormat";
import { areaFromFileName } from "./findArea";
import { findTables, type FindContext } from "./findTables";
import { csvLines } from "./readCsv";
import { htmlLines } from "./readHtml";
import { readProblem } from "./readProblems";
import { spacedLines, tsvLines, type SourceGrid } from "./sourceLines";
import { readStructured } from "./structure";
import { toCrimeTable } from "./structure/toCrimeTables";

export interface ReadOptions {
  /** Where the text came from: a file name or "paste". */
  source: string;
  /** Area named by the user; wins over the paste and the file name. */
  area?: string;
  /** File name to take the area from when neither the user nor the paste names it. */
  fileName?: string;
  /**
   * Names the file name may give besides London's boroughs: wards of a Datastore file read
   * with it, areas the user gave ("forest-hill.txt" beside the ward file is Forest Hill).
   */
  knownAreas?: readonly string[];
  /** The clipboard's text/html, when it had one: preferred over the text. */
  html?: string;
}

/**
 * Largest paste read, in characters (a 20 MB paste is about 20 million): refused before
 * anything is read, since reading, checking and flagging take some 30 bytes of memory a
 * character. A 20 MB paste is checked in a 768 MB heap; a 50 MB one would not fit there
 * and ran out of memory with no message of its own.
 */
export const MAX_PASTE_CHARS = 20 * 1024 * 1024;

function fail(code: ReadError["code"], detail?: string): ReadResult {
  return { ok: false, error: { code, message: readErrorMessage(code, detail) } };
}

/** The tables of a grid, refused when one of them cannot be used (see readProblem). */
function tablesOf(grid: SourceGrid, ctx: FindContext): ReadResult {
  const tables = findTables(grid, ctx);
  const error = tables.length > 0 ? readProblem(grid, tables) : null;
  return error ? { ok: false, error } : { ok: true, tables };
}

/** The reader for each format (see detectFormat). */
function linesOf(format: PasteFormat, text: string): SourceGrid {
  switch (format) {
    case "html":
      return htmlLines(text);
    case "tsv":
      return tsvLines(text);
    case "csv":
      return csvLines(text);
    case "spaced":
      return spacedLines(text);
  }
}

/** Share of characters that are control characters or undecodable (U+FFFD). */
function garbageShare(text: string): number {
  const sample = text.slice(0, 100000);
  if (sample.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd || (c >= 0x7f && c < 0xa0))
      bad++;
  }
  return bad / sample.length;
}

/** Largest paste read by its structure as well (a bigger one keeps the line reader's reading). */
const MAX_STRUCTURED_CHARS = 2 * 1024 * 1024;

/** Rows of a list of tables. */
const rowCount = (tables: CrimeTable[]) => tables.reduce((n, t) => n + t.rows.length, 0);

/**
 * The paste's tables as the structure reader reads them, when no table of a known kind was
 * found and the structure reader reads most of the rows the line reader did (four in five).
 */
function structuredTables(
  text: string,
  ctx: FindContext,
  found: CrimeTable[]
): CrimeTable[] | null {
  if (found.some((t) => t.kind !== "generic") || text.length > MAX_STRUCTURED_CHARS) return null;
  const read = readStructured(text);
  const area = ctx.userArea ?? found[0]?.area ?? ctx.fileArea;
  const period = found[0]?.periodEnding ?? null;
  const tables = read.tables
    .filter((t) => t.rows.length > 0 && t.columns.length > 0)
    .map((t) => toCrimeTable(t, { source: ctx.source, area, periodEnding: period }));
  // The line reader also takes prose ending in a figure for rows: most of its rows will do.
  // Lines, not rows: a long CSV's row (a label) gathers one line per period.
  const lines = new Set(
    read.tables.flatMap((t) => t.rows.flatMap((r) => [r.line, ...(r.alsoLines ?? [])]))
  );
  if (tables.length === 0 || lines.size * 5 < rowCount(found) * 4) return null;
  return withUnreadLines(tables, read.unread);
}

/** Each unread line given to the table it follows (the first, for lines before any). */
function withUnreadLines(tables: CrimeTable[], unread: UnreadInputLine[]): CrimeTable[] {
  if (unread.length === 0) return tables;
  const starts = tables.map((t) => t.rows[0]?.line ?? 0);
  const byTable = tables.map((): UnreadInputLine[] => []);
  for (const u of unread) {
    let t = 0;
    while (t + 1 < tables.length && starts[t + 1]! <= u.line) t++;
    byTable[t]!.push(u);
  }
  return tables.map((t, i) => (byTable[i]!.length > 0 ? { ...t, unreadLines: byTable[i] } : t));
}

export function readPaste(text: string, opts: ReadOptions): ReadResult {
  try {
    return read(text, opts);
  } catch (err) {
    // A safety net for the product: a bug must not lose the user's session. Tests (the
    // fuzz test) fail on this message, so it never hides a bug from us.
    return fail(
      "unreadable",
      `internal error: ${err instanceof Error ? err.message : String(err)}`
    );
  }
}

function read(text: string, opts: ReadOptions): ReadResult {
  if (text.length > MAX_PASTE_CHARS || (opts.html?.length ?? 0) > MAX_PASTE_CHARS)
    return fail("too-large", String(MAX_PASTE_CHARS).replace(/\B(?=(\d{3})+(?!\d))/g, ","));
  const userArea = opts.area?.trim() ? opts.area.trim() : null;
  const ctx: FindContext = {
    source: opts.source,
    userArea,
    fileArea: opts.fileName ? areaFromFileName(opts.fileName, opts.knownAreas) : null,
  };
  const html = opts.html?.replace(/\ufeff/g, "");
  if (html !== undefined && html.trim() !== "") {
    const read = tablesOf(htmlLines(html), ctx);
    if (!read.ok || read.tables.length > 0) return read;
  }
  const clean = text.replace(/\ufeff/g, "");
  if (clean.trim() === "") return fail("empty");
  const format = detectFormat(clean);
  // An .html file comes as both text and html: read once, it held no table.
  const readAlready = format === "html" && clean === html;
  const read = readAlready ? null : tablesOf(linesOf(format, clean), ctx);
  if (read && !read.ok) return read;
  // Tables no known kind claims are read by their structure (periods, changes, shares,
  // totals, any separator), when that finds more of the text than the line-by-line reader.
  const structured = structuredTables(clean, ctx, read?.tables ?? []);
  if (structured) return { ok: true, tables: structured };
  if (read && read.tables.length > 0) return read;
  if (garbageShare(clean) > 0.1) return fail("unreadable");
  return fail("no-table");
}
