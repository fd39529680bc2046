// The workbook's styles part: cell formats (`xf`) handed out for each (named style, number
// format) pair the sheets use, and differential formats (`dxf`) for conditional formats.
// Over a workbook being edited, its own entries stay verbatim at their indices and ours
// follow, so every `s="…"` of the user's cells keeps meaning what it meant.
import type { FormatSpec, StyleName } from "../../../layout/spec";
import { STYLES, type StyleFormat } from "../../../layout/styles";
import { NS, XML_HEADER, argb, attrs, escapeMarkup } from "./xml";

/** The styles of a workbook being edited, each entry its element's raw XML. */
export interface BaseStyles {
  numFmts: { id: number; code: string }[];
  fonts: string[];
  fills: string[];
  borders: string[];
  cellStyleXfs: string[];
  cellXfs: string[];
  cellStyles: string[];
  dxfs: string[];
  /** Everything after `dxfs` (tableStyles, colors, extLst), kept verbatim. */
  tail: string;
}

/** Number formats Excel knows by id without a `numFmt` element. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};
/** Ids below this are Excel's built-in formats. */
const FIRST_CUSTOM_FORMAT = 164;

const DEFAULT_FONT =
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';
const EMPTY_BASE: BaseStyles = {
  numFmts: [],
  fonts: [DEFAULT_FONT],
  fills: [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ],
  borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
  cellStyles: ['<cellStyle name="Normal" xfId="0" builtinId="0"/>'],
  dxfs: [],
  tail: '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
};

/** A list of raw elements that hands out the index of each distinct one, after the base's. */
class Pool {
  private readonly index = new Map<string, number>();
  readonly added: string[] = [];
  constructor(private readonly base: readonly string[]) {}
  indexOf(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.base.length + this.added.length;
      this.added.push(xml);
      this.index.set(xml, i);
    }
    return i;
  }
  get all(): string[] {
    return [...this.base, ...this.added];
  }
}

function fontXml(s: StyleFormat): string {
  return (
    "<font>" +
    (s.bold ? "<b/>" : "") +
    (s.italic ? "<i/>" : "") +
    (s.underline ? "<u/>" : "") +
    `<sz val="${s.size ?? 11}"/>` +
    (s.fontColor ? `<color rgb="${argb(s.fontColor)}"/>` : '<color theme="1"/>') +
    '<name val="Calibri"/><family val="2"/>' +
    (s.size && s.size !== 11 ? "" : '<scheme val="minor"/>') +
    "</font>"
  );
}

const fillXml = (hex: string): string =>
  `<fill><patternFill patternType="solid"><fgColor rgb="${argb(hex)}"/><bgColor indexed="64"/></patternFill></fill>`;

const HEADER_BORDER =
  '<border><left/><right/><top/><bottom style="thin"><color rgb="FF8EA9DB"/></bottom><diagonal/></border>';

/** A conditional format's look: font and fill only (a dxf's fill colour is its bgColor). */
function dxfXml(f: FormatSpec): string {
  const font =
    f.bold || f.italic || f.fontColor
      ? "<font>" +
        (f.bold ? "<b/>" : "") +
        (f.italic ? "<i/>" : "") +
        (f.fontColor ? `<color rgb="${argb(f.fontColor)}"/>` : "") +
        "</font>"
      : "";
  const fill = f.fill
    ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(f.fill)}"/></patternFill></fill>`
    : "";
  return `<dxf>${font}${fill}</dxf>`;
}

export class StyleTable {
  private readonly base: BaseStyles;
  private readonly fonts: Pool;
  private readonly fills: Pool;
  private readonly borders: Pool;
  private readonly xfs: Pool;
  private readonly dxfs: Pool;
  private readonly formats = new Map<string, number>();
  private readonly customFormats: { id: number; code: string }[] = [];
  private nextFormatId: number;
  /** xf index by style name and number format, for the cells of every sheet. */
  private readonly xfCache = new Map<string, number>();
  private readonly baseStyleXf: number;

  constructor(base?: BaseStyles) {
    this.base = base ?? EMPTY_BASE;
    // A base with no cell style at all still needs the Normal one our cells point to.
    this.baseStyleXf = 0;
    this.fonts = new Pool(this.base.fonts.length ? this.base.fonts : EMPTY_BASE.fonts);
    this.fills = new Pool(this.base.fills.length ? this.base.fills : EMPTY_BASE.fills);
    this.borders = new Pool(this.base.borders.length ? this.base.borders : EMPTY_BASE.borders);
    this.xfs = new Pool(this.base.cellXfs.length ? this.base.cellXfs : EMPTY_BASE.cellXfs);
    this.dxfs = new Pool(this.base.dxfs);
    for (const f of this.base.numFmts) this.formats.set(f.code, f.id);
    this.nextFormatId = Math.max(FIRST_CUSTOM_FORMAT, ...this.base.numFmts.map((f) => f.id + 1));
  }

  /** The `s` index of a cell with `style` and number format `numFmt` (0: the default look). */
  cellXf(style: StyleName | undefined, numFmt: string | undefined): number {
    if (style === undefined && (numFmt === undefined || numFmt === "General") && !this.hasBase())
      return 0;
    const key = `${style ?? ""}\u0000${numFmt ?? ""}`;
    let xf = this.xfCache.get(key);
    if (xf === undefined) {
      xf = this.xfs.indexOf(this.xfXml(style ? STYLES[style] : {}, numFmt));
      this.xfCache.set(key, xf);
    }
    return xf;
  }

  /** The `dxfId` of a conditional format's look. */
  dxf(format: FormatSpec): number {
    return this.dxfs.indexOf(dxfXml(format));
  }

  private hasBase(): boolean {
    return this.base !== EMPTY_BASE;
  }

  private formatId(code: string | undefined): number {
    if (code === undefined) return 0;
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = this.nextFormatId++;
      this.formats.set(code, id);
      this.customFormats.push({ id, code });
    }
    return id;
  }

  private xfXml(s: StyleFormat, numFmt: string | undefined): string {
    const numFmtId = this.formatId(numFmt);
    const fontId = this.fonts.indexOf(fontXml(s));
    const fillId = s.fill ? this.fills.indexOf(fillXml(s.fill)) : 0;
    const borderId = s.borderBottom ? this.borders.indexOf(HEADER_BORDER) : 0;
    const a = attrs({
      numFmtId,
      fontId,
      fillId,
      borderId,
      xfId: this.baseStyleXf,
      applyNumberFormat: numFmtId ? 1 : undefined,
      applyFont: fontId ? 1 : undefined,
      applyFill: fillId ? 1 : undefined,
      applyBorder: borderId ? 1 : undefined,
      applyAlignment: s.wrap ? 1 : undefined,
    });
    return s.wrap ? `<xf${a}><alignment vertical="top" wrapText="1"/></xf>` : `<xf${a}/>`;
  }

  /** The styles part. */
  xml(): string {
    const formats = [...this.base.numFmts, ...this.customFormats];
    const list = (name: string, items: readonly string[]): string =>
      `<${name} count="${items.length}">${items.join("")}</${name}>`;
    const styleXfs = this.base.cellStyleXfs.length
      ? this.base.cellStyleXfs
      : EMPTY_BASE.cellStyleXfs;
    const cellStyles = this.base.cellStyles.length ? this.base.cellStyles : EMPTY_BASE.cellStyles;
    return (
      XML_HEADER +
      `<styleSheet xmlns="${NS.main}">` +
      (formats.length
        ? list(
            "numFmts",
            formats.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeMarkup(f.code)}"/>`)
          )
        : "") +
      list("fonts", this.fonts.all) +
      list("fills", this.fills.all) +
      list("borders", this.borders.all) +
      list("cellStyleXfs", styleXfs) +
      list("cellXfs", this.xfs.all) +
      list("cellStyles", cellStyles) +
      list("dxfs", this.dxfs.all) +
      this.base.tail +
      "</styleSheet>"
    );
  }
}
