// `scrutiny-sheets check FILE... [--area NAME]... [--period YYYY-MM] [--group NAME] [--json]`:
// reads each file (a paste, or a Datastore CSV as R12 tables), validates every table,
// flags anomalies, and prints a readable report or one JSON document.
// Exit 0: no issue of severity error; 1: some errors; 2: a file unreadable or tableless.

import * as path from "path";
import type { Anomaly, CrimeTable, Issue } from "../core/model";
import { readInput, readDatastoreInputs, describeErrorPlace } from "../core/readInput";
import { isDatastoreCsv } from "../core/datastore";
import { genericCoverage, validateTables } from "../core/validate";
import { findAnomalies } from "../core/anomalies";
import { monthlyFlags, monthlySources } from "../app/monthlySeries";
import type { CliIO } from "./io";
import { jsonChunks, writeInPieces } from "./jsonChunks";
import { reasonOf } from "../app/errors";
import { resolveGroups } from "./loadInputs";
import { isPdfInput } from "./readPdfInput";
import { isSpreadsheetFile } from "../app/spreadsheetFiles";

export interface CheckOptions {
  /**
   * Area (borough) name for the tables read. A repeated --area (an array) names one area
   * per file when there are as many as files; otherwise the first names them all.
   */
  area?: string | readonly string[];
  /** Datastore CSVs: end month YYYY-MM. */
  period?: string;
  /** Datastore CSVs: a group preset or NAME=Area1,Area2 whose areas to take. */
  group?: string | readonly string[];
  json?: boolean;
  /** PDFs: the pages to search ("7-84"). */
  pages?: string;
}

const asList = (v: string | readonly string[] | undefined): string[] =>
  v === undefined ? [] : typeof v === "string" ? [v] : [...v];

function areaFor(area: CheckOptions["area"], index: number, files: number): string | undefined {
  if (area === undefined || typeof area === "string") return area;
  return area.length === files ? area[index] : area[0];
}

/** What check needs; `readBytes` only for PDFs. */
export type CheckIo = Pick<CliIO, "readFile" | "stdout" | "stderr"> &
  Partial<Pick<CliIO, "readBytes">>;

/** One table as the JSON document gives it (a stable, documented shape). */
function tableJson(t: CrimeTable) {
  const coverage = genericCoverage(t);
  return {
    source: t.source,
    kind: t.kind,
    area: t.area,
    periodEnding: t.periodEnding,
    ...(t.page !== undefined ? { page: t.page } : {}),
    ...(t.ward !== undefined ? { ward: t.ward } : {}),
    // A table of no known kind: the derived columns recognised and checked, and those not.
    ...(coverage ? { checked: coverage.checked, unchecked: coverage.unchecked } : {}),
    rows: t.rows.map((r) => ({
      line: r.line,
      category: r.category,
      subcategory: r.subcategory,
      isTotal: r.isTotal,
      status: r.status,
      values: r.values,
    })),
  };
}

export interface CheckReport {
  tables: CrimeTable[];
  issues: Issue[];
  anomalies: Anomaly[];
  /** Tables of a PDF whose columns could not be told apart: listed, never read. */
  unreadable?: UnreadableTable[];
}

/** A table found in a file but not read, with its page and why. */
export interface UnreadableTable {
  source: string;
  page: number;
  message: string;
}

/** The JSON document: add a key here (e.g. anomalies) to extend it. */
export function reportJson(report: CheckReport) {
  return {
    tables: report.tables.map(tableJson),
    issues: report.issues,
    anomalies: report.anomalies,
    ...(report.unreadable?.length ? { unreadable: report.unreadable } : {}),
  };
}

const SEVERITY_LABEL: Record<Issue["severity"], string> = {
  error: "ERROR  ",
  warning: "warning",
  info: "note   ",
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// Every C0 and C1 control but tab and line feed.
// eslint-disable-next-line no-control-regex -- these are what it finds
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** Text from a file shown on a terminal: a control as `\x1b`, so it cannot move the cursor, recolour or retitle the terminal. */
export const showControls = (s: string): string =>
  s.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);

/** The readable report, line by line, safe for a terminal (see showControls). */
export function* reportLines(report: CheckReport): Generator<string> {
  for (const line of rawReportLines(report)) yield showControls(line);
}

/** For a table of no known kind: what of it was checked, and how (nothing said for known kinds). */
function* coverageLines(t: CrimeTable): Generator<string> {
  const coverage = genericCoverage(t);
  if (!coverage) return;
  const checked = coverage.checked.map((c) => `${c.what} (${c.how})`);
  yield checked.length > 0
    ? `    checked: ${checked.join("; ")}\n`
    : "    checked: no column or row of it is derived from the others\n";
}

/** The readable report as found: each file, its tables and the issues found in each. */
function* rawReportLines(report: CheckReport): Generator<string> {
  let source: string | null = null;
  const issuesOf = groupByTable(report.issues);
  const flagsOf = groupByTable(report.anomalies);
  for (const [i, t] of report.tables.entries()) {
    if (t.source !== source) {
      yield `${source !== null ? "\n" : ""}${t.source}\n`;
      source = t.source;
    }
    const area = t.area ?? "area unknown (name it with --area)";
    const period = t.periodEnding ? `period ending ${t.periodEnding}` : "no reporting period found";
    const page = t.page !== undefined ? `page ${t.page}, ` : "";
    yield `  Table ${i + 1}: ${t.title ?? t.kind} (${t.kind}), ${page}${area}, ${period}, ${plural(t.rows.length, "row")}\n`;
    yield* coverageLines(t);
    const issues = issuesOf.get(i) ?? [];
    if (!issues.some((x) => x.severity !== "info")) yield "    all figures check out\n";
    for (const x of issues)
      yield `    ${SEVERITY_LABEL[x.severity]}  line ${x.line}  [${x.rule}] ${x.message}\n`;
    for (const a of flagsOf.get(i) ?? [])
      yield `    flag     line ${a.line}  [${a.rule}] ${a.message}\n`;
  }
  for (const u of report.unreadable ?? [])
    yield `\n${u.source}, page ${u.page}: UNREADABLE  ${u.message}\n`;
  const count = (s: Issue["severity"]) => report.issues.filter((x) => x.severity === s).length;
  yield `\n${plural(report.tables.length, "table")}: ${plural(count("error"), "error")}, ${plural(count("warning"), "warning")}, ${plural(count("info"), "note")}, ${plural(report.anomalies.length, "statistical flag")}.\n`;
}

/** The readable report as one text. */
export function reportText(report: CheckReport): string {
  return [...reportLines(report)].join("");
}

function groupByTable<T extends { table: number }>(list: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const x of list) {
    const group = map.get(x.table);
    if (group) group.push(x);
    else map.set(x.table, [x]);
  }
  return map;
}

/** A binary file's bytes, or null with the reason said (as a text file's failed read is). */
async function bytesOf(file: string, io: CheckIo): Promise<Uint8Array | null> {
  try {
    if (!io.readBytes) throw new Error("binary files cannot be read here");
    return await io.readBytes(file);
  } catch (err) {
    io.stderr(
      showControls(`scrutiny-sheets check: ${file}: cannot read the file: ${reasonOf(err)}\n`)
    );
    return null;
  }
}

/** A PDF's tables and the ones it could not read, or null (with a message) when it gave none. */
async function checkPdf(
  file: string,
  opts: { area?: string; pages?: string },
  io: CheckIo
): Promise<{ tables: CrimeTable[]; unreadable: UnreadableTable[] } | null> {
  const bytes = await bytesOf(file, io);
  if (!bytes) return null;
  // The PDF reader is loaded only when a PDF is given (start-up of every other command).
  const { readPdfBytes } = await import("../readers/pdf/readPdfBytes");
  const read = await readPdfBytes(bytes, { source: file, ...opts });
  if (!read.ok) {
    io.stderr(showControls(`scrutiny-sheets check: ${read.error.message}\n`));
    return null;
  }
  const unreadable = read.unreadable.map((u) => ({ source: file, ...u }));
  return { tables: read.tables, unreadable };
}

/** A spreadsheet's tables (every sheet), or null with a message naming file, sheet and line. */
async function checkSpreadsheet(
  file: string,
  opts: {
    area?: string;
    period?: string;
    areas: string[];
    groups: string[];
    knownAreas: readonly string[];
  },
  io: CheckIo
): Promise<CrimeTable[] | null> {
  const bytes = await bytesOf(file, io);
  if (!bytes) return null;
  // Loaded only for a spreadsheet: the library is large, and a paste never needs it.
  const { readSpreadsheet } = await import("../app/readSpreadsheet");
  const read = readSpreadsheet(bytes, path.basename(file), opts);
  if (!read.ok) {
    io.stderr(showControls(`scrutiny-sheets check: ${read.error.message}\n`));
    return null;
  }
  return read.tables;
}

/** Tables to go in where their file came: `at` in the tables read, `index` the file's. */
interface Placed {
  at: number;
  index: number;
  tables: CrimeTable[];
}

/** Each file's tables put where the file came (from the last, so the positions stay right). */
function putInPlace(tables: CrimeTable[], placed: Placed[]): void {
  const order = [...placed].sort((a, b) => b.at - a.at || b.index - a.index);
  for (const p of order) tables.splice(p.at, 0, ...p.tables);
}

/** The Datastore CSVs' tables and wards, or null (with a message) when one could not be read. */
function checkDatastore(
  files: { file: string; text: string; at: number; index: number }[],
  opts: CheckOptions,
  io: CheckIo
): { placed: Placed[]; wards: string[] } | null {
  if (files.length === 0) return { placed: [], wards: [] };
  const read = readDatastoreInputs(
    files.map((f) => ({ text: f.text, source: f.file })),
    { period: opts.period, areas: asList(opts.area), groups: asList(opts.group) }
  );
  if (!read.ok) {
    const file = files[read.input]?.file ?? "";
    const place = describeErrorPlace(read.error);
    io.stderr(showControls(`scrutiny-sheets check: ${file}${place}: ${read.error.message}\n`));
    return null;
  }
  const placed = files.map((f, i) => ({ at: f.at, index: f.index, tables: read.tables[i]! }));
  return { placed, wards: read.wards };
}

export async function runCheck(files: string[], opts: CheckOptions, io: CheckIo): Promise<number> {
  if (files.length === 0) {
    io.stderr(
      "scrutiny-sheets check: no file given (usage: scrutiny-sheets check FILE... [--area NAME] [--json])\n"
    );
    return 2;
  }
  const tables: CrimeTable[] = [];
  // Datastore CSVs are read together once every file is in (an area or ward may be in any),
  // and the other text files and spreadsheets after them (one may be named after a ward).
  const datastore: { file: string; text: string; at: number; index: number }[] = [];
  const pastes: { file: string; text: string; at: number; index: number }[] = [];
  const sheets: { file: string; at: number; index: number }[] = [];
  const unreadableTables: UnreadableTable[] = [];
  let unreadable = false;
  for (const [index, file] of files.entries()) {
    if (isPdfInput(file)) {
      const area = areaFor(opts.area, index, files.length);
      const read = await checkPdf(file, { area, pages: opts.pages }, io);
      if (!read) unreadable = true;
      else {
        tables.push(...read.tables);
        unreadableTables.push(...read.unreadable);
        if (read.unreadable.length > 0) unreadable = true;
      }
      continue;
    }
    if (isSpreadsheetFile(file)) {
      sheets.push({ file, at: tables.length, index });
      continue;
    }
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (err) {
      const reason = reasonOf(err);
      io.stderr(showControls(`scrutiny-sheets check: ${file}: cannot read the file: ${reason}\n`));
      unreadable = true;
      continue;
    }
    (isDatastoreCsv(text) ? datastore : pastes).push({ file, text, at: tables.length, index });
  }
  const fromDatastore = checkDatastore(datastore, opts, io);
  if (!fromDatastore) unreadable = true;
  const placed = fromDatastore?.placed ?? [];
  for (const { file, text, at, index } of pastes) {
    const result = readInput(text, {
      source: file,
      area: areaFor(opts.area, index, files.length),
      fileName: path.basename(file),
      html: /\.html?$/i.test(file) ? text : undefined,
      period: opts.period,
      areas: asList(opts.area),
      groups: asList(opts.group),
      knownAreas: fromDatastore?.wards ?? [],
    });
    if (!result.ok) {
      io.stderr(
        showControls(
          `scrutiny-sheets check: ${file}${describeErrorPlace(result.error)}: ${result.error.message}\n`
        )
      );
      unreadable = true;
      continue;
    }
    placed.push({ at, index, tables: result.tables });
  }
  for (const { file, at, index } of sheets) {
    const read = await checkSpreadsheet(
      file,
      {
        area: areaFor(opts.area, index, files.length),
        period: opts.period,
        areas: asList(opts.area),
        groups: asList(opts.group),
        knownAreas: fromDatastore?.wards ?? [],
      },
      io
    );
    if (read) placed.push({ at, index, tables: read });
    else unreadable = true;
  }
  putInPlace(tables, placed);
  // A group must name areas some input holds, as build requires: never a silent "all areas".
  const groups = resolveGroups(asList(opts.group), tables);
  if (!groups.ok) {
    io.stderr(showControls(`scrutiny-sheets check: ${groups.error.message}\n`));
    return 2;
  }
  const report: CheckReport = {
    tables,
    issues: validateTables(tables),
    // The monthly control-chart flags too, as a build's Checks and Summary show them.
    anomalies: [...findAnomalies(tables), ...monthlyFlags(monthlySources(tables, []), tables, {})],
    unreadable: unreadableTables,
  };
  if (tables.length > 0 || !unreadable || unreadableTables.length > 0) {
    // Written in pieces: the report on a 150,000-row paste would be one string of 500 MB.
    const pieces = opts.json ? jsonChunks(reportJson(report)) : reportLines(report);
    await writeInPieces(pieces, (s) => io.stdout(s));
    if (opts.json) await io.stdout("\n");
  }
  if (unreadable) return 2;
  return report.issues.some((x) => x.severity === "error") ? 1 : 0;
}
