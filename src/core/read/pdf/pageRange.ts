// `--pages 7-84` (or "7", "7-", "3,7-9"): the pages to search, checked against the
// document's length once it is known.

/** The 1-based pages a range names, or an error sentence. */
export function parsePageRange(
  spec: string
): { ok: true; ranges: [number, number][] } | { ok: false; error: string } {
  const ranges: [number, number][] = [];
  for (const part of spec.split(",")) {
    const m = /^\s*(\d{1,6})\s*(?:([-\u2013])\s*(\d{1,6})?)?\s*$/.exec(part);
    if (!m) return { ok: false, error: `--pages ${spec}: expected pages such as 7-84, 7 or 3,7-9` };
    const from = Number(m[1]);
    const to = m[3] !== undefined ? Number(m[3]) : m[2] ? Infinity : from;
    if (from < 1 || to < from)
      return {
        ok: false,
        error: `--pages ${spec}: a range runs from a page to a later one, from page 1`,
      };
    ranges.push([from, to]);
  }
  return { ok: true, ranges };
}

/** The pages of a document of `pageCount` pages that the ranges name, in order. */
export function pagesIn(ranges: [number, number][], pageCount: number): number[] {
  const pages: number[] = [];
  for (let p = 1; p <= pageCount; p++) if (ranges.some(([a, b]) => p >= a && p <= b)) pages.push(p);
  return pages;
}
