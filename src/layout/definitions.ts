// What a workbook was built from, kept in the workbook itself (a very hidden sheet) so that
// a refresh by the CLI or by the add-in finds it. Both writers use exactly these two
// functions: A1 holds a marker with the format version, A2 down the JSON in chunks that
// fit an Excel cell.
import type { SheetSpec } from "./spec";
import {
  DAMAGED,
  DefinitionsError,
  definitionsProblem,
  type Definitions,
} from "./definitionsSchema";

export const DEFINITIONS_SHEET = "_ScrutinyDefinitions";
export const DEFINITIONS_MARKER = "scrutiny-sheets-definitions v1";
/** An Excel cell holds at most 32,767 characters. */
export const DEFINITIONS_CHUNK = 30000;

// The shape of the definitions, and its check, are the schema's (definitionsSchema.ts).
export type {
  DataColumnDef,
  DataColumnRole,
  DataSheetInfo,
  Definitions,
  MonitoringRecord,
  MonthlyRecord,
  PrintedCellRecord,
  SectionRecord,
  UnreadLineRecord,
  SheetDefinition,
  WardCoverageRecord,
  WardCoverageRowRecord,
} from "./definitionsSchema";

/** The very hidden definitions sheet. */
export function writeDefinitions(defs: Definitions): SheetSpec {
  const json = JSON.stringify(defs);
  const cells: { text: string }[][] = [[{ text: DEFINITIONS_MARKER }]];
  for (let i = 0; i < json.length; i += DEFINITIONS_CHUNK)
    cells.push([{ text: json.slice(i, i + DEFINITIONS_CHUNK) }]);
  return {
    name: DEFINITIONS_SHEET,
    role: "definitions",
    generated: true,
    blocks: [{ row: 0, col: 0, cells }],
    tables: [],
    conditionalFormats: [],
    charts: [],
    visibility: "veryHidden",
  };
}

/**
 * The definitions from the sheet's values (rows of cells, as either writer reads them), or
 * null when the sheet is not ours (no marker). Marked definitions that do not parse, or
 * parse to something not of the shape of Definitions, throw a DefinitionsError saying
 * what is wrong: a refresh on them could delete or overwrite the user's sheets.
 */
export function parseDefinitions(values: unknown[][]): Definitions | null {
  if (String(values[0]?.[0] ?? "") !== DEFINITIONS_MARKER) return null;
  let json = "";
  for (let r = 1; r < values.length; r++) {
    const v = values[r]?.[0];
    if (v === null || v === undefined || v === "") break;
    json += String(v);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new DefinitionsError(`${DAMAGED}: they are not readable JSON (${why})`);
  }
  const problem = definitionsProblem(parsed);
  if (problem) throw new DefinitionsError(`${DAMAGED}: ${problem}`);
  return parsed as Definitions;
}
