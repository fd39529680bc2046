// The area (borough) a table is about: named by the user, else printed in the paste
// ("Borough: Merton"), else taken from the file name ("merton-2017-08-01.txt") when that
// name is a known area. Never guessed from anything else: null when none of the three
// names it ("committee-report.txt" and "Book1.html" name no area).

import { canonicalArea, matchArea } from "../areas";

const AREA_LINE =
  /^\s*(?:borough|area|bcu|borough name|local authority|district)\s*[:\u2013-]\s*(\S.{0,80}?)\s*$/i;

/** Reads "Borough: Merton" / "Area - Merton"; undefined when the line is not an area line. */
export function parseAreaLine(text: string): string | undefined {
  if (text.length > 120) return undefined;
  const m = AREA_LINE.exec(text);
  return m ? m[1] : undefined;
}

/** File names made only of these words name no place ("paste.txt", "crime-table.csv"). */
const GENERIC_WORDS = new Set([
  "paste",
  "copy",
  "crime",
  "crimes",
  "table",
  "tables",
  "data",
  "offences",
  "sds",
  "clipboard",
  "untitled",
  "test",
  "sample",
  "input",
  "file",
  "export",
  "pdf",
]);

const SMALL_WORDS = new Set(["and", "of", "upon", "the", "on", "in"]);

/**
 * A borough left unnamed by its paper and named by the analyst with a letter or number
 * ("Borough C", "Area 2"): a name given on purpose, not a description of the document.
 */
const PLACEHOLDER_AREA = /^(?:borough|area|bcu|ward) (?:[a-z]|\d{1,2})$/i;

/**
 * The area a file name gives, when it is a known area: a London borough ("merton-2017-08-01.txt"
 * → "Merton", "kingston-upon-thames_20170801.html" → "Kingston upon Thames"), one of `known`
 * (the areas or wards of a loaded file, names the user gave), or a borough the analyst named
 * by letter ("borough-c-2017-09-05.pdf-copy.txt" → "Borough C"). Null otherwise.
 */
export function areaFromFileName(fileName: string, known: readonly string[] = []): string | null {
  const name = nameInFileName(fileName);
  if (name === null) return null;
  return (
    canonicalArea(name) ?? matchArea(name, known) ?? (PLACEHOLDER_AREA.test(name) ? name : null)
  );
}

/** The words of a file name as a place name, its date and descriptive words dropped. */
function nameInFileName(fileName: string): string | null {
  let base = fileName.split(/[\\/]/).pop() ?? "";
  base = base.replace(/(\.(?:pdf-copy|txt|tsv|csv|html?|pdf|text|xlsx?|xlsm|ods|md|json))+$/i, "");
  // Drop a trailing date (2017-08-01, 20170801, 2017_08_01, 01-08-2017) and trailing words
  // that describe the copy rather than the place.
  base = base.replace(/[-_ .]*(?:\d{4}[-_.]?\d{2}[-_.]?\d{2}|\d{2}[-_.]\d{2}[-_.]\d{4})$/, "");
  // A trailing year, financial year or month ("lambeth-2007", "merton-2016-17", "…-2024-01").
  base = base.replace(/[-_ .]+(?:19|20)\d\d(?:[-_.](?:\d\d|(?:19|20)\d\d))?$/, "");
  base = base.replace(/[-_ .]+(?:pdf-copy|copy|paste|offences|sds|crime|table)$/i, "");
  const words = base.split(/[-_ .]+/).filter((w) => w !== "");
  if (
    words.length === 0 ||
    words.every((w) => /^\d+$/.test(w) || GENERIC_WORDS.has(w.toLowerCase()))
  )
    return null;
  return words
    .map((w, i) =>
      i > 0 && SMALL_WORDS.has(w.toLowerCase())
        ? w.toLowerCase()
        : w.charAt(0).toUpperCase() + w.slice(1)
    )
    .join(" ");
}
