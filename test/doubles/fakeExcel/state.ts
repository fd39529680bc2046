// The workbook the double holds: sheets, cells, tables, conditional formats, charts.
// Every mutation here is what one Excel operation does when a request is executed, with
// Excel's checks (sheet names, table overlap, the last visible sheet). Proxies in
// proxies.ts queue calls to these methods; nothing changes until context.sync().

import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
  cellName,
  overlaps,
  parseRect,
  quoteSheet,
  rectAddress,
  splitSheet,
} from "./a1";
import { FakeOfficeError } from "./errors";
import { CellContent, interpretInput } from "./input";
import { r1c1ToA1 } from "./r1c1";

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface CellState {
  content: CellContent;
  numFmt: string;
  /** The request that set numFmt (none when the user set it). */
  numFmtRequest?: number;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  /** RangeFont.underline, when set to other than "None". */
  underline?: string;
  size?: number;
  wrap?: boolean;
  vAlign?: string;
  /** Border style and colour by edge ("EdgeBottom"). */
  borders?: Record<string, { style: string; color: string }>;
  hyperlink?: { address?: string; documentReference?: string; screenTip?: string };
}

export interface CfState {
  id: number;
  rect: Rect;
  type: string;
  /** The rule as set, e.g. "=$C5>0"; a rule without "=" is a text constant to Excel. */
  rule: string | null;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  stopIfTrue: boolean;
}

export interface SeriesState {
  name: string;
  values: string | null;
  xValues: string | null;
  /** How it is drawn, as set: chartType, markerStyle, line style and colours. */
  drawing?: Record<string, string>;
}

export interface ChartState {
  id: number;
  name: string;
  type: string;
  title: string;
  series: SeriesState[];
  position: { start: string; end: string | null } | null;
}

export interface SheetState {
  id: number;
  name: string;
  visibility: Visibility;
  cells: Map<number, CellState>;
  colWidths: Map<number, number>;
  freeze: { rows: number; cols: number };
  /** In priority order: index 0 is evaluated first. */
  cfs: CfState[];
  charts: ChartState[];
  notes: Map<number, string>;
  /** Hyperlinks on the sheet, counted when first needed (undefined: count again). */
  linkCount?: number;
  tabColor?: string;
  /** Page layout as set through worksheet.pageLayout (ExcelApi 1.9). */
  pageLayout?: Record<string, unknown>;
  /** Manual horizontal page breaks (ExcelApi 1.9): 0-based rows each falls above, ascending. */
  rowBreaks?: number[];
}

export interface TableState {
  id: number;
  name: string;
  sheetId: number;
  rect: Rect;
  style: string;
}

/** A workbook-scoped defined name: its formula ("='Checks'!$A$1") and whether it shows in the Name Manager. */
export interface NameState {
  name: string;
  formula: string;
  visible: boolean;
}

export const DEFAULT_COLUMN_WIDTH = 48;
const CHART_TYPES = new Set([
  "Line",
  "LineMarkers",
  "LineStacked",
  "ColumnClustered",
  "ColumnStacked",
  "BarClustered",
  "BarStacked",
  "Pie",
  "XYScatter",
  "Area",
]);
const key = (row: number, col: number): number => row * MAX_COLS + col;

export class WorkbookState {
  sheets: SheetState[] = [];
  tables: TableState[] = [];
  names: NameState[] = [];
  activeSheetId = 0;
  selection: { sheetId: number; rect: Rect } | null = null;
  /** Things Excel would accept but that break a workbook (a formula naming a missing sheet). */
  problems: string[] = [];
  /** The request being run (0 outside one). */
  currentRequest = 0;
  private nextId = 1;

  constructor() {
    const first = this.addSheet("Sheet1");
    this.activeSheetId = first.id;
  }

  // ---- sheets ----

  findSheet(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: number): SheetState {
    const s = this.sheets.find((x) => x.id === id);
    if (!s) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return s;
  }

  /** Excel's rules for sheet names. */
  checkSheetName(name: string, except?: SheetState): void {
    if (
      typeof name !== "string" ||
      name.length === 0 ||
      name.length > 31 ||
      /[[\]:*?/\\]/.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'") ||
      name.toLowerCase() === "history"
    ) {
      throw new FakeOfficeError(
        "InvalidArgument",
        `The worksheet name '${String(name)}' is not valid.`
      );
    }
    const clash = this.findSheet(name);
    if (clash && clash !== except) {
      throw new FakeOfficeError(
        "ItemAlreadyExists",
        "A resource with the same name or identifier already exists."
      );
    }
  }

  addSheet(name?: string): SheetState {
    let n = name;
    if (n === undefined || n === null) {
      let i = this.sheets.length + 1;
      while (this.findSheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    this.checkSheetName(n);
    const sheet: SheetState = {
      id: this.nextId++,
      name: n,
      visibility: "Visible",
      cells: new Map(),
      colWidths: new Map(),
      freeze: { rows: 0, cols: 0 },
      cfs: [],
      charts: [],
      notes: new Map(),
    };
    this.sheets.push(sheet);
    return sheet;
  }

  renameSheet(sheet: SheetState, name: string): void {
    this.checkSheetName(name, sheet);
    const old = sheet.name;
    sheet.name = name;
    // Excel rewrites references to a renamed sheet.
    this.rewriteReferences(old, () => quoteSheet(name) + "!");
  }

  deleteSheet(sheet: SheetState): void {
    if (this.sheets.length === 1 || (sheet.visibility === "Visible" && this.visibleCount() === 1)) {
      throw new FakeOfficeError(
        "InvalidOperation",
        "A workbook must contain at least one visible worksheet."
      );
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheetId !== sheet.id);
    // References to a deleted sheet become #REF! in every formula that used them.
    this.rewriteReferences(sheet.name, () => "#REF!");
    if (this.activeSheetId === sheet.id)
      this.activeSheetId = this.sheets.find((s) => s.visibility === "Visible")?.id ?? 0;
  }

  setVisibility(sheet: SheetState, v: string): void {
    if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") {
      throw new FakeOfficeError("InvalidArgument", `Visibility '${v}' is not valid.`);
    }
    if (v !== "Visible" && sheet.visibility === "Visible" && this.visibleCount() === 1) {
      throw new FakeOfficeError(
        "InvalidOperation",
        "A workbook must contain at least one visible worksheet."
      );
    }
    sheet.visibility = v;
  }

  setPosition(sheet: SheetState, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw new FakeOfficeError("InvalidArgument", `Position ${position} is out of range.`);
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(position, 0, sheet);
  }

  private visibleCount(): number {
    return this.sheets.filter((s) => s.visibility === "Visible").length;
  }

  private rewriteReferences(sheetName: string, replacement: () => string): void {
    const quoted = quoteSheet(sheetName);
    const patterns = [quoted + "!", `'${sheetName.replace(/'/g, "''")}'!`, sheetName + "!"];
    // Defined names follow their sheet too (or become #REF!), as in Excel.
    for (const n of this.names) {
      const f = n.formula;
      for (const p of patterns) {
        const at = f.indexOf(p);
        // Only a reference that starts the formula or follows an operator, not a longer sheet name.
        if (at >= 0 && (at === 1 || /[=(,+\-*/&:\s]/.test(f.charAt(at - 1)))) {
          n.formula = f.slice(0, at) + replacement() + f.slice(at + p.length);
          break;
        }
      }
    }
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) {
        if (cell.content.kind !== "formula") continue;
        let f = cell.content.formula;
        for (const p of patterns) f = f.split(p).join(replacement());
        cell.content = { kind: "formula", formula: f };
      }
    }
  }

  // ---- names ----

  findName(name: string): NameState | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower);
  }

  /** Excel's rules for a new name: a valid name, not taken (ignoring case), a formula. */
  addName(name: unknown, formula: unknown): NameState {
    if (
      typeof name !== "string" ||
      !/^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^[RrCc]$/.test(name)
    )
      throw new FakeOfficeError("InvalidArgument", `The name '${String(name)}' is not valid.`);
    if (this.findName(name))
      throw new FakeOfficeError(
        "ItemAlreadyExists",
        "A resource with the same name or identifier already exists."
      );
    if (typeof formula !== "string" || !formula.startsWith("="))
      throw new FakeOfficeError("InvalidArgument", "The reference is not valid.");
    const item: NameState = { name, formula, visible: true };
    this.names.push(item);
    return item;
  }

  deleteName(item: NameState): void {
    this.names = this.names.filter((n) => n !== item);
  }

  // ---- cells ----

  peek(sheet: SheetState, row: number, col: number): CellState | undefined {
    return sheet.cells.get(key(row, col));
  }

  cell(sheet: SheetState, row: number, col: number): CellState {
    const k = key(row, col);
    let c = sheet.cells.get(k);
    if (!c) {
      c = { content: { kind: "empty" }, numFmt: "General" };
      sheet.cells.set(k, c);
    }
    return c;
  }

  /**
   * Writes `values`, `formulas` or (with `r1c1`) `formulasR1C1`: a 2-D array matching the
   * range, or one value for all cells. Office.js documents no meaning for null in these
   * arrays (JSON turns NaN into null), so the double refuses it rather than guess.
   */
  writeCells(sheet: SheetState, rect: Rect, input: unknown, r1c1 = false): void {
    // Excel's reference documents values and formulas as a 2-D array the size of the range;
    // the sentence that one value applies to every cell was removed in 2020 (strict rule).
    if (!Array.isArray(input) && rect.rows * rect.cols > 1)
      throw new FakeOfficeError(
        "InvalidArgument",
        `One value set onto ${rect.rows}x${rect.cols} cells: ${r1c1 ? "formulasR1C1" : "values and formulas"} take a 2-D array the size of the range.`
      );
    this.forEachInput(rect, input, r1c1 ? "formulasR1C1" : "values", (row, col, v) => {
      if (v === null || v === undefined) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The argument is invalid or missing or has an incorrect format (null in a cell array)."
        );
      }
      const cell = this.cell(sheet, row, col);
      // Strict rule: nothing documents that a text format set earlier in the same request
      // keeps a value text, so here it does not; one set in an earlier request does.
      const sameRequest =
        cell.numFmtRequest !== undefined && cell.numFmtRequest === this.currentRequest;
      const format = cell.numFmt === "@" && sameRequest ? "General" : cell.numFmt;
      const typed =
        r1c1 && typeof v === "string" && v.startsWith("=") && format !== "@"
          ? r1c1ToA1(v, row, col)
          : v;
      const result = interpretInput(typed, format);
      if (!result) return;
      cell.content = result.content;
      if (result.autoFormat && cell.numFmt === "General") cell.numFmt = result.autoFormat;
      if (result.content.kind === "formula")
        this.checkReferences(sheet, row, col, result.content.formula);
    });
  }

  writeNumberFormats(sheet: SheetState, rect: Rect, input: unknown): void {
    // A single value, or a 1x1 array, is applied to every cell (as Office.js documents for numberFormat).
    const one =
      Array.isArray(input) && input.length === 1 && Array.isArray(input[0]) && input[0].length === 1
        ? input[0][0]
        : input;
    this.forEachInput(rect, one, "numberFormat", (row, col, v) => {
      if (typeof v !== "string")
        throw new FakeOfficeError("InvalidArgument", "A number format must be a string.");
      const cell = this.cell(sheet, row, col);
      cell.numFmt = v === "" ? "General" : v;
      cell.numFmtRequest = this.currentRequest || undefined;
    });
  }

  private forEachInput(
    rect: Rect,
    input: unknown,
    what: string,
    fn: (row: number, col: number, v: unknown) => void
  ): void {
    if (rect.rows === MAX_ROWS || rect.cols === MAX_COLS) {
      throw new FakeOfficeError(
        "InvalidOperation",
        `Setting ${what} on whole rows or columns is not supported by this double.`
      );
    }
    if (Array.isArray(input)) {
      const ok =
        input.length === rect.rows &&
        input.every((r) => Array.isArray(r) && r.length === rect.cols);
      if (!ok) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
        );
      }
      for (let r = 0; r < rect.rows; r++) {
        const rowArr = input[r] as unknown[];
        for (let c = 0; c < rect.cols; c++) fn(rect.row + r, rect.col + c, rowArr[c]);
      }
    } else {
      for (let r = 0; r < rect.rows; r++)
        for (let c = 0; c < rect.cols; c++) fn(rect.row + r, rect.col + c, input);
    }
  }

  private checkReferences(sheet: SheetState, row: number, col: number, formula: string): void {
    const re = /(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(formula))) {
      const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? "");
      if (!this.findSheet(name)) {
        this.problems.push(
          `${quoteSheet(sheet.name)}!${cellName(row, col)}: formula ${formula} names missing sheet '${name}'`
        );
      }
    }
  }

  forEachCell(
    sheet: SheetState,
    rect: Rect,
    fn: (cell: CellState, row: number, col: number) => void
  ): void {
    if (rect.rows * rect.cols > sheet.cells.size * 4) {
      for (const [k, cell] of sheet.cells) {
        const row = Math.floor(k / MAX_COLS);
        const col = k % MAX_COLS;
        if (
          row >= rect.row &&
          row < rect.row + rect.rows &&
          col >= rect.col &&
          col < rect.col + rect.cols
        )
          fn(cell, row, col);
      }
      return;
    }
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        const cell = sheet.cells.get(key(r, c));
        if (cell) fn(cell, r, c);
      }
    }
  }

  /** Sets a format property on every cell of the range (cells are created as needed). */
  formatCells(sheet: SheetState, rect: Rect, apply: (cell: CellState) => void): void {
    if (rect.rows === MAX_ROWS || rect.cols === MAX_COLS) {
      // Whole rows/columns: apply to existing cells only (enough for the double).
      this.forEachCell(sheet, rect, apply);
      return;
    }
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) apply(this.cell(sheet, r, c));
    }
  }

  clear(sheet: SheetState, rect: Rect, applyTo: string): void {
    const contents = applyTo === "All" || applyTo === "Contents";
    const formats = applyTo === "All" || applyTo === "Formats";
    const links = applyTo === "All" || applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks";
    this.forEachCell(sheet, rect, (cell) => {
      if (contents) cell.content = { kind: "empty" };
      if (formats) {
        cell.numFmt = "General";
        delete cell.fill;
        delete cell.fontColor;
        delete cell.bold;
        delete cell.italic;
        delete cell.underline;
        delete cell.size;
        delete cell.wrap;
        delete cell.vAlign;
        delete cell.borders;
      }
      if (links && cell.hyperlink) {
        delete cell.hyperlink;
        sheet.linkCount = undefined;
      }
    });
    if (formats) {
      // Clearing formats removes conditional formats inside the range, and trims those crossing it.
      sheet.cfs = sheet.cfs.filter((cf) => !contains(rect, cf.rect));
    }
    for (const [k, cell] of [...sheet.cells]) if (isDefault(cell)) sheet.cells.delete(k);
  }

  usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    for (const [k, cell] of sheet.cells) {
      if (valuesOnly ? cell.content.kind === "empty" : isDefault(cell)) continue;
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      r0 = Math.min(r0, row);
      c0 = Math.min(c0, col);
      r1 = Math.max(r1, row);
      c1 = Math.max(c1, col);
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  // ---- tables ----

  addTable(sheet: SheetState, rect: Rect, hasHeaders: boolean): TableState {
    if (!hasHeaders)
      throw new FakeOfficeError(
        "NotImplemented",
        "Tables without a header row are not modelled by this double."
      );
    if (rect.rows < 2 || rect.rows === MAX_ROWS || rect.cols === MAX_COLS) {
      throw new FakeOfficeError(
        "InvalidArgument",
        "The range for a table needs a header row and at least one data row."
      );
    }
    for (const t of this.tables) {
      if (t.sheetId === sheet.id && overlaps(t.rect, rect)) {
        throw new FakeOfficeError("InvalidArgument", "A table can't overlap another table.");
      }
    }
    // Excel makes headers unique non-empty text.
    const seen = new Set<string>();
    for (let c = 0; c < rect.cols; c++) {
      const cell = this.cell(sheet, rect.row, rect.col + c);
      let text = displayText(cell.content);
      if (text === "") text = `Column${c + 1}`;
      let unique = text;
      for (let i = 2; seen.has(unique.toLowerCase()); i++) unique = `${text}${i}`;
      seen.add(unique.toLowerCase());
      cell.content = { kind: "text", value: unique };
    }
    let i = 1;
    while (this.tables.some((t) => t.name.toLowerCase() === `table${i}`)) i++;
    const table: TableState = {
      id: this.nextId++,
      name: `Table${i}`,
      sheetId: sheet.id,
      rect,
      style: "TableStyleMedium2",
    };
    this.tables.push(table);
    return table;
  }

  renameTable(table: TableState, name: string): void {
    if (
      typeof name !== "string" ||
      !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) ||
      name.length > 255 ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^[RrCc]$/.test(name) ||
      /^R\d*C\d*$/i.test(name)
    ) {
      throw new FakeOfficeError(
        "InvalidArgument",
        `The table name '${String(name)}' is not valid.`
      );
    }
    if (this.tables.some((t) => t !== table && t.name.toLowerCase() === name.toLowerCase())) {
      throw new FakeOfficeError("ItemAlreadyExists", "A table with the same name already exists.");
    }
    table.name = name;
  }

  deleteTable(table: TableState): void {
    this.tables = this.tables.filter((t) => t !== table);
    const sheet = this.sheetById(table.sheetId);
    this.clear(sheet, table.rect, "All");
  }

  /** Table.convertToRange: the table goes, its cells stay as they are ("all data is preserved"). */
  unlistTable(table: TableState): void {
    this.tables = this.tables.filter((t) => t !== table);
  }

  findTable(name: string): TableState | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  tableById(id: number): TableState {
    const t = this.tables.find((x) => x.id === id);
    if (!t) throw new FakeOfficeError("ItemNotFound", "The table no longer exists.");
    return t;
  }

  // ---- conditional formats ----

  addConditionalFormat(sheet: SheetState, rect: Rect, type: string): CfState {
    if (type !== "Custom")
      throw new FakeOfficeError(
        "NotImplemented",
        `Conditional format type '${type}' is not modelled.`
      );
    const cf: CfState = { id: this.nextId++, rect, type, rule: null, stopIfTrue: false };
    sheet.cfs.unshift(cf); // a new rule goes to the top, as in Excel's rule manager
    return cf;
  }

  cfById(id: number): { sheet: SheetState; cf: CfState } {
    for (const sheet of this.sheets) {
      const cf = sheet.cfs.find((x) => x.id === id);
      if (cf) return { sheet, cf };
    }
    throw new FakeOfficeError("ItemNotFound", "The conditional format no longer exists.");
  }

  setCfPriority(sheet: SheetState, cf: CfState, priority: number): void {
    if (!Number.isInteger(priority) || priority < 0)
      throw new FakeOfficeError("InvalidArgument", "Invalid priority.");
    sheet.cfs = sheet.cfs.filter((x) => x !== cf);
    sheet.cfs.splice(Math.min(priority, sheet.cfs.length), 0, cf);
  }

  // ---- charts ----

  addChart(
    sheet: SheetState,
    type: string,
    source: { sheet: SheetState; rect: Rect },
    seriesBy: string
  ): ChartState {
    if (!CHART_TYPES.has(type))
      throw new FakeOfficeError("InvalidArgument", `Chart type '${type}' is not valid.`);
    const byRows =
      seriesBy === "Rows" || (seriesBy !== "Columns" && source.rect.cols > source.rect.rows);
    const count = byRows ? source.rect.rows : source.rect.cols;
    const series: SeriesState[] = [];
    for (let i = 0; i < count; i++) {
      const rect = byRows
        ? { row: source.rect.row + i, col: source.rect.col, rows: 1, cols: source.rect.cols }
        : { row: source.rect.row, col: source.rect.col + i, rows: source.rect.rows, cols: 1 };
      series.push({
        name: `Series${i + 1}`,
        values: `${quoteSheet(source.sheet.name)}!${rectAddress(rect)}`,
        xValues: null,
      });
    }
    let i = 1;
    while (sheet.charts.some((c) => c.name === `Chart ${i}`)) i++;
    const chart: ChartState = {
      id: this.nextId++,
      name: `Chart ${i}`,
      type,
      title: "",
      series,
      position: null,
    };
    sheet.charts.push(chart);
    return chart;
  }

  chartById(id: number): { sheet: SheetState; chart: ChartState } {
    for (const sheet of this.sheets) {
      const chart = sheet.charts.find((x) => x.id === id);
      if (chart) return { sheet, chart };
    }
    throw new FakeOfficeError("ItemNotFound", "The chart no longer exists.");
  }

  /** Resolves "'Sheet'!A1:B2" or a local address on `base`. */
  resolveAddress(address: string, base: SheetState): { sheet: SheetState; rect: Rect } {
    const { sheet: name, local } = splitSheet(address);
    const sheet = name === null ? base : this.findSheet(name);
    if (!sheet)
      throw new FakeOfficeError("InvalidReference", `This reference isn't valid: ${address}`);
    return { sheet, rect: parseRect(local) };
  }
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}

export function isDefault(cell: CellState): boolean {
  return (
    cell.content.kind === "empty" &&
    cell.numFmt === "General" &&
    cell.fill === undefined &&
    cell.fontColor === undefined &&
    cell.bold === undefined &&
    cell.italic === undefined &&
    cell.underline === undefined &&
    cell.hyperlink === undefined &&
    cell.size === undefined &&
    cell.wrap === undefined &&
    cell.vAlign === undefined &&
    cell.borders === undefined
  );
}

/** What Excel returns in `values` for a cell; a formula reads as #N/A: the double does not calculate. */
export function cellValue(content: CellContent): string | number | boolean {
  switch (content.kind) {
    case "empty":
      return "";
    case "text":
      return content.value;
    case "number":
      return content.value;
    case "bool":
      return content.value;
    case "error":
      return content.value;
    case "formula":
      return "#N/A";
  }
}

/** What Excel returns in `formulas`: the formula, or the constant as values would. */
export function cellFormula(content: CellContent): string | number | boolean {
  return content.kind === "formula" ? content.formula : cellValue(content);
}

export function displayText(content: CellContent): string {
  const v = cellValue(content);
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}
