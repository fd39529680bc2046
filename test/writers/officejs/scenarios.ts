// Workbook specs built by the real layouts from the sample tables, for the Office.js
// writer's tests and benchmark: an import of one pasted table, and the generated sheets
// (comparisons, trends, checks) for 2 and for 33 areas over two periods.
import type { CrimeTable } from "../../../src/core/model";
import { validateTables } from "../../../src/core/validate";
import { findAnomalies } from "../../../src/core/anomalies";
import {
  buildDefinitions,
  layoutDataSheets,
  layoutGenerated,
  type DataSheetRef,
} from "../../../src/layout/layoutWorkbook";
import type { Group } from "../../../src/core/groups";
import { writeDefinitions, type Definitions } from "../../../src/layout/definitions";
import type { WorkbookSpec } from "../../../src/layout/spec";
import { readFileSync } from "fs";
import path from "path";
import { readDatastore, r12Tables } from "../../../src/core/datastore";
import { readPaste } from "../../../src/core/read";
import { SAMPLES, sampleTables } from "../../support/samples";

export const IMPORTED_ON = "2026-11-22";
const thresholds = {};

export interface DataStage {
  spec: WorkbookSpec;
  refs: DataSheetRef[];
  definitions: Definitions;
}

/** Data sheets for `tables` (and the definitions listing them), beside the sheets already there. */
export function dataStage(
  tables: CrimeTable[],
  existingSheetNames: string[],
  previous?: Definitions
): DataStage {
  const data = layoutDataSheets({
    tables,
    existingSheetNames,
    thresholds,
    importedOn: IMPORTED_ON,
  });
  const definitions = buildDefinitions(
    [...(previous?.sheets.filter((s) => !s.generated) ?? []), ...data.refs.map((r) => r.def)],
    previous?.sheets.filter((s) => s.generated) ?? [],
    previous?.groups ?? [],
    thresholds
  );
  return {
    spec: { sheets: [...data.sheets, writeDefinitions(definitions)] },
    refs: data.refs,
    definitions,
  };
}

/** Every generated sheet from the data sheets, and the definitions, as Compare or Refresh builds them. */
export function generatedStage(
  refs: DataSheetRef[],
  existingSheetNames: string[],
  previous: Definitions,
  groups: Group[] = []
): { spec: WorkbookSpec; definitions: Definitions } {
  const tables = refs.map((r) => r.table);
  const gen = layoutGenerated({
    dataSheets: refs,
    issues: validateTables(tables),
    anomalies: findAnomalies(tables),
    groups,
    thresholds,
    existingSheetNames,
    previousGenerated: previous.sheets.filter((s) => s.generated),
  });
  const definitions = buildDefinitions(
    previous.sheets.filter((s) => !s.generated),
    gen.defs,
    groups,
    thresholds
  );
  return {
    spec: {
      sheets: [...gen.sheets, writeDefinitions(definitions)],
      removeSheets: gen.removeSheets,
    },
    definitions,
  };
}

/** An import as the task pane does it: new data sheets, then every generated sheet rebuilt. */
export function importSpec(
  tables: CrimeTable[],
  existingSheetNames: string[],
  previous?: Definitions,
  earlierRefs: DataSheetRef[] = []
): { spec: WorkbookSpec; definitions: Definitions; refs: DataSheetRef[] } {
  const data = dataStage(tables, existingSheetNames, previous);
  const refs = [...earlierRefs, ...data.refs];
  const names = [...existingSheetNames, ...data.refs.map((r) => r.def.name)];
  const gen = generatedStage(refs, names, data.definitions);
  const dataSheets = data.spec.sheets.filter((s) => s.role !== "definitions");
  return {
    spec: { sheets: [...dataSheets, ...gen.spec.sheets], removeSheets: gen.spec.removeSheets },
    definitions: gen.definitions,
    refs,
  };
}

export const mertonAugust = (): CrimeTable[] => sampleTables("merton-2017-08-01.txt");
export const mertonJuly = (): CrimeTable[] => sampleTables("merton-2017-07-02.txt");

export const AIRPORTS = "London Heathrow and London City Airports";

const DATASTORE_2022 = path.join(
  SAMPLES,
  "datastore/mps-borough-level-crime-2010-04-to-2022-01.csv"
);
let file2022: ReturnType<typeof readDatastore> | null = null;

/** R12 tables of the first `n` of the 33 areas (32 boroughs, then the airports) of the 2010-2022 Datastore file, for two end months. */
export function datastoreAreas(n: number, periods = ["2021-12", "2022-01"]): CrimeTable[] {
  file2022 ??= readDatastore(readFileSync(DATASTORE_2022, "utf8"), path.basename(DATASTORE_2022));
  if (!file2022.ok) throw new Error(file2022.error.message);
  const file = file2022.file;
  const tablesFor = (period: string, areas?: string[]): CrimeTable[] => {
    const r = r12Tables(file, { period, areas });
    if (!r.ok) throw new Error(r.error.message);
    return r.tables;
  };
  const boroughs = tablesFor(periods[0] ?? "2022-01").map((t) => t.area ?? "");
  const areas = [...boroughs, AIRPORTS].slice(0, n);
  return periods.flatMap((p) => tablesFor(p, areas));
}

/** A paste of `rows` rows: the Merton table's header, then its body repeated. */
export function bigPasteTables(rows: number): CrimeTable[] {
  const lines = readFileSync(
    path.join(SAMPLES, "offences-sds/merton-2017-08-01.txt"),
    "utf8"
  ).split("\n");
  const body = lines.slice(5, 32);
  const paste = [
    ...lines.slice(0, 5),
    ...Array.from({ length: rows }, (_, i) => body[i % body.length]),
  ].join("\n");
  const read = readPaste(paste, { source: "paste", area: "Merton" });
  if (!read.ok) throw new Error(read.error.message);
  return read.tables;
}
