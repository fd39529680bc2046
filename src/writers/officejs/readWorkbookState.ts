// Reads what a refresh or an import needs from the live workbook, in a constant number
// of requests: (1) the sheets and tables, (2) the definitions sheet, (3) the values of the
// data sheets and the monitoring sheet the definitions list. Values come back anchored at A1 (row 0 is sheet row
// 1), in the form parseDefinitions and readDataSheet read, the same as the .xlsx reader.

import { DEFINITIONS_SHEET, parseDefinitions, type Definitions } from "../../layout/definitions";
import { anchoredSheet, isAnchorName, resolveDefinitions } from "../../layout/definitionsIdentity";
import { readRangeValues } from "./readRangeValues";
import { countSyncs } from "./syncCounter";
import { sheetKey } from "../../layout/sheetNames";

export interface WorkbookState {
  sheets: { name: string; visibility: "Visible" | "Hidden" | "VeryHidden" }[];
  sheetNames: string[];
  tableNames: string[];
  /** The workbook's sheet anchors and the sheet each refers to (null: none). */
  anchors: SheetAnchorFact[];
  /** The definitions the workbook keeps, each recorded sheet under its current name (found by its anchor), or null when it has none. */
  definitions: Definitions | null;
  /** Values of a sheet read here (the data sheets, and those asked for), anchored at A1; null otherwise. */
  sheetValues(name: string): unknown[][] | null;
  /** context.sync() calls made. */
  syncs: number;
}

/** A sheet anchor as read: its name and the sheet it refers to now (null: none, as after a deletion). */
export interface SheetAnchorFact {
  name: string;
  sheet: string | null;
}

/**
 * Queues the read of the workbook's sheet anchors (its workbook-scoped names, name and
 * formula: NamedItem.formula is ExcelApi 1.7); call the result after the next sync.
 */
export function readAnchors(context: Excel.RequestContext): () => SheetAnchorFact[] {
  const names = context.workbook.names.load("items/name,items/formula");
  return () =>
    names.items
      .filter((n) => isAnchorName(n.name))
      .map((n) => ({ name: n.name, sheet: anchoredSheet(String(n.formula)) }));
}

export interface ReadStateOptions {
  /** More sheets whose values to read (beside the data sheets the definitions list). */
  sheets?: string[];
}

export async function readWorkbookState(
  context: Excel.RequestContext,
  options: ReadStateOptions = {}
): Promise<WorkbookState> {
  const counter = countSyncs(context);
  const sync = counter.sync;
  const sheets = context.workbook.worksheets.load("items/name,items/visibility");
  const tables = context.workbook.tables.load("items/name");
  const anchorsRead = readAnchors(context);
  await sync();
  const anchors = anchorsRead();
  const list = sheets.items.map((s) => ({
    name: s.name,
    visibility: s.visibility as WorkbookState["sheets"][number]["visibility"],
  }));
  const actual = new Map(list.map((s) => [sheetKey(s.name), s.name]));

  let definitions: Definitions | null = null;
  const defsName = actual.get(sheetKey(DEFINITIONS_SHEET));
  if (defsName) {
    const read = await readRangeValues(context, [defsName], sync);
    const recorded = parseDefinitions(read.get(sheetKey(defsName)) ?? []);
    definitions =
      recorded &&
      resolveDefinitions(
        recorded,
        new Map(anchors.map((a) => [a.name.toLowerCase(), a.sheet])),
        list.map((s) => s.name)
      );
  }

  // Data sheets and the monitoring sheet are rebuilt from their own cells, by recorded name.
  const wanted = [
    ...(definitions?.sheets
      .filter((s) => (!s.generated && s.data) || s.role === "monitoring")
      .map((s) => s.name) ?? []),
    ...(options.sheets ?? []),
  ]
    .map((n) => actual.get(sheetKey(n)))
    .filter((n): n is string => n !== undefined);
  const values = wanted.length
    ? await readRangeValues(context, [...new Set(wanted)], sync)
    : new Map<string, unknown[][]>();

  return {
    sheets: list,
    sheetNames: list.map((s) => s.name),
    tableNames: tables.items.map((t) => t.name),
    anchors,
    definitions,
    sheetValues: (name) => values.get(sheetKey(name)) ?? null,
    syncs: counter.count,
  };
}
