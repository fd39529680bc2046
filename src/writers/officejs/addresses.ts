// Range addresses as layouts write them for charts ("'Trend Merton'!C5:H5").

export interface ParsedRange {
  /** The sheet named before "!", unquoted, or null for a local address. */
  sheet: string | null;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function parseRangeAddress(address: string): ParsedRange | null {
  let sheet: string | null = null;
  let local = address;
  const bang = address.lastIndexOf("!");
  if (bang >= 0) {
    const raw = address.slice(0, bang);
    sheet =
      raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2
        ? raw.slice(1, -1).replace(/''/g, "'")
        : raw;
    local = address.slice(bang + 1);
  }
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(local);
  if (!m || !m[1] || !m[2]) return null;
  const r0 = Number(m[2]) - 1;
  const c0 = colIndex(m[1]);
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? colIndex(m[3]) : c0;
  if (r0 < 0 || r1 < 0) return null;
  return {
    sheet,
    row: Math.min(r0, r1),
    col: Math.min(c0, c1),
    rows: Math.abs(r1 - r0) + 1,
    cols: Math.abs(c1 - c0) + 1,
  };
}
