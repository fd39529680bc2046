// The "Area" and "Period ending" fields: pre-filled from what the paste says, and
// applied to the tables on Import. An area is never guessed: a paste that does not
// name one needs the user to type it.
import type { CrimeTable } from "../core/model";
import { canonicalArea } from "../core/areas";

const distinct = (values: (string | null)[]): string[] => [
  ...new Set(values.filter((v): v is string => v !== null && v !== "")),
];

export const areasIn = (tables: CrimeTable[]): string[] => distinct(tables.map((t) => t.area));
export const periodsIn = (tables: CrimeTable[]): string[] =>
  distinct(tables.map((t) => t.periodEnding));

/** Whether the paste itself names several areas (a Datastore extract): each table keeps its own. */
export const hasSeveralAreas = (tables: CrimeTable[]): boolean => areasIn(tables).length > 1;
export const hasSeveralPeriods = (tables: CrimeTable[]): boolean => periodsIn(tables).length > 1;

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export interface FieldProblems {
  area?: string;
  period?: string;
}

/** What is wrong with the fields for these tables, in words for the fields' messages. */
export function checkFields(tables: CrimeTable[], area: string, period: string): FieldProblems {
  const problems: FieldProblems = {};
  if (!hasSeveralAreas(tables) && area.trim() === "")
    problems.area = "Enter the area (borough) these figures are for: the paste does not say.";
  if (!hasSeveralPeriods(tables)) {
    if (period.trim() === "")
      problems.period = "Enter the date the reporting period ends: the paste does not say.";
    else if (!isIsoDate(period.trim()))
      problems.period = "Enter the period ending as a date, for example 2017-08-01.";
  }
  return problems;
}

/** The tables with the fields applied (the user's entry wins over the paste's own). */
export function withAreaAndPeriod(
  tables: CrimeTable[],
  area: string,
  period: string
): CrimeTable[] {
  const typedArea = area.trim();
  const cleanArea = typedArea === "" ? null : (canonicalArea(typedArea) ?? typedArea);
  const cleanPeriod = period.trim() === "" ? null : period.trim();
  return tables.map((t) => ({
    ...t,
    area: hasSeveralAreas(tables) ? t.area : (cleanArea ?? t.area),
    periodEnding: hasSeveralPeriods(tables) ? t.periodEnding : (cleanPeriod ?? t.periodEnding),
  }));
}
