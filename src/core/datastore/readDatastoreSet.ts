// Datastore files read together: the areas asked for (boroughs, wards, groups of either)
// are looked for in every file, each file gives the tables of the areas it holds, and a
// ward-level file beside a borough-level one says how much of each borough's total its
// wards hold. One file alone is the same path (readInput).
import type { CrimeTable, ReadError } from "../model";
import { areaKey } from "../areas";
import { isGroupError, parseGroup, resolveGroup } from "../groups";
import type { DatastoreFile } from "./types";
import { readDatastore } from "./readDatastore";
import { r12Tables, R12_TITLE } from "./r12Tables";
import { closestNames, findWards, wardsGroupArea, wardsOfArea, wardView } from "./wards";
import { wardCoverage, attachCoverage } from "./wardCoverage";

export interface DatastoreText {
  text: string;
  /** The file's name, for messages and the tables' source. */
  source: string;
}

export interface DatastoreSetOptions {
  /** End month YYYY-MM of the rolling 12 months (default: each file's latest possible). */
  period?: string;
  /** Boroughs or wards by name (wards also by code). @default every borough */
  areas?: string[];
  /** Group presets, "<Borough> wards", or NAME=Area1,Area2 specs whose areas to take. */
  groups?: string[];
}

/**
 * Each input's tables, in input order, and the wards of its ward-level files (each as a user
 * picks it: DatastoreWard's label); or the first failure and the input it concerns.
 */
export type DatastoreSetResult =
  | { ok: true; tables: CrimeTable[][]; wards: string[] }
  | { ok: false; error: ReadError; input: number };

/** A ward picked: the file holding it and its index there. */
interface WardPick {
  file: number;
  ward: number;
}

interface Wanted {
  /** Borough (or airports) names as the files hold them. */
  areas: string[];
  wards: WardPick[];
  /** Whether anything was asked for (else: every borough). */
  any: boolean;
}

const failed = (code: ReadError["code"], message: string, input = 0): DatastoreSetResult => ({
  ok: false,
  error: { code, message },
  input,
});

/** The area name a file holds for `written`, in the first file holding it, or null. */
function heldArea(files: readonly DatastoreFile[], written: string): string | null {
  const key = areaKey(written);
  for (const f of files) {
    const a = f.areas.find((x) => areaKey(x.name) === key || areaKey(x.fileName) === key);
    if (a) return a.name;
  }
  return null;
}

/** Every name a user may write: areas, ward labels, ward names and codes. */
function knownNames(files: readonly DatastoreFile[]): string[] {
  const names = new Set<string>();
  for (const f of files) {
    for (const a of f.areas) names.add(a.name);
    for (const w of f.wards?.wards ?? []) {
      names.add(w.label);
      names.add(w.name);
      if (w.code) names.add(w.code);
    }
  }
  return [...names];
}

/** Why `written` names no area, with the names closest to it. */
function unknownMessage(files: readonly DatastoreFile[], unknown: string[]): string {
  const sources = files.map((f) => f.source).join(", ");
  const areas = [...new Set(files.flatMap((f) => f.areas.map((a) => a.name)))];
  const labels = files.flatMap((f) => f.wards?.wards.map((w) => w.label) ?? []);
  const hints = unknown.map((u) => {
    const close = closestNames(u, [...areas, ...labels]);
    return close.length > 0 ? ` (did you mean ${close.map((c) => `"${c}"`).join(", ")}?)` : "";
  });
  const listed = unknown.map((u, i) => `"${u}"${hints[i]}`).join(", ");
  const wards =
    labels.length > 0
      ? `; and ${labels.length} wards (all of a borough's with --group "<borough> wards")`
      : "";
  return `${listed} not in ${sources}; its areas: ${areas.join(", ")}${wards}`;
}

/** The names of a group: its areas, or null for a NAME=… group naming areas no file holds. */
function groupNames(files: readonly DatastoreFile[], spec: string): string[] | ReadError | null {
  if (spec.includes("=")) {
    const group = parseGroup(spec, knownNames(files));
    // May name pasted areas, which no file holds: its caller checks the group against every table.
    return isGroupError(group) ? null : group.areas;
  }
  const borough = wardsGroupArea(spec);
  if (borough !== null) {
    const wards = files.flatMap((f) => wardsOfArea(f, borough));
    if (wards.length > 0) return wards.map((w) => w.label);
    return {
      code: "unknown-group",
      message: `group "${spec}": no ward-level file given holds wards of ${borough}`,
    };
  }
  // A preset's areas must all be in one file, as before wards were read.
  let group = resolveGroup(spec, files[0]);
  for (const f of files.slice(1)) {
    if (!isGroupError(group)) break;
    group = resolveGroup(spec, f);
  }
  return isGroupError(group) ? { code: "unknown-group", message: group.error } : group.areas;
}

/** The areas and wards asked for, each found in some file, or why not. */
function resolveWanted(
  files: readonly DatastoreFile[],
  opts: DatastoreSetOptions
): Wanted | ReadError {
  const names = [...(opts.areas ?? [])];
  for (const spec of opts.groups ?? []) {
    const got = groupNames(files, spec);
    if (got === null) continue;
    if (!Array.isArray(got)) return got;
    // A NAME=… group takes only what some file holds.
    names.push(...(spec.includes("=") ? got.filter((n) => pickOf(files, n) !== null) : got));
  }
  const wanted: Wanted = { areas: [], wards: [], any: names.length > 0 };
  const unknown: string[] = [];
  for (const name of names) {
    const pick = pickOf(files, name);
    if (pick === null) unknown.push(name);
    else if (typeof pick === "string") {
      if (!wanted.areas.includes(pick)) wanted.areas.push(pick);
    } else if ("ambiguous" in pick) {
      return { code: "no-table", message: pick.ambiguous };
    } else if (!wanted.wards.some((w) => w.file === pick.file && w.ward === pick.ward)) {
      wanted.wards.push(pick);
    }
  }
  if (unknown.length > 0) return { code: "no-table", message: unknownMessage(files, unknown) };
  return wanted;
}

/** An area name, a ward, a name two wards share, or null. Areas before wards. */
function pickOf(
  files: readonly DatastoreFile[],
  written: string
): string | WardPick | { ambiguous: string } | null {
  const area = heldArea(files, written);
  if (area !== null) return area;
  for (const [file, f] of files.entries()) {
    const found = findWards(f, written);
    if (found.length === 1) return { file, ward: found[0]! };
    if (found.length > 1) {
      const labels = found.map((w) => `"${f.wards!.wards[w]!.label}"`);
      return {
        ambiguous: `"${written}" is a ward of more than one borough: name it as ${labels.join(" or ")}`,
      };
    }
  }
  return null;
}

/** The tables of a borough-level file, or of a ward-level file's borough sums. */
function areaTables(
  f: DatastoreFile,
  areas: string[] | undefined,
  period: string | undefined
): ReturnType<typeof r12Tables> {
  if (areas !== undefined && areas.length === 0) return { ok: true, tables: [] };
  return r12Tables(f, { period, areas });
}

/** A ward-level file's ward tables, titled and marked with their borough. */
function wardTables(
  f: DatastoreFile,
  picks: number[],
  period: string | undefined
): ReturnType<typeof r12Tables> {
  const view = wardView(f);
  if (view === null || picks.length === 0) return { ok: true, tables: [] };
  const wards = f.wards!.wards;
  const read = r12Tables(view, { period, areas: picks.map((w) => wards[w]!.label) });
  if (!read.ok) return read;
  const tables = read.tables.map((t, i) => {
    const w = wards[picks[i]!]!;
    const borough = f.areas[w.area]!.name;
    return { ...t, title: `${R12_TITLE}: a ward of ${borough}`, ward: { borough, code: w.code } };
  });
  return { ok: true, tables };
}

/** One file's tables: the boroughs it should give, then the wards picked in it. */
function fileTables(
  files: readonly DatastoreFile[],
  i: number,
  wanted: Wanted,
  period: string | undefined
): ReturnType<typeof r12Tables> {
  const f = files[i]!;
  const holds = (name: string): boolean => heldArea([f], name) !== null;
  const boroughFiles = files.filter((x) => x.layout.level === "borough");
  let areas: string[] | undefined;
  if (f.layout.level === "borough") areas = wanted.any ? wanted.areas.filter(holds) : undefined;
  // A ward file's borough sums only where no borough-level file gives the borough itself.
  else if (!wanted.any) areas = boroughFiles.length > 0 ? [] : undefined;
  else areas = wanted.areas.filter((a) => holds(a) && heldArea(boroughFiles, a) === null);
  const own = areaTables(f, areas, period);
  if (!own.ok) return own;
  const picks = wanted.wards.filter((w) => w.file === i).map((w) => w.ward);
  const wards = wardTables(f, picks, period);
  if (!wards.ok) return wards;
  return { ok: true, tables: [...own.tables, ...wards.tables] };
}

/** Read every Datastore file, then make each one's tables for the areas asked for. */
export function readDatastoreSet(
  inputs: readonly DatastoreText[],
  opts: DatastoreSetOptions = {}
): DatastoreSetResult {
  const files: DatastoreFile[] = [];
  for (const [i, input] of inputs.entries()) {
    const read = readDatastore(input.text, input.source);
    if (!read.ok) return { ok: false, error: read.error, input: i };
    files.push(read.file);
  }
  if (files.length === 0) return { ok: true, tables: [], wards: [] };
  const wanted = resolveWanted(files, opts);
  if ("code" in wanted) return failed(wanted.code, wanted.message);
  const tables: CrimeTable[][] = [];
  for (const i of files.keys()) {
    const made = fileTables(files, i, wanted, opts.period);
    if (!made.ok) return { ok: false, error: made.error, input: i };
    tables.push(made.tables);
  }
  attachCoverage(tables, wardCoverage(files, tables, opts.period));
  const wards = [...new Set(files.flatMap((f) => f.wards?.wards.map((w) => w.label) ?? []))];
  return { ok: true, tables, wards };
}
