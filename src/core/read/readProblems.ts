// What makes tables read from a paste unusable all the same, found after they are read:
// a "Reporting Period Ending" date that does not exist (31 February), or a text longer
// than an Excel cell holds. Each is refused with its line, never passed on silently.
import { readProblemMessages } from "../messages";
import type { CrimeTable, ReadError } from "../model";
import { problem } from "../result";
import { periodLine } from "./findTables";
import { impossibleDate } from "./parseDate";
import type { SourceGrid } from "./sourceLines";

/** Characters an Excel cell holds. */
export const MAX_CELL_TEXT = 32767;

/** The first period line of the grid whose date does not exist. */
function impossiblePeriod(grid: SourceGrid): ReadError | null {
  for (const l of grid.lines) {
    const p = periodLine(l);
    if (p === undefined || p.iso !== null) continue;
    const why = impossibleDate(p.printed);
    if (why !== null)
      return problem("unreadable", readProblemMessages.impossibleDate(p.printed, why), {
        line: l.line,
      });
  }
  return null;
}

/** Every text of a table with the line it is on (undefined where the table does not say). */
function* textsOf(t: CrimeTable): Generator<[string, number | undefined]> {
  if (t.title !== null) yield [t.title, undefined];
  if (t.area !== null) yield [t.area, undefined];
  for (const c of t.columns) yield [c.heading, undefined];
  for (const r of t.rows) {
    yield [r.category, r.line];
    if (r.subcategory !== null) yield [r.subcategory, r.line];
    for (const v of Object.values(r.raw)) yield [v, r.line];
  }
}

/** The first text of the tables too long for a cell, with its line (found in `grid` when given). */
export function tooLongText(grid: SourceGrid | null, tables: CrimeTable[]): ReadError | null {
  for (const t of tables)
    for (const [text, line] of textsOf(t)) {
      if (text.length <= MAX_CELL_TEXT) continue;
      // A title, area or heading: its line is the first that holds it.
      const at = line ?? grid?.lines.find((l) => l.cells.some((c) => c.includes(text)))?.line;
      const message = readProblemMessages.textTooLong(text, MAX_CELL_TEXT);
      return problem("unreadable", message, at === undefined ? {} : { line: at });
    }
  return null;
}

/** Why the tables read from the grid cannot be used, or null when they can. */
export function readProblem(grid: SourceGrid, tables: CrimeTable[]): ReadError | null {
  return impossiblePeriod(grid) ?? tooLongText(grid, tables);
}
