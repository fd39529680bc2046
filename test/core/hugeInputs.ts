// Huge inputs for tests and benchmarks of issue #17, generated (never committed): a paste
// of distinct rows (each copy of the Merton sample's crime rows renamed, so no two rows
// share a category and sub-category) and HTML nested deeply.
import * as fs from "fs";
import * as path from "path";

const MERTON = path.join(__dirname, "../../samples/offences-sds/merton-2017-08-01.txt");
/** Heading lines, then the crime rows. */
const HEAD_LINES = 5;
const BODY_LINES = 27;

/** The Merton table with `rows` crime rows, copy `i` of each row's labels ending " i". */
export function distinctRowsPaste(rows: number): string {
  const lines = fs.readFileSync(MERTON, "utf8").split("\n");
  const out = lines.slice(0, HEAD_LINES);
  const body = lines.slice(HEAD_LINES, HEAD_LINES + BODY_LINES).map((l) => l.split("\t"));
  for (let copy = 0; out.length - HEAD_LINES < rows; copy++) {
    for (const cells of body) {
      if (out.length - HEAD_LINES >= rows) break;
      const [category = "", sub = "", ...rest] = cells;
      const label = (s: string) => (s === "" || s === "Total" ? s : `${s} ${copy}`);
      out.push([label(category), label(sub), ...rest].join("\t"));
    }
  }
  return out.join("\n");
}

/** An HTML document of `depth` nested divs around one word. */
export function nestedDivs(depth: number): string {
  return `<html><body>${"<div>".repeat(depth)}deep${"</div>".repeat(depth)}</body></html>`;
}
