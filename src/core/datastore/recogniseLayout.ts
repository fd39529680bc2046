// Recognise a Datastore file's layout from its header row. The Datastore has renamed its
// columns over time (MajorText/MinorText/LookUp_BoroughName, later Group/SubGroup/BOCU,
// ward files adding WardName/WardCode), so columns are found by role, in any case and
// spacing, and anything else is refused with the columns found rather than guessed.
import Papa from "papaparse";
import type { ReadError } from "../model";
import type { DatastoreLayout } from "./types";
import { monthFromHeading } from "./months";

type Role = "major" | "minor" | "area" | "wardName" | "wardCode" | "refreshed";

/** Header names by role, compared lower case with everything but letters and digits removed. */
const ROLE_NAMES: Record<Role, readonly string[]> = {
  major: ["majortext", "majorcategory", "group", "offencegroup"],
  minor: ["minortext", "minorcategory", "subgroup", "offencesubgroup"],
  area: ["lookupboroughname", "boroughname", "borough", "bocu", "lookupbocu"],
  wardName: ["wardname", "lookupwardname"],
  wardCode: ["wardcode", "lookupwardcode"],
  // The historical ward file ends with the date it was refreshed, the same on every row.
  refreshed: ["refresheddate", "refreshdate", "daterefreshed", "lastrefreshed"],
};

const REQUIRED = {
  major: "MajorText (or Group)",
  minor: "MinorText (or SubGroup)",
  area: "LookUp_BoroughName (or BOCU)",
};

const GROUP_NAMES = new Set(["group", "offencegroup"]);

export interface RecognisedLayout {
  layout: DatastoreLayout;
  /** 0-based column of each role (ward roles -1 when absent). */
  major: number;
  minor: number;
  area: number;
  wardName: number;
  wardCode: number;
  /** Month columns: column index and month (YYYY-MM), in column order. */
  monthColumns: { column: number; month: string }[];
}

function roleOf(heading: string): Role | null {
  const key = heading.toLowerCase().replace(/[^a-z0-9]/g, "");
  for (const role of Object.keys(ROLE_NAMES) as Role[]) {
    if (ROLE_NAMES[role].includes(key)) return role;
  }
  return null;
}

/** The header row described for a message: text columns by name, months as a range. */
export function describeColumns(headers: readonly string[]): string {
  const months = headers.map(monthFromHeading).filter((m): m is string => m !== null);
  const others = headers.filter((h) => monthFromHeading(h) === null).map((h) => `"${h}"`);
  const parts = [...others];
  if (months.length > 0) {
    const sorted = [...months].sort();
    parts.push(
      `${months.length} month column${months.length === 1 ? "" : "s"} (${sorted[0]} to ${sorted[sorted.length - 1]})`
    );
  }
  return parts.length > 0 ? parts.join(", ") : "none";
}

const EXPECTED =
  "expected MajorText, MinorText, LookUp_BoroughName (or Group, SubGroup, BOCU), " +
  "optionally WardName and WardCode, then one YYYYMM column per month (and optionally Refreshed Date)";

/** The layout of a header row, or an "unknown-layout" error naming the columns found. */
export function recogniseLayout(
  headers: readonly string[],
  line = 1
): { ok: true; recognised: RecognisedLayout } | { ok: false; error: ReadError } {
  const found: Partial<Record<Role, number>> = {};
  const monthColumns: { column: number; month: string }[] = [];
  const problems: string[] = [];
  headers.forEach((heading, column) => {
    const month = monthFromHeading(heading);
    if (month !== null) {
      monthColumns.push({ column, month });
      return;
    }
    const role = roleOf(heading);
    if (role === null) problems.push(`column ${column + 1} "${heading}" is not a Datastore column`);
    else if (found[role] !== undefined)
      problems.push(`column ${column + 1} "${heading}" repeats column ${found[role]! + 1}`);
    else found[role] = column;
  });
  for (const role of ["major", "minor", "area"] as const) {
    if (found[role] === undefined) problems.push(`no ${REQUIRED[role]} column`);
  }
  if (monthColumns.length === 0) problems.push("no YYYYMM month columns");
  const { major, minor, area } = found;
  if (problems.length > 0 || major === undefined || minor === undefined || area === undefined) {
    return {
      ok: false,
      error: {
        code: "unknown-layout",
        line,
        message: `unknown Datastore layout: ${problems.join("; ")}. Columns found: ${describeColumns(headers)}; ${EXPECTED}.`,
      },
    };
  }
  const wardName = found.wardName ?? -1;
  const wardCode = found.wardCode ?? -1;
  const heading = (i: number): string => headers[i] ?? "";
  const layout: DatastoreLayout = {
    naming: GROUP_NAMES.has(
      heading(major)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, "")
    )
      ? "Group/SubGroup"
      : "MajorText/MinorText",
    level: wardName >= 0 || wardCode >= 0 ? "ward" : "borough",
    columns: {
      major: heading(major),
      minor: heading(minor),
      area: heading(area),
      ...(wardName >= 0 ? { wardName: heading(wardName) } : {}),
      ...(wardCode >= 0 ? { wardCode: heading(wardCode) } : {}),
      ...(found.refreshed !== undefined ? { refreshed: heading(found.refreshed) } : {}),
    },
  };
  return { ok: true, recognised: { layout, major, minor, area, wardName, wardCode, monthColumns } };
}

/** The separators a Datastore file comes with: commas as published, tabs once Excel has it. */
export type DatastoreDelimiter = "," | "\t";

/**
 * Cheap sniff of the header row: the separator it is read with when it is a layout we
 * read, or looks like a Datastore file (YYYYMM month columns beside a Datastore column) so
 * that reading it reports exactly what is wrong instead of treating it as some other
 * table; null for anything else. Commas are the file as published; tabs are the same file
 * opened in Excel and copied, saved as a spreadsheet, or taken from a selected range.
 */
export function datastoreDelimiter(text: string): DatastoreDelimiter | null {
  const head = text.replace(/^\uFEFF/, "").slice(0, 64 * 1024);
  const delimiters: DatastoreDelimiter[] = ["\t", ","];
  for (const delimiter of delimiters) {
    const parsed = Papa.parse<string[]>(head, { delimiter, preview: 1, skipEmptyLines: true });
    const headers = trimHeaders(parsed.data[0] ?? []);
    if (headers.length < 2) continue;
    if (recogniseLayout(headers).ok) return delimiter;
    const months = headers.filter((h) => monthFromHeading(h) !== null).length;
    if (months >= 2 && headers.some((h) => roleOf(h) !== null)) return delimiter;
  }
  return null;
}

/** True when the text is a Datastore file, with commas or tabs (datastoreDelimiter). */
export function isDatastoreCsv(text: string): boolean {
  return datastoreDelimiter(text) !== null;
}

/** Header cells trimmed, trailing empty columns (a trailing comma) dropped. */
export function trimHeaders(row: readonly string[]): string[] {
  const headers = row.map((h) => h.trim());
  while (headers.length > 0 && headers[headers.length - 1] === "") headers.pop();
  return headers;
}
