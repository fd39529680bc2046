// Reads a pasted indicator table (the documented layout, see samples/monitoring/README.md):
//
//   Indicator | Polarity | Target | Tolerance | 2015-16 Q1 | 2015-16 Q2 | …     (or YYYY-MM)
//
// tab-separated (as copied from Excel) or CSV. Title lines may precede the header row,
// which is the first row starting "Indicator". Optional "Unit" column. A row whose
// Polarity cell says "target" gives per-period targets for the indicator above it.
// Bad cells become typed errors naming line and column; all are reported at once.
import Papa from "papaparse";
import { maxOf } from "../appendAll";
import { IndicatorReadError } from "./monitorErrors";
import { parsePeriod, Period, PeriodKind, periodLabel } from "./periods";
import type { Indicator, IndicatorUnit, Polarity } from "./types";

export type ReadIndicatorsResult =
  { ok: true; indicators: Indicator[] } | { ok: false; errors: IndicatorReadError[] };

/** Tolerance when the Tolerance cell is blank or the column absent. */
export const DEFAULT_TOLERANCE_PCT = 10;

/** Cells that mean "no figure". */
const ABSENT = new Set(["", "-", "–", "—", "n/a", "na", "..", "*", ":"]);

const NAMED = ["indicator", "polarity", "target", "tolerance", "unit"] as const;
type Named = (typeof NAMED)[number];

interface Row {
  cells: string[];
  line: number;
}

function splitRows(text: string): Row[] {
  const clean = text.replace(/^\uFEFF/, "");
  // The header row decides: title lines above it may hold commas of their own.
  const lines = clean.split(/\r?\n/);
  const headerLine =
    lines.find((l) => /^\s*"?indicator"?\s*[\t,]/i.test(l)) ??
    lines.find((l) => l.trim() !== "") ??
    "";
  const delimiter = headerLine.includes("\t") || !headerLine.includes(",") ? "\t" : ",";
  const rows: Row[] = [];
  let start = 0;
  let line = 1;
  let counted = 0;
  Papa.parse<string[]>(clean, {
    delimiter,
    step: (res) => {
      for (; counted < start; counted++) if (clean.charCodeAt(counted) === 10) line++;
      rows.push({ cells: res.data, line });
      start = res.meta.cursor;
    },
  });
  return rows;
}

const isBlankRow = (r: Row) => r.cells.every((c) => c.trim() === "");

export function parsePolarity(text: string): Polarity | null {
  const t = text.trim().toLowerCase().replace(/[-_]/g, " ").replace(/\s+/g, " ");
  if (
    /^(lower( is better)?|low|down|↓|smaller( is better)?|fewer( is better)?|less( is better)?)$/.test(
      t
    )
  )
    return "lower-is-better";
  if (
    /^(higher( is better)?|high|up|↑|bigger( is better)?|more( is better)?|greater( is better)?)$/.test(
      t
    )
  )
    return "higher-is-better";
  return null;
}

export function parseUnit(text: string): IndicatorUnit | null {
  const t = text.trim().toLowerCase();
  if (["count", "number", "no.", "n"].includes(t)) return "count";
  if (["percentage", "percent", "%", "rate"].includes(t)) return "percentage";
  if (["money", "£", "gbp", "currency", "spend"].includes(t)) return "money";
  return null;
}

/** A printed figure: "1,234", "£1.2m"-free money "£12,500", "18.5%", "(250)". Null when absent; undefined when not a number. */
export function parseFigure(
  text: string
): { value: number | null; unit: IndicatorUnit | null } | undefined {
  let t = text.trim();
  if (ABSENT.has(t.toLowerCase())) return { value: null, unit: null };
  let unit: IndicatorUnit | null = null;
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (t.startsWith("-") || t.startsWith("−")) {
    negative = !negative;
    t = t.slice(1).trim();
  }
  if (t.startsWith("£")) {
    unit = "money";
    t = t.slice(1).trim();
  }
  if (t.endsWith("%")) {
    if (unit) return undefined;
    unit = "percentage";
    t = t.slice(0, -1).trim();
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$/.test(t)) return undefined;
  const value = Number(t.replace(/,/g, ""));
  return { value: negative ? -value : value, unit };
}

interface Header {
  line: number;
  named: Partial<Record<Named, number>>;
  /** Column index → period. */
  periods: { col: number; period: Period }[];
  kind: PeriodKind;
}

function readHeader(row: Row, errors: IndicatorReadError[]): Header | null {
  const named: Partial<Record<Named, number>> = {};
  const periods: { col: number; period: Period }[] = [];
  row.cells.forEach((cell, col) => {
    const h = cell.trim();
    if (h === "") return;
    const name = NAMED.find(
      (n) =>
        h.toLowerCase() === n ||
        (n === "tolerance" && /^tolerance\b/i.test(h)) ||
        (n === "target" && /^target\b/i.test(h))
    );
    if (name && periods.length === 0) {
      named[name] = col;
      return;
    }
    const period = parsePeriod(h);
    if (period) {
      periods.push({ col, period });
      return;
    }
    errors.push({
      code: periods.length > 0 ? "bad-period" : "bad-header",
      message:
        periods.length > 0
          ? `Line ${row.line}, column ${col + 1}: "${h}" is not a period (use YYYY-MM or a financial quarter such as 2016-17 Q1)`
          : `Line ${row.line}, column ${col + 1}: "${h}" is not one of Indicator, Polarity, Target, Tolerance, Unit or a period`,
      line: row.line,
      column: col + 1,
      value: h,
    });
  });
  if (named.polarity === undefined) {
    errors.push({
      code: "bad-header",
      message: `Line ${row.line}: the header has no Polarity column`,
      line: row.line,
    });
  }
  if (periods.length === 0) {
    errors.push({
      code: "bad-header",
      message: `Line ${row.line}: the header has no period columns (YYYY-MM or 2016-17 Q1)`,
      line: row.line,
    });
    return null;
  }
  const kind = periods[0]!.period.kind;
  const seen = new Map<number, number>();
  for (const { col, period } of periods) {
    if (period.kind !== kind) {
      errors.push({
        code: "mixed-periods",
        message: `Line ${row.line}, column ${col + 1}: "${periodLabel(period)}" is a ${period.kind} but the first period column is a ${kind}; use one kind per table`,
        line: row.line,
        column: col + 1,
        value: row.cells[col]?.trim(),
      });
    } else if (seen.has(period.index)) {
      errors.push({
        code: "duplicate-period",
        message: `Line ${row.line}, column ${col + 1}: period ${periodLabel(period)} repeats column ${seen.get(period.index)! + 1}`,
        line: row.line,
        column: col + 1,
        value: row.cells[col]?.trim(),
      });
    } else seen.set(period.index, col);
  }
  return { line: row.line, named, periods: periods.filter((p) => p.period.kind === kind), kind };
}

interface Draft {
  indicator: Indicator;
  /** Units the printed figures showed, to infer the unit when there is no Unit column. */
  printedUnits: Set<IndicatorUnit>;
  unitColumn: boolean;
}

/** What reading the rows below the header shares: the header and what is read so far. */
interface Reading {
  source: string;
  header: Header;
  /** The period columns in period order: the order of each indicator's figures. */
  ordered: Header["periods"];
  /** The last column with a heading; a figure beyond it is an error. */
  lastCol: number;
  drafts: Draft[];
  /** Lower-cased indicator name → the line it first appears on. */
  names: Map<string, number>;
  errors: IndicatorReadError[];
}

/** An error about one cell: "Line 4, column 2: …" (`column` 1-based). */
function cellError(
  code: IndicatorReadError["code"],
  row: Row,
  column: number,
  what: string,
  value?: string
): IndicatorReadError {
  return {
    code,
    message: `Line ${row.line}, column ${column}: ${what}`,
    line: row.line,
    column,
    ...(value === undefined ? {} : { value }),
  };
}

/** Why there is no table to read (blank text, or no header row), or null when there is. */
function missingTable(rows: Row[], headerAt: number, source: string): IndicatorReadError | null {
  if (rows.every(isBlankRow)) return { code: "empty", message: `${source} is empty`, line: 1 };
  if (headerAt >= 0) return null;
  const first = rows.find((r) => !isBlankRow(r))!;
  return {
    code: "no-header",
    message: `${source}: no header row starting "Indicator" (expected Indicator, Polarity, Target, Tolerance, then one column per period)`,
    line: first.line,
    column: 1,
  };
}

/** A figure cell's value (null when absent or not a number, which is reported). */
function figure(reading: Reading, row: Row, col: number, draft: Draft | null): number | null {
  const cell = row.cells[col] ?? "";
  const parsed = parseFigure(cell);
  if (parsed === undefined) {
    const text = cell.trim();
    reading.errors.push(cellError("bad-number", row, col + 1, `"${text}" is not a number`, text));
    return null;
  }
  if (parsed.unit && draft) draft.printedUnits.add(parsed.unit);
  return parsed.value;
}

/** One row below the header: a "target" row for the indicator above, or an indicator. */
function readRow(reading: Reading, row: Row): void {
  const { header } = reading;
  const extra = row.cells.findIndex((c, i) => i > reading.lastCol && c.trim() !== "");
  if (extra >= 0) {
    const text = row.cells[extra]!.trim();
    reading.errors.push(
      cellError("too-many-cells", row, extra + 1, `"${text}" is beyond the last heading`, text)
    );
  }
  const cell = (n: Named) =>
    header.named[n] === undefined ? "" : (row.cells[header.named[n]!] ?? "").trim();
  if (cell("polarity").toLowerCase() === "target") readTargetRow(reading, row, cell("indicator"));
  else readIndicatorRow(reading, row, cell);
}

/** Per-period targets for the indicator on the row above (`name` blank or the same). */
function readTargetRow(reading: Reading, row: Row, name: string): void {
  const prev = reading.drafts[reading.drafts.length - 1];
  if (!prev || (name !== "" && name !== prev.indicator.name)) {
    reading.errors.push({
      code: "orphan-target-row",
      message: `Line ${row.line}: a "target" row must follow the indicator it belongs to${name ? ` ("${name}")` : ""}`,
      line: row.line,
      column: (reading.header.named.polarity ?? 0) + 1,
    });
    return;
  }
  reading.ordered.forEach(({ col }, i) => {
    const v = figure(reading, row, col, prev);
    if (v !== null) prev.indicator.targets[i] = v;
  });
}

/** Whether the row's indicator name is usable: present and not seen before (else reported). */
function nameAccepted(reading: Reading, row: Row, name: string): boolean {
  const column = (reading.header.named.indicator ?? 0) + 1;
  const key = name.toLowerCase();
  if (name === "") {
    reading.errors.push(
      cellError("missing-name", row, column, "the row has figures but no indicator name")
    );
    return false;
  }
  if (reading.names.has(key)) {
    reading.errors.push({
      code: "duplicate-indicator",
      message: `Line ${row.line}: indicator "${name}" already appears on line ${reading.names.get(key)}`,
      line: row.line,
      column,
      value: name,
    });
    return false;
  }
  reading.names.set(key, row.line);
  return true;
}

/** An indicator row: name, polarity, unit and tolerance, then its target and actuals. */
function readIndicatorRow(reading: Reading, row: Row, cell: (n: Named) => string): void {
  const { header, ordered, source } = reading;
  const name = cell("indicator");
  if (!nameAccepted(reading, row, name)) return;
  const polarityText = cell("polarity");
  const polarity = parsePolarity(polarityText);
  if (!polarity) {
    const what = `polarity "${polarityText}" is neither "lower is better" nor "higher is better"`;
    const column = (header.named.polarity ?? 0) + 1;
    reading.errors.push(cellError("bad-polarity", row, column, what, polarityText));
  }
  const draft: Draft = {
    indicator: {
      name,
      unit: "count",
      polarity: polarity ?? "lower-is-better",
      tolerancePct: DEFAULT_TOLERANCE_PCT,
      periodKind: header.kind,
      periods: ordered.map((p) => periodLabel(p.period)),
      actuals: [],
      targets: [],
      aggregation: "sum",
      source,
      line: row.line,
    },
    printedUnits: new Set(),
    unitColumn: false,
  };
  readUnit(reading, row, cell("unit"), draft);
  readTolerance(reading, row, cell("tolerance"), draft);
  const target =
    header.named.target === undefined ? null : figure(reading, row, header.named.target, draft);
  draft.indicator.targets = ordered.map(() => target);
  draft.indicator.actuals = ordered.map(({ col }) => figure(reading, row, col, draft));
  reading.drafts.push(draft);
}

/** The Unit cell, when there is one: it fixes the unit (else the printed figures suggest it). */
function readUnit(reading: Reading, row: Row, unitText: string, draft: Draft): void {
  if (unitText === "") return;
  const unit = parseUnit(unitText);
  if (unit) {
    draft.indicator.unit = unit;
    draft.unitColumn = true;
    return;
  }
  const what = `unit "${unitText}" is not count, percentage or money`;
  reading.errors.push(cellError("bad-unit", row, reading.header.named.unit! + 1, what, unitText));
}

/** The Tolerance cell, when there is one: a percentage of at least 0. */
function readTolerance(reading: Reading, row: Row, text: string, draft: Draft): void {
  const col = reading.header.named.tolerance;
  if (col === undefined || text === "") return;
  const t = parseFigure(row.cells[col] ?? "");
  if (!t || t.value === null || t.value < 0 || (t.unit !== null && t.unit !== "percentage")) {
    const what = `tolerance "${text}" is not a percentage of at least 0`;
    reading.errors.push(cellError("bad-tolerance", row, col + 1, what, text));
  } else draft.indicator.tolerancePct = t.value;
}

/** Without a Unit column the printed figures give the unit (one kind only); the unit gives the aggregation. */
function settleUnits(reading: Reading): void {
  for (const d of reading.drafts) {
    if (d.unitColumn) continue;
    const units = [...d.printedUnits];
    if (units.length > 1) {
      reading.errors.push({
        code: "mixed-units",
        message: `Line ${d.indicator.line}: indicator "${d.indicator.name}" mixes ${units.join(" and ")} figures`,
        line: d.indicator.line ?? 0,
      });
    } else if (units[0]) d.indicator.unit = units[0];
  }
  for (const d of reading.drafts)
    d.indicator.aggregation = d.indicator.unit === "percentage" ? "average" : "sum";
}

/** The indicators, or every error in source order, or "empty" when no row was read. */
function outcome(reading: Reading): ReadIndicatorsResult {
  const { errors, drafts, header } = reading;
  if (errors.length > 0)
    return {
      ok: false,
      errors: errors.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0)),
    };
  if (drafts.length === 0)
    return {
      ok: false,
      errors: [
        {
          code: "empty",
          message: `${reading.source}: the header on line ${header.line} has no indicator rows below it`,
          line: header.line,
        },
      ],
    };
  return { ok: true, indicators: drafts.map((d) => d.indicator) };
}

/** Reads an indicator table. `source` names it in messages (a file name or "paste"). */
export function readIndicators(text: string, source = "paste"): ReadIndicatorsResult {
  const rows = splitRows(text);
  const headerAt = rows.findIndex((r) => (r.cells[0] ?? "").trim().toLowerCase() === "indicator");
  const missing = missingTable(rows, headerAt, source);
  if (missing) return { ok: false, errors: [missing] };
  const errors: IndicatorReadError[] = [];
  const header = readHeader(rows[headerAt]!, errors);
  if (!header) return { ok: false, errors };
  const reading: Reading = {
    source,
    header,
    ordered: [...header.periods].sort((a, b) => a.period.index - b.period.index),
    lastCol: Math.max(maxOf(header.periods.map((p) => p.col)), maxOf(Object.values(header.named))),
    drafts: [],
    names: new Map(),
    errors,
  };
  for (const row of rows.slice(headerAt + 1)) if (!isBlankRow(row)) readRow(reading, row);
  settleUnits(reading);
  return outcome(reading);
}
