// A worksheet part's values as rows of cells, in the shape the Office.js reader gives
// (0-based rows and columns, a formula as its cached result, a date as its serial number,
// an error as its text "#N/A"), so readDataSheet and parseDefinitions serve both writers.
import { attr, local, parseXml, StringCollector, decodeXlsxText } from "./readPackage";
import { parseRangeAddress } from "../../../layout/a1";

/** The cell's value by its type attribute `t` and the text of its `<v>`. */
function typedValue(
  t: string | undefined,
  v: string,
  shared: readonly string[]
): string | number | boolean | null {
  switch (t) {
    case "s":
      return shared[Number(v)] ?? null;
    case "b":
      return v.trim() === "1" || v.trim().toLowerCase() === "true";
    case "str":
    case "e":
      return decodeXlsxText(v);
    case "d":
      return isoToSerial(v);
    default: {
      if (v.trim() === "") return null;
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
  }
}

/** An ISO 8601 date ("2026-11-22T00:00:00") as Excel's serial day number (1900 system). */
function isoToSerial(iso: string): number | string {
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  return Number.isFinite(ms) ? ms / 86400000 + 25569 : iso;
}

interface CellState {
  row: number;
  col: number;
  t: string | undefined;
  v: string;
  hasV: boolean;
  inline: boolean;
}

/** The values of a worksheet part's cells; `shared` the package's shared strings. */
export function readSheetValues(xml: string, shared: () => readonly string[]): unknown[][] {
  const rows: unknown[][] = [];
  const strings = new StringCollector();
  let rowIndex = -1;
  let nextCol = 0;
  let cell: CellState | null = null;
  let inV = false;
  let inIs = false;
  let sst: readonly string[] | null = null;
  const put = (c: CellState): void => {
    let value: unknown = null;
    if (c.inline) value = strings.take();
    else if (c.hasV) value = typedValue(c.t, c.v, c.t === "s" ? (sst ??= shared()) : []);
    if (value === null || value === "") return;
    const r = (rows[c.row] ??= []);
    r[c.col] = value;
  };
  parseXml(xml, {
    open(tag) {
      const name = local(tag.name);
      if (name === "row") {
        const r = tag.attributes.r;
        rowIndex = r ? Number(r) - 1 : rowIndex + 1;
        nextCol = 0;
      } else if (name === "c") {
        const ref = tag.attributes.r ? parseRangeAddress(tag.attributes.r) : null;
        if (ref) rowIndex = ref.row;
        const col = ref ? ref.col : nextCol;
        nextCol = col + 1;
        cell = { row: rowIndex, col, t: attr(tag, "t"), v: "", hasV: false, inline: false };
      } else if (cell && name === "v") {
        inV = true;
        cell.hasV = true;
      } else if (cell && name === "is") {
        inIs = true;
        cell.inline = true;
      } else if (inIs) strings.open(name);
    },
    close(tag) {
      const name = local(tag.name);
      if (name === "v") inV = false;
      else if (name === "is") inIs = false;
      else if (name === "c" && cell) {
        put(cell);
        cell = null;
      } else if (inIs) strings.close(name);
    },
    text(t) {
      if (inV && cell) cell.v += t;
      else if (inIs) strings.text(t);
    },
  });
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r === undefined) rows[i] = [];
    else for (let j = 0; j < r.length; j++) if (r[j] === undefined) r[j] = null;
  }
  return rows;
}
