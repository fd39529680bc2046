// `scrutiny-sheets build FILE... --out BOOK.xlsx [--force] [--area NAME] [--period YYYY-MM] [--group SPEC]...`
// An existing BOOK.xlsx is replaced only if we built it, or with --force (outputGuard).
// Reads every input first (nothing is written when one is unreadable: exit 2), validates
// and flags the tables (issues go to the Checks sheet and do not stop the build), lays
// the workbook out and writes it.
import type { CliIO } from "./io";
import { loadInputs, resolveGroups } from "./loadInputs";
import { buildWorkbook } from "../app/useCases";
import { today } from "../app/today";
import { fitsTheWriter, writeBook } from "./writeBook";
import { loadIndicators } from "./monitorCommand";
import { refuseOutput } from "./outputGuard";

export interface BuildOptions {
  out: string;
  area?: string | string[];
  period?: string;
  group?: string[];
  monitor?: string[];
  /** Replace an existing --out file that is not a workbook we built. */
  force?: boolean;
  /** PDFs: the pages to search ("7-84"). */
  pages?: string;
}

export async function runBuild(files: string[], opts: BuildOptions, io: CliIO): Promise<number> {
  if (files.length === 0) {
    io.stderr("build: give at least one input file\n");
    return 2;
  }
  const refused = await refuseOutput(
    opts.out,
    [...files, ...(opts.monitor ?? [])],
    !!opts.force,
    io
  );
  if (refused) {
    io.stderr(`build: ${refused}; nothing written\n`);
    return 2;
  }
  const loaded = await loadInputs(files, opts, io);
  if (!loaded.ok) {
    io.stderr(`build: ${loaded.error.message}; nothing written\n`);
    return 2;
  }
  if (!fitsTheWriter("build", loaded.tables, io)) return 2;
  const groups = resolveGroups(opts.group ?? [], loaded.tables);
  if (!groups.ok) {
    io.stderr(`build: ${groups.error.message}; nothing written\n`);
    return 2;
  }
  const monitorFiles = opts.monitor ?? [];
  const monitoring = monitorFiles.length > 0 ? await loadIndicators(monitorFiles, io) : null;
  if (monitoring && monitoring.errors.length > 0) {
    for (const e of monitoring.errors) io.stderr(`build: ${e.file}: ${e.message}\n`);
    io.stderr("build: nothing written\n");
    return 2;
  }
  const plan = buildWorkbook(loaded.tables, groups.groups, monitoring?.indicators, today());
  const { spec } = plan;
  if (!(await writeBook("build", spec, opts.out, io))) return 2;
  const count = (role: string) => spec.sheets.filter((s) => s.role === role).length;
  io.stdout(
    `wrote ${opts.out}: ${count("data")} data sheet(s), ${count("comparison")} comparison(s), ${count("trend")} trend(s), ${count("monitoring")} monitoring, ` +
      `Checks with ${plan.checks.issues} issue(s) and ${plan.checks.anomalies} flag(s)` +
      `${count("summary") ? ", and the Summary it opens on" : ""}\n`
  );
  return 0;
}
