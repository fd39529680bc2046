// Sheet and table names under Excel's rules, the one home of those rules: the namers here
// plan final names before anything is written, and the spec check (checkSpec) refuses a
// name that breaks them. A name already taken (by the user or by us) gets a numbered
// suffix, " (2)", " (3)"..., so a user's sheet is never overwritten.
//
// One rule for a name's length, Excel's: at most 31 UTF-16 code units (an emoji counts
// two), shortened only between whole characters, so the name the formulas use is the name
// the writer writes (ExcelJS would otherwise cut it again, mid-character).
import { DEFINITIONS_SHEET } from "./definitions";

/** The most UTF-16 code units Excel takes in a sheet name. */
export const MAX_SHEET_NAME = 31;
/** Characters Excel refuses in a sheet name. Global, for `replace`: test with `search`, which ignores lastIndex. */
const FORBIDDEN = /[[\]:*?/\\]/g;

/** Sheet names are unique ignoring case: the key two names are compared by. */
export function sheetKey(name: string): string {
  return name.toLowerCase();
}

/** A sheet name's length as Excel counts it: UTF-16 code units. */
export function sheetNameLength(name: string): number {
  return name.length;
}

/** "History" is reserved by Excel. */
function isExcelReserved(name: string): boolean {
  return sheetKey(name) === "history";
}

/** Names the namers never hand out: Excel's "History" and our definitions sheet. */
function isReserved(name: string): boolean {
  return isExcelReserved(name) || sheetKey(name) === sheetKey(DEFINITIONS_SHEET);
}

/** Why Excel would refuse `name` as a sheet name, or null when it takes it. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return "a sheet name cannot be empty";
  if (sheetNameLength(name) > MAX_SHEET_NAME)
    return `a sheet name has at most ${MAX_SHEET_NAME} characters (UTF-16 units: an emoji counts two)`;
  if (hasLoneSurrogate(name)) return "a sheet name cannot hold half a character";
  if (name.search(FORBIDDEN) >= 0) return "a sheet name cannot contain [ ] : * ? / \\";
  if (name.startsWith("'") || name.endsWith("'"))
    return "a sheet name cannot begin or end with an apostrophe";
  if (isExcelReserved(name)) return '"History" is reserved by Excel';
  return null;
}

/** Whether `s` holds half of a surrogate pair, as a cut at a code unit would leave. */
function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

/** Names Excel would read as a cell reference ("AB12", "R1C1", "R", "C"), which it refuses for a table. */
export function looksLikeCellReference(name: string): boolean {
  return /^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name) || /^[RC]$/i.test(name);
}

/** Why Excel would refuse `name` as a table name, or null when it takes it. */
export function tableNameProblem(name: string): string | null {
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || name.length > 255)
    return "a table name starts with a letter and has only letters, digits, _ and .";
  if (looksLikeCellReference(name)) return "a table name cannot look like a cell reference";
  return null;
}

/**
 * A valid sheet name close to `wanted`: forbidden characters become "-", no leading or
 * trailing "'", at most 31 UTF-16 units cut at a whole character, never a reserved name.
 */
export function cleanSheetName(wanted: string): string {
  // Control characters (below U+0020) are not allowed in sheet names, nor half a surrogate pair.
  const printable = Array.from(wanted, (ch) =>
    ch.charCodeAt(0) < 32 || hasLoneSurrogate(ch) ? " " : ch
  ).join("");
  let name = printable.replace(FORBIDDEN, "-").replace(/\s+/g, " ").trim();
  name = name.replace(/^'+/, "").trim();
  name = truncate(name, MAX_SHEET_NAME).replace(/'+$/, "").trim();
  if (name === "") return "Sheet";
  if (isReserved(name)) return `${truncate(name, MAX_SHEET_NAME - 2)} 1`;
  return name;
}

let graphemes: Intl.Segmenter | null | undefined;

/** `s` as the characters a reader sees (an emoji with its modifiers is one), or code points where Intl.Segmenter is missing. */
function charactersOf(s: string): string[] {
  if (graphemes === undefined)
    graphemes =
      typeof Intl === "object" && typeof Intl.Segmenter === "function"
        ? new Intl.Segmenter(undefined, { granularity: "grapheme" })
        : null;
  return graphemes ? Array.from(graphemes.segment(s), (x) => x.segment) : Array.from(s);
}

/** `s` cut to at most `max` UTF-16 units, between whole characters, trailing spaces dropped. */
function truncate(s: string, max: number): string {
  if (sheetNameLength(s) <= max) return s;
  let out = "";
  for (const ch of charactersOf(s)) {
    if (sheetNameLength(out) + sheetNameLength(ch) > max) break;
    out += ch;
  }
  return out.trimEnd();
}

/** Hands out unique sheet names, case-insensitively, around names already taken. */
export class SheetNamer {
  private readonly taken = new Set<string>();

  constructor(existing: readonly string[] = []) {
    for (const n of existing) this.taken.add(sheetKey(n));
  }

  /** Whether `name` is in use, or reserved ("History", the definitions sheet). */
  isTaken(name: string): boolean {
    return this.taken.has(sheetKey(name)) || isReserved(name);
  }

  /** Reserves `name` exactly (a name already in the workbook that we keep). */
  reserve(name: string): void {
    this.taken.add(sheetKey(name));
  }

  /** A free name for `wanted`, reserved on return. */
  take(wanted: string): string {
    const base = cleanSheetName(wanted);
    let name = base;
    for (let n = 2; this.isTaken(name); n++) {
      const suffix = ` (${n})`;
      name = truncate(base, MAX_SHEET_NAME - sheetNameLength(suffix)).replace(/'+$/, "") + suffix;
    }
    this.taken.add(sheetKey(name));
    return name;
  }
}

/**
 * A data sheet's name: "Merton 2017-08-01", the area shortened when the whole would pass
 * 31 UTF-16 units ("Kensington and Chel 2024-01-31"), with an optional suffix ("calls").
 */
export function dataSheetName(
  area: string | null,
  periodEnding: string | null,
  suffix = ""
): string {
  const tail = [periodEnding ?? "", suffix].filter((s) => s !== "").join(" ");
  const head = area ?? "Table";
  const room = MAX_SHEET_NAME - (tail === "" ? 0 : sheetNameLength(tail) + 1);
  return cleanSheetName(`${truncate(head, Math.max(room, 1))}${tail === "" ? "" : " " + tail}`);
}

/** Shortens `text` so that "prefix text suffix" fits a sheet name. */
export function fitSheetName(prefix: string, text: string, suffix = ""): string {
  const fixed = [prefix, suffix].filter((s) => s !== "");
  const room = MAX_SHEET_NAME - fixed.reduce((n, s) => n + sheetNameLength(s) + 1, 0);
  return cleanSheetName(
    [prefix, truncate(text, Math.max(room, 1)), suffix].filter((s) => s !== "").join(" ")
  );
}

/** Hands out Excel table names: letters, digits and "_", starting with a letter, unique ignoring case, never a cell reference. */
export class TableNamer {
  private readonly taken = new Set<string>();

  constructor(existing: readonly string[] = []) {
    for (const n of existing) this.taken.add(n.toLowerCase());
  }

  take(wanted: string): string {
    let base = wanted
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9_]+/g, "_")
      .replace(/_+/g, "_")
      .replace(/^_|_$/g, "");
    if (!/^[A-Za-z_]/.test(base)) base = `T_${base}`;
    if (looksLikeCellReference(base)) base = `T_${base}`;
    base = base.slice(0, 200);
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
