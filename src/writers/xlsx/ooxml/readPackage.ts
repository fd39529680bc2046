// Reads any .xlsx package: Excel's, LibreOffice's, openpyxl's, ExcelJS's and ours. Parts
// are found through the relationships (targets absolute "/xl/..." or relative to the part
// that names them), never by a guessed path; optional parts (shared strings, styles,
// theme) may be missing. Unzipped with fflate, parsed with saxes, nothing held but the
// zip's entries: a sheet's cells are parsed when asked for.
import { unzipSync, type Unzipped } from "fflate";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { XlsxReadError } from "../errors";
import { parseStyles, type BaseStyles } from "./parseStyles";

/** A worksheet as the workbook lists it. */
export interface PackageSheet {
  name: string;
  /** The workbook's `sheetId`: stable while the sheet lives, whatever its name or place. */
  sheetId: number;
  /** The relationship id that ties the workbook to the sheet's part. */
  rId: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Zip entry of the sheet's part, e.g. "xl/worksheets/sheet1.xml" (null for a chartsheet). */
  path: string | null;
}

/** A defined name of the workbook part, as written there. */
export interface PackageName {
  name: string;
  /** 0-based tab of the sheet it is local to; undefined for a workbook-scoped name. */
  localSheetId?: number;
  /** What it refers to, without "=" ("'Checks'!$A$1"). */
  reference: string;
}

/** A relationship of a part, its target resolved to a zip entry name. */
export interface PackageRel {
  id: string;
  /** The type's last segment: "worksheet", "table", "drawing", "styles", … */
  type: string;
  /** Zip entry name, or the raw target for an external relationship. */
  target: string;
  external: boolean;
}

export interface XlsxPackage {
  entries: Unzipped;
  /** Zip entry of the workbook part ("xl/workbook.xml" in all but odd packages). */
  workbookPath: string;
  sheets: PackageSheet[];
  /** The workbook's defined names. */
  definedNames: PackageName[];
  /** The styles part parsed, or null when the package has none. */
  styles: BaseStyles | null;
  /** The relationships of a part (an empty list when it has none). */
  relsOf(part: string): PackageRel[];
  /** A part's text, or null when the package has no such entry. */
  text(part: string): string | null;
  /** The shared strings, plain text (rich runs joined), parsed on first use. */
  sharedStrings(): string[];
}

/** Opens the package: its workbook, sheets and styles. Throws XlsxReadError with our own sentence. */
export function openPackage(bytes: Uint8Array): XlsxPackage {
  let entries: Unzipped;
  try {
    entries = unzipSync(bytes);
  } catch (err) {
    throw new XlsxReadError(`not a readable .xlsx workbook (${whyUnreadable(bytes)})`, {
      cause: err,
    });
  }
  try {
    return packageOf(entries);
  } catch (err) {
    if (err instanceof XlsxReadError) throw err;
    throw new XlsxReadError(
      "not a readable .xlsx workbook (it is a zip archive, but its workbook part is damaged)",
      { cause: err }
    );
  }
}

/** What a file that cannot be opened is, in a few words ("it is empty"). */
export function whyUnreadable(bytes: Uint8Array): string {
  if (bytes.length === 0) return "the file is empty";
  // Every .xlsx is a zip archive, and every zip archive starts "PK".
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  return zip
    ? "it is a zip archive, as an .xlsx is, but a damaged or cut-short one"
    : "it could not be opened as one: it is not even the zip archive every .xlsx is";
}

const decoder = new TextDecoder("utf-8");

function packageOf(entries: Unzipped): XlsxPackage {
  const text = (part: string): string | null => {
    const e = entries[part];
    return e ? decoder.decode(e) : null;
  };
  const relsCache = new Map<string, PackageRel[]>();
  const relsOf = (part: string): PackageRel[] => {
    let rels = relsCache.get(part);
    if (!rels) {
      rels = parseRels(text(relsPath(part)), part);
      relsCache.set(part, rels);
    }
    return rels;
  };
  const workbookPath = relsOf("").find((r) => r.type === "officeDocument")?.target;
  const workbookXml = workbookPath ? text(workbookPath) : null;
  if (!workbookPath || workbookXml === null)
    throw new XlsxReadError(
      "not a readable .xlsx workbook (it is a zip archive, but not a spreadsheet: it has no workbook part)"
    );
  const wbRels = relsOf(workbookPath);
  const { sheets, definedNames } = parseWorkbookSheets(workbookXml, wbRels);
  const stylesPath = wbRels.find((r) => r.type === "styles")?.target;
  const stylesXml = stylesPath ? text(stylesPath) : null;
  let shared: string[] | undefined;
  return {
    entries,
    workbookPath,
    sheets,
    definedNames,
    styles: stylesXml === null ? null : parseStyles(stylesXml),
    relsOf,
    text,
    sharedStrings() {
      if (!shared) {
        const path = wbRels.find((r) => r.type === "sharedStrings")?.target;
        const xml = path ? text(path) : null;
        shared = xml === null ? [] : parseSharedStrings(xml);
      }
      return shared;
    },
  };
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A target resolved against the folder of the part that names it; "/x" is from the root. */
export function resolveTarget(source: string, target: string): string {
  const decoded = safeDecode(target);
  const parts = decoded.startsWith("/")
    ? []
    : source
        .split("/")
        .slice(0, -1)
        .filter((p) => p !== "");
  for (const seg of decoded.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** Parses XML, calling `open` for each element and `close` at each end tag. */
export function parseXml(
  xml: string,
  handlers: {
    open?: (tag: SaxesTagPlain) => void;
    close?: (tag: SaxesTagPlain) => void;
    text?: (text: string) => void;
  }
): void {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({
    xmlns: false,
    position: false,
  });
  if (handlers.open) parser.on("opentag", handlers.open);
  if (handlers.close) parser.on("closetag", handlers.close);
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  parser.write(xml).close();
}

/** The element's name without its namespace prefix ("x:row" → "row"). */
export const local = (name: string): string => name.slice(name.indexOf(":") + 1);

/** An attribute by its local name (prefixes differ between writers: "r:id", "ns1:id"). */
export function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const direct = tag.attributes[name];
  if (direct !== undefined) return direct;
  for (const [k, v] of Object.entries(tag.attributes)) if (local(k) === name) return v;
  return undefined;
}

function parseRels(xml: string | null, source: string): PackageRel[] {
  if (xml === null) return [];
  const rels: PackageRel[] = [];
  parseXml(xml, {
    open(tag) {
      if (local(tag.name) !== "Relationship") return;
      const type = tag.attributes.Type ?? "";
      const raw = tag.attributes.Target ?? "";
      const external = tag.attributes.TargetMode === "External";
      rels.push({
        id: tag.attributes.Id ?? "",
        type: type.slice(type.lastIndexOf("/") + 1),
        target: external ? raw : resolveTarget(source, raw),
        external,
      });
    },
  });
  return rels;
}

function parseWorkbookSheets(
  xml: string,
  rels: PackageRel[]
): { sheets: PackageSheet[]; definedNames: PackageName[] } {
  const sheets: PackageSheet[] = [];
  const definedNames: PackageName[] = [];
  let name: { name: string; localSheetId?: number; text: string[] } | null = null;
  parseXml(xml, {
    open(tag) {
      const el = local(tag.name);
      if (el === "definedName") {
        const scope = tag.attributes.localSheetId;
        name = { name: tag.attributes.name ?? "", text: [] };
        if (scope !== undefined) name.localSheetId = Number(scope);
      }
      if (el !== "sheet") return;
      const rId = attr(tag, "id") ?? "";
      const rel = rels.find((r) => r.id === rId);
      const state: string | undefined = tag.attributes.state;
      sheets.push({
        name: tag.attributes.name ?? "",
        sheetId: Number(tag.attributes.sheetId ?? sheets.length + 1),
        rId,
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        path: rel && rel.type === "worksheet" && !rel.external ? rel.target : null,
      });
    },
    text: (t) => name?.text.push(t),
    close(tag) {
      if (local(tag.name) !== "definedName" || !name) return;
      const { text, ...rest } = name;
      definedNames.push({ ...rest, reference: text.join("").trim() });
      name = null;
    },
  });
  return { sheets, definedNames };
}

/** Excel's escape of characters XML cannot hold: "_x000D_" is a carriage return. */
export function decodeXlsxText(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
        String.fromCharCode(parseInt(hex, 16))
      )
    : text;
}

/**
 * Collects the text of `<t>` elements inside each `item` element (a shared string, an
 * inline string): plain or rich runs, phonetic runs (`rPh`) left out.
 */
export class StringCollector {
  private inT = false;
  private inPhonetic = 0;
  private parts: string[] = [];

  open(name: string): void {
    if (name === "rPh") this.inPhonetic++;
    else if (name === "t" && this.inPhonetic === 0) this.inT = true;
  }
  close(name: string): void {
    if (name === "rPh") this.inPhonetic--;
    else if (name === "t") this.inT = false;
  }
  text(t: string): void {
    if (this.inT) this.parts.push(t);
  }
  /** The text collected since the last take, decoded. */
  take(): string {
    const s = decodeXlsxText(this.parts.join(""));
    this.parts = [];
    return s;
  }
}

function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const strings = new StringCollector();
  parseXml(xml, {
    open: (tag) => strings.open(local(tag.name)),
    close(tag) {
      const name = local(tag.name);
      strings.close(name);
      if (name === "si") out.push(strings.take());
    },
    text: (t) => strings.text(t),
  });
  return out;
}
