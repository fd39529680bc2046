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

/** The first text of a table too long for a cell, with its line (undefined where the table does not say). */
function tooLongIn(t: CrimeTable): [string, number | undefined] | null {
  const long = (text: string | null): text is string =>
    text !== null && text.length > MAX_CELL_TEXT;
  if (long(t.title)) return [t.title, undefined];
  if (long(t.area)) return [t.area, undefined];
  for (const c of t.columns) if (long(c.heading)) return [c.heading, undefined];
  // Every cell of every row: plain loops, as a big paste has hundreds of thousands.
  for (const r of t.rows) {
    if (long(r.category)) return [r.category, r.line];
    if (long(r.subcategory)) return [r.subcategory, r.line];
    for (const key in r.raw) {
      const v = r.raw[key];
      if (v !== undefined && long(v)) return [v, r.line];
    }
  }
  return null;
}

/** The first text of the tables too long for a cell, with its line (found in `grid` when given). */
export function tooLongText(grid: SourceGrid | null, tables: CrimeTable[]): ReadError | null {
  for (const t of tables) {
    const found = tooLongIn(t);
    if (!found) continue;
    const [text, line] = found;
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
