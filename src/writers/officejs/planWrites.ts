// The whole write, planned before the first write: the spec check both writers share
// (layout/checkSpec) runs first, against what was read of the workbook, then the
// operations come out in the order they must run, packed into requests that stay under
// the size Excel on the web accepts (requestBudget). Pure: no Office.js, so it is tested
// directly and the executor only maps each operation onto the API.
//
// Order, chosen so a failure half-way can always be repaired by running again:
// 1. sheets the spec removes (earlier generated sheets no longer produced);
// 2. sheets the user will own (data sheets), each created just before its content;
// 3. the definitions sheet, which records every generated sheet as ours;
// 4. the generated sheets. Within a sheet: text format "@" on text cells, in a request
//    before any value (so pasted text stays text: packSheets), then values and formulas,
//    styles, widths, links, tables (after their values), conditional formats, charts,
//    panes, tab colour and page setup, visibility; last, the sheet to open on.

import { GENERATED_TABLE_PREFIX, type SheetSpec, type WorkbookSpec } from "../../layout/spec";
import { DEFINITIONS_SHEET, type Definitions } from "../../layout/definitions";
import { checkSpec, sheetsToRemove, type TargetWorkbook } from "../../layout/checkSpec";
import { specExtent } from "../../layout/extent";
import { sheetKey } from "../../layout/sheetNames";
import { DEFAULT_MAX_REQUEST_BYTES, RequestPacker, jsonBytes, wireBytes } from "./requestBudget";
import { CHART_PREFIX, sheetOps, type SheetOps } from "./sheetOps";
import { append, type Rect, type WriteOp, type WriteOpOf, type WritePlan } from "./writeOps";

// The plan's types live with its parts; importable from here as before.
export type { WriteOp, WritePlan } from "./writeOps";

/** What the writer read from the workbook before planning. */
export interface WorkbookFacts {
  sheets: { name: string; visibility: string }[];
  /** Every table in the workbook. */
  tableNames: string[];
  /** Tables and charts on sheets that will be rebuilt, by lower-case sheet name. */
  onSheet: Map<string, { tables: string[]; charts: string[] }>;
  /**
   * The workbook's sheet anchors (readWorkbookState's readAnchors) and the sheet each
   * refers to (null: none). Not read: the spec's anchors are not written.
   */
  anchors?: { name: string; sheet: string | null }[];
}

export interface PlanOptions {
  /** The workbook's definitions before this write: its generated sheets may be rebuilt or removed. */
  previous?: Definitions | null;
  /** More sheets this add-in made that may be replaced (e.g. those a failed write left incomplete). */
  ownedSheets?: readonly string[];
  /** Estimated size a request may reach. @default 4_000_000 (Excel on the web refuses 5 MB) */
  maxRequestBytes?: number;
  /** Write cell notes (ExcelApi 1.18; also needs `isSetSupported` to say yes). @default false */
  notes?: boolean;
  /**
   * Whether this Excel has an ExcelApi version ("1.9"): Office.context.requirements'
   * isSetSupported, asked for members above the manifest's 1.7 (notes 1.18, page layout
   * 1.9). @default none: such members are not used
   */
  isSetSupported?: (excelApi: string) => boolean;
}

/** ExcelApi versions of the members used above the manifest's minimum (1.7). */
export const EXCEL_API_OF = { notes: "1.18", pageLayout: "1.9" } as const;

/** What planning needs of the workbook, keyed by sheetKey. */
interface Workbook {
  existing: Map<string, { name: string; visibility: string }>;
  /** Sheets rebuilt over the area the previous write recorded: cleared there, not whole. */
  previousExtent: Map<string, { rows: number; cols: number }>;
  target: TargetWorkbook;
}

function readWorkbook(facts: WorkbookFacts, options: PlanOptions): Workbook {
  const existing = new Map(facts.sheets.map((s) => [sheetKey(s.name), s]));
  const previousGenerated = (options.previous?.sheets ?? []).filter((s) => s.generated);
  const owned = new Set([
    sheetKey(DEFINITIONS_SHEET),
    ...previousGenerated.map((s) => sheetKey(s.name)),
    ...(options.ownedSheets ?? []).map(sheetKey),
  ]);
  const previousExtent = new Map(
    previousGenerated.filter((s) => s.extent).map((s) => [sheetKey(s.name), s.extent!])
  );
  const sheets = new Map([...existing].map(([key, s]) => [key, s.name]));
  return { existing, previousExtent, target: { sheets, owned, keptTables: new Set() } };
}

/** Tables that stay through the write: all but those on sheets cleared whole, and ours on sheets rebuilt. */
function keptTables(spec: WorkbookSpec, facts: WorkbookFacts, wb: Workbook): Set<string> {
  const kept = new Set(facts.tableNames.map((t) => t.toLowerCase()));
  for (const sheet of spec.sheets) {
    const key = sheetKey(sheet.name);
    if (!wb.existing.has(key)) continue;
    const clearsAll = !wb.previousExtent.has(key);
    for (const t of facts.onSheet.get(key)?.tables ?? [])
      if (clearsAll || isOurTable(t)) kept.delete(t.toLowerCase());
  }
  return kept;
}

/** A table a generated sheet's layout made (the user's tables never carry the prefix). */
const isOurTable = (name: string): boolean =>
  name.toLowerCase().startsWith(GENERATED_TABLE_PREFIX.toLowerCase());

export function planWrites(
  spec: WorkbookSpec,
  facts: WorkbookFacts,
  options: PlanOptions = {}
): WritePlan {
  const maxBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const wb = readWorkbook(facts, options);
  checkSpec(spec, { ...wb.target, keptTables: keptTables(spec, facts, wb) });
  const removals = sheetsToRemove(spec, wb.target);
  const plan: WritePlan = {
    batches: [],
    sheets: [],
    created: [],
    rebuilt: [],
    removed: removals,
    skippedNotes: 0,
    clippedFormats: 0,
  };
  // Operations, in the order described at the top.
  const removalOps: WriteOp[] = removals.map((name) => ({
    kind: "remove",
    sheet: name,
    existing: name,
    bytes: wireBytes(1, 1, 1),
  }));
  const supported = (v: string): boolean => options.isSetSupported?.(v) ?? false;
  const context = {
    pieceBytes: Math.max(1000, Math.floor(maxBytes / 16)),
    notes: Boolean(options.notes) && supported(EXCEL_API_OF.notes),
    print: supported(EXCEL_API_OF.pageLayout),
    plan,
  };
  const anchors = anchorOps(spec, facts);
  const sheets: PlannedSheet[] = [
    { formats: [...removalOps, ...anchors.first], rest: [], generated: false },
  ];
  for (const sheet of inWritingOrder(spec.sheets)) {
    plan.sheets.push(sheet.name);
    const start = startSheetOp(sheet, facts, wb);
    (start.kind === "reuse" ? plan.rebuilt : plan.created).push(sheet.name);
    const ops = sheetOps(sheet, context);
    sheets.push({
      formats: [start, ...(anchors.onSheet.get(sheetKey(sheet.name)) ?? []), ...ops.formats],
      rest: [...ops.rest, ...visibilityOps(sheet)],
      generated: Boolean(sheet.generated) && sheet.role !== "definitions",
    });
  }
  const active = activeSheetOp(spec);
  if (active) sheets.push({ formats: [], rest: [active], generated: true });
  plan.batches = packSheets(sheets, maxBytes);
  return plan;
}

/**
 * The anchor operations that make the workbook's sheet anchors those of the spec: each
 * sheet the spec writes gets its anchor as it is created or rebuilt (so a sheet is never
 * there without it); the anchors of sheets already there, and the deletion of stale ones,
 * come first, before the definitions that record them.
 */
function anchorOps(
  spec: WorkbookSpec,
  facts: WorkbookFacts
): { first: WriteOp[]; onSheet: Map<string, WriteOp[]> } {
  const out = { first: [] as WriteOp[], onSheet: new Map<string, WriteOp[]>() };
  if (!spec.sheetAnchors || !facts.anchors) return out;
  const there = new Map(facts.anchors.map((a) => [a.name.toLowerCase(), a]));
  const wanted = new Set(spec.sheetAnchors.map((a) => a.name.toLowerCase()));
  const written = new Set(spec.sheets.map((s) => sheetKey(s.name)));
  const op = (name: string, sheet: string, action: "add" | "move" | "delete"): WriteOp => ({
    kind: "anchor",
    sheet,
    name,
    action,
    bytes: wireBytes(1, 1, 2, jsonBytes(name) + 2 * jsonBytes(sheet)),
  });
  for (const a of facts.anchors)
    if (!wanted.has(a.name.toLowerCase())) out.first.push(op(a.name, a.sheet ?? "", "delete"));
  for (const a of spec.sheetAnchors) {
    const now = there.get(a.name.toLowerCase());
    if (now && now.sheet !== null && sheetKey(now.sheet) === sheetKey(a.sheet)) continue;
    const add = op(a.name, a.sheet, now ? "move" : "add");
    const key = sheetKey(a.sheet);
    if (written.has(key)) out.onSheet.set(key, [...(out.onSheet.get(key) ?? []), add]);
    else out.first.push(add);
  }
  return out;
}

/** The sheet the workbook opens on (Worksheet.activate, ExcelApi 1.1). */
function activeSheetOp(spec: WorkbookSpec): WriteOp | null {
  const name = spec.activeSheet;
  if (!name || !spec.sheets.some((s) => sheetKey(s.name) === sheetKey(name))) return null;
  return { kind: "activate", sheet: name, bytes: wireBytes(1, 0, 1) };
}

/** A sheet's operations, and whether it is a generated sheet (written after the definitions). */
interface PlannedSheet extends SheetOps {
  generated: boolean;
}

const bytesOf = (ops: readonly WriteOp[]): number => ops.reduce((n, op) => n + op.bytes, 0);

/** True when a text format "@" is among the operations. */
const setsTextFormat = (ops: readonly WriteOp[]): boolean =>
  ops.some(
    (op) =>
      (op.kind === "numberFormat" && op.format === "@") ||
      (op.kind === "numberFormats" && op.formats.some((r) => r.includes("@")))
  );

/**
 * Requests, in order. Text must stay text: Office.js documents that a value starting with
 * +, - or = is read as a formula (Range.values), and that cells of the text format are
 * "treated as text even when a number is in the cell... displayed exactly as entered"
 * (NumberFormatCategory.text). So, as a user formats cells as text before typing, the
 * number formats of a run of sheets reach Excel in a request (a sync) before the one
 * holding their values; nothing documents that a format set earlier in the same request
 * protects them. Runs are as many sheets as fit a request, and pipelined (the values of
 * one run share a request with the formats of the next), so an import costs two requests
 * more, not one per sheet. Generated sheets start a run of their own, so the definitions
 * that record them as ours are written before they are created.
 */
function packSheets(sheets: readonly PlannedSheet[], maxBytes: number): WriteOp[][] {
  const steps: (WriteOp | "formatsDone")[] = [];
  for (let i = 0; i < sheets.length;) {
    const first = sheets[i] as PlannedSheet;
    const run: PlannedSheet[] = [first];
    let size = bytesOf(first.formats) + bytesOf(first.rest);
    let j = i + 1;
    for (; j < sheets.length; j++) {
      const next = sheets[j] as PlannedSheet;
      const more = bytesOf(next.formats) + bytesOf(next.rest);
      if (size + more > maxBytes || (next.generated && !first.generated)) break;
      run.push(next);
      size += more;
    }
    const formats = run.flatMap((s) => s.formats);
    append(steps, formats);
    if (setsTextFormat(formats)) steps.push("formatsDone");
    for (const s of run) append(steps, s.rest);
    i = j;
  }
  return packSteps(steps, maxBytes);
}

/** Packs operations into requests in order; "formatsDone" starts a new request when the formats before it are in the current one. */
function packSteps(steps: readonly (WriteOp | "formatsDone")[], maxBytes: number): WriteOp[][] {
  const packer = new RequestPacker(maxBytes);
  for (const step of steps) {
    if (step === "formatsDone") packer.cut();
    else packer.add([step]);
  }
  return packer.done();
}

/** Data sheets first, then the definitions sheet, then the generated sheets; else as the spec has them. */
function inWritingOrder(sheets: readonly SheetSpec[]): SheetSpec[] {
  const phase = (s: SheetSpec): number => (!s.generated ? 0 : s.role === "definitions" ? 1 : 2);
  return sheets
    .map((s, i) => ({ s, i }))
    .sort((a, b) => phase(a.s) - phase(b.s) || a.i - b.i)
    .map((x) => x.s);
}

/** A new sheet, or one already there made ready for rebuilding. */
function startSheetOp(
  sheet: SheetSpec,
  facts: WorkbookFacts,
  wb: Workbook
): WriteOpOf<"reuse" | "create"> {
  const key = sheetKey(sheet.name);
  const e = wb.existing.get(key);
  if (!e)
    return {
      kind: "create",
      sheet: sheet.name,
      visible: (sheet.visibility ?? "visible") === "visible",
      bytes: wireBytes(1, 0, 0, jsonBytes(sheet.name)),
    };
  const on = facts.onSheet.get(key) ?? { tables: [], charts: [] };
  const clear = areaToClear(sheet, wb.previousExtent.get(key));
  const deleteTables = clear === "all" ? on.tables : [];
  const unlistTables = clear === "all" ? [] : on.tables.filter(isOurTable);
  const deleteCharts = on.charts.filter((c) => clear === "all" || c.startsWith(CHART_PREFIX));
  const areas = clear === "all" ? 1 : clear.length;
  const unfreeze = e.visibility === "Visible";
  return {
    kind: "reuse",
    sheet: sheet.name,
    existing: e.name,
    clear,
    deleteTables,
    unlistTables,
    deleteCharts,
    unfreeze,
    bytes: wireBytes(
      // An unlisted table: getItem and convertToRange's range; clearFilters, convertToRange and its range's instantiation.
      1 + areas + deleteTables.length + 2 * unlistTables.length + deleteCharts.length,
      2 + 2 * areas + (unfreeze ? 1 : 0),
      1 +
        2 * areas +
        deleteTables.length +
        3 * unlistTables.length +
        deleteCharts.length +
        (unfreeze ? 1 : 0),
      jsonBytes(sheet.name) +
        jsonBytes(deleteTables) +
        jsonBytes(unlistTables) +
        jsonBytes(deleteCharts)
    ),
  };
}

/**
 * What a rebuild clears: the cells the last write recorded as its content and those this
 * one writes, as at most two rectangles from A1 (their union, not the box around both:
 * a cell beyond both is the user's); all when the last write recorded nothing. A chart
 * floats over cells without owning them: it is removed by name, its cells are left alone.
 */
function areaToClear(
  sheet: SheetSpec,
  prev: { rows: number; cols: number } | undefined
): Rect[] | "all" {
  if (!prev) return "all";
  const now = specExtent({ ...sheet, charts: [] });
  const rect = (e: { rows: number; cols: number }): Rect => ({
    row: 0,
    col: 0,
    rows: Math.max(1, e.rows),
    cols: Math.max(1, e.cols),
  });
  const [a, b] = [rect(prev), rect(now)];
  if (a.rows >= b.rows && a.cols >= b.cols) return [a];
  if (b.rows >= a.rows && b.cols >= a.cols) return [b];
  return [a, b];
}

/** A rebuilt sheet the user hid stays hidden; the spec only ever hides. */
function visibilityOps(sheet: SheetSpec): WriteOp[] {
  const wanted =
    sheet.visibility === "veryHidden"
      ? "VeryHidden"
      : sheet.visibility === "hidden"
        ? "Hidden"
        : "Visible";
  return wanted === "Visible"
    ? []
    : [{ kind: "visibility", sheet: sheet.name, visibility: wanted, bytes: wireBytes(0, 0, 1) }];
}
