// One cell as `<c>` XML, straight from its CellSpec: text always as an inline string (text
// that starts with "=" stays text), numbers, booleans, and our own formulas without a
// cached value (the workbook asks for a full calculation on load).
import type { CellSpec } from "../../../layout/spec";
import { formulaAt } from "../../../layout/formulaRows";
import { toFileFormula } from "../fileFormula";
import type { StyleTable } from "./styleTable";
import { needsXlsxEscape, textElement, xmlText } from "./xml";
import type { SharedStrings } from "./sharedStrings";

/** Excel limits a string inside a formula to 255 characters. */
export const MAX_FORMULA_STRING = 255;

const AMP = /&/g;
const LT = /</g;
const GT = />/g;
const FORMULA_MARKUP = /[<>&]/;
// Lone surrogates are not XML characters: a formula literal holding one becomes U+FFFD.
const HAS_SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A formula as element text (quotes stay as they are: only markup is escaped). */
export function formulaText(formula: string): string {
  const safe = HAS_SURROGATE.test(formula) ? formula.replace(LONE_SURROGATE, "\uFFFD") : formula;
  return FORMULA_MARKUP.test(safe)
    ? safe.replace(AMP, "&amp;").replace(LT, "&lt;").replace(GT, "&gt;")
    : safe;
}

/** The cell as the file states its formula (with "_xlfn." prefixes), made once per CellSpec. */
const fileCells = new WeakMap<CellSpec, CellSpec>();
function fileFormulaAt(cell: CellSpec, row: number): string | undefined {
  if (cell.formula === undefined) return undefined;
  let file = fileCells.get(cell);
  if (!file) {
    file = { formula: toFileFormula(cell.formula), formulaRow: cell.formulaRow };
    fileCells.set(cell, file);
  }
  return formulaAt(file, row);
}

/** A formula string literal; control characters (a CR would come back as a LF) as CHAR(n). */
export function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
    .replace(SPELLED, (c) => `"&CHAR(${c.charCodeAt(0)})&"`)
    .replace(NUL, "");
}
// eslint-disable-next-line no-control-regex -- the control characters CHAR(n) spells out
const SPELLED = /[\x01-\x08\x0B-\x1F\x7F]/g;
// eslint-disable-next-line no-control-regex -- Excel's CHAR has no 0: a NUL is dropped
const NUL = /\x00/g;

/** A text cell: inline, or from the shared strings when it needs escapes and there is a table. */
export function textCell(ref: string, s: number, text: string, shared?: SharedStrings): string {
  const sAttr = s ? ` s="${s}"` : "";
  if (shared && needsXlsxEscape(text))
    return `<c r="${ref}"${sAttr} t="s"><v>${shared.add(text)}</v></c>`;
  return `<c r="${ref}"${sAttr} t="inlineStr"><is>${textElement(text)}</is></c>`;
}

/** What a cell adds to the sheet besides its XML: a note, or a link too long for a formula. */
export interface CellExtras {
  note(text: string): void;
  link(target: string): void;
  /** Where text needing escapes goes; inline when absent. */
  shared?: SharedStrings;
}

/**
 * A formula filled down a column as one shared formula: the first cell holds the text and
 * the range (`ref`), the others only the group's index, as Excel writes them.
 */
export interface SharedFormula {
  si: number;
  /** On the group's first cell: the cells it covers ("F8:F20807"). */
  ref?: string;
}

/** The `<c>` of `cell` standing at `ref` in sheet row `row` (0-based). */
export function cellXml(
  cell: CellSpec,
  ref: string,
  row: number,
  styles: StyleTable,
  extras: CellExtras,
  shared?: SharedFormula
): string {
  const s = styles.cellXf(cell.style, cell.numFmt);
  const sAttr = s ? ` s="${s}"` : "";
  if (cell.note !== undefined) extras.note(cell.note);
  if (shared && shared.ref === undefined)
    return `<c r="${ref}"${sAttr}><f t="shared" si="${shared.si}"/></c>`;
  const formula = fileFormulaAt(cell, row);
  if (formula !== undefined)
    return shared
      ? `<c r="${ref}"${sAttr}><f t="shared" ref="${shared.ref}" si="${shared.si}">${formulaText(formula)}</f></c>`
      : `<c r="${ref}"${sAttr}><f>${formulaText(formula)}</f></c>`;
  if (cell.text !== undefined) {
    if (cell.link && cell.text.length <= MAX_FORMULA_STRING) {
      // Internal links as HYPERLINK formulas with the text as cached value, as the add-in
      // writes them; the text is a string literal inside our own formula, never evaluated.
      const f = `HYPERLINK(${literal(`#${cell.link}`)},${literal(cell.text)})`;
      return `<c r="${ref}"${sAttr} t="str"><f>${formulaText(f)}</f><v>${xmlText(cell.text)}</v></c>`;
    }
    // Longer text cannot be a formula literal: a hyperlink element on the cell instead.
    if (cell.link) extras.link(cell.link);
    return textCell(ref, s, cell.text, extras.shared);
  }
  if (cell.number !== undefined) return `<c r="${ref}"${sAttr}><v>${cell.number}</v></c>`;
  if (cell.bool !== undefined) return `<c r="${ref}"${sAttr} t="b"><v>${cell.bool ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${sAttr}/>`;
}
