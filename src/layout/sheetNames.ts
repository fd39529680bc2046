// Sheet and table names under Excel's rules, the one home of those rules: the namers here
// plan final names before anything is written, and the spec check (checkSpec) refuses a
// name that breaks them. A name already taken (by the user or by us) gets a numbered
// suffix, " (2)", " (3)"..., so a user's sheet is never overwritten.

export const MAX_SHEET_NAME = 31;
/** Characters Excel refuses in a sheet name. Global, for `replace`: test with `search`, which ignores lastIndex. */
const FORBIDDEN = /[[\]:*?/\\]/g;

/** Sheet names are unique ignoring case: the key two names are compared by. */
export function sheetKey(name: string): string {
  return name.toLowerCase();
}

/** "History" is reserved by Excel. */
function isReserved(name: string): boolean {
  return sheetKey(name) === "history";
}

/** Why Excel would refuse `name` as a sheet name, or null when it takes it. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return "a sheet name cannot be empty";
  if (name.length > MAX_SHEET_NAME) return `a sheet name has at most ${MAX_SHEET_NAME} characters`;
  if (name.search(FORBIDDEN) >= 0) return "a sheet name cannot contain [ ] : * ? / \\";
  if (name.startsWith("'") || name.endsWith("'"))
    return "a sheet name cannot begin or end with an apostrophe";
  if (isReserved(name)) return '"History" is reserved by Excel';
  return null;
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

/** A valid sheet name close to `wanted`: forbidden characters become "-", no leading or trailing "'", at most 31 characters. */
export function cleanSheetName(wanted: string): string {
  // Control characters (below U+0020) are not allowed in sheet names either.
  const printable = Array.from(wanted, (ch) => (ch.charCodeAt(0) < 32 ? " " : ch)).join("");
  let name = printable.replace(FORBIDDEN, "-").replace(/\s+/g, " ").trim();
  name = name.replace(/^'+/, "").trim();
  name = truncate(name, MAX_SHEET_NAME).replace(/'+$/, "").trim();
  if (name === "" || isReserved(name)) name = name === "" ? "Sheet" : `${name} 1`;
  return name;
}

function truncate(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : chars.slice(0, max).join("").trimEnd();
}

/** Hands out unique sheet names, case-insensitively, around names already taken. */
export class SheetNamer {
  private readonly taken = new Set<string>();

  constructor(existing: readonly string[] = []) {
    for (const n of existing) this.taken.add(sheetKey(n));
  }

  isTaken(name: string): boolean {
    return this.taken.has(sheetKey(name));
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
      name = truncate(base, MAX_SHEET_NAME - suffix.length).replace(/'+$/, "") + suffix;
    }
    this.taken.add(sheetKey(name));
    return name;
  }
}

/**
 * A data sheet's name: "Merton 2017-08-01", the area shortened when the whole would pass
 * 31 characters ("Kensington and Chel 2024-01-31"), with an optional suffix ("calls").
 */
export function dataSheetName(
  area: string | null,
  periodEnding: string | null,
  suffix = ""
): string {
  const tail = [periodEnding ?? "", suffix].filter((s) => s !== "").join(" ");
  const head = area ?? "Table";
  const room = MAX_SHEET_NAME - (tail === "" ? 0 : tail.length + 1);
  return cleanSheetName(`${truncate(head, Math.max(room, 1))}${tail === "" ? "" : " " + tail}`);
}

/** Shortens `text` so that "prefix text suffix" fits a sheet name. */
export function fitSheetName(prefix: string, text: string, suffix = ""): string {
  const fixed = [prefix, suffix].filter((s) => s !== "");
  const room = MAX_SHEET_NAME - fixed.reduce((n, s) => n + s.length + 1, 0);
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
