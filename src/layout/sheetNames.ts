// Sheet and table names under Excel's rules, planned before anything is written so both
// writers get final names. A name already taken (by the user or by us) gets a numbered
// suffix, " (2)", " (3)"..., so a user's sheet is never overwritten.

export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/** A valid sheet name close to `wanted`: forbidden characters become "-", no leading or trailing "'", at most 31 characters. */
export function cleanSheetName(wanted: string): string {
  // Control characters (below U+0020) are not allowed in sheet names either.
  const printable = Array.from(wanted, (ch) => (ch.charCodeAt(0) < 32 ? " " : ch)).join("");
  let name = printable.replace(FORBIDDEN, "-").replace(/\s+/g, " ").trim();
  name = name.replace(/^'+/, "").trim();
  name = truncate(name, MAX_SHEET_NAME).replace(/'+$/, "").trim();
  // "History" is reserved by Excel.
  if (name === "" || name.toLowerCase() === "history") name = name === "" ? "Sheet" : `${name} 1`;
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
    for (const n of existing) this.taken.add(n.toLowerCase());
  }

  isTaken(name: string): boolean {
    return this.taken.has(name.toLowerCase());
  }

  /** Reserves `name` exactly (a name already in the workbook that we keep). */
  reserve(name: string): void {
    this.taken.add(name.toLowerCase());
  }

  /** A free name for `wanted`, reserved on return. */
  take(wanted: string): string {
    const base = cleanSheetName(wanted);
    let name = base;
    for (let n = 2; this.isTaken(name); n++) {
      const suffix = ` (${n})`;
      name = truncate(base, MAX_SHEET_NAME - suffix.length).replace(/'+$/, "") + suffix;
    }
    this.taken.add(name.toLowerCase());
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
    // "R1C1"-like and "A1"-like names are refused by Excel.
    if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[RrCc]\d*$/.test(base) || /^R\d*C\d*$/i.test(base))
      base = `T_${base}`;
    base = base.slice(0, 200);
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
