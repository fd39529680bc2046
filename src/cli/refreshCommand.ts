// `scrutiny-sheets refresh BOOK.xlsx [--add FILE]...`: re-reads the data sheets as the
// user left them, imports the added tables, and rebuilds every generated sheet. Sheets we
// did not generate are never touched and data sheets are never regenerated; a second
// refresh gives the same workbook.
import type { CliIO } from "./io";
import type { CrimeTable } from "../core/model";
import { loadInputs } from "./loadInputs";
import { validateTables } from "../core/validate";
import {
  defaultAnomalyOptions,
  findAnomalies,
  resolveAnomalyOptions,
  type AnomalyOptions,
} from "../core/anomalies";
import {
  buildDefinitions,
  layoutDataSheets,
  layoutGenerated,
  type DataSheetRef,
} from "../layout/layoutWorkbook";
import { readDataSheet } from "../layout/readDataSheet";
import { writeDefinitions, type DataSheetInfo, type SheetDefinition } from "../layout/definitions";
import { readXlsx, type XlsxBook } from "../writers/xlsx/readXlsx";
import { rebuildMonitoringSheet } from "../layout/monitoringSheet";
import type { SheetSpec } from "../layout/spec";
import { writeXlsx } from "../writers/xlsx/writeXlsx";
import { today } from "./buildCommand";

export interface RefreshOptions {
  add?: string[];
}

export async function runRefresh(book: string, opts: RefreshOptions, io: CliIO): Promise<number> {
  let xlsx: XlsxBook;
  try {
    xlsx = await readXlsx(await io.readBytes(book));
  } catch (err) {
    io.stderr(
      `refresh: cannot read ${book}: ${err instanceof Error ? err.message : String(err)}\n`
    );
    return 2;
  }
  const defs = xlsx.definitions;
  if (!defs) {
    io.stderr(
      `refresh: ${book} has no scrutiny-sheets definitions (it was not built by scrutiny-sheets build); nothing written\n`
    );
    return 2;
  }
  const added = await loadInputs(opts.add ?? [], {}, io);
  if (!added.ok) {
    io.stderr(`refresh: ${added.message}; nothing written\n`);
    return 2;
  }

  // Data sheets as they stand.
  const refs: DataSheetRef[] = [];
  const keptDataDefs: SheetDefinition[] = [];
  // Sheets recorded as the user's but not data (a monitoring sheet the add-in built) stay recorded while they exist.
  const keptOtherDefs = defs.sheets.filter(
    (d) => !d.generated && d.role !== "data" && xlsx.sheetValues(d.name) !== null
  );
  for (const d of defs.sheets) {
    if (d.generated || d.role !== "data" || !d.data) continue;
    const values = xlsx.sheetValues(d.name);
    if (values === null) {
      io.stderr(`refresh: data sheet "${d.name}" is no longer in the workbook; left out\n`);
      continue;
    }
    keptDataDefs.push(d);
    const read = readDataSheet(values, d.data, d.name);
    if (!read.ok) {
      io.stderr(`refresh: ${read.error}; its figures are left out of the generated sheets\n`);
      continue;
    }
    const def = d as SheetDefinition & { data: DataSheetInfo };
    refs.push({
      def,
      table: read.table,
      headerRow: read.headerRow,
      columnOf: (c) => read.columnOf.get(c),
    });
  }

  let thresholds: AnomalyOptions;
  try {
    thresholds = resolveAnomalyOptions(pickKnown(defs.thresholds));
  } catch {
    thresholds = { ...defaultAnomalyOptions };
  }
  const newData = layoutDataSheets({
    tables: added.tables,
    existingSheetNames: xlsx.sheetNames,
    existingTableNames: xlsx.tableNames,
    thresholds: { ...thresholds },
    importedOn: today(),
  });
  refs.push(...newData.refs);
  const tables: CrimeTable[] = refs.map((r) => r.table);
  const issues = validateTables(tables);
  const anomalies = findAnomalies(tables, thresholds);
  const gen = layoutGenerated({
    dataSheets: refs,
    issues,
    anomalies,
    groups: defs.groups,
    thresholds: { ...thresholds },
    existingSheetNames: [...xlsx.sheetNames, ...newData.sheets.map((s) => s.name)],
    previousGenerated: defs.sheets.filter((s) => s.generated),
  });
  // Thresholds the core does not know (the add-in's change threshold) are kept as recorded.
  const definitions = buildDefinitions(
    [...keptDataDefs, ...newData.refs.map((r) => r.def)],
    gen.defs,
    defs.groups,
    {
      ...defs.thresholds,
      ...thresholds,
    }
  );
  // Monitoring sheets are rebuilt from the figures the analyst has typed into them.
  const monitoringSheets: SheetSpec[] = [];
  for (const d of keptOtherDefs) {
    const rebuilt =
      d.role === "monitoring" ? rebuildMonitoringSheet(d, xlsx.sheetValues(d.name)) : null;
    definitions.sheets.push(rebuilt?.def ?? d);
    if (rebuilt) monitoringSheets.push(rebuilt.sheet);
  }
  const bytes = await writeXlsx(
    {
      sheets: [
        ...newData.sheets,
        ...gen.sheets,
        ...monitoringSheets,
        writeDefinitions(definitions),
      ],
      removeSheets: gen.removeSheets,
    },
    xlsx.workbook
  );
  try {
    await io.writeFile(book, bytes);
  } catch (err) {
    io.stderr(
      `refresh: cannot write ${book}: ${err instanceof Error ? err.message : String(err)}\n`
    );
    return 2;
  }
  io.stdout(
    `refreshed ${book}: ${refs.length} data sheet(s) read${newData.sheets.length ? `, ${newData.sheets.length} added` : ""}, ` +
      `${gen.sheets.length} generated sheet(s) rebuilt${gen.removeSheets.length ? `, ${gen.removeSheets.length} removed` : ""}\n`
  );
  return 0;
}

/** Only the options the anomalies core knows (a workbook may carry others). */
function pickKnown(t: Record<string, unknown>): Partial<AnomalyOptions> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(defaultAnomalyOptions)) if (k in t) out[k] = t[k];
  return out as Partial<AnomalyOptions>;
}
