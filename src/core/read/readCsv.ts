// CSV (RFC 4180: quoted fields, commas and line breaks inside quotes) through papaparse.

import Papa from "papaparse";
import { maxOf } from "../appendAll";
import { MAX_CELLS, SourceGrid, SourceLine, cleanCell } from "./sourceLines";

export function csvLines(text: string): SourceGrid {
  const normalised = text.replace(/\r\n?/g, "\n");
  const lines: SourceLine[] = [];
  let line = 1;
  let scanned = 0;
  Papa.parse<string[]>(normalised, {
    delimiter: ",",
    skipEmptyLines: false,
    step: (result) => {
      const start = scanned;
      lines.push({ line, cells: result.data.slice(0, MAX_CELLS).map(cleanCell) });
      // The next row starts where this one ended; count the line breaks it spanned.
      const end = Math.min(result.meta.cursor, normalised.length);
      for (let i = start; i < end; i++) if (normalised.charCodeAt(i) === 10) line++;
      scanned = end;
      if (end < normalised.length && normalised.charCodeAt(end) === 10) {
        line++;
        scanned = end + 1;
      }
    },
  });
  return { spaced: false, lines };
}

/**
 * Whether text is comma-separated rather than spaced text that merely has thousands
 * separators ("TNO - Victim 10,522 11,910"): most comma rows share one field count and
 * the pieces after commas do not look like the tails of thousands ("522 11").
 */
export function looksLikeCsv(text: string): boolean {
  return csvRowCount(text) > 0;
}

/** How many rows of the text's start read as comma-separated rows (0 when it is not CSV). */
export function csvRowCount(text: string): number {
  const sample = text.slice(0, 200000).replace(/\r\n?/g, "\n");
  const parsed = Papa.parse<string[]>(sample, {
    delimiter: ",",
    preview: 300,
    skipEmptyLines: true,
  });
  const rows = parsed.data.filter((r) => r.length > 1);
  if (rows.length === 0) return 0;
  let pieces = 0;
  let thousandsTails = 0;
  const counts = new Map<number, number>();
  for (const r of rows) {
    counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    for (let i = 1; i < r.length; i++) {
      pieces++;
      if (/^\d{3}(?:\D|$)/.test(r[i] ?? "") && /\d$/.test(r[i - 1] ?? "")) thousandsTails++;
    }
  }
  if (thousandsTails > pieces * 0.3) return 0;
  const modal = maxOf(counts.values());
  return modal >= rows.length * 0.5 ? rows.length : 0;
}
