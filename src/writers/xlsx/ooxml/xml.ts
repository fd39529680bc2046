// XML text for the package parts: escaping for element text and attributes, and Excel's
// `_xHHHH_` escapes for the characters XML 1.0 cannot carry at all.

/** The XML declaration every part starts with. */
export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
} as const;

/**
 * A carriage return written raw into XML comes back as a line feed, and the other control
 * characters are not XML at all; Excel writes them as `_xHHHH_` escapes (and escapes the
 * underscore of a literal "_xHHHH_" as `_x005F_`), which Excel, LibreOffice and ExcelJS
 * decode on reading. Tab and line feed stay as they are.
 */
export function escapeXlsxText(text: string): string {
  return NEEDS_ESCAPE.test(text)
    ? text.replace(
        ESCAPED,
        (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
      )
    : text;
}
// eslint-disable-next-line no-control-regex -- these control characters are what it escapes
const NEEDS_ESCAPE = /[\x00-\x08\x0B-\x1F\x7F]|_x[0-9A-Fa-f]{4}_/;
// eslint-disable-next-line no-control-regex -- as above
const ESCAPED = /[\x00-\x08\x0B-\x1F\x7F]|_(?=x[0-9A-Fa-f]{4}_)/g;

const MARKUP = /[<>&"]/;
const MARKUP_ALL = /[<>&"]/g;
const ENTITY: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" };
// Lone surrogates are not XML characters either: Excel refuses a part that holds one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_SURROGATE = /[\uD800-\uDFFF]/;

/** Whether Excel's escapes change `text` (a control character, or a literal "_xHHHH_"). */
export function needsXlsxEscape(text: string): boolean {
  return NEEDS_ESCAPE.test(text);
}

/** Markup characters as entities (for element text and double-quoted attributes). */
export function escapeMarkup(text: string): string {
  return MARKUP.test(text) ? text.replace(MARKUP_ALL, (c) => ENTITY[c] as string) : text;
}

/** Text of a cell or name as XML: Excel's escapes, then markup, lone surrogates as U+FFFD. */
export function xmlText(text: string): string {
  const safe = HAS_SURROGATE.test(text) ? text.replace(LONE_SURROGATE, "\uFFFD") : text;
  return escapeMarkup(escapeXlsxText(safe));
}

/** Attributes in the order given; undefined values are left out. */
export function attrs(values: Record<string, string | number | undefined>): string {
  let s = "";
  for (const [name, value] of Object.entries(values))
    if (value !== undefined) s += ` ${name}="${escapeMarkup(String(value))}"`;
  return s;
}

/** "#1F3864" as Excel's ARGB "FF1F3864". */
export function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

/** Leading or trailing whitespace, which Excel trims unless told to preserve it. */
function needsPreserve(text: string): boolean {
  if (text.length === 0) return false;
  const a = text.charCodeAt(0);
  const z = text.charCodeAt(text.length - 1);
  return a <= 32 || z <= 32 || a === 160 || z === 160;
}

/** A `<t>` of text, telling readers to keep its leading and trailing spaces when it has any. */
export function textElement(text: string): string {
  const t = needsPreserve(text) ? '<t xml:space="preserve">' : "<t>";
  return `${t}${xmlText(text)}</t>`;
}
