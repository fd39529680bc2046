// The area (borough) a table is about: named by the user, else printed in the paste
// ("Borough: Merton"), else taken from the file name ("merton-2017-08-01.txt"). Never
// guessed from anything else: null when none of the three names it.

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
 * "merton-2017-08-01.txt" → "Merton"; "borough-c-2017-09-05.pdf-copy.txt" → "Borough C";
 * "kingston-upon-thames_20170801.html" → "Kingston upon Thames". Null when no name is left.
 */
export function areaFromFileName(fileName: string): string | null {
  let base = fileName.split(/[\\/]/).pop() ?? "";
  base = base.replace(/(\.(?:pdf-copy|txt|tsv|csv|html?|pdf|text|xlsx?|json))+$/i, "");
  // Drop a trailing date (2017-08-01, 20170801, 2017_08_01, 01-08-2017) and trailing words
  // that describe the copy rather than the place.
  base = base.replace(/[-_ .]*(?:\d{4}[-_.]?\d{2}[-_.]?\d{2}|\d{2}[-_.]\d{2}[-_.]\d{4})$/, "");
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
