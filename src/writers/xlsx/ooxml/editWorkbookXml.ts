// The workbook part of a workbook being refreshed, edited as text: sheets removed or
// added, a sheet's visibility, defined names that belong to a sheet (print titles and
// areas) and calculation on load. Everything else in it (views, the user's names,
// pivot caches, extensions) stays as it was.
import { escapeAttr } from "./relsAndTypes";
import { anchorReference, isAnchorName } from "../../../layout/definitionsIdentity";
import type { SheetAnchor } from "../../../layout/spec";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const SHEET = /<(?:\w+:)?sheet\b[^>]*?\/>|<(?:\w+:)?sheet\b[^>]*?>[\s\S]*?<\/(?:\w+:)?sheet>/g;
const DEFINED_NAME =
  /<(?:\w+:)?definedName\b[^>]*?\/>|<(?:\w+:)?definedName\b[^>]*?>[\s\S]*?<\/(?:\w+:)?definedName>/g;

const attrIn = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s(?:\\w+:)?${name}="([^"]*)"`).exec(tag)?.[1];

function withAttr(tag: string, name: string, value: string | number): string {
  const re = new RegExp(`(\\s${name}=")[^"]*"`);
  if (re.test(tag)) return tag.replace(re, `$1${value}"`);
  return tag.replace(/^<([\w:]+)/, `<$1 ${name}="${value}"`);
}

export class WorkbookXml {
  constructor(private xml: string) {}

  toString(): string {
    return this.xml;
  }

  private sheetTags(): string[] {
    const sheets = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(this.xml);
    return sheets ? [...sheets[1]!.matchAll(SHEET)].map((m) => m[0]) : [];
  }

  /** The relationship ids of the sheets, in tab order. */
  sheetRelIds(): string[] {
    return this.sheetTags().map((t) => attrIn(t, "id") ?? "");
  }

  /** Removes the sheet tied to `rId`; the sheet-scoped names and the views follow. */
  removeSheet(rId: string): void {
    const tags = this.sheetTags();
    const index = tags.findIndex((t) => attrIn(t, "id") === rId);
    if (index < 0) return;
    this.xml = this.xml.replace(tags[index]!, "");
    this.xml = this.xml.replace(DEFINED_NAME, (name) => {
      const local = attrIn(name, "localSheetId");
      if (local === undefined) return name;
      const n = Number(local);
      if (n === index) return "";
      return n > index ? withAttr(name, "localSheetId", n - 1) : name;
    });
    const left = tags.length - 1;
    this.xml = this.xml.replace(/<(?:\w+:)?workbookView\b[^>]*>/g, (view) => {
      let v = view;
      for (const a of ["activeTab", "firstSheet"]) {
        const at = Number(attrIn(v, a) ?? 0);
        const moved = at > index ? at - 1 : Math.min(at, Math.max(0, left - 1));
        if (moved !== at) v = withAttr(v, a, moved);
      }
      return v;
    });
  }

  /** Adds a sheet at the end of the tabs. */
  addSheet(name: string, sheetId: number, rId: string, state: string): void {
    const prefix =
      /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
        this.xml
      )?.[1];
    const rel = prefix ? `${prefix}:id="${rId}"` : `r:id="${rId}" xmlns:r="${REL_NS}"`;
    const st = state === "visible" ? "" : ` state="${state}"`;
    const tag = `<sheet name="${escapeAttr(name)}" sheetId="${sheetId}"${st} ${rel}/>`;
    this.xml = this.xml.replace(/<\/((?:\w+:)?)sheets>/, (close) => `${tag}${close}`);
  }

  /** The largest sheetId in use. */
  maxSheetId(): number {
    return Math.max(0, ...this.sheetTags().map((t) => Number(attrIn(t, "sheetId") ?? 0)));
  }

  setState(rId: string, state: "hidden" | "veryHidden"): void {
    const tag = this.sheetTags().find((t) => attrIn(t, "id") === rId);
    if (tag) this.xml = this.xml.replace(tag, withAttr(tag, "state", state));
  }

  /**
   * The print names scoped to the sheets at `positions` (ours, rebuilt) replaced by
   * `names`: raw `<definedName>` elements of the workbook our sheets were written in, at
   * the same positions.
   */
  replaceSheetNames(positions: Set<number>, names: string[]): void {
    const ours = new Set(names.map((n) => `${attrIn(n, "name")}@${attrIn(n, "localSheetId")}`));
    this.xml = this.xml.replace(DEFINED_NAME, (name) => {
      const local = attrIn(name, "localSheetId");
      if (local === undefined || !positions.has(Number(local))) return name;
      // The print setup is ours; a name the user gave a cell of the sheet stays.
      const key = `${attrIn(name, "name")}@${local}`;
      return ours.has(key) || /^_xlnm\.Print_(Titles|Area)$/.test(attrIn(name, "name") ?? "")
        ? ""
        : name;
    });
    this.addNames(names);
  }

  /**
   * The workbook's sheet anchors (hidden workbook-scoped names of the anchor form) made
   * `anchors` exactly: the user's names, and those local to a sheet, stay as they are.
   */
  replaceAnchors(anchors: readonly SheetAnchor[]): void {
    this.xml = this.xml.replace(DEFINED_NAME, (name) =>
      attrIn(name, "localSheetId") === undefined && isAnchorName(attrIn(name, "name") ?? "")
        ? ""
        : name
    );
    this.xml = this.xml.replace(/<((?:\w+:)?)definedNames\b[^>]*>\s*<\/\1definedNames>/, "");
    this.addNames(
      anchors.map(
        (a) =>
          `<definedName name="${escapeAttr(a.name)}" hidden="1">${escapeAttr(anchorReference(a.sheet))}</definedName>`
      )
    );
  }

  /** Raw `<definedName>` elements added to the workbook's names (made when it has none). */
  private addNames(names: readonly string[]): void {
    if (names.length === 0) return;
    if (/<(?:\w+:)?definedNames\s*\/>/.test(this.xml))
      this.xml = this.xml.replace(
        /<(?:\w+:)?definedNames\s*\/>/,
        `<definedNames>${names.join("")}</definedNames>`
      );
    else if (/<(?:\w+:)?definedNames\b[^>]*>/.test(this.xml))
      this.xml = this.xml.replace(/<\/((?:\w+:)?)definedNames>/, (c) => `${names.join("")}${c}`);
    else this.insertAfterSheets(`<definedNames>${names.join("")}</definedNames>`, false);
  }

  /** Our formulas carry no results: the workbook calculates on opening. */
  calculateOnLoad(): void {
    const calc = /<(?:\w+:)?calcPr\b[^>]*?\/?>/.exec(this.xml);
    if (calc) {
      const selfClosing = calc[0].endsWith("/>");
      const tag = calc[0].slice(0, selfClosing ? -2 : -1);
      this.xml = this.xml.replace(
        calc[0],
        withAttr(tag, "fullCalcOnLoad", 1) + (selfClosing ? "/>" : ">")
      );
    } else this.insertAfterSheets('<calcPr fullCalcOnLoad="1"/>', true);
  }

  /** Inserts `xml` where the schema wants it: after the sheets, external references and (if `afterNames`) names. */
  private insertAfterSheets(xml: string, afterNames: boolean): void {
    const ends = [
      /<\/(?:\w+:)?sheets>/,
      /<\/(?:\w+:)?functionGroups>|<(?:\w+:)?functionGroups\b[^>]*\/>/,
      /<\/(?:\w+:)?externalReferences>/,
    ];
    if (afterNames) ends.push(/<\/(?:\w+:)?definedNames>|<(?:\w+:)?definedNames\s*\/>/);
    let at = -1;
    for (const re of ends) {
      const m = re.exec(this.xml);
      if (m) at = Math.max(at, m.index + m[0].length);
    }
    if (at >= 0) this.xml = this.xml.slice(0, at) + xml + this.xml.slice(at);
  }
}

/** The sheet-scoped defined names of a workbook part, with the positions they belong to. */
export function sheetScopedNames(xml: string): { position: number; xml: string }[] {
  return [...xml.matchAll(DEFINED_NAME)].flatMap((m) => {
    const local = attrIn(m[0], "localSheetId");
    return local === undefined ? [] : [{ position: Number(local), xml: m[0] }];
  });
}
