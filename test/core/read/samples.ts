// The published sample tables (samples/offences-sds), read as the tests need them.
import * as fs from "fs";
import * as path from "path";

export const SAMPLES_DIR = path.join(__dirname, "../../../samples/offences-sds");

export const SAMPLE_FILES = fs.readdirSync(SAMPLES_DIR).sort();

export function sampleText(name: string): string {
  return fs.readFileSync(path.join(SAMPLES_DIR, name), "utf8");
}

/** Replaces cell `col` (0-based) of 1-based `line` in a tab-separated sample. */
export function withTabCell(text: string, line: number, col: number, value: string): string {
  const lines = text.split("\n");
  const cells = (lines[line - 1] ?? "").split("\t");
  if (col >= cells.length) throw new Error(`line ${line} has no cell ${col}`);
  cells[col] = value;
  lines[line - 1] = cells.join("\t");
  return lines.join("\n");
}

/** Replaces token `index` (0-based, counted from the right) of 1-based `line` in spaced text. */
export function withSpacedToken(
  text: string,
  line: number,
  fromRight: number,
  value: string
): string {
  const lines = text.split("\n");
  const tokens = (lines[line - 1] ?? "").split(" ");
  const at = tokens.length - 1 - fromRight;
  if (at < 0) throw new Error(`line ${line} has no token ${fromRight} from the right`);
  tokens[at] = value;
  lines[line - 1] = tokens.join(" ");
  return lines.join("\n");
}
