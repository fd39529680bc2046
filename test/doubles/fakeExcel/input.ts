// How Excel turns a value written through `range.values` or `range.formulas` into cell
// content. Strings are read as if the user had typed them (the Range.values docs: "If the
// returned value starts with a plus, minus, or equal sign, Excel interprets this value
// as a formula"; ISO dates become dates), except in a cell whose number format is text
// ("@"), where anything typed stays text, and after a leading apostrophe, which Excel
// keeps as a prefix and drops from the value. This is the behaviour a writer must
// defend against so that pasted text never becomes a formula.

import { FakeOfficeError } from "./errors";

export type CellContent =
  | { kind: "empty" }
  | { kind: "text"; value: string; quotePrefix?: boolean }
  | { kind: "number"; value: number }
  | { kind: "bool"; value: boolean }
  | { kind: "error"; value: string }
  | { kind: "formula"; formula: string };

export interface Interpreted {
  content: CellContent;
  /** A number format Excel applies on entry ("12%" gets "0%") when the cell's is General. */
  autoFormat?: string;
}

export const MAX_TEXT = 32767;
export const MAX_FORMULA = 8192;
const ERROR_LITERALS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
];

/** Returns null when the cell is left unchanged (null in the array, as Office.js treats it). */
export function interpretInput(input: unknown, numFmt: string): Interpreted | null {
  if (input === null || input === undefined) return null;
  if (typeof input === "number") return { content: { kind: "number", value: input } };
  if (typeof input === "boolean") return { content: { kind: "bool", value: input } };
  if (typeof input !== "string") {
    throw new FakeOfficeError(
      "InvalidArgument",
      "The argument is invalid or missing or has an incorrect format."
    );
  }
  const s = input;
  if (s.length > MAX_TEXT)
    throw new FakeOfficeError("InvalidArgument", `Text longer than ${MAX_TEXT} characters.`);
  if (s === "") return { content: { kind: "empty" } };
  if (numFmt === "@") return { content: { kind: "text", value: s } };
  if (s.startsWith("'")) return { content: { kind: "text", value: s.slice(1), quotePrefix: true } };
  if (s.startsWith("=") && s.length > 1) return { content: formula(s) };
  const upper = s.toUpperCase();
  if (ERROR_LITERALS.includes(upper)) return { content: { kind: "error", value: upper } };
  if (upper === "TRUE" || upper === "FALSE")
    return { content: { kind: "bool", value: upper === "TRUE" } };
  const num = parseTypedNumber(s);
  if (num) return { content: { kind: "number", value: num.value }, autoFormat: num.format };
  const date = parseIsoDate(s);
  if (date !== null) return { content: { kind: "number", value: date }, autoFormat: "m/d/yyyy" };
  if ((s.startsWith("+") || s.startsWith("-")) && s.length > 1)
    return { content: formula("=" + s) };
  if (s.startsWith("@") && s.length > 1) return { content: formula("=" + s.slice(1)) };
  return { content: { kind: "text", value: s } };
}

function formula(f: string): CellContent {
  if (f.length > MAX_FORMULA)
    throw new FakeOfficeError("InvalidArgument", "The formula is too long.");
  checkFormulaSyntax(f);
  return { kind: "formula", formula: f };
}

/** The part of Excel's formula parser a writer is most likely to trip: quotes and brackets. */
export function checkFormulaSyntax(f: string): void {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 1; i < f.length; i++) {
    const ch = f[i];
    if (quote) {
      if (ch === quote) {
        if (f[i + 1] === quote) i++;
        else quote = null;
      }
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) break;
  }
  if (quote || depth !== 0) {
    throw new FakeOfficeError("InvalidArgument", `There's a problem with this formula: ${f}`);
  }
}

/** Numbers as Excel (en-US) reads typed text: signs, (negatives), thousands, %, currency. */
function parseTypedNumber(raw: string): { value: number; format?: string } | null {
  const s = raw.replace(/^ +| +$/g, "");
  const m =
    /^([+-])?(\()?([$£€])?(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?(%)?(\))?$/.exec(s);
  if (!m) return null;
  const [, sign, open, currency, int = "", frac = "", exp, pct, close] = m;
  if (!/\d/.test(int + frac)) return null;
  if (Boolean(open) !== Boolean(close) || (open && sign)) return null;
  let value = Number(int.replace(/,/g, "") + (frac === "." ? "" : frac) + (exp ? `e${exp}` : ""));
  if (!Number.isFinite(value)) return null;
  if (sign === "-" || open) value = -value;
  const decimals = frac.length > 1 ? "." + "0".repeat(frac.length - 1) : "";
  let format: string | undefined;
  if (pct) {
    value /= 100;
    format = `0${decimals}%`;
  } else if (currency) format = `"${currency}"#,##0${decimals}`;
  else if (int.includes(",")) format = `#,##0${decimals}`;
  return { value, format };
}

function parseIsoDate(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return null;
  return (t - Date.UTC(1899, 11, 30)) / 86400000;
}
