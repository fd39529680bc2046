// Sheet identity (issue 17): every sheet the definitions record carries an anchor, a hidden
// workbook-scoped defined name ("_ScrutinySheet_3") referring to the sheet's A1. Excel,
// LibreOffice and Office.js move a name's reference with its sheet when the sheet is
// renamed, so on a refresh each anchor gives the sheet's current name, whatever the user
// called it since, and a sheet of the user's that took a recorded name is not ours.
//
// Why a defined name and not the package's sheetId or Office.js's Worksheet.id: both
// writers read and write defined names (workbook.xml; Workbook.names, ExcelApi 1.4, within
// the manifest's 1.7), they travel with the file between Excel, LibreOffice and the
// add-in, whereas LibreOffice renumbers sheetIds on saving and Office.js documents no tie
// between Worksheet.id and the file's sheetId. Workbooks built before anchors (none
// recorded) are still found by name.
import { sheetRef } from "./a1";
import { sheetKey } from "./sheetNames";
import type { SheetAnchor } from "./spec";
import {
  DefinitionsError,
  roleWords,
  type Definitions,
  type SheetDefinition,
} from "./definitionsSchema";

export const ANCHOR_PREFIX = "_ScrutinySheet_";
const ANCHOR = /^_ScrutinySheet_(\d+)$/i;

/** Whether a defined name is of the anchor form (names compare ignoring case, as Excel's do). */
export const isAnchorName = (name: string): boolean => ANCHOR.test(name);

/** What an anchor refers to, without the "=": "'Checks (old)'!$A$1". */
export const anchorReference = (sheet: string): string => `${sheetRef(sheet)}$A$1`;

/**
 * The sheet an anchor's reference names ("='Checks (old)'!$A$1", "Checks!$A$1", as Excel,
 * LibreOffice or Office.js give it back), or null when it names none (its sheet was
 * deleted: "#REF!$A$1", "#REF!").
 */
export function anchoredSheet(reference: string): string | null {
  const m = /^=?\s*(?:'((?:[^']|'')+)'|([^'!#][^!]*))!\$?[A-Za-z]{1,3}\$?\d+\s*$/.exec(reference);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
}

/** The workbook's anchors: lower-case name → the sheet it refers to (null: none). */
export type AnchorMap = ReadonlyMap<string, string | null>;

/** The anchors among a workbook's workbook-scoped defined names (name and reference). */
export function anchorsOf(names: readonly { name: string; reference: string }[]): AnchorMap {
  const out = new Map<string, string | null>();
  for (const n of names)
    if (isAnchorName(n.name)) out.set(n.name.toLowerCase(), anchoredSheet(n.reference));
  return out;
}

const lead = (name: string) =>
  `the workbook's scrutiny-sheets definitions claim the sheet “${name}”`;
const TAIL = "; nothing was written";

/**
 * The definitions with every anchored sheet under its current name. A recorded sheet
 * whose anchor no longer refers to a sheet (it was deleted) keeps its recorded name, or
 * is left out when another sheet has taken that name. A sheet whose
 * anchor is missing is taken by its recorded name (a workbook from before anchors). Throws
 * a DefinitionsError when the definitions claim a sheet whose id does not match: a name
 * recorded twice, two records on one sheet, or a sheet that carries another id, or none
 * where the workbook's other recorded sheets carry theirs.
 */
export function resolveDefinitions(
  defs: Definitions,
  anchors: AnchorMap,
  sheetNames: readonly string[]
): Definitions {
  const present = new Map(sheetNames.map((n) => [sheetKey(n), n]));
  const anchorOn = new Map<string, string>();
  for (const [a, sheet] of anchors)
    if (sheet !== null)
      anchorOn.set(sheetKey(sheet), `${ANCHOR_PREFIX}${ANCHOR.exec(a)?.[1] ?? a}`);
  const anchored = defs.sheets.filter((d) => d.anchor !== undefined);
  if (anchored.length === 0) return defs;
  refuseTwice(anchored);
  const recordedIds = new Set(anchored.map((d) => d.anchor!.toLowerCase()));
  // The anchors on sheets that no record claims: a record under such a sheet's name is not ours.
  const foreign = new Map([...anchorOn].filter(([, a]) => !recordedIds.has(a.toLowerCase())));
  const inUse = anchored.some((d) => anchors.has(d.anchor!.toLowerCase()));
  const look: Lookup = { anchors, anchorOn, foreign, present, inUse };
  const sheets: SheetDefinition[] = [];
  for (const d of defs.sheets) {
    const name = d.anchor === undefined ? d.name : currentName(d, look);
    if (name !== null) sheets.push(name === d.name ? d : { ...d, name });
  }
  refuseTwice(sheets.filter((d) => d.anchor !== undefined));
  return { ...defs, sheets };
}

/** What resolving a record looks at: the anchors, the sheets, and whether ids are in use. */
interface Lookup {
  anchors: AnchorMap;
  /** The anchor on each sheet (by sheetKey), and those of them no record claims. */
  anchorOn: ReadonlyMap<string, string>;
  foreign: ReadonlyMap<string, string>;
  present: ReadonlyMap<string, string>;
  inUse: boolean;
}

/** The current name of an anchored sheet, or null to leave its record out. */
function currentName(d: SheetDefinition, look: Lookup): string | null {
  const key = d.anchor!.toLowerCase();
  const there = look.present.get(sheetKey(d.name));
  const mismatch = (other: string) =>
    new DefinitionsError(
      `${lead(there ?? d.name)} as ${roleWords(d)} (${d.anchor}), but that sheet is ${other}${TAIL} (the definitions do not match the workbook's sheets)`
    );
  if (look.anchors.has(key)) {
    const sheet = look.anchors.get(key);
    const now = sheet == null ? undefined : look.present.get(sheetKey(sheet));
    // Deleted: recorded as it was, so a refresh says it is gone, unless a sheet (not
    // this one) has taken its name since.
    if (now === undefined) return there === undefined ? d.name : null;
    // Recorded under the name of a sheet that carries an id no record claims: not a rename.
    const other = look.foreign.get(sheetKey(d.name));
    if (sheetKey(now) !== sheetKey(d.name) && other !== undefined) throw mismatch(other);
    return now;
  }
  if (there === undefined) return d.name;
  const other = look.anchorOn.get(sheetKey(d.name));
  if (other !== undefined) throw mismatch(other);
  if (look.inUse)
    throw new DefinitionsError(
      `${lead(there)}, which scrutiny-sheets did not make: it has no sheet id ${d.anchor}${TAIL} (rename that sheet to keep it out of the refresh)`
    );
  return d.name;
}

function refuseTwice(defs: readonly SheetDefinition[]): void {
  const seen = new Map<string, SheetDefinition>();
  for (const d of defs) {
    const first = seen.get(sheetKey(d.name));
    if (first)
      throw new DefinitionsError(
        `${lead(d.name)} as ${roleWords(first)} but also as ${roleWords(d)}${TAIL}`
      );
    seen.set(sheetKey(d.name), d);
  }
}

/**
 * Gives each recorded sheet its anchor: the one the sheet of that (current) name had in
 * `previous` (resolved definitions of the workbook before this write), else a new one.
 */
export function anchorDefinitions(defs: Definitions, previous: Definitions | null): Definitions {
  const before = new Map<string, string>();
  for (const d of previous?.sheets ?? []) if (d.anchor) before.set(sheetKey(d.name), d.anchor);
  const numberOf = (a: string): number => Number(ANCHOR.exec(a)?.[1] ?? 0);
  let last = Math.max(0, ...[...before.values()].map(numberOf));
  const used = new Set<string>();
  const sheets = defs.sheets.map((d) => {
    const kept = d.anchor ?? before.get(sheetKey(d.name));
    const anchor =
      kept !== undefined && !used.has(kept.toLowerCase()) ? kept : `${ANCHOR_PREFIX}${++last}`;
    used.add(anchor.toLowerCase());
    return { ...d, anchor };
  });
  return { ...defs, sheets };
}

/** The anchors the workbook keeps for these definitions, for WorkbookSpec.sheetAnchors. */
export function sheetAnchorsOf(defs: Definitions): SheetAnchor[] {
  return defs.sheets.flatMap((d) => (d.anchor ? [{ name: d.anchor, sheet: d.name }] : []));
}
