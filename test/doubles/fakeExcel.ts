// A test double of the Excel JavaScript API subset Scrutiny Sheets uses, written to
// enforce Office.js semantics rather than to echo calls back:
// - proxies whose properties throw PropertyNotLoaded until `load` + `context.sync()`;
// - writes queued and applied in order on `sync()`, a request per sync, counted;
// - each request measured (JSON size of its operations) against the 5 MB limit of
//   Excel on the web: over it, the request fails whole (RequestPayloadSizeLimitExceeded);
// - Excel's errors for invalid or duplicate sheet names (ignoring case), overlapping
//   tables, the last visible sheet; a request that fails half-way keeps what ran;
// - values typed as Excel reads them: "=..." (and "+", "-", "@" forms) become formulas
//   unless the cell's number format is text "@" or the string starts with an apostrophe.
// Plain TypeScript without Node or jest imports, so it can be bundled into a browser page.

import { Rect, cellName, parseRect, quoteSheet, rectAddress, splitSheet } from "./fakeExcel/a1";
import { FakeOfficeError } from "./fakeExcel/errors";
import { CellContent } from "./fakeExcel/input";
import { ApplicationProxy, ContextLike, WorkbookProxy } from "./fakeExcel/proxies";
import {
  HostLike,
  MANIFEST_EXCEL_API,
  RequestQueue,
  RequestRecord,
  SyncFailure,
  versionAbove,
} from "./fakeExcel/request";
import { SheetState, WorkbookState, cellValue } from "./fakeExcel/state";

export { FakeOfficeError } from "./fakeExcel/errors";
export type { RequestRecord, SyncFailure } from "./fakeExcel/request";

export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface FakeExcelOptions {
  /** Largest request, in bytes of JSON. @default 5 MB (Excel on the web) */
  payloadLimitBytes?: number;
  /** Largest response, in bytes of JSON. @default 5 MB (Excel on the web) */
  responseLimitBytes?: number;
  /**
   * The wait for Excel's answer. @default a microtask. In a browser Excel answers with a
   * message, so the page paints between requests: `() => new Promise((r) => setTimeout(r, 0))`.
   */
  roundTrip?: () => Promise<void>;
  /** The ExcelApi version this Excel supports. @default "1.7" (the manifest's minimum) */
  excelApi?: string;
  /** Cells above which a read of values, formulas or text answers null. @default 5,000,000 */
  readCellLimit?: number;
}

export interface RunOptions {
  delayForCellEdit?: boolean;
}

export class FakeRequestContext implements ContextLike {
  readonly _queue: RequestQueue;
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  /** Tracking is meaningless here: proxies stay valid for the whole run. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(host: HostLike, options: RunOptions) {
    this._queue = new RequestQueue(host, Boolean(options.delayForCellEdit));
    this.workbook = new WorkbookProxy(this);
    this.application = this.workbook.application;
  }

  sync(): Promise<void> {
    return this._queue.sync();
  }
}

export interface CellView {
  kind: CellContent["kind"];
  /** What `range.values` returns (a formula reads as "#N/A": the double does not calculate). */
  value: string | number | boolean;
  /** The formula with its "=", or null when the cell holds a constant. */
  formula: string | null;
  numFmt: string;
  quotePrefix: boolean;
  fill: string | null;
  fontColor: string | null;
  bold: boolean;
  italic: boolean;
  /** "None", "Single", "Double", "SingleAccountant" or "DoubleAccountant". */
  underline: string;
  size: number | null;
  wrap: boolean;
  borderBottom: { style: string; color: string } | null;
  hyperlink: { address?: string; documentReference?: string; screenTip?: string } | null;
  note: string | null;
}

export interface TableView {
  name: string;
  sheet: string;
  address: string;
  rect: Rect;
  style: string;
}

export interface ConditionalFormatView {
  address: string;
  rect: Rect;
  type: string;
  /** The rule as set ("=$C5>0"); a rule without "=" is a text constant to Excel. */
  rule: string | null;
  fill: string | null;
  fontColor: string | null;
  bold: boolean;
  italic: boolean;
  stopIfTrue: boolean;
}

export interface ChartView {
  name: string;
  type: string;
  title: string;
  series: {
    name: string;
    values: string | null;
    xValues: string | null;
    drawing?: Record<string, string>;
  }[];
  position: { start: string; end: string | null } | null;
}

export class FakeExcel implements HostLike {
  readonly state = new WorkbookState();
  payloadLimit: number;
  responseLimit: number;
  syncCount = 0;
  readonly requests: RequestRecord[] = [];
  private failures = new Map<number, SyncFailure>();
  private cellEditSyncs = 0;

  readonly excelApi: string;
  readonly askedExcelApi = new Set<string>();
  readonly readCellLimit: number;
  /** Office.context.requirements as this Excel answers it; each ExcelApi question is recorded. */
  readonly requirements = {
    isSetSupported: (name: string, version = "1.1"): boolean => {
      if (name !== "ExcelApi") return false;
      const ok = !versionAbove(version, this.excelApi);
      if (ok) this.askedExcelApi.add(version);
      return ok;
    },
  };

  constructor(options: FakeExcelOptions = {}) {
    this.excelApi = options.excelApi ?? MANIFEST_EXCEL_API;
    this.readCellLimit = options.readCellLimit ?? 5_000_000;
    this.payloadLimit = options.payloadLimitBytes ?? EXCEL_WEB_PAYLOAD_LIMIT;
    this.responseLimit = options.responseLimitBytes ?? EXCEL_WEB_PAYLOAD_LIMIT;
    this.roundTrip = options.roundTrip ?? (() => Promise.resolve());
  }

  readonly roundTrip: () => Promise<void>;

  // ---- running batches, as Excel.run does ----

  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  run<T>(options: RunOptions, batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  async run<T>(
    a: RunOptions | ((context: FakeRequestContext) => Promise<T>),
    b?: (context: FakeRequestContext) => Promise<T>
  ): Promise<T> {
    const options = typeof a === "function" ? {} : a;
    const batch = typeof a === "function" ? a : b;
    if (!batch) throw new FakeOfficeError("InvalidArgument", "Excel.run needs a batch function.");
    const context = this.createContext(options);
    try {
      const result = await batch(context);
      // Excel.run sends what is still queued when the batch function resolves.
      if (context._queue.pending > 0) await context.sync();
      return result;
    } finally {
      context._queue.closed = true;
    }
  }

  createContext(options: RunOptions = {}): FakeRequestContext {
    return new FakeRequestContext(this, options);
  }

  /** An object to install as the global `Excel` in a browser page. */
  asGlobal(): Record<string, unknown> {
    return {
      run: this.run.bind(this),
      ConditionalFormatType: { custom: "Custom" },
      SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
      ChartType: {
        line: "Line",
        lineMarkers: "LineMarkers",
        columnClustered: "ColumnClustered",
        barClustered: "BarClustered",
      },
      ChartSeriesBy: { auto: "Auto", rows: "Rows", columns: "Columns" },
      ErrorCodes: {
        invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
        itemNotFound: "ItemNotFound",
        itemAlreadyExists: "ItemAlreadyExists",
        invalidArgument: "InvalidArgument",
        generalException: "GeneralException",
      },
    };
  }

  // ---- failures on demand ----

  /** Makes the n-th sync from now (1 = the next) fail, after `afterOperations` of its operations ran. */
  failSync(n: number, failure: SyncFailure = {}): void {
    this.failures.set(this.syncCount + n, failure);
  }

  /** The user is editing a cell for the next `syncs` requests: they fail with InvalidOperationInCellEditMode. */
  enterCellEditMode(syncs = 1): void {
    this.cellEditSyncs = syncs;
  }

  // ---- HostLike ----

  nextSync(): number {
    return ++this.syncCount;
  }
  record(r: RequestRecord): void {
    this.requests.push(r);
  }
  takeFailure(sync: number): SyncFailure | undefined {
    const f = this.failures.get(sync);
    this.failures.delete(sync);
    return f;
  }
  takeCellEdit(): boolean {
    if (this.cellEditSyncs <= 0) return false;
    this.cellEditSyncs--;
    return true;
  }

  // ---- counters ----

  get maxRequestBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.bytes), 0);
  }

  /** Forgets recorded requests (the sync counter keeps counting). */
  resetRequests(): void {
    this.requests.length = 0;
  }

  // ---- setting up a workbook, as a user would have it (no request needed) ----

  /** Adds a sheet whose cells are typed in as a user would (strings read as Excel reads them). */
  addSheet(name: string, rows: unknown[][] = [], at = "A1"): void {
    const sheet =
      this.state.sheets.length === 1 &&
      this.state.sheets[0]?.name === "Sheet1" &&
      this.isBlank(this.state.sheets[0])
        ? this.renameDefault(name)
        : this.state.addSheet(name);
    if (rows.length) this.typeCells(sheet.name, at, rows);
  }

  private isBlank(s: SheetState): boolean {
    return s.cells.size === 0 && !this.state.tables.some((t) => t.sheetId === s.id);
  }

  private renameDefault(name: string): SheetState {
    const s = this.state.sheets[0] as SheetState;
    this.state.renameSheet(s, name);
    return s;
  }

  typeCells(sheetName: string, at: string, rows: unknown[][]): void {
    const sheet = this.mustSheet(sheetName);
    const tl = parseRect(at);
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        // null leaves a cell as it is, as when the user skips it.
        if (v !== null && v !== undefined)
          this.state.writeCells(sheet, { row: tl.row + i, col: tl.col + j, rows: 1, cols: 1 }, [
            [v],
          ]);
      })
    );
  }

  setNumberFormat(sheetName: string, address: string, format: string): void {
    this.state.writeNumberFormats(this.mustSheet(sheetName), parseRect(address), format);
  }

  addTable(sheetName: string, address: string, name?: string): void {
    const t = this.state.addTable(this.mustSheet(sheetName), parseRect(address), true);
    if (name) this.state.renameTable(t, name);
  }

  select(sheetName: string, address: string): void {
    const sheet = this.mustSheet(sheetName);
    this.state.selection = { sheetId: sheet.id, rect: parseRect(address) };
    this.state.activeSheetId = sheet.id;
  }

  // ---- inspection ----

  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }

  /** The workbook-scoped names: name, formula ("='Checks'!$A$1") and visibility. */
  definedNames(): { name: string; formula: string; visible: boolean }[] {
    return this.state.names.map((n) => ({ ...n }));
  }

  hasSheet(name: string): boolean {
    return this.state.findSheet(name) !== undefined;
  }

  visibility(sheetName: string): string {
    return this.mustSheet(sheetName).visibility;
  }

  cell(sheetName: string, address: string): CellView;
  cell(sheetName: string, row: number, col: number): CellView;
  cell(sheetName: string, a: string | number, b?: number): CellView {
    const sheet = this.mustSheet(sheetName);
    const { row, col } = typeof a === "string" ? parseRect(a) : { row: a, col: b ?? 0 };
    const c = this.state.peek(sheet, row, col);
    const content: CellContent = c?.content ?? { kind: "empty" };
    return {
      kind: content.kind,
      value: cellValue(content),
      formula: content.kind === "formula" ? content.formula : null,
      numFmt: c?.numFmt ?? "General",
      quotePrefix: content.kind === "text" && Boolean(content.quotePrefix),
      fill: c?.fill ?? null,
      fontColor: c?.fontColor ?? null,
      bold: c?.bold ?? false,
      italic: c?.italic ?? false,
      underline: c?.underline ?? "None",
      size: c?.size ?? null,
      wrap: c?.wrap ?? false,
      borderBottom: c?.borders?.EdgeBottom ?? null,
      hyperlink: c?.hyperlink ?? null,
      note: sheet.notes.get(row * 16384 + col) ?? null,
    };
  }

  /** Every formula on a sheet, keyed by cell address. */
  formulas(sheetName: string): Map<string, string> {
    const sheet = this.mustSheet(sheetName);
    const out = new Map<string, string>();
    for (const [k, c] of sheet.cells) {
      if (c.content.kind === "formula")
        out.set(cellName(Math.floor(k / 16384), k % 16384), c.content.formula);
    }
    return out;
  }

  usedRange(sheetName: string, valuesOnly = true): string | null {
    const r = this.state.usedRect(this.mustSheet(sheetName), valuesOnly);
    return r ? rectAddress(r) : null;
  }

  columnWidth(sheetName: string, col: number): number {
    return this.mustSheet(sheetName).colWidths.get(col) ?? 48;
  }

  tabColor(sheetName: string): string | null {
    return this.mustSheet(sheetName).tabColor ?? null;
  }

  pageLayout(sheetName: string): Record<string, unknown> | null {
    return this.mustSheet(sheetName).pageLayout ?? null;
  }

  /** The sheet's manual horizontal page breaks: 0-based rows each falls above. */
  rowBreaks(sheetName: string): number[] {
    return [...(this.mustSheet(sheetName).rowBreaks ?? [])];
  }

  activeSheet(): string {
    return this.state.sheetById(this.state.activeSheetId).name;
  }

  freeze(sheetName: string): { rows: number; cols: number } {
    return { ...this.mustSheet(sheetName).freeze };
  }

  tables(sheetName?: string): TableView[] {
    const sheet = sheetName === undefined ? null : this.mustSheet(sheetName);
    return this.state.tables
      .filter((t) => sheet === null || t.sheetId === sheet.id)
      .map((t) => ({
        name: t.name,
        sheet: this.state.sheetById(t.sheetId).name,
        address: rectAddress(t.rect),
        rect: { ...t.rect },
        style: t.style,
      }));
  }

  conditionalFormats(sheetName: string): ConditionalFormatView[] {
    return this.mustSheet(sheetName).cfs.map((cf) => ({
      address: rectAddress(cf.rect),
      rect: { ...cf.rect },
      type: cf.type,
      rule: cf.rule,
      fill: cf.fill ?? null,
      fontColor: cf.fontColor ?? null,
      bold: cf.bold ?? false,
      italic: cf.italic ?? false,
      stopIfTrue: cf.stopIfTrue,
    }));
  }

  charts(sheetName: string): ChartView[] {
    return this.mustSheet(sheetName).charts.map((c) => ({
      name: c.name,
      type: c.type,
      title: c.title,
      series: c.series.map((s) => ({ ...s })),
      position: c.position ? { ...c.position } : null,
    }));
  }

  /** Formulas Excel accepted that name sheets which did not exist when they were written. */
  get problems(): readonly string[] {
    return this.state.problems;
  }

  /** Everything about a sheet (cells, formats, tables, rules, charts), for before/after comparison. */
  snapshot(sheetName: string): string {
    const sheet = this.mustSheet(sheetName);
    // Which request set a number format is the double's bookkeeping, not the workbook's.
    const cells = [...sheet.cells.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([at, { numFmtRequest: _request, ...cell }]) => [at, cell]);
    return JSON.stringify({
      name: sheet.name,
      visibility: sheet.visibility,
      cells,
      widths: [...sheet.colWidths],
      freeze: sheet.freeze,
      cfs: sheet.cfs,
      charts: sheet.charts,
      notes: [...sheet.notes],
      tables: this.tables(sheet.name),
      position: this.state.sheets.indexOf(sheet),
    });
  }

  /** "'Sheet name'!A1:B2" for a sheet and a local address, as Excel writes it. */
  static address(sheetName: string, local: string): string {
    return `${quoteSheet(sheetName)}!${local}`;
  }

  static split(address: string): { sheet: string | null; local: string } {
    return splitSheet(address);
  }

  private mustSheet(name: string): SheetState {
    const s = this.state.findSheet(name);
    if (!s)
      throw new Error(
        `The fake workbook has no sheet '${name}' (it has ${this.sheetNames().join(", ")}).`
      );
    return s;
  }
}

export function createFakeExcel(options?: FakeExcelOptions): FakeExcel {
  return new FakeExcel(options);
}
