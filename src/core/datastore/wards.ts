// The wards of a ward-level Datastore file: picked by name ("Forest Hill", "Abbey (Merton)")
// or code (E05013722), and seen as a DatastoreFile whose areas are the wards, so the same
// R12 tables and monthly series are made for a ward as for a borough.
import { areaKey } from "../areas";
import type { CrimeTable } from "../model";
import type { DatastoreFile, DatastoreWard } from "./types";

/** The file ward by ward (areas = wards, by label), or null for a borough-level file. */
export function wardView(file: DatastoreFile): DatastoreFile | null {
  const w = file.wards;
  if (w === undefined) return null;
  return {
    source: file.source,
    layout: file.layout,
    months: file.months,
    categories: file.categories,
    majors: file.majors,
    areas: w.wards.map((x) => ({
      name: x.label,
      fileName: x.label,
      isBorough: false,
      line: x.line,
    })),
    cellBlock: w.cellBlock,
    cellLine: w.cellLine,
    prefix: w.prefix,
  };
}

/** Look-ups of a file's wards by label, code and name, built once per file. */
interface WardIndex {
  byLabel: Map<string, number>;
  byCode: Map<string, number>;
  byName: Map<string, number[]>;
}

const indexes = new WeakMap<DatastoreFile, WardIndex>();

function wardIndex(file: DatastoreFile): WardIndex {
  const known = indexes.get(file);
  if (known) return known;
  const index: WardIndex = { byLabel: new Map(), byCode: new Map(), byName: new Map() };
  (file.wards?.wards ?? []).forEach((w, i) => {
    index.byLabel.set(areaKey(w.label), i);
    if (w.code !== "") index.byCode.set(w.code.toUpperCase(), i);
    const name = areaKey(w.name);
    index.byName.set(name, [...(index.byName.get(name) ?? []), i]);
  });
  indexes.set(file, index);
  return index;
}

/** What a written ward name finds in a file: one ward, several (a name two boroughs share), or none. */
export function findWards(file: DatastoreFile, written: string): number[] {
  const key = areaKey(written);
  if (key === "" || file.wards === undefined) return [];
  const index = wardIndex(file);
  const byLabel = index.byLabel.get(key);
  if (byLabel !== undefined) return [byLabel];
  const byCode = index.byCode.get(written.trim().toUpperCase());
  if (byCode !== undefined) return [byCode];
  return index.byName.get(key) ?? [];
}

/** The wards of one borough (matched loosely) in file order; empty when the file holds none. */
export function wardsOfArea(file: DatastoreFile, area: string): DatastoreWard[] {
  const key = areaKey(area);
  const a = file.areas.findIndex((x) => areaKey(x.name) === key || areaKey(x.fileName) === key);
  if (a < 0) return [];
  return (file.wards?.wards ?? []).filter((w) => w.area === a);
}

/** A borough's (or other area's) wards, as a ward-level file lists them. */
export interface WardsOfArea {
  /** The area's name, as the file's areas give it (the "<Borough> wards" group names it). */
  area: string;
  /** Its wards' labels (what a ward is picked by), in file order. */
  wards: string[];
}

/** The wards of a ward-level file grouped by area, areas in file order; empty for a borough-level file. */
export function listWards(file: DatastoreFile): WardsOfArea[] {
  const byArea = file.areas.map((a): WardsOfArea => ({ area: a.name, wards: [] }));
  for (const w of file.wards?.wards ?? []) byArea[w.area]?.wards.push(w.label);
  return byArea.filter((a) => a.wards.length > 0);
}

/** The borough named in a group "Lewisham wards" or "wards of Lewisham", or null. */
export function wardsGroupArea(name: string): string | null {
  const m =
    /^\s*(.+?)\s+wards\s*$/i.exec(name) ??
    /^\s*(?:all\s+)?(?:the\s+)?wards\s+(?:of|in)\s+(.+?)\s*$/i.exec(name);
  return m ? m[1]! : null;
}

/** Edit distance of two short keys (names of areas): few enough to compute in full. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Up to `max` of `names` close to `written`: those containing it or contained in it, sharing
 * a word with it, or a few letters from it; closest first.
 */
export function closestNames(written: string, names: readonly string[], max = 5): string[] {
  const key = areaKey(written);
  const words = new Set(key.split(" ").filter((w) => w.length > 2));
  const scored: { name: string; score: number }[] = [];
  for (const name of names) {
    const other = areaKey(name);
    const d = distance(key, other);
    const near = d <= Math.max(2, Math.floor(key.length / 4));
    const contains = other.includes(key) || key.includes(other);
    const shared = other.split(" ").some((w) => words.has(w));
    if (near || contains || shared)
      scored.push({ name, score: near ? d : contains ? 50 + d : 100 + d });
  }
  scored.sort((x, y) => x.score - y.score || x.name.localeCompare(y.name));
  return [...new Set(scored.map((s) => s.name))].slice(0, max);
}

/**
 * The group "<Borough> wards" over tables read: the wards of that borough among them, in
 * order; null when the spec is no such group, an error when no ward of it was read.
 */
export function wardsGroupOfTables(
  spec: string,
  tables: readonly CrimeTable[]
): { name: string; areas: string[] } | { error: string } | null {
  if (spec.includes("=")) return null;
  const borough = wardsGroupArea(spec);
  if (borough === null) return null;
  const key = areaKey(borough);
  const areas = tables.flatMap((t) =>
    t.ward && t.area !== null && areaKey(t.ward.borough) === key ? [t.area] : []
  );
  if (areas.length === 0) return { error: `group "${spec}": no ward of ${borough} was read` };
  return { name: spec.trim(), areas: [...new Set(areas)] };
}
