// Read a London Datastore recorded-crime CSV (borough or ward level, any of its layouts)
// into a DatastoreFile. All or nothing: a bad header, a truncated row or a cell that is
// not a count gives a typed error with its line, and no partial file.
import Papa from "papaparse";
import type { ReadError } from "../model";
import { areaKey, canonicalArea, isBorough } from "../areas";
import type {
  DatastoreArea,
  DatastoreCategory,
  DatastoreFile,
  DatastoreMajor,
  DatastoreWards,
} from "./types";
import {
  datastoreDelimiter,
  recogniseLayout,
  trimHeaders,
  type RecognisedLayout,
} from "./recogniseLayout";
import { monthNumber } from "./months";

export type ReadDatastoreResult =
  { ok: true; file: DatastoreFile } | { ok: false; error: ReadError };

/** Thrown inside the parse loop to stop at the first bad row; never escapes this module. */
class StopRead extends Error {
  constructor(readonly error: ReadError) {
    super(error.message);
  }
}

interface Cell {
  line: number;
  counts: Float64Array;
}

interface TempCategory {
  major: string;
  minor: string;
  line: number;
}

const textKey = (s: string): string => s.toLowerCase().replace(/\s+/g, " ").trim();

/** A cell of plain digits (spaces around allowed) as a number, else -1. Hot loop: no regex. */
function parseCount(cell: string): number {
  let i = 0;
  let end = cell.length;
  while (i < end && cell.charCodeAt(i) === 32) i++;
  while (end > i && cell.charCodeAt(end - 1) === 32) end--;
  if (i === end || end - i > 15) return -1;
  let value = 0;
  for (; i < end; i++) {
    const d = cell.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Accumulates rows; knows the layout, the month positions and what was seen so far. */
class Builder {
  readonly headers: string[];
  readonly rec: RecognisedLayout;
  readonly months: string[];
  /** For each month column (in rec.monthColumns order), its index in `months`. */
  readonly monthIndex: number[];
  readonly areas: DatastoreArea[] = [];
  readonly areaIndex = new Map<string, number>();
  /** Look-up caches by the exact text of the file, before the looser keys. */
  readonly areaByFileName = new Map<string, number>();
  readonly categoryByText = new Map<string, number>();
  readonly categories: TempCategory[] = [];
  readonly majorOrder: { key: string; name: string; minors: number[] }[] = [];
  readonly majorIndex = new Map<string, number>();
  readonly categoryIndex = new Map<string, number>();
  readonly cells = new Map<string, Cell>();
  /** Ward-level files: each ward's own counts by "ward|category", and the wards in file order. */
  readonly wardCells = new Map<string, Cell>();
  readonly wards: { name: string; code: string; area: number; line: number }[] = [];
  readonly wardIndex = new Map<string, number>();

  constructor(
    readonly source: string,
    headers: string[],
    rec: RecognisedLayout,
    headerLine: number
  ) {
    this.headers = headers;
    this.rec = rec;
    const sorted = rec.monthColumns.map((m) => m.month).sort();
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const cur = sorted[i]!;
      if (cur === prev) this.stop("unknown-layout", headerLine, `month ${cur} has two columns`);
      if (monthNumber(cur) !== monthNumber(prev) + 1) {
        this.stop(
          "unknown-layout",
          headerLine,
          `the month columns skip from ${prev} to ${cur}; a Datastore file holds consecutive months`
        );
      }
    }
    this.months = sorted;
    const position = new Map(sorted.map((m, i) => [m, i]));
    this.monthIndex = rec.monthColumns.map((m) => position.get(m.month)!);
  }

  stop(code: ReadError["code"], line: number, detail: string, column?: number): never {
    const where =
      column === undefined
        ? `line ${line}`
        : `line ${line}, column ${column + 1} ("${this.headers[column] ?? ""}")`;
    throw new StopRead({
      code,
      line,
      ...(column === undefined ? {} : { column: column + 1 }),
      message: `${this.source}, ${where}: ${detail}`,
    });
  }

  text(row: string[], column: number, line: number): string {
    const value = (row[column] ?? "").trim();
    if (value === "") this.stop("unreadable", line, "the cell is empty", column);
    return value;
  }

  addRow(row: string[], line: number): void {
    const n = this.headers.length;
    if (row.length < n) {
      const last = this.headers[row.length - 1] ?? "";
      this.stop(
        "truncated-row",
        line,
        `the row is truncated: it has ${row.length} of the ${n} columns (it stops at "${last}")`
      );
    }
    for (let c = n; c < row.length; c++) {
      if ((row[c] ?? "").trim() !== "")
        this.stop("unreadable", line, `the row has ${row.length} columns; the header has ${n}`);
    }
    const { rec } = this;
    const major = this.text(row, rec.major, line);
    const minor = this.text(row, rec.minor, line);
    const areaName = this.text(row, rec.area, line);

    const counts = new Float64Array(this.months.length);
    const monthColumns = rec.monthColumns;
    for (let i = 0; i < monthColumns.length; i++) {
      const column = monthColumns[i]!.column;
      const cell = row[column] ?? "";
      let value = parseCount(cell);
      if (value < 0) {
        const raw = cell.trim();
        if (/^\d{1,3}(,\d{3})+$/.test(raw)) value = Number(raw.replace(/,/g, ""));
        else
          this.stop(
            "unreadable",
            line,
            raw === "" ? "the count is empty" : `"${raw}" is not a count`,
            column
          );
      }
      counts[this.monthIndex[i]!] = value;
    }

    const a = this.area(areaName, line);
    const c = this.category(major, minor, line);
    const key = `${a}|${c}`;
    if (rec.layout.level === "ward") this.addWardRow(row, a, c, counts, line);
    const cell = this.cells.get(key);
    if (cell === undefined) {
      this.cells.set(key, { line, counts });
    } else if (rec.layout.level === "ward") {
      for (let i = 0; i < counts.length; i++) cell.counts[i]! += counts[i]!;
    } else {
      this.stop(
        "unreadable",
        line,
        `the row repeats line ${cell.line} (${areaName}, ${major} / ${minor})`
      );
    }
  }

  /** A ward row's own counts; a row with neither ward code nor name counts for its borough only. */
  addWardRow(row: string[], a: number, c: number, counts: Float64Array, line: number): void {
    const { rec } = this;
    const code = (row[rec.wardCode] ?? "").trim();
    const name = (row[rec.wardName] ?? "").trim();
    const ward = code || name;
    if (ward === "") return;
    const id = `${a}|${textKey(ward)}`;
    let w = this.wardIndex.get(id);
    if (w === undefined) {
      w = this.wards.length;
      this.wards.push({ name: name || code, code, area: a, line });
      this.wardIndex.set(id, w);
    }
    const key = `${w}|${c}`;
    const seen = this.wardCells.get(key);
    if (seen !== undefined) {
      const cat = this.categories[c]!;
      this.stop(
        "unreadable",
        line,
        `the row repeats line ${seen.line} (${ward}, ${cat.major} / ${cat.minor})`
      );
    }
    // A copy: the borough's cell sums its wards' rows into the array it holds.
    this.wardCells.set(key, { line, counts: Float64Array.from(counts) });
  }

  area(fileName: string, line: number): number {
    const seen = this.areaByFileName.get(fileName);
    if (seen !== undefined) return seen;
    const name = canonicalArea(fileName) ?? fileName;
    const key = areaKey(name);
    let index = this.areaIndex.get(key);
    if (index === undefined) {
      index = this.areas.length;
      this.areas.push({ name, fileName, isBorough: isBorough(name), line });
      this.areaIndex.set(key, index);
    }
    this.areaByFileName.set(fileName, index);
    return index;
  }

  category(major: string, minor: string, line: number): number {
    const exact = `${major}\u0000${minor}`;
    const seen = this.categoryByText.get(exact);
    if (seen !== undefined) return seen;
    const majorKey = textKey(major);
    const key = `${majorKey}|${textKey(minor)}`;
    let index = this.categoryIndex.get(key);
    if (index === undefined) {
      index = this.categories.length;
      this.categories.push({ major, minor, line });
      this.categoryIndex.set(key, index);
      let m = this.majorIndex.get(majorKey);
      if (m === undefined) {
        m = this.majorOrder.length;
        this.majorOrder.push({ key: majorKey, name: major, minors: [] });
        this.majorIndex.set(majorKey, m);
      }
      this.majorOrder[m]!.minors.push(index);
    }
    this.categoryByText.set(exact, index);
    return index;
  }

  finish(): DatastoreFile {
    // Final category order: majors as first seen, each with its minors as first seen.
    const order = this.majorOrder.flatMap((m) => m.minors);
    const finalIndex = new Int32Array(order.length);
    order.forEach((temp, i) => (finalIndex[temp] = i));
    const categories: DatastoreCategory[] = order.map((temp) => ({ ...this.categories[temp]! }));
    let next = 0;
    const majors: DatastoreMajor[] = this.majorOrder.map((m) => ({
      name: m.name,
      categories: m.minors.map(() => next++),
    }));

    const counts = prefixBlocks(this.cells, this.areas.length, finalIndex, this.months.length);
    return {
      source: this.source,
      layout: this.rec.layout,
      months: this.months,
      areas: this.areas,
      categories,
      majors,
      ...counts,
      ...(this.rec.layout.level === "ward" ? { wards: this.finishWards(finalIndex) } : {}),
    };
  }

  finishWards(finalIndex: Int32Array): DatastoreWards {
    const counts = prefixBlocks(this.wardCells, this.wards.length, finalIndex, this.months.length);
    // A name two boroughs share (or a borough's own name) is told apart by its borough.
    const uses = new Map<string, number>();
    for (const w of this.wards) uses.set(areaKey(w.name), (uses.get(areaKey(w.name)) ?? 0) + 1);
    const areaKeys = new Set(this.areas.map((a) => areaKey(a.name)));
    const wards = this.wards.map((w) => {
      const key = areaKey(w.name);
      const shared = (uses.get(key) ?? 0) > 1 || areaKeys.has(key);
      const label = shared ? `${w.name} (${this.areas[w.area]!.name})` : w.name;
      return { label, name: w.name, code: w.code, area: w.area, line: w.line };
    });
    return { wards, ...counts };
  }
}

/**
 * Prefix sums of each (area, category) cell, keyed "area|temporary category"; categories
 * renumbered by finalIndex. Blocks in the order the cells were first met.
 */
function prefixBlocks(
  cells: Map<string, Cell>,
  nAreas: number,
  finalIndex: Int32Array,
  nMonths: number
): { cellBlock: Int32Array; cellLine: Int32Array; prefix: Float64Array } {
  const nCat = finalIndex.length;
  const width = nMonths + 1;
  const cellBlock = new Int32Array(nAreas * nCat).fill(-1);
  const cellLine = new Int32Array(nAreas * nCat);
  const prefix = new Float64Array(cells.size * width);
  let block = 0;
  for (const [key, cell] of cells) {
    const bar = key.indexOf("|");
    const a = Number(key.slice(0, bar));
    const c = finalIndex[Number(key.slice(bar + 1))]!;
    cellBlock[a * nCat + c] = block;
    cellLine[a * nCat + c] = cell.line;
    const base = block * width;
    for (let i = 0; i < cell.counts.length; i++)
      prefix[base + i + 1] = prefix[base + i]! + cell.counts[i]!;
    block++;
  }
  return { cellBlock, cellLine, prefix };
}

/** Read a Datastore CSV. `source` names the file in messages and in the tables made from it. */
export function readDatastore(text: string, source: string): ReadDatastoreResult {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "")
    return { ok: false, error: { code: "empty", message: `${source} is empty` } };
  let builder = null as Builder | null;
  let error = null as ReadError | null;
  let cursor = 0;
  let nextLine = 1;
  try {
    Papa.parse<string[]>(body, {
      delimiter: datastoreDelimiter(body) ?? ",",
      step: (result, parser) => {
        // Lines are counted from the cursor because quoted fields may hold line breaks.
        const line = nextLine;
        const end = result.meta.cursor;
        for (let i = body.indexOf("\n", cursor); i >= 0 && i < end; i = body.indexOf("\n", i + 1))
          nextLine++;
        cursor = end;
        if (error !== null) return;
        try {
          const row = result.data;
          const firstError = result.errors[0];
          if (firstError !== undefined) {
            const truncated = firstError.code === "MissingQuotes";
            throw new StopRead({
              code: truncated ? "truncated-row" : "unreadable",
              line,
              message: truncated
                ? `${source}, line ${line}: a quoted cell is never closed (the file looks cut off)`
                : `${source}, line ${line}: ${firstError.message}`,
            });
          }
          if (row.length === 1 && (row[0] ?? "").trim() === "") return; // blank line
          if (builder === null) {
            const headers = trimHeaders(row);
            const recognised = recogniseLayout(headers, line);
            if (!recognised.ok) {
              throw new StopRead({
                ...recognised.error,
                message: `${source}: ${recognised.error.message}`,
              });
            }
            builder = new Builder(source, headers, recognised.recognised, line);
          } else {
            builder.addRow(row, line);
          }
        } catch (e) {
          if (!(e instanceof StopRead)) throw e;
          error = e.error;
          parser.abort();
        }
      },
    });
  } catch (e) {
    return {
      ok: false,
      error: {
        code: "unreadable",
        message: `${source}: ${e instanceof Error ? e.message : String(e)}`,
      },
    };
  }
  if (error !== null) return { ok: false, error };
  if (builder === null)
    return { ok: false, error: { code: "empty", message: `${source} is empty` } };
  const done: Builder = builder;
  if (done.cells.size === 0)
    return {
      ok: false,
      error: { code: "no-table", message: `${source} has a header but no rows` },
    };
  return { ok: true, file: done.finish() };
}
