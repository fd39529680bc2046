// Monthly series per area and category (for trend sheets and control-chart rules), and
// what a Datastore file holds.
import { areaKey } from "../areas";
import type { DatastoreFile } from "./types";
import { sumMonths } from "./sumMonths";

export interface MonthValue {
  /** YYYY-MM */
  month: string;
  value: number;
}

const textKey = (s: string): string => s.toLowerCase().replace(/\s+/g, " ").trim();

/** Index of an area by loose name; throws for a name the file does not hold (check listAreas first). */
function areaIndex(file: DatastoreFile, area: string): number {
  const key = areaKey(area);
  const i = file.areas.findIndex((a) => areaKey(a.name) === key || areaKey(a.fileName) === key);
  if (i < 0) throw new RangeError(`"${area}" is not an area of ${file.source}`);
  return i;
}

/** Category indices selected by major category and optionally sub-category (any case); all when no category. */
function categoryIndices(file: DatastoreFile, category?: string, subcategory?: string): number[] {
  if (category === undefined) return file.categories.map((_, i) => i);
  const major = file.majors.find((m) => textKey(m.name) === textKey(category));
  if (major === undefined)
    throw new RangeError(`"${category}" is not a category of ${file.source}`);
  if (subcategory === undefined || textKey(subcategory) === "total") return major.categories;
  const c = major.categories.find(
    (i) => textKey(file.categories[i]!.minor) === textKey(subcategory)
  );
  if (c === undefined)
    throw new RangeError(
      `"${subcategory}" is not a sub-category of "${category}" in ${file.source}`
    );
  return [c];
}

/**
 * Offences per month for an area: all offences, one category (sum of its sub-categories)
 * or one sub-category. A category the area lacks gives zeros.
 */
export function monthlySeries(
  file: DatastoreFile,
  area: string,
  opts: { category?: string; subcategory?: string } = {}
): MonthValue[] {
  const a = areaIndex(file, area);
  const cats = categoryIndices(file, opts.category, opts.subcategory);
  return file.months.map((month, i) => {
    let value = 0;
    for (const c of cats) value += sumMonths(file, a, c, i, i);
    return { month, value };
  });
}

/** The file's areas in file order; the airports area and any other non-borough say so. */
export function listAreas(file: DatastoreFile): { name: string; isBorough: boolean }[] {
  return file.areas.map((a) => ({ name: a.name, isBorough: a.isBorough }));
}

/** The months the file holds, ascending, as YYYY-MM. */
export function listMonths(file: DatastoreFile): string[] {
  return [...file.months];
}
