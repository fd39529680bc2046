// A long ("tidy") CSV: one row per label and period, the figure in a value column
// (Code, Borough, Year, Value; area_code, area_name, indicator, period, …, value). Laid out
// wide: one row per label, one column per period. Columns that hold one value throughout
// (indicator, measure, unit) name the table; rows whose value is not a figure are reported.

import { parseNumber } from "../parseNumber";
import type { SourceGrid, SourceLine } from "../sourceLines";
import { filledCells } from "../sourceLines";
import type { StructuredRead, StructuredRow, UnreadLine } from "./types";

const VALUE = /^(?:value|count|number|offences|crimes|incidents|total|figure)$/i;
const PERIOD = /^(?:period|year|month|date|financial[ _]year|quarter|fy|time[ _]period)$/i;

interface LongColumns {
  header: SourceLine;
  value: number;
  period: number;
  labels: number[];
  constants: number[];
}

/** The columns of a long CSV, or null when the grid is not one. */
function longColumns(grid: SourceGrid): LongColumns | null {
  const header = grid.lines.find((l) => filledCells(l).length > 0);
  if (!header) return null;
  const heads = header.cells.map((c) => c.trim());
  const value = heads.findIndex((h) => VALUE.test(h));
  const period = heads.findIndex((h) => PERIOD.test(h));
  if (value < 0 || period < 0) return null;
  const body = grid.lines.filter((l) => l.line > header.line && filledCells(l).length > 0);
  if (body.length < 2) return null;
  const others = heads.map((_, j) => j).filter((j) => j !== value && j !== period);
  const constants = others.filter((j) => new Set(body.map((l) => l.cells[j] ?? "")).size === 1);
  const labels = others.filter((j) => !constants.includes(j));
  if (labels.length === 0) return null;
  return { header, value, period, labels, constants };
}

export function readLongCsv(grid: SourceGrid): StructuredRead | null {
  const cols = longColumns(grid);
  if (!cols) return null;
  const heads = cols.header.cells;
  const unread: UnreadLine[] = [];
  const periods: string[] = [];
  const byLabel = new Map<
    string,
    { line: number; labels: string[]; byPeriod: Map<string, string>; also: number[] }
  >();
  for (const l of grid.lines) {
    if (l.line <= cols.header.line || filledCells(l).length === 0) continue;
    const text = l.cells.join(",");
    if (l.cells.length < heads.length) {
      unread.push({
        line: l.line,
        text,
        why: `${l.cells.length} fields where the header has ${heads.length}`,
      });
      continue;
    }
    const printed = l.cells[cols.value] ?? "";
    if (parseNumber(printed).kind !== "number") {
      const what = printed === "" ? "blank" : `"${printed}"`;
      unread.push({ line: l.line, text, why: `its ${heads[cols.value]} is ${what}, not a figure` });
      continue;
    }
    const period = l.cells[cols.period] ?? "";
    const labels = cols.labels.map((j) => l.cells[j] ?? "");
    const key = labels.join("\u0000");
    const entry = byLabel.get(key) ?? {
      line: l.line,
      labels,
      byPeriod: new Map<string, string>(),
      also: [],
    };
    byLabel.set(key, entry);
    if (entry.byPeriod.has(period)) {
      unread.push({
        line: l.line,
        text,
        why: `a second figure for ${labels.join(" ")} in ${period}`,
      });
      continue;
    }
    if (!periods.includes(period)) periods.push(period);
    entry.byPeriod.set(period, printed);
    if (l.line !== entry.line) entry.also.push(l.line);
  }
  const rows: StructuredRow[] = [...byLabel.values()].map((e) => ({
    line: e.line,
    labels: e.labels,
    section: null,
    cells: periods.map((p) => e.byPeriod.get(p) ?? ""),
    totalLabel: false,
    changeRow: false,
    footnotes: [],
    alsoLines: e.also,
  }));
  const first = grid.lines.find((l) => l.line > cols.header.line && filledCells(l).length > 0);
  const title = cols.constants
    .map((j) => first?.cells[j] ?? "")
    .filter((t) => t !== "")
    .join(", ");
  return {
    tables: [
      {
        title: title === "" ? null : title,
        titleLine: null,
        sectionLines: [],
        headerLines: [cols.header.line],
        labelHeadings: cols.labels.map((j) => heads[j] ?? ""),
        columns: periods.map((p) => ({ heading: p, role: "period", footnotes: [] })),
        rows,
        layout: "long-csv",
      },
    ],
    unread: unread.sort((a, b) => a.line - b.line),
  };
}
