// The styles of a refreshed workbook: the user's styles part kept entry by entry at its
// indices (every `s="…"` and `dxfId="…"` of theirs stays valid), with the formats our
// sheets use appended after them, or found among theirs when already there (so a second
// refresh adds nothing). Returns, for each format of ours, its index in the result.
import { attrOf, parseStyles, type BaseStyles } from "./parseStyles";

export interface MergedStyles {
  xml: string;
  /** Our cell format (xf) index → the merged one. */
  xf: number[];
  /** Our differential format (dxf) index → the merged one. */
  dxf: number[];
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const DEFAULT_ROOT = `<styleSheet xmlns="${MAIN}">`;
/** Number formats below this id are Excel's built-in ones, the same in every workbook. */
const FIRST_CUSTOM_NUMFMT = 164;

/** Appends `entry` to `list` unless an identical one is there; its index. */
function indexIn(list: string[], entry: string): number {
  const at = list.indexOf(entry);
  if (at >= 0) return at;
  list.push(entry);
  return list.length - 1;
}

/** A tag's attribute set to `value` (added when missing). */
function withAttr(tag: string, name: string, value: string | number): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/^<([\w:]+)/, `<$1 ${name}="${value}"`);
}

/** The start tag of an entry's XML (its attributes), with `change` applied. */
function editStartTag(entry: string, change: (tag: string) => string): string {
  const end = entry.indexOf(">");
  const selfClosing = entry[end - 1] === "/";
  const tag = entry.slice(0, selfClosing ? end - 1 : end);
  return change(tag) + entry.slice(selfClosing ? end - 1 : end);
}

const escapeAttr = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function numFmtMap(base: BaseStyles, ours: BaseStyles): Map<number, number> {
  const map = new Map<number, number>();
  let next = Math.max(FIRST_CUSTOM_NUMFMT - 1, ...base.numFmts.map((f) => f.id)) + 1;
  for (const f of ours.numFmts) {
    if (f.id < FIRST_CUSTOM_NUMFMT) continue;
    const same = base.numFmts.find((b) => b.code === f.code);
    if (same) map.set(f.id, same.id);
    else {
      base.numFmts.push({ id: next, code: f.code });
      map.set(f.id, next++);
    }
  }
  return map;
}

/** Merges the styles part `ours` into `baseXml` (null: the workbook has none). */
export function mergeStyles(baseXml: string | null, oursXml: string): MergedStyles {
  const base =
    baseXml === null ? parseStyles(`${DEFAULT_ROOT}</styleSheet>`) : parseStyles(baseXml);
  const ours = parseStyles(oursXml);
  const numFmt = numFmtMap(base, ours);
  const font = ours.fonts.map((f) => indexIn(base.fonts, f));
  const fill = ours.fills.map((f) => indexIn(base.fills, f));
  const border = ours.borders.map((b) => indexIn(base.borders, b));
  if (base.cellStyleXfs.length === 0)
    base.cellStyleXfs.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>');
  if (base.cellStyles.length === 0)
    base.cellStyles.push('<cellStyle name="Normal" xfId="0" builtinId="0"/>');
  const mapped = (tag: string, name: string, map: (n: number) => number | undefined): string => {
    const v = attrOf(tag, name);
    const to = v === undefined ? undefined : map(Number(v));
    return to === undefined ? tag : withAttr(tag, name, to);
  };
  const xf = ours.cellXfs.map((entry) =>
    indexIn(
      base.cellXfs,
      editStartTag(entry, (tag) => {
        let t = mapped(tag, "numFmtId", (n) => numFmt.get(n) ?? n);
        t = mapped(t, "fontId", (n) => font[n]);
        t = mapped(t, "fillId", (n) => fill[n]);
        t = mapped(t, "borderId", (n) => border[n]);
        // Our named cell styles are not carried over: ours hang off the workbook's Normal.
        return attrOf(t, "xfId") === undefined ? t : withAttr(t, "xfId", 0);
      })
    )
  );
  const dxf = ours.dxfs.map((d) => indexIn(base.dxfs, d));
  return { xml: stylesXml(base, rootTag(baseXml)), xf, dxf };
}

/** The root start tag of the user's styles part (its namespace declarations), or ours. */
function rootTag(xml: string | null): string {
  const m = xml === null ? null : /<([\w]+:)?styleSheet\b[^>]*>/.exec(xml);
  if (!m) return DEFAULT_ROOT;
  // A prefixed root ("x:styleSheet") keeps its entries' prefixes; ours would need one too.
  return m[1] ? DEFAULT_ROOT : m[0].replace(/\/>$/, ">");
}

function list(name: string, entries: string[]): string {
  return entries.length === 0
    ? ""
    : `<${name} count="${entries.length}">${entries.join("")}</${name}>`;
}

function stylesXml(s: BaseStyles, root: string): string {
  const numFmts = s.numFmts.map(
    (f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeAttr(f.code)}"/>`
  );
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    root,
    list("numFmts", numFmts),
    list("fonts", s.fonts),
    list("fills", s.fills),
    list("borders", s.borders),
    list("cellStyleXfs", s.cellStyleXfs),
    list("cellXfs", s.cellXfs),
    list("cellStyles", s.cellStyles),
    s.dxfs.length === 0 ? '<dxfs count="0"/>' : list("dxfs", s.dxfs),
    s.tail,
    "</styleSheet>",
  ].join("");
}
