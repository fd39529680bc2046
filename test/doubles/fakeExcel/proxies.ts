// Proxy objects with Office.js semantics. A proxy names an object in the workbook by a
// path; reading a property throws PropertyNotLoaded until `load` and `sync` (or until the
// code set it itself); setting a property or calling a method queues an operation that
// runs on the next `context.sync()`. Objects are resolved when the request runs, so a
// sheet added earlier in the same request can be used by later operations, as in Excel.

import { MAX_COLS, MAX_ROWS, Rect, parseRect, quoteSheet, rectAddress, splitSheet } from "./a1";
import { FakeOfficeError, propertyNotLoaded } from "./errors";
import { checkFormulaSyntax } from "./input";
import { displayNumber } from "./display";
import { requireApi, type RequestQueue } from "./request";
import {
  CellState,
  CfState,
  ChartState,
  NameState,
  SeriesState,
  SheetState,
  TableState,
  WorkbookState,
  cellFormula,
  cellValue,
  displayText,
  DEFAULT_COLUMN_WIDTH,
} from "./state";

/** The `context` every proxy carries; RequestContext in fakeExcel.ts extends this. */
export interface ContextLike {
  readonly _queue: RequestQueue;
}

type Collected = { data: Record<string, unknown>; apply: (copy: Record<string, unknown>) => void };
type LoadOption = string | string[] | { select?: string; expand?: string };

// Children and items of a proxy are proxies of other entity types; `any` here only
// erases that parameter so they can share one list (each is used with its own entity).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyProxy = ClientObject<any>;

function notFound(what: string): FakeOfficeError {
  return new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${what}.`);
}

export abstract class ClientObject<E> {
  protected _local = new Map<string, unknown>();
  private _cache: E | null | undefined;
  /** Set after a sync for objects got through *OrNullObject. */
  _isNull: boolean | undefined;
  abstract readonly _type: string;
  protected readonly _isCollection: boolean = false;

  constructor(
    readonly context: ContextLike,
    readonly _path: string,
    private readonly _resolver: (state: WorkbookState) => E | null,
    readonly _nullable = false
  ) {
    if (_nullable) {
      // Office.js learns whether the object exists from the request that follows.
      this._q.enqueue({
        path: _path,
        name: "query",
        args: [],
        write: false,
        exec: () => (this._resolveOrNull() === null ? 1 : 0),
        deliver: (r) => {
          this._isNull = r === 1;
        },
      });
    }
  }

  protected get _q(): RequestQueue {
    return this.context._queue;
  }

  protected get _state(): WorkbookState {
    return this._q.state;
  }

  /** Whether a resolved entity still exists (a deleted sheet does not). */
  protected _alive(_e: E): boolean {
    return true;
  }

  _resolveOrNull(): E | null {
    if (this._cache === undefined) {
      const e = this._resolver(this._state);
      if (e === null && !this._nullable) throw notFound(this._path);
      this._cache = e;
    }
    if (this._cache !== null && !this._alive(this._cache)) throw notFound(this._path);
    return this._cache;
  }

  _target(): E {
    const e = this._resolveOrNull();
    if (e === null) throw notFound(`${this._path} (a null object)`);
    return e;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded("isNullObject", this._type);
    return this._isNull;
  }

  private _children = new Map<string, AnyProxy>();

  /** Navigation properties return the same object every time, as in Office.js. */
  protected _child<T extends AnyProxy>(key: string, make: () => T): T {
    let c = this._children.get(key);
    if (!c) {
      c = make();
      this._children.set(key, c);
    }
    return c as T;
  }

  protected _get<T>(prop: string): T {
    if (this._isNull === true) return null as T;
    if (!this._local.has(prop)) throw propertyNotLoaded(prop, this._type);
    return this._local.get(prop) as T;
  }

  protected _set(prop: string, value: unknown, apply: (e: E, v: unknown) => void): void {
    this._local.set(prop, value);
    this._q.enqueue({
      path: this._path,
      name: prop,
      args: [wire(value)],
      write: true,
      exec: ([v]) => apply(this._target(), v),
    });
  }

  protected _call(
    name: string,
    args: unknown[],
    exec: (e: E, wireArgs: unknown[]) => unknown,
    write = true
  ): void {
    this._q.enqueue({
      path: this._path,
      name,
      args: args.map(wire),
      write,
      exec: (a) => exec(this._target(), a),
    });
  }

  /** Scalar properties `load` can read, and how to read them from the entity. */
  protected _scalars(): Record<string, (e: E) => unknown> {
    return {};
  }

  /** Navigation properties `load` can follow ("format/fill/color"). */
  protected _navs(): Record<string, () => AnyProxy> {
    return {};
  }

  /** For collections: proxies for the items, bound to the entities that exist now. */
  protected _itemsOf(_e: E): AnyProxy[] {
    return [];
  }

  load(option?: LoadOption): this {
    let paths: string[] = [];
    if (typeof option === "string") paths = option.split(",");
    else if (Array.isArray(option)) paths = option;
    else if (option && typeof option === "object" && option.select)
      paths = option.select.split(",");
    paths = paths.map((p) => p.trim().replace(/\./g, "/")).filter((p) => p !== "");
    if (this._isCollection)
      paths =
        paths.length === 0
          ? ["items"]
          : paths.map((p) => (p.startsWith("items") ? p : `items/${p}`));
    let apply: Collected["apply"] | null = null;
    this._q.enqueue({
      path: this._path,
      name: "load",
      args: [paths.join(",")],
      write: false,
      exec: () => {
        const e = this._resolveOrNull();
        if (e === null) return null;
        const c = this._collect(e, paths);
        apply = c.apply;
        return c.data;
      },
      deliver: (copy) => {
        if (copy === null) this._isNull = true;
        else apply?.(copy as Record<string, unknown>);
      },
    });
    return this;
  }

  _collect(e: E, paths: string[]): Collected {
    const scalars = this._scalars();
    const navs = this._navs();
    const groups = new Map<string, string[]>();
    if (paths.length === 0) for (const k of Object.keys(scalars)) groups.set(k, []);
    for (const p of paths) {
      const [head = "", ...rest] = p.split("/");
      const list = groups.get(head) ?? [];
      if (rest.length) list.push(rest.join("/"));
      groups.set(head, list);
    }
    const data: Record<string, unknown> = {};
    const appliers: ((copy: Record<string, unknown>) => void)[] = [];
    for (const [head, rest] of groups) {
      if (head === "items" && this._isCollection) {
        const items = this._itemsOf(e);
        const subs = items.map((it) => it._collect(it._target(), rest));
        data.items = subs.map((s) => s.data);
        appliers.push((copy) => {
          const arr = copy.items as Record<string, unknown>[];
          subs.forEach((s, i) => s.apply(arr[i] as Record<string, unknown>));
          this._local.set("items", items);
        });
      } else if (head in scalars) {
        data[head] = (scalars[head] as (e: E) => unknown)(e);
        appliers.push((copy) => this._local.set(head, copy[head]));
      } else if (head in navs) {
        const child = (navs[head] as () => AnyProxy)();
        const ce = child._resolveOrNull();
        if (ce === null) {
          data[head] = null;
          appliers.push(() => {
            child._isNull = true;
          });
        } else {
          const sub = child._collect(ce, rest);
          data[head] = sub.data;
          appliers.push((copy) => sub.apply(copy[head] as Record<string, unknown>));
        }
      } else {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The property '${head}' does not exist on ${this._type}.`
        );
      }
    }
    return { data, apply: (copy) => appliers.forEach((a) => a(copy)) };
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._local);
  }
}

/** Excel's specifications and limits: hyperlinks in a worksheet. */
export const MAX_LINKS_PER_SHEET = 65_530;

function countLinks(sheet: SheetState): number {
  let n = 0;
  for (const c of sheet.cells.values()) if (c.hyperlink) n++;
  return n;
}

/** Proxies travel in a request as their path. */
function wire(v: unknown): unknown {
  return v instanceof ClientObject ? { $ref: v._path } : v;
}

const str = (v: unknown): string => JSON.stringify(v);

// ---------------------------------------------------------------- workbook level

export class WorkbookProxy extends ClientObject<WorkbookState> {
  readonly _type = "Workbook";
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly application: ApplicationProxy;
  readonly names: NamedItemCollectionProxy;

  constructor(ctx: ContextLike) {
    super(ctx, "workbook", (s) => s);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, "workbook.tables", () => null);
    this.application = new ApplicationProxy(ctx);
    this.names = new NamedItemCollectionProxy(ctx);
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, "workbook.getSelectedRange()", (s) => {
      if (s.selection) return { sheet: s.sheetById(s.selection.sheetId), rect: s.selection.rect };
      return { sheet: s.sheetById(s.activeSheetId), rect: { row: 0, col: 0, rows: 1, cols: 1 } };
    });
  }

  getActiveCell(): RangeProxy {
    const sel = this.getSelectedRange();
    return sel.getCell(0, 0);
  }
}

export class ApplicationProxy extends ClientObject<WorkbookState> {
  readonly _type = "Application";
  constructor(ctx: ContextLike) {
    super(ctx, "application", (s) => s);
  }
  protected override _scalars(): Record<string, (e: WorkbookState) => unknown> {
    return { calculationMode: () => "Automatic" };
  }
  get calculationMode(): string {
    return this._get("calculationMode");
  }
  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], () => undefined);
  }
}

export class WorksheetCollectionProxy extends ClientObject<WorkbookState> {
  readonly _type = "WorksheetCollection";
  protected override readonly _isCollection = true;
  constructor(ctx: ContextLike) {
    super(ctx, "worksheets", (s) => s);
  }
  get items(): WorksheetProxy[] {
    return this._get("items");
  }
  protected override _itemsOf(s: WorkbookState): AnyProxy[] {
    return s.sheets.map((sheet) => WorksheetProxy.bound(this.context, sheet));
  }
  add(name?: string): WorksheetProxy {
    let created: SheetState | null = null;
    const proxy = new WorksheetProxy(this.context, `worksheets.add(${str(name ?? null)})`, () => {
      if (!created) throw notFound("a worksheet whose add has not run");
      return created;
    });
    this._call("add", [name ?? null], (s, [n]) => {
      created = s.addSheet(n === null ? undefined : (n as string));
    });
    return proxy;
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      `worksheets.getItem(${str(key)})`,
      (s) => s.findSheet(key) ?? null
    );
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      `worksheets.getItemOrNullObject(${str(key)})`,
      (s) => s.findSheet(key) ?? null,
      true
    );
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, "worksheets.getActiveWorksheet()", (s) =>
      s.sheetById(s.activeSheetId)
    );
  }
}

// ---------------------------------------------------------------- names

/** The workbook-scoped names (Workbook.names). */
export class NamedItemCollectionProxy extends ClientObject<WorkbookState> {
  readonly _type = "NamedItemCollection";
  protected override readonly _isCollection = true;
  constructor(ctx: ContextLike) {
    super(ctx, "workbook.names", (s) => s);
  }
  get items(): NamedItemProxy[] {
    return this._get("items");
  }
  protected override _itemsOf(s: WorkbookState): AnyProxy[] {
    return s.names.map(
      (n) => new NamedItemProxy(this.context, `names.getItem(${str(n.name)})`, () => n)
    );
  }
  add(name: string, reference: string, comment?: string): NamedItemProxy {
    requireApi(this._q.host, "1.4", "NamedItemCollection.add");
    if (typeof reference !== "string")
      throw new FakeOfficeError("InvalidArgument", "The double takes a reference as a formula.");
    let created: NameState | null = null;
    const proxy = new NamedItemProxy(this.context, `names.add(${str(name)})`, () => {
      if (!created) throw notFound("a name whose add has not run");
      return created;
    });
    this._call(
      "add",
      comment === undefined ? [name, reference] : [name, reference, comment],
      (s, [n, f]) => {
        created = s.addName(n, f);
      }
    );
    return proxy;
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(
      this.context,
      `names.getItem(${str(name)})`,
      (s) => s.findName(name) ?? null
    );
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    requireApi(this._q.host, "1.4", "NamedItemCollection.getItemOrNullObject");
    return new NamedItemProxy(
      this.context,
      `names.getItemOrNullObject(${str(name)})`,
      (s) => s.findName(name) ?? null,
      true
    );
  }
}

export class NamedItemProxy extends ClientObject<NameState> {
  readonly _type = "NamedItem";
  protected override _alive(e: NameState): boolean {
    return this._state.names.includes(e);
  }
  protected override _scalars(): Record<string, (e: NameState) => unknown> {
    return {
      name: (e) => e.name,
      formula: (e) => e.formula,
      visible: (e) => e.visible,
      scope: () => "Workbook",
      type: (e) => (/#REF!/.test(e.formula) ? "Error" : "Range"),
    };
  }
  get name(): string {
    return this._get("name");
  }
  get formula(): string {
    requireApi(this._q.host, "1.7", "NamedItem.formula");
    return this._get("formula");
  }
  set formula(v: string) {
    requireApi(this._q.host, "1.7", "NamedItem.formula");
    this._set("formula", v, (e, f) => {
      if (typeof f !== "string" || !f.startsWith("="))
        throw new FakeOfficeError("InvalidArgument", "The formula is not valid.");
      e.formula = f;
    });
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, (e, x) => {
      if (typeof x !== "boolean")
        throw new FakeOfficeError("InvalidArgument", "visible is true or false.");
      e.visible = x;
    });
  }
  get scope(): string {
    return this._get("scope");
  }
  get type(): string {
    return this._get("type");
  }
  delete(): void {
    requireApi(this._q.host, "1.4", "NamedItem.delete");
    this._call("delete", [], (e) => this._state.deleteName(e));
  }
}

// ---------------------------------------------------------------- worksheet

export class WorksheetProxy extends ClientObject<SheetState> {
  readonly _type = "Worksheet";

  static bound(ctx: ContextLike, sheet: SheetState): WorksheetProxy {
    return new WorksheetProxy(ctx, `worksheets.getItem(${str(sheet.name)})`, () => sheet);
  }

  protected override _alive(e: SheetState): boolean {
    return this._state.sheets.includes(e);
  }
  protected override _scalars(): Record<string, (e: SheetState) => unknown> {
    return {
      name: (e) => e.name,
      visibility: (e) => e.visibility,
      position: (e) => this._state.sheets.indexOf(e),
      id: (e) => `{00000000-0001-0000-0000-${String(e.id).padStart(12, "0")}}`,
    };
  }
  protected override _navs(): Record<string, () => AnyProxy> {
    return { tables: () => this.tables, charts: () => this.charts };
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (e, n) => this._state.renameSheet(e, n as string));
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: string) {
    this._set("visibility", v, (e, x) => this._state.setVisibility(e, x as string));
  }
  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._set("position", v, (e, x) => this._state.setPosition(e, x as number));
  }
  get id(): string {
    return this._get("id");
  }

  get tables(): TableCollectionProxy {
    return this._child(
      "tables",
      () => new TableCollectionProxy(this.context, `${this._path}.tables`, () => this._target())
    );
  }
  get charts(): ChartCollectionProxy {
    return this._child(
      "charts",
      () => new ChartCollectionProxy(this.context, `${this._path}.charts`, () => this._target())
    );
  }
  get freezePanes(): FreezePanesProxy {
    return this._child(
      "freezePanes",
      () => new FreezePanesProxy(this.context, `${this._path}.freezePanes`, () => this._target())
    );
  }
  get notes(): NoteCollectionProxy {
    requireApi(this._q.host, "1.18", "Worksheet.notes");
    return this._child(
      "notes",
      () => new NoteCollectionProxy(this.context, `${this._path}.notes`, () => this._target())
    );
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.getRange(${str(address ?? "")})`, (s) => {
      const sheet = this._target();
      if (address === undefined || address === "")
        return { sheet, rect: { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } };
      const { sheet: named, local } = splitSheet(address);
      if (named !== null && s.findSheet(named) !== sheet) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The address '${address}' is not on this worksheet.`
        );
      }
      return { sheet, rect: parseRect(local) };
    });
  }
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this._path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`,
      () => ({
        sheet: this._target(),
        rect: checkedRect(startRow, startColumn, rowCount, columnCount),
      })
    );
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this._path}.getUsedRange(${Boolean(valuesOnly)})`,
      (s) => {
        const sheet = this._target();
        return {
          sheet,
          rect: s.usedRect(sheet, Boolean(valuesOnly)) ?? { row: 0, col: 0, rows: 1, cols: 1 },
        };
      }
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this._path}.getUsedRangeOrNullObject(${Boolean(valuesOnly)})`,
      (s) => {
        const sheet = this._target();
        const rect = s.usedRect(sheet, Boolean(valuesOnly));
        return rect ? { sheet, rect } : null;
      },
      true
    );
  }
  delete(): void {
    this._call("delete", [], (e) => this._state.deleteSheet(e));
  }
  set tabColor(v: string) {
    this._set("tabColor", v, (e, x) => {
      e.tabColor = String(x);
    });
  }
  get pageLayout(): PageLayoutProxy {
    requireApi(this._q.host, "1.9", "Worksheet.pageLayout");
    return this._child(
      "pageLayout",
      () => new PageLayoutProxy(this.context, `${this._path}.pageLayout`, () => this._target())
    );
  }
  get horizontalPageBreaks(): PageBreakCollectionProxy {
    requireApi(this._q.host, "1.9", "Worksheet.horizontalPageBreaks");
    return this._child(
      "horizontalPageBreaks",
      () =>
        new PageBreakCollectionProxy(this.context, `${this._path}.horizontalPageBreaks`, () =>
          this._target()
        )
    );
  }
  activate(): void {
    this._call("activate", [], (e) => {
      if (e.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", "A hidden sheet cannot be activated.");
      this._state.activeSheetId = e.id;
    });
  }
}

function checkedRect(row: number, col: number, rows: number, cols: number): Rect {
  if (
    ![row, col, rows, cols].every(Number.isInteger) ||
    row < 0 ||
    col < 0 ||
    rows < 1 ||
    cols < 1 ||
    row + rows > MAX_ROWS ||
    col + cols > MAX_COLS
  ) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `Invalid range indexes (${row}, ${col}, ${rows}, ${cols}).`
    );
  }
  return { row, col, rows, cols };
}

// ---------------------------------------------------------------- range

export interface RangeRef {
  sheet: SheetState;
  rect: Rect;
}

function grid<T>(r: Rect, f: (row: number, col: number) => T): T[][] {
  if (r.rows === MAX_ROWS || r.cols === MAX_COLS) {
    throw new FakeOfficeError(
      "InvalidOperation",
      "Reading cell data of whole rows or columns is not modelled."
    );
  }
  const out: T[][] = [];
  for (let i = 0; i < r.rows; i++) {
    const row: T[] = [];
    for (let j = 0; j < r.cols; j++) row.push(f(r.row + i, r.col + j));
    out.push(row);
  }
  return out;
}

export class RangeProxy extends ClientObject<RangeRef> {
  readonly _type = "Range";

  protected override _alive(e: RangeRef): boolean {
    return this._state.sheets.includes(e.sheet);
  }
  private _cell(e: RangeRef, row: number, col: number): CellState | undefined {
    return this._state.peek(e.sheet, row, col);
  }
  protected override _scalars(): Record<string, (e: RangeRef) => unknown> {
    const content = (e: RangeRef, r: number, c: number) =>
      this._cell(e, r, c)?.content ?? { kind: "empty" as const };
    return {
      address: (e) => `${quoteSheet(e.sheet.name)}!${rectAddress(e.rect)}`,
      rowCount: (e) => e.rect.rows,
      columnCount: (e) => e.rect.cols,
      rowIndex: (e) => e.rect.row,
      columnIndex: (e) => e.rect.col,
      cellCount: (e) => e.rect.rows * e.rect.cols,
      // Above its cell limits Excel answers these reads with null (strict rule).
      values: (e) => (this._tooBig(e) ? null : grid(e.rect, (r, c) => cellValue(content(e, r, c)))),
      formulas: (e) =>
        this._tooBig(e) ? null : grid(e.rect, (r, c) => cellFormula(content(e, r, c))),
      text: (e) =>
        this._tooBig(e)
          ? null
          : grid(e.rect, (r, c) => {
              const k = content(e, r, c);
              return k.kind === "number"
                ? displayNumber(k.value, this._cell(e, r, c)?.numFmt ?? "General")
                : displayText(k);
            }),
      numberFormat: (e) => grid(e.rect, (r, c) => this._cell(e, r, c)?.numFmt ?? "General"),
      valueTypes: (e) =>
        grid(e.rect, (r, c) => {
          const k = content(e, r, c).kind;
          return k === "empty"
            ? "Empty"
            : k === "text"
              ? "String"
              : k === "bool"
                ? "Boolean"
                : k === "error"
                  ? "Error"
                  : "Double";
        }),
      hyperlink: (e) => this._cell(e, e.rect.row, e.rect.col)?.hyperlink ?? null,
    };
  }
  protected override _navs(): Record<string, () => AnyProxy> {
    return { format: () => this.format, worksheet: () => this.worksheet };
  }

  private _tooBig(e: RangeRef): boolean {
    return e.rect.rows * e.rect.cols > this._q.host.readCellLimit;
  }
  get address(): string {
    return this._get("address");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  set values(v: unknown[][]) {
    this._set("values", v, (e, x) => this._state.writeCells(e.sheet, e.rect, x));
  }
  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown[][]) {
    this._set("formulas", v, (e, x) => this._state.writeCells(e.sheet, e.rect, x));
  }
  get formulasR1C1(): unknown[][] {
    return this._get("formulasR1C1");
  }
  set formulasR1C1(v: unknown[][]) {
    this._set("formulasR1C1", v, (e, x) => this._state.writeCells(e.sheet, e.rect, x, true));
  }
  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this._set("numberFormat", v, (e, x) => this._state.writeNumberFormats(e.sheet, e.rect, x));
  }
  get hyperlink(): unknown {
    return this._get("hyperlink");
  }
  set hyperlink(v: {
    address?: string;
    documentReference?: string;
    screenTip?: string;
    textToDisplay?: string;
  }) {
    this._set("hyperlink", v, (e, x) => {
      const link = x as {
        address?: string;
        documentReference?: string;
        screenTip?: string;
        textToDisplay?: string;
      } | null;
      const sheet = e.sheet;
      sheet.linkCount ??= countLinks(sheet);
      this._state.formatCells(e.sheet, e.rect, (cell) => {
        if (!link) {
          if (cell.hyperlink) sheet.linkCount = (sheet.linkCount ?? 1) - 1;
          delete cell.hyperlink;
          return;
        }
        if (!cell.hyperlink) sheet.linkCount = (sheet.linkCount ?? 0) + 1;
        // Excel's specifications: 65,530 hyperlinks on a worksheet (strict rule).
        if ((sheet.linkCount ?? 0) > MAX_LINKS_PER_SHEET)
          throw new FakeOfficeError(
            "InvalidOperation",
            `A worksheet holds at most ${MAX_LINKS_PER_SHEET} hyperlinks ('${sheet.name}').`
          );
        cell.hyperlink = {
          address: link.address,
          documentReference: link.documentReference,
          screenTip: link.screenTip,
        };
        if (link.textToDisplay !== undefined)
          cell.content = { kind: "text", value: link.textToDisplay };
        else if (cell.content.kind === "empty")
          cell.content = { kind: "text", value: link.address ?? link.documentReference ?? "" };
      });
    });
  }

  get format(): RangeFormatProxy {
    return this._child(
      "format",
      () => new RangeFormatProxy(this.context, `${this._path}.format`, () => this._target())
    );
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this._child(
      "conditionalFormats",
      () =>
        new ConditionalFormatCollectionProxy(this.context, `${this._path}.conditionalFormats`, () =>
          this._target()
        )
    );
  }
  get worksheet(): WorksheetProxy {
    return this._child(
      "worksheet",
      () => new WorksheetProxy(this.context, `${this._path}.worksheet`, () => this._target().sheet)
    );
  }

  private _derive(name: string, f: (r: RangeRef) => Rect): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.${name}`, () => {
      const e = this._target();
      const rect = f(e);
      return { sheet: e.sheet, rect: checkedRect(rect.row, rect.col, rect.rows, rect.cols) };
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return this._derive(`getCell(${row},${column})`, (e) => ({
      row: e.rect.row + row,
      col: e.rect.col + column,
      rows: 1,
      cols: 1,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this._derive(`getResizedRange(${deltaRows},${deltaColumns})`, (e) => ({
      ...e.rect,
      rows: e.rect.rows + deltaRows,
      cols: e.rect.cols + deltaColumns,
    }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this._derive(`getOffsetRange(${rowOffset},${columnOffset})`, (e) => ({
      ...e.rect,
      row: e.rect.row + rowOffset,
      col: e.rect.col + columnOffset,
    }));
  }
  getRow(row: number): RangeProxy {
    return this._derive(`getRow(${row})`, (e) => ({ ...e.rect, row: e.rect.row + row, rows: 1 }));
  }
  getColumn(column: number): RangeProxy {
    return this._derive(`getColumn(${column})`, (e) => ({
      ...e.rect,
      col: e.rect.col + column,
      cols: 1,
    }));
  }
  /** The smallest range holding this one and `other` (Office.js cuts a big array set into these). */
  getBoundingRect(other: RangeProxy): RangeProxy {
    return this._derive(`getBoundingRect(${other._path})`, (e) => {
      const o = other._target();
      if (o.sheet !== e.sheet)
        throw new FakeOfficeError("InvalidArgument", "The ranges are on different sheets.");
      const row = Math.min(e.rect.row, o.rect.row);
      const col = Math.min(e.rect.col, o.rect.col);
      const end = (r: Rect) => [r.row + r.rows, r.col + r.cols] as const;
      const [ar, ac] = end(e.rect);
      const [br, bc] = end(o.rect);
      return { row, col, rows: Math.max(ar, br) - row, cols: Math.max(ac, bc) - col };
    });
  }
  /** Sent by Office.js before it sets a big array in pieces: the range must be that size. */
  _ValidateArraySize(rows: number, columns: number): void {
    this._call(
      "_ValidateArraySize",
      [rows, columns],
      (e) => {
        if (e.rect.rows !== rows || e.rect.cols !== columns)
          throw new FakeOfficeError(
            "InvalidArgument",
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${columns} onto ${e.rect.rows}x${e.rect.cols}).`
          );
      },
      false
    );
  }
  clear(applyTo = "All"): void {
    this._call("clear", [applyTo], (e) => this._state.clear(e.sheet, e.rect, applyTo));
  }
  select(): void {
    this._call("select", [], (e) => {
      this._state.selection = { sheetId: e.sheet.id, rect: e.rect };
      this._state.activeSheetId = e.sheet.id;
    });
  }
}

export class RangeFormatProxy extends ClientObject<RangeRef> {
  readonly _type = "RangeFormat";
  protected override _scalars(): Record<string, (e: RangeRef) => unknown> {
    return {
      columnWidth: (e) => {
        const widths = new Set<number>();
        for (let c = e.rect.col; c < e.rect.col + Math.min(e.rect.cols, 256); c++)
          widths.add(e.sheet.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
        return widths.size === 1 ? [...widths][0] : null;
      },
    };
  }
  protected override _navs(): Record<string, () => AnyProxy> {
    return { fill: () => this.fill, font: () => this.font };
  }
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._set("columnWidth", v, (e, w) => {
      if (typeof w !== "number" || !(w >= 0) || w > 255 * 7.5)
        throw new FakeOfficeError("InvalidArgument", `Column width ${String(w)} is not valid.`);
      for (let c = e.rect.col; c < e.rect.col + e.rect.cols; c++) e.sheet.colWidths.set(c, w);
    });
  }
  get fill(): CellFillProxy {
    return this._child(
      "fill",
      () => new CellFillProxy(this.context, `${this._path}.fill`, () => this._target())
    );
  }
  get font(): CellFontProxy {
    return this._child(
      "font",
      () => new CellFontProxy(this.context, `${this._path}.font`, () => this._target())
    );
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._set("wrapText", v, (e, x) =>
      this._state.formatCells(e.sheet, e.rect, (c) => {
        c.wrap = Boolean(x);
      })
    );
  }
  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this._set("verticalAlignment", v, (e, x) => {
      if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(x as string)) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `Vertical alignment '${String(x)}' is not valid.`
        );
      }
      this._state.formatCells(e.sheet, e.rect, (c) => {
        c.vAlign = x as string;
      });
    });
  }
  get borders(): RangeBorderCollectionProxy {
    return this._child(
      "borders",
      () =>
        new RangeBorderCollectionProxy(this.context, `${this._path}.borders`, () => this._target())
    );
  }
  autofitColumns(): void {
    this._call("autofitColumns", [], () => undefined);
  }
}

function checkColor(v: unknown): string {
  if (typeof v !== "string" || !(/^#[0-9A-Fa-f]{6}$/.test(v) || /^[A-Za-z]+$/.test(v))) {
    throw new FakeOfficeError("InvalidArgument", `The color '${String(v)}' is not valid.`);
  }
  return v.toUpperCase();
}

/** Reads a format property of the top-left cell (Excel returns null when cells differ). */
function topLeft(state: WorkbookState, e: RangeRef): CellState | undefined {
  return state.peek(e.sheet, e.rect.row, e.rect.col);
}

export class CellFillProxy extends ClientObject<RangeRef> {
  readonly _type = "RangeFill";
  protected override _scalars(): Record<string, (e: RangeRef) => unknown> {
    return { color: (e) => topLeft(this._state, e)?.fill ?? "#FFFFFF" };
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (e, x) => {
      const c = checkColor(x);
      this._state.formatCells(e.sheet, e.rect, (cell) => {
        cell.fill = c;
      });
    });
  }
  clear(): void {
    this._call("clear", [], (e) =>
      this._state.formatCells(e.sheet, e.rect, (cell) => {
        delete cell.fill;
      })
    );
  }
}

/** Excel.RangeUnderlineStyle (ExcelApi 1.1). */
const UNDERLINES = ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"];

export class CellFontProxy extends ClientObject<RangeRef> {
  readonly _type = "RangeFont";
  protected override _scalars(): Record<string, (e: RangeRef) => unknown> {
    return {
      bold: (e) => topLeft(this._state, e)?.bold ?? false,
      italic: (e) => topLeft(this._state, e)?.italic ?? false,
      underline: (e) => topLeft(this._state, e)?.underline ?? "None",
      color: (e) => topLeft(this._state, e)?.fontColor ?? "#000000",
    };
  }
  get underline(): string {
    return this._get("underline");
  }
  set underline(v: string) {
    this._set("underline", v, (e, x) => {
      if (typeof x !== "string" || !UNDERLINES.includes(x))
        throw new FakeOfficeError("InvalidArgument", `Underline '${String(x)}' is not valid.`);
      this._state.formatCells(e.sheet, e.rect, (c) => {
        if (x === "None") delete c.underline;
        else c.underline = x;
      });
    });
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._set("bold", v, (e, x) =>
      this._state.formatCells(e.sheet, e.rect, (c) => {
        c.bold = Boolean(x);
      })
    );
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this._set("size", v, (e, x) => {
      if (typeof x !== "number" || !(x >= 1 && x <= 409))
        throw new FakeOfficeError("InvalidArgument", `Font size ${String(x)} is not valid.`);
      this._state.formatCells(e.sheet, e.rect, (c) => {
        c.size = x;
      });
    });
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._set("italic", v, (e, x) =>
      this._state.formatCells(e.sheet, e.rect, (c) => {
        c.italic = Boolean(x);
      })
    );
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (e, x) => {
      const col = checkColor(x);
      this._state.formatCells(e.sheet, e.rect, (c) => {
        c.fontColor = col;
      });
    });
  }
}

const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];
const LINE_STYLES = [
  "None",
  "Continuous",
  "Dash",
  "DashDot",
  "DashDotDot",
  "Dot",
  "Double",
  "SlantDashDot",
];

export class RangeBorderCollectionProxy extends ClientObject<RangeRef> {
  readonly _type = "RangeBorderCollection";
  getItem(index: string): RangeBorderProxy {
    return new RangeBorderProxy(this.context, `${this._path}.getItem(${str(index)})`, () => {
      if (!EDGES.includes(index))
        throw new FakeOfficeError("InvalidArgument", `Border index '${index}' is not valid.`);
      return { ...this._target(), edge: index };
    });
  }
}

export class RangeBorderProxy extends ClientObject<RangeRef & { edge: string }> {
  readonly _type = "RangeBorder";
  private _edit(
    e: RangeRef & { edge: string },
    f: (b: { style: string; color: string }) => void
  ): void {
    // Only the cells along the edge carry it (the bottom row for EdgeBottom, and so on).
    const r = e.rect;
    const edgeRect =
      e.edge === "EdgeBottom"
        ? { ...r, row: r.row + r.rows - 1, rows: 1 }
        : e.edge === "EdgeTop"
          ? { ...r, rows: 1 }
          : e.edge === "EdgeLeft"
            ? { ...r, cols: 1 }
            : e.edge === "EdgeRight"
              ? { ...r, col: r.col + r.cols - 1, cols: 1 }
              : r;
    this._state.formatCells(e.sheet, edgeRect, (c) => {
      c.borders = { ...(c.borders ?? {}) };
      const b = c.borders[e.edge] ?? { style: "None", color: "#000000" };
      f(b);
      c.borders[e.edge] = b;
    });
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v, (e, x) => {
      if (!LINE_STYLES.includes(x as string))
        throw new FakeOfficeError("InvalidArgument", `Border style '${String(x)}' is not valid.`);
      this._edit(e, (b) => {
        b.style = x as string;
      });
    });
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (e, x) => {
      const c = checkColor(x);
      this._edit(e, (b) => {
        b.color = c;
      });
    });
  }
}

// ---------------------------------------------------------------- conditional formats

interface CfRef {
  sheet: SheetState;
  cf: CfState;
}

export class ConditionalFormatCollectionProxy extends ClientObject<RangeRef> {
  readonly _type = "ConditionalFormatCollection";
  protected override readonly _isCollection = true;
  get items(): ConditionalFormatProxy[] {
    return this._get("items");
  }
  protected override _itemsOf(e: RangeRef): AnyProxy[] {
    return e.sheet.cfs
      .filter((cf) => rectsIntersect(cf.rect, e.rect))
      .map(
        (cf) =>
          new ConditionalFormatProxy(this.context, `${this._path}.getItem(${cf.id})`, () => ({
            sheet: e.sheet,
            cf,
          }))
      );
  }
  add(type: string): ConditionalFormatProxy {
    let created: CfRef | null = null;
    const proxy = new ConditionalFormatProxy(
      this.context,
      `${this._path}.add(${str(type)})`,
      () => {
        if (!created) throw notFound("a conditional format whose add has not run");
        return created;
      }
    );
    this._call("add", [type], (e, [t]) => {
      created = {
        sheet: e.sheet,
        cf: this._state.addConditionalFormat(e.sheet, e.rect, t as string),
      };
    });
    return proxy;
  }
  clearAll(): void {
    this._call("clearAll", [], (e) => {
      e.sheet.cfs = e.sheet.cfs.filter((cf) => !rectsIntersect(cf.rect, e.rect));
    });
  }
}

function rectsIntersect(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.col < b.col + b.cols &&
    b.col < a.col + a.cols
  );
}

export class ConditionalFormatProxy extends ClientObject<CfRef> {
  readonly _type = "ConditionalFormat";
  protected override _alive(e: CfRef): boolean {
    return this._state.sheets.includes(e.sheet) && e.sheet.cfs.includes(e.cf);
  }
  protected override _scalars(): Record<string, (e: CfRef) => unknown> {
    return {
      type: (e) => e.cf.type,
      priority: (e) => e.sheet.cfs.indexOf(e.cf),
      stopIfTrue: (e) => e.cf.stopIfTrue,
    };
  }
  get type(): string {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }
  set priority(v: number) {
    this._set("priority", v, (e, p) => this._state.setCfPriority(e.sheet, e.cf, p as number));
  }
  get stopIfTrue(): boolean {
    return this._get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this._set("stopIfTrue", v, (e, x) => {
      e.cf.stopIfTrue = Boolean(x);
    });
  }
  get custom(): CustomConditionalFormatProxy {
    return this._child(
      "custom",
      () =>
        new CustomConditionalFormatProxy(this.context, `${this._path}.custom`, () => {
          const e = this._target();
          if (e.cf.type !== "Custom")
            throw new FakeOfficeError(
              "InvalidOperation",
              "This conditional format is not of type Custom."
            );
          return e;
        })
    );
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.getRange()`, () => {
      const e = this._target();
      return { sheet: e.sheet, rect: e.cf.rect };
    });
  }
  delete(): void {
    this._call("delete", [], (e) => {
      e.sheet.cfs = e.sheet.cfs.filter((x) => x !== e.cf);
    });
  }
}

export class CustomConditionalFormatProxy extends ClientObject<CfRef> {
  readonly _type = "CustomConditionalFormat";
  get rule(): ConditionalFormatRuleProxy {
    return this._child(
      "rule",
      () => new ConditionalFormatRuleProxy(this.context, `${this._path}.rule`, () => this._target())
    );
  }
  get format(): ConditionalRangeFormatProxy {
    return this._child(
      "format",
      () =>
        new ConditionalRangeFormatProxy(this.context, `${this._path}.format`, () => this._target())
    );
  }
}

export class ConditionalFormatRuleProxy extends ClientObject<CfRef> {
  readonly _type = "ConditionalFormatRule";
  protected override _scalars(): Record<string, (e: CfRef) => unknown> {
    return { formula: (e) => e.cf.rule };
  }
  get formula(): string {
    return this._get("formula");
  }
  set formula(v: string) {
    this._set("formula", v, (e, f) => {
      if (typeof f !== "string")
        throw new FakeOfficeError("InvalidArgument", "A rule formula must be a string.");
      if (f.startsWith("=")) checkFormulaSyntax(f);
      e.cf.rule = f;
    });
  }
}

export class ConditionalRangeFormatProxy extends ClientObject<CfRef> {
  readonly _type = "ConditionalRangeFormat";
  get fill(): CfFillProxy {
    return this._child(
      "fill",
      () => new CfFillProxy(this.context, `${this._path}.fill`, () => this._target())
    );
  }
  get font(): CfFontProxy {
    return this._child(
      "font",
      () => new CfFontProxy(this.context, `${this._path}.font`, () => this._target())
    );
  }
}

export class CfFillProxy extends ClientObject<CfRef> {
  readonly _type = "ConditionalRangeFill";
  protected override _scalars(): Record<string, (e: CfRef) => unknown> {
    return { color: (e) => e.cf.fill ?? null };
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (e, x) => {
      e.cf.fill = checkColor(x);
    });
  }
}

export class CfFontProxy extends ClientObject<CfRef> {
  readonly _type = "ConditionalRangeFont";
  protected override _scalars(): Record<string, (e: CfRef) => unknown> {
    return {
      color: (e) => e.cf.fontColor ?? null,
      bold: (e) => e.cf.bold ?? false,
      italic: (e) => e.cf.italic ?? false,
    };
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (e, x) => {
      e.cf.fontColor = checkColor(x);
    });
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._set("bold", v, (e, x) => {
      e.cf.bold = Boolean(x);
    });
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._set("italic", v, (e, x) => {
      e.cf.italic = Boolean(x);
    });
  }
}

// ---------------------------------------------------------------- tables

/** Table collections of the workbook (sheet null) or of one sheet. */
export class TableCollectionProxy extends ClientObject<{ sheet: SheetState | null }> {
  readonly _type = "TableCollection";
  protected override readonly _isCollection = true;

  constructor(ctx: ContextLike, path: string, sheetOf: () => SheetState | null) {
    super(ctx, path, () => ({ sheet: sheetOf() }));
  }
  protected override _scalars(): Record<string, (e: { sheet: SheetState | null }) => unknown> {
    return { count: (e) => this._inScope(e).length };
  }
  private _inScope(e: { sheet: SheetState | null }): TableState[] {
    return this._state.tables.filter((t) => e.sheet === null || t.sheetId === e.sheet.id);
  }
  get items(): TableProxy[] {
    return this._get("items");
  }
  get count(): number {
    return this._get("count");
  }
  protected override _itemsOf(e: { sheet: SheetState | null }): AnyProxy[] {
    return this._inScope(e).map(
      (t) => new TableProxy(this.context, `tables.getItem(${str(t.name)})`, () => t)
    );
  }
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    let created: TableState | null = null;
    const proxy = new TableProxy(
      this.context,
      `${this._path}.add(${str(typeof address === "string" ? address : address._path)})`,
      () => {
        if (!created) throw notFound("a table whose add has not run");
        return created;
      }
    );
    this._call("add", [address, hasHeaders], (e, [, h]) => {
      let where: RangeRef;
      if (typeof address === "string") {
        const base = e.sheet ?? this._state.sheetById(this._state.activeSheetId);
        where = this._state.resolveAddress(address, base);
        if (e.sheet && where.sheet !== e.sheet)
          throw new FakeOfficeError("InvalidArgument", "The range is not on this worksheet.");
      } else {
        where = address._target();
      }
      created = this._state.addTable(where.sheet, where.rect, Boolean(h));
    });
    return proxy;
  }
  getItem(key: string): TableProxy {
    return new TableProxy(this.context, `${this._path}.getItem(${str(key)})`, () =>
      this._find(key)
    );
  }
  getItemOrNullObject(key: string): TableProxy {
    return new TableProxy(
      this.context,
      `${this._path}.getItemOrNullObject(${str(key)})`,
      () => this._find(key),
      true
    );
  }
  private _find(key: string): TableState | null {
    const scope = this._target();
    const t = this._state.findTable(key);
    return t && (scope.sheet === null || t.sheetId === scope.sheet.id) ? t : null;
  }
}

export class TableProxy extends ClientObject<TableState> {
  readonly _type = "Table";
  protected override _alive(e: TableState): boolean {
    return this._state.tables.includes(e);
  }
  protected override _scalars(): Record<string, (e: TableState) => unknown> {
    return {
      name: (e) => e.name,
      style: (e) => e.style,
      showHeaders: () => true,
      id: (e) => String(e.id),
    };
  }
  protected override _navs(): Record<string, () => AnyProxy> {
    return { worksheet: () => this.worksheet };
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (e, n) => this._state.renameTable(e, n as string));
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v, (e, s) => {
      if (typeof s !== "string" || !/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(s)) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The table style '${String(s)}' is not valid.`
        );
      }
      e.style = s;
    });
  }
  get showHeaders(): boolean {
    return this._get("showHeaders");
  }
  get worksheet(): WorksheetProxy {
    return this._child(
      "worksheet",
      () =>
        new WorksheetProxy(this.context, `${this._path}.worksheet`, (s) =>
          s.sheetById(this._target().sheetId)
        )
    );
  }
  private _range(name: string, f: (r: Rect) => Rect): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.${name}()`, (s) => {
      const t = this._target();
      return { sheet: s.sheetById(t.sheetId), rect: f(t.rect) };
    });
  }
  getRange(): RangeProxy {
    return this._range("getRange", (r) => r);
  }
  getHeaderRowRange(): RangeProxy {
    return this._range("getHeaderRowRange", (r) => ({ ...r, rows: 1 }));
  }
  getDataBodyRange(): RangeProxy {
    return this._range("getDataBodyRange", (r) => ({ ...r, row: r.row + 1, rows: r.rows - 1 }));
  }
  delete(): void {
    this._call("delete", [], (e) => this._state.deleteTable(e));
  }
  /** Filters are not modelled (no row is ever hidden here): only that the table exists is checked. */
  clearFilters(): void {
    this._call("clearFilters", [], () => undefined);
  }
  /** ExcelApi 1.2: the table becomes a plain range, its cells kept; the range it covered. */
  convertToRange(): RangeProxy {
    let rect: Rect | null = null;
    let sheetId = -1;
    const range = new RangeProxy(this.context, `${this._path}.convertToRange()`, (s) => {
      if (!rect) throw notFound("a range whose convertToRange has not run");
      return { sheet: s.sheetById(sheetId), rect };
    });
    this._call("convertToRange", [], (e) => {
      rect = e.rect;
      sheetId = e.sheetId;
      this._state.unlistTable(e);
    });
    return range;
  }
}

// ---------------------------------------------------------------- charts

interface ChartRef {
  sheet: SheetState;
  chart: ChartState;
}

export class ChartCollectionProxy extends ClientObject<SheetState> {
  readonly _type = "ChartCollection";
  protected override readonly _isCollection = true;
  protected override _scalars(): Record<string, (e: SheetState) => unknown> {
    return { count: (e) => e.charts.length };
  }
  get items(): ChartProxy[] {
    return this._get("items");
  }
  get count(): number {
    return this._get("count");
  }
  protected override _itemsOf(e: SheetState): AnyProxy[] {
    return e.charts.map(
      (chart) =>
        new ChartProxy(this.context, `${this._path}.getItem(${str(chart.name)})`, () => ({
          sheet: e,
          chart,
        }))
    );
  }
  add(type: string, sourceData: RangeProxy, seriesBy = "Auto"): ChartProxy {
    let created: ChartRef | null = null;
    const proxy = new ChartProxy(this.context, `${this._path}.add(${str(type)})`, () => {
      if (!created) throw notFound("a chart whose add has not run");
      return created;
    });
    this._call("add", [type, sourceData, seriesBy], (sheet, [t, , by]) => {
      if (!(sourceData instanceof RangeProxy))
        throw new FakeOfficeError("InvalidArgument", "sourceData must be a Range.");
      created = {
        sheet,
        chart: this._state.addChart(sheet, t as string, sourceData._target(), by as string),
      };
    });
    return proxy;
  }
  getItem(name: string): ChartProxy {
    return new ChartProxy(this.context, `${this._path}.getItem(${str(name)})`, () =>
      this._find(name)
    );
  }
  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(
      this.context,
      `${this._path}.getItemOrNullObject(${str(name)})`,
      () => this._find(name),
      true
    );
  }
  private _find(name: string): ChartRef | null {
    const sheet = this._target();
    const chart = sheet.charts.find((c) => c.name === name);
    return chart ? { sheet, chart } : null;
  }
}

export class ChartProxy extends ClientObject<ChartRef> {
  readonly _type = "Chart";
  protected override _alive(e: ChartRef): boolean {
    return this._state.sheets.includes(e.sheet) && e.sheet.charts.includes(e.chart);
  }
  protected override _scalars(): Record<string, (e: ChartRef) => unknown> {
    return { name: (e) => e.chart.name, chartType: (e) => e.chart.type };
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (e, n) => {
      e.chart.name = String(n);
    });
  }
  get chartType(): string {
    return this._get("chartType");
  }
  get title(): ChartTitleProxy {
    return this._child(
      "title",
      () => new ChartTitleProxy(this.context, `${this._path}.title`, () => this._target().chart)
    );
  }
  get series(): ChartSeriesCollectionProxy {
    return this._child(
      "series",
      () =>
        new ChartSeriesCollectionProxy(
          this.context,
          `${this._path}.series`,
          () => this._target().chart
        )
    );
  }
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this._call("setPosition", [startCell, endCell ?? null], (e) => {
      const addr = (x: RangeProxy | string): string => {
        const r = typeof x === "string" ? this._state.resolveAddress(x, e.sheet) : x._target();
        return rectAddress(r.rect);
      };
      e.chart.position = {
        start: addr(startCell),
        end: endCell === undefined ? null : addr(endCell),
      };
    });
  }
  delete(): void {
    this._call("delete", [], (e) => {
      e.sheet.charts = e.sheet.charts.filter((c) => c !== e.chart);
    });
  }
}

export class ChartTitleProxy extends ClientObject<ChartState> {
  readonly _type = "ChartTitle";
  protected override _scalars(): Record<string, (e: ChartState) => unknown> {
    return { text: (e) => e.title };
  }
  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._set("text", v, (e, t) => {
      e.title = String(t);
    });
  }
}

export class ChartSeriesCollectionProxy extends ClientObject<ChartState> {
  readonly _type = "ChartSeriesCollection";
  protected override readonly _isCollection = true;
  protected override _scalars(): Record<string, (e: ChartState) => unknown> {
    return { count: (e) => e.series.length };
  }
  get count(): number {
    return this._get("count");
  }
  get items(): ChartSeriesProxy[] {
    return this._get("items");
  }
  protected override _itemsOf(e: ChartState): AnyProxy[] {
    return e.series.map(
      (s, i) =>
        new ChartSeriesProxy(this.context, `${this._path}.getItemAt(${i})`, () => ({
          chart: e,
          series: s,
        }))
    );
  }
  add(name?: string, index?: number): ChartSeriesProxy {
    let created: { chart: ChartState; series: SeriesState } | null = null;
    const proxy = new ChartSeriesProxy(
      this.context,
      `${this._path}.add(${str(name ?? null)})`,
      () => {
        if (!created) throw notFound("a series whose add has not run");
        return created;
      }
    );
    this._call("add", [name ?? null, index ?? null], (chart) => {
      const series: SeriesState = {
        name: name ?? `Series${chart.series.length + 1}`,
        values: null,
        xValues: null,
      };
      chart.series.splice(index ?? chart.series.length, 0, series);
      created = { chart, series };
    });
    return proxy;
  }
  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.context, `${this._path}.getItemAt(${index})`, () => {
      const chart = this._target();
      const series = chart.series[index];
      if (!series) throw new FakeOfficeError("InvalidArgument", `No series at index ${index}.`);
      return { chart, series };
    });
  }
}

export class ChartSeriesProxy extends ClientObject<{ chart: ChartState; series: SeriesState }> {
  readonly _type = "ChartSeries";
  protected override _scalars(): Record<
    string,
    (e: { chart: ChartState; series: SeriesState }) => unknown
  > {
    return { name: (e) => e.series.name };
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (e, n) => {
      e.series.name = String(n);
    });
  }
  private _address(r: RangeProxy): string {
    const ref = r._target();
    return `${quoteSheet(ref.sheet.name)}!${rectAddress(ref.rect)}`;
  }
  private _draw(key: string, v: string): void {
    this._set(key, v, (e, x) => {
      e.series.drawing = { ...e.series.drawing, [key]: String(x) };
    });
  }
  set chartType(v: string) {
    this._draw("chartType", v);
  }
  set markerStyle(v: string) {
    this._draw("markerStyle", v);
  }
  set markerBackgroundColor(v: string) {
    this._draw("markerBackgroundColor", v);
  }
  set markerForegroundColor(v: string) {
    this._draw("markerForegroundColor", v);
  }
  /** series.format.line: colour (ExcelApi 1.1) and lineStyle (1.7). */
  get format(): { line: Record<string, string> } {
    return this._child("format", () => {
      const line = new SeriesLineProxy(this.context, `${this._path}.format.line`, () =>
        this._target()
      );
      const format = new SeriesLineProxy(this.context, `${this._path}.format`, () =>
        this._target()
      );
      Object.defineProperty(format, "line", { value: line });
      return format;
    }) as unknown as { line: Record<string, string> };
  }
  setValues(sourceData: RangeProxy): void {
    this._call("setValues", [sourceData], (e) => {
      e.series.values = this._address(sourceData);
    });
  }
  setXAxisValues(sourceData: RangeProxy): void {
    this._call("setXAxisValues", [sourceData], (e) => {
      e.series.xValues = this._address(sourceData);
    });
  }
  delete(): void {
    this._call("delete", [], (e) => {
      e.chart.series = e.chart.series.filter((s) => s !== e.series);
    });
  }
}

// ---------------------------------------------------------------- freeze panes, notes

export class FreezePanesProxy extends ClientObject<SheetState> {
  readonly _type = "WorksheetFreezePanes";
  freezeRows(count = 1): void {
    this._call("freezeRows", [count], (s, [n]) => {
      s.freeze = { rows: checkCount(n), cols: 0 };
    });
  }
  freezeColumns(count = 1): void {
    this._call("freezeColumns", [count], (s, [n]) => {
      s.freeze = { rows: 0, cols: checkCount(n) };
    });
  }
  freezeAt(frozenRange: RangeProxy | string): void {
    this._call("freezeAt", [frozenRange], (s) => {
      const r =
        typeof frozenRange === "string"
          ? this._state.resolveAddress(frozenRange, s)
          : frozenRange._target();
      if (r.sheet !== s)
        throw new FakeOfficeError("InvalidArgument", "The range is not on this worksheet.");
      s.freeze = { rows: r.rect.row + r.rect.rows, cols: r.rect.col + r.rect.cols };
    });
  }
  unfreeze(): void {
    this._call("unfreeze", [], (s) => {
      // Reported to throw on some builds for a sheet the user cannot see (strict rule).
      if (s.visibility === "VeryHidden")
        throw new FakeOfficeError(
          "InvalidOperation",
          `Panes of the very hidden sheet '${s.name}' cannot be unfrozen.`
        );
      s.freeze = { rows: 0, cols: 0 };
    });
  }
  getLocationOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this._path}.getLocationOrNullObject()`,
      () => {
        const s = this._target();
        if (s.freeze.rows === 0 && s.freeze.cols === 0) return null;
        return {
          sheet: s,
          rect: {
            row: 0,
            col: 0,
            rows: Math.max(1, s.freeze.rows),
            cols: Math.max(1, s.freeze.cols),
          },
        };
      },
      true
    );
  }
}

function checkCount(n: unknown): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > 1000) {
    throw new FakeOfficeError("InvalidArgument", `Invalid count ${String(n)}.`);
  }
  return n;
}

export class NoteCollectionProxy extends ClientObject<SheetState> {
  readonly _type = "NoteCollection";
  add(cellAddress: RangeProxy | string, content: string): void {
    this._call("add", [cellAddress, content], (s, [, text]) => {
      const r =
        typeof cellAddress === "string"
          ? this._state.resolveAddress(cellAddress, s)
          : cellAddress._target();
      if (r.rect.rows !== 1 || r.rect.cols !== 1)
        throw new FakeOfficeError("InvalidArgument", "A note belongs to one cell.");
      r.sheet.notes.set(r.rect.row * MAX_COLS + r.rect.col, String(text));
    });
  }
}

/** A chart series' format and its line: what is set is kept on the series' drawing. */
export class SeriesLineProxy extends ClientObject<{ chart: ChartState; series: SeriesState }> {
  readonly _type = "ChartLineFormat";
  private _draw(key: string, v: string): void {
    this._set(key, v, (e, x) => {
      e.series.drawing = { ...e.series.drawing, [`line.${key}`]: String(x) };
    });
  }
  set color(v: string) {
    this._draw("color", v);
  }
  set lineStyle(v: string) {
    this._draw("lineStyle", v);
  }
}

/**
 * Worksheet.horizontalPageBreaks (ExcelApi 1.9), as documented: add(range) puts a manual
 * break before the range's top-left cell (a range or a local address; one break a row),
 * removePageBreaks() resets every manual break of the collection.
 */
export class PageBreakCollectionProxy extends ClientObject<SheetState> {
  readonly _type = "PageBreakCollection";
  add(pageBreakRange: RangeProxy | string): PageBreakProxy {
    let row: number | null = null;
    const proxy = new PageBreakProxy(this.context, `${this._path}.add`, () => {
      if (row === null) throw notFound("a page break whose add has not run");
      return this._target();
    });
    this._call("add", [pageBreakRange], (e) => {
      const top =
        typeof pageBreakRange === "string"
          ? parseRect(splitSheet(pageBreakRange).local).row
          : pageBreakRange._target().rect.row;
      if (top === 0)
        throw new FakeOfficeError("InvalidArgument", "A page break cannot go above row 1.");
      row = top;
      e.rowBreaks = [...new Set([...(e.rowBreaks ?? []), top])].sort((a, b) => a - b);
    });
    return proxy;
  }
  removePageBreaks(): void {
    this._call("removePageBreaks", [], (e) => {
      e.rowBreaks = [];
    });
  }
}

/** One manual break (what PageBreakCollection.add answers); the writer reads nothing of it. */
export class PageBreakProxy extends ClientObject<SheetState> {
  readonly _type = "PageBreak";
}

/** Worksheet.pageLayout (ExcelApi 1.9): what is set is kept on the sheet's pageLayout. */
export class PageLayoutProxy extends ClientObject<SheetState> {
  readonly _type = "PageLayout";
  private _keep(key: string, v: unknown): void {
    this._set(key, v, (e, x) => {
      e.pageLayout = { ...e.pageLayout, [key]: x };
    });
  }
  set orientation(v: string) {
    this._keep("orientation", v);
  }
  set zoom(v: unknown) {
    this._keep("zoom", v);
  }
  setPrintTitleRows(rows: string): void {
    this._call("setPrintTitleRows", [rows], (e, [x]) => {
      e.pageLayout = { ...e.pageLayout, printTitleRows: x };
    });
  }
  setPrintArea(area: RangeProxy): void {
    this._call("setPrintArea", [area], (e) => {
      e.pageLayout = { ...e.pageLayout, printArea: rectAddress(area._target().rect) };
    });
  }
  get headersFooters(): { defaultForAllPages: HeaderFooterProxy } {
    return this._child("headersFooters", () => {
      const group = new HeaderFooterProxy(this.context, `${this._path}.headersFooters`, () =>
        this._target()
      );
      const all = new HeaderFooterProxy(
        this.context,
        `${this._path}.headersFooters.defaultForAllPages`,
        () => this._target()
      );
      Object.defineProperty(group, "defaultForAllPages", { value: all });
      return group;
    }) as unknown as { defaultForAllPages: HeaderFooterProxy };
  }
}

export class HeaderFooterProxy extends ClientObject<SheetState> {
  readonly _type = "HeaderFooter";
  private _keep(key: string, v: string): void {
    this._set(key, v, (e, x) => {
      e.pageLayout = { ...e.pageLayout, [key]: x };
    });
  }
  set leftHeader(v: string) {
    this._keep("leftHeader", v);
  }
  set centerHeader(v: string) {
    this._keep("centerHeader", v);
  }
  set rightHeader(v: string) {
    this._keep("rightHeader", v);
  }
  set leftFooter(v: string) {
    this._keep("leftFooter", v);
  }
  set centerFooter(v: string) {
    this._keep("centerFooter", v);
  }
  set rightFooter(v: string) {
    this._keep("rightFooter", v);
  }
}
