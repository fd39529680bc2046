// `scrutiny-sheets build FILE... --out BOOK.xlsx [--area NAME] [--period YYYY-MM] [--group SPEC]...`
// Reads every input first (nothing is written when one is unreadable: exit 2), validates
// and flags the tables (issues go to the Checks sheet and do not stop the build), lays
// the workbook out and writes it.
import type { CliIO } from "./io";
import { loadInputs, resolveGroups } from "./loadInputs";
import { validateTables } from "../core/validate";
import { defaultAnomalyOptions, findAnomalies } from "../core/anomalies";
import { layoutWorkbook } from "../layout/layoutWorkbook";
import { writeXlsx } from "../writers/xlsx/writeXlsx";
import { writeDefinitions } from "../layout/definitions";
import { planMonitoringSheet } from "../layout/monitoringSheet";
import { loadIndicators } from "./monitorCommand";

export interface BuildOptions {
  out: string;
  area?: string | string[];
  period?: string;
  group?: string[];
  monitor?: string[];
}

/** Today as YYYY-MM-DD (the "Imported" date of new data sheets). */
export const today = (): string => new Date().toISOString().slice(0, 10);

export async function runBuild(files: string[], opts: BuildOptions, io: CliIO): Promise<number> {
  if (files.length === 0) {
    io.stderr("build: give at least one input file\n");
    return 2;
  }
  const loaded = await loadInputs(files, opts, io);
  if (!loaded.ok) {
    io.stderr(`build: ${loaded.message}; nothing written\n`);
    return 2;
  }
  const groups = resolveGroups(opts.group ?? [], loaded.tables);
  if (!groups.ok) {
    io.stderr(`build: ${groups.message}; nothing written\n`);
    return 2;
  }
  const monitorFiles = opts.monitor ?? [];
  const monitoring = monitorFiles.length > 0 ? await loadIndicators(monitorFiles, io) : null;
  if (monitoring && monitoring.errors.length > 0) {
    for (const e of monitoring.errors) io.stderr(`build: ${e.file}: ${e.message}\n`);
    io.stderr("build: nothing written\n");
    return 2;
  }
  const { tables } = loaded;
  const thresholds = { ...defaultAnomalyOptions };
  const issues = validateTables(tables);
  const anomalies = findAnomalies(tables, thresholds);
  const { spec, definitions } = layoutWorkbook({
    tables,
    issues,
    anomalies,
    groups: groups.groups,
    thresholds,
    existingSheetNames: [],
    importedOn: today(),
  });
  if (monitoring) {
    const planned = planMonitoringSheet(
      monitoring.indicators,
      {},
      spec.sheets.map((s) => s.name)
    );
    definitions.sheets.push(planned.def);
    // The monitoring sheet goes before the definitions sheet, which is rewritten to record it.
    spec.sheets = [
      ...spec.sheets.filter((s) => s.role !== "definitions"),
      planned.sheet,
      writeDefinitions(definitions),
    ];
  }
  const bytes = await writeXlsx(spec);
  try {
    await io.writeFile(opts.out, bytes);
  } catch (err) {
    io.stderr(
      `build: cannot write ${opts.out}: ${err instanceof Error ? err.message : String(err)}\n`
    );
    return 2;
  }
  const count = (role: string) => spec.sheets.filter((s) => s.role === role).length;
  io.stdout(
    `wrote ${opts.out}: ${count("data")} data sheet(s), ${count("comparison")} comparison(s), ${count("trend")} trend(s), ${count("monitoring")} monitoring, ` +
      `Checks with ${issues.length} issue(s) and ${anomalies.length} flag(s)\n`
  );
  return 0;
}
