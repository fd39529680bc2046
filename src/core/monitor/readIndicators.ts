// Reads a pasted indicator table (the documented layout, see samples/monitoring/README.md):
//
//   Indicator | Polarity | Target | Tolerance | 2015-16 Q1 | 2015-16 Q2 | …     (or YYYY-MM)
//
// tab-separated (as copied from Excel) or CSV. Title lines may precede the header row,
// which is the first row starting "Indicator". Optional "Unit" column. A row whose
// Polarity cell says "target" gives per-period targets for the indicator above it.
// Bad cells become typed errors naming line and column; all are reported at once.
import Papa from "papaparse";
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

/** Reads an indicator table. `source` names it in messages (a file name or "paste"). */
export function readIndicators(text: string, source = "paste"): ReadIndicatorsResult {
  const rows = splitRows(text);
  if (rows.every(isBlankRow))
    return { ok: false, errors: [{ code: "empty", message: `${source} is empty`, line: 1 }] };
  const headerAt = rows.findIndex((r) => (r.cells[0] ?? "").trim().toLowerCase() === "indicator");
  if (headerAt < 0) {
    const first = rows.find((r) => !isBlankRow(r))!;
    return {
      ok: false,
      errors: [
        {
          code: "no-header",
          message: `${source}: no header row starting "Indicator" (expected Indicator, Polarity, Target, Tolerance, then one column per period)`,
          line: first.line,
          column: 1,
        },
      ],
    };
  }
  const errors: IndicatorReadError[] = [];
  const header = readHeader(rows[headerAt]!, errors);
  if (!header) return { ok: false, errors };
  const ordered = [...header.periods].sort((a, b) => a.period.index - b.period.index);
  const lastCol = Math.max(...header.periods.map((p) => p.col), ...Object.values(header.named));
  const drafts: Draft[] = [];
  const names = new Map<string, number>();

  const figure = (row: Row, col: number, draft: Draft | null): number | null => {
    const cell = row.cells[col] ?? "";
    const parsed = parseFigure(cell);
    if (parsed === undefined) {
      errors.push({
        code: "bad-number",
        message: `Line ${row.line}, column ${col + 1}: "${cell.trim()}" is not a number`,
        line: row.line,
        column: col + 1,
        value: cell.trim(),
      });
      return null;
    }
    if (parsed.unit && draft) draft.printedUnits.add(parsed.unit);
    return parsed.value;
  };

  for (const row of rows.slice(headerAt + 1)) {
    if (isBlankRow(row)) continue;
    const extra = row.cells.findIndex((c, i) => i > lastCol && c.trim() !== "");
    if (extra >= 0) {
      errors.push({
        code: "too-many-cells",
        message: `Line ${row.line}, column ${extra + 1}: "${row.cells[extra]!.trim()}" is beyond the last heading`,
        line: row.line,
        column: extra + 1,
        value: row.cells[extra]!.trim(),
      });
    }
    const cell = (n: Named) =>
      header.named[n] === undefined ? "" : (row.cells[header.named[n]!] ?? "").trim();
    const name = cell("indicator");
    const polarityText = cell("polarity");
    if (polarityText.toLowerCase() === "target") {
      const prev = drafts[drafts.length - 1];
      if (!prev || (name !== "" && name !== prev.indicator.name)) {
        errors.push({
          code: "orphan-target-row",
          message: `Line ${row.line}: a "target" row must follow the indicator it belongs to${name ? ` ("${name}")` : ""}`,
          line: row.line,
          column: (header.named.polarity ?? 0) + 1,
        });
        continue;
      }
      ordered.forEach(({ col }, i) => {
        const v = figure(row, col, prev);
        if (v !== null) prev.indicator.targets[i] = v;
      });
      continue;
    }
    if (name === "") {
      errors.push({
        code: "missing-name",
        message: `Line ${row.line}, column ${(header.named.indicator ?? 0) + 1}: the row has figures but no indicator name`,
        line: row.line,
        column: (header.named.indicator ?? 0) + 1,
      });
      continue;
    }
    if (names.has(name.toLowerCase())) {
      errors.push({
        code: "duplicate-indicator",
        message: `Line ${row.line}: indicator "${name}" already appears on line ${names.get(name.toLowerCase())}`,
        line: row.line,
        column: (header.named.indicator ?? 0) + 1,
        value: name,
      });
      continue;
    }
    names.set(name.toLowerCase(), row.line);
    const polarity = parsePolarity(polarityText);
    const polCol = (header.named.polarity ?? 0) + 1;
    if (!polarity) {
      errors.push({
        code: "bad-polarity",
        message: `Line ${row.line}, column ${polCol}: polarity "${polarityText}" is neither "lower is better" nor "higher is better"`,
        line: row.line,
        column: polCol,
        value: polarityText,
      });
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
    const unitText = cell("unit");
    if (unitText !== "") {
      const unit = parseUnit(unitText);
      const col = header.named.unit! + 1;
      if (unit) {
        draft.indicator.unit = unit;
        draft.unitColumn = true;
      } else
        errors.push({
          code: "bad-unit",
          message: `Line ${row.line}, column ${col}: unit "${unitText}" is not count, percentage or money`,
          line: row.line,
          column: col,
          value: unitText,
        });
    }
    if (header.named.tolerance !== undefined && cell("tolerance") !== "") {
      const col = header.named.tolerance;
      const t = parseFigure(row.cells[col] ?? "");
      if (!t || t.value === null || t.value < 0 || (t.unit !== null && t.unit !== "percentage")) {
        errors.push({
          code: "bad-tolerance",
          message: `Line ${row.line}, column ${col + 1}: tolerance "${cell("tolerance")}" is not a percentage of at least 0`,
          line: row.line,
          column: col + 1,
          value: cell("tolerance"),
        });
      } else draft.indicator.tolerancePct = t.value;
    }
    const target =
      header.named.target === undefined ? null : figure(row, header.named.target, draft);
    draft.indicator.targets = ordered.map(() => target);
    draft.indicator.actuals = ordered.map(({ col }) => figure(row, col, draft));
    drafts.push(draft);
  }

  for (const d of drafts) {
    if (d.unitColumn) continue;
    const units = [...d.printedUnits];
    if (units.length > 1) {
      errors.push({
        code: "mixed-units",
        message: `Line ${d.indicator.line}: indicator "${d.indicator.name}" mixes ${units.join(" and ")} figures`,
        line: d.indicator.line ?? 0,
      });
    } else if (units[0]) d.indicator.unit = units[0];
  }
  for (const d of drafts)
    d.indicator.aggregation = d.indicator.unit === "percentage" ? "average" : "sum";
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
          message: `${source}: the header on line ${header.line} has no indicator rows below it`,
          line: header.line,
        },
      ],
    };
  return { ok: true, indicators: drafts.map((d) => d.indicator) };
}
