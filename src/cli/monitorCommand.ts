// `scrutiny-sheets monitor FILE... [--json]`: rates performance indicators against their
// targets and prints each one's figures, RAG and direction of travel. Files are indicator
// tables (samples/monitoring/README.md); a file without an "Indicator" header that reads
// as police crime tables gives the measures of those tables instead (all such files
// together, so successive periods of one borough form a series).
import type { CrimeTable } from "../core/model";
import { readPaste } from "../core/read/readPaste";
import { computeMonitoring } from "../core/monitor/computeMonitoring";
import { indicatorsFromTables } from "../core/monitor/indicatorsFromTables";
import type { IndicatorReadError } from "../core/monitor/monitorErrors";
import { readIndicators } from "../core/monitor/readIndicators";
import { roundHalfAway } from "../core/monitor/summariseRag";
import type {
  Indicator,
  IndicatorResult,
  IndicatorUnit,
  MonitoringResult,
} from "../core/monitor/types";
import { reasonOf } from "../app/errors";

export interface MonitorIO {
  readFile(path: string): Promise<string>;
  stdout(s: string): void;
  stderr(s: string): void;
}

interface FileError {
  file: string;
  code: string;
  message: string;
  line?: number;
  column?: number;
}

const baseName = (p: string): string => p.split(/[\\/]/).pop() ?? p;

/** Reads every file; indicator tables directly, crime tables through their measures. */
export async function loadIndicators(
  files: string[],
  io: MonitorIO
): Promise<{ indicators: Indicator[]; errors: FileError[] }> {
  const indicators: Indicator[] = [];
  const tables: CrimeTable[] = [];
  const errors: FileError[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (err) {
      errors.push({
        file,
        code: "unreadable",
        message: `cannot read ${file}: ${reasonOf(err)}`,
      });
      continue;
    }
    const name = baseName(file);
    const read = readIndicators(text, name);
    if (read.ok) {
      indicators.push(...read.indicators);
      continue;
    }
    if (read.errors.length === 1 && read.errors[0]!.code === "no-header") {
      const crime = readPaste(text, { source: name, fileName: name });
      if (crime.ok && crime.tables.length > 0) {
        tables.push(...crime.tables);
        continue;
      }
    }
    errors.push(
      ...read.errors.map((e: IndicatorReadError) => ({
        file,
        code: e.code,
        message: e.message,
        line: e.line,
        column: e.column,
      }))
    );
  }
  if (tables.length > 0) indicators.push(...indicatorsFromTables(tables));
  return { indicators, errors };
}

function formatValue(v: number | null, unit: IndicatorUnit): string {
  if (v === null) return "n/a";
  if (unit === "percentage") return `${roundHalfAway(v, 1).toFixed(1)}%`;
  const n = roundHalfAway(v, unit === "money" ? 0 : Number.isInteger(v) ? 0 : 1);
  const text = Math.abs(n).toLocaleString("en-GB", { maximumFractionDigits: 1 });
  return `${n < 0 ? "-" : ""}${unit === "money" ? "£" : ""}${text}`;
}

const signed = (x: number, text: string) => (x > 0 ? `+${text}` : text);

function describe(r: IndicatorResult): string[] {
  const f = r.fytd;
  const u = r.unit;
  const polarity = r.polarity === "lower-is-better" ? "lower is better" : "higher is better";
  const lines = [`${r.name} (${u}, ${polarity}, tolerance ${r.tolerancePct}%)`];
  if (r.asOf === null) return [...lines, "  no actual figures"];
  // Percentages are off target in points, as a council report says (16.9% against 20.0%:
  // 3.1 points), other units in percent of the target.
  const gap = f.offTargetPoints ?? f.offTargetPct;
  const gapText = (g: number) =>
    `${roundHalfAway(Math.abs(g), 1).toFixed(1)}${f.offTargetPoints === null ? "%" : " points"}`;
  const off = gap === null ? "" : ` (${gapText(gap)} ${gap > 0 ? "worse" : "better"} than target)`;
  lines.push(
    `  ${r.aggregation === "latest" ? "Latest" : "Year to date"} ${f.label}: ${formatValue(f.actual, u)} against target ${formatValue(f.target, u)}${f.target === null ? "" : off}`
  );
  let change = "change n/a";
  if (f.change !== null) {
    const amount =
      u === "percentage"
        ? `${roundHalfAway(f.change, 1).toFixed(1)} pts`
        : formatValue(f.change, u);
    change = `change ${signed(f.change, amount)}${f.changePct === null ? "" : ` (${signed(f.changePct, `${roundHalfAway(f.changePct, 1).toFixed(1)}%`)})`}`;
  }
  lines.push(
    `  Previous corresponding period ${f.previousLabel}: ${formatValue(f.previous, u)}; ${change}`
  );
  lines.push(`  RAG: ${r.rag ?? "no rating"} — ${r.ragReason}`);
  const q = r.quarter;
  lines.push(
    `  Direction of travel: ${q.label} ${formatValue(q.value, u)}; short term vs ${q.previousLabel} ${formatValue(q.previous, u)}: ${r.dotShort}; long term vs ${q.yearAgoLabel} ${formatValue(q.yearAgo, u)}: ${r.dotLong}`
  );
  const c = r.controlChart;
  if (c) {
    const flagged = c.pointLabels.map((l, i) => (l ? `${c.periods[i]} ${l}` : "")).filter(Boolean);
    lines.push(
      `  Control chart (${c.periods.length} months ${c.periods[0]} to ${c.periods[c.periods.length - 1]}): mean ${formatValue(c.limits.mean, u)}, limits ${formatValue(c.limits.lower, u)} to ${formatValue(c.limits.upper, u)}; ${flagged.length === 0 ? "no special-cause signals" : `signals: ${flagged.join("; ")}`}`
    );
  }
  return lines;
}

/** Prints the monitoring of every indicator in `files`; 0 on success, 2 when any file is unreadable or invalid. */
export async function runMonitor(
  files: string[],
  opts: { json?: boolean },
  io: MonitorIO
): Promise<number> {
  const { indicators, errors } = await loadIndicators(files, io);
  if (errors.length > 0) {
    for (const e of errors) io.stderr(`${e.file}: ${e.message}\n`);
    if (opts.json) io.stdout(`${JSON.stringify({ ok: false, errors }, null, 2)}\n`);
    return 2;
  }
  if (indicators.length === 0) {
    io.stderr(`${files.join(", ")}: no indicators found\n`);
    if (opts.json)
      io.stdout(
        `${JSON.stringify({ ok: false, errors: [{ file: files.join(", "), code: "empty", message: "no indicators found" }] }, null, 2)}\n`
      );
    return 2;
  }
  const result: MonitoringResult = computeMonitoring(indicators);
  if (opts.json) {
    io.stdout(`${JSON.stringify({ ok: true, files, ...result }, null, 2)}\n`);
    return 0;
  }
  const out = [result.summary, ""];
  for (const r of result.indicators) out.push(...describe(r), "");
  io.stdout(out.join("\n"));
  return 0;
}
