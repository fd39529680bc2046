// An independent reading of the sample CSVs for tests: lines split by hand and fields
// matched by a regular expression, so that checks do not reuse papaparse or our reader.
import * as fs from "fs";
import * as path from "path";

export const SAMPLES = path.join(__dirname, "../../../samples/datastore");
export const FILE_2010 = "mps-borough-level-crime-2010-04-to-2022-01.csv";
export const FILE_2022 = "mps-borough-level-crime-2022-02-to-2024-01.csv";

export function sampleText(name: string): string {
  return fs.readFileSync(path.join(SAMPLES, name), "utf8");
}

/** Fields of one CSV line: quoted ("a, ""b""") or bare. The samples hold no line breaks in quotes. */
export function splitLine(line: string): string[] {
  const fields: string[] = [];
  const re = /(?:"((?:[^"]|"")*)"|([^,]*))(,|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    fields.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? ""));
    if (m[3] === "") break;
  }
  return fields;
}

export interface RawRow {
  /** 1-based line in the file. */
  line: number;
  major: string;
  minor: string;
  area: string;
  /** Count by YYYYMM heading. */
  byMonth: Map<string, number>;
}

export function rawRows(text: string): { headers: string[]; rows: RawRow[] } {
  const lines = text.split(/\r?\n/);
  const headers = splitLine(lines[0]!);
  const rows: RawRow[] = [];
  lines.slice(1).forEach((l, i) => {
    if (l === "") return;
    const f = splitLine(l);
    const byMonth = new Map<string, number>();
    for (let c = 3; c < headers.length; c++) byMonth.set(headers[c]!, parseInt(f[c]!, 10));
    rows.push({ line: i + 2, major: f[0]!, minor: f[1]!, area: f[2]!, byMonth });
  });
  return { headers, rows };
}

/** The YYYYMM headings of the 12 months ending at `endYYYYMM`, counted back independently. */
export function twelveMonthsEnding(endYYYYMM: string): string[] {
  let y = Number(endYYYYMM.slice(0, 4));
  let m = Number(endYYYYMM.slice(4, 6));
  const out: string[] = [];
  for (let i = 0; i < 12; i++) {
    out.push(`${y}${m < 10 ? "0" : ""}${m}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

/** Sum of the given month columns over rows matching the filter. */
export function sumRows(rows: RawRow[], months: string[], keep: (r: RawRow) => boolean): number {
  let total = 0;
  for (const r of rows) {
    if (!keep(r)) continue;
    for (const m of months) {
      const v = r.byMonth.get(m);
      if (v === undefined || Number.isNaN(v))
        throw new Error(`no count for ${m} on line ${r.line}`);
      total += v;
    }
  }
  return total;
}
