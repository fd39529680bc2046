// A workbook's styles part as BaseStyles: each entry of each list as its raw XML, at its
// index, so that a rewritten styles part keeps every index a cell of the user's points at
// (`s="…"`, `dxfId="…"`) and appends ours after them.
import type { BaseStyles } from "./styleTable";

// The type is the StyleTable's, which writes a styles part over such a base.
export type { BaseStyles };

/** The lists BaseStyles keeps, by the element that holds each and the element of an entry. */
const LISTS = {
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellStyleXfs: "xf",
  cellXfs: "xf",
  cellStyles: "cellStyle",
  dxfs: "dxf",
} as const;
type ListName = keyof typeof LISTS;

/** A start, end or empty tag; attribute values may hold ">" (quoted), comments and PIs are skipped. */
const TAG =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;

interface Tag {
  close: boolean;
  empty: boolean;
  /** Local name (prefix dropped). */
  name: string;
  attrs: string;
  start: number;
  end: number;
}

function* tags(xml: string): Generator<Tag> {
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    if (m[2] === undefined) continue;
    yield {
      close: m[1] === "/",
      empty: m[4] === "/",
      name: m[2].slice(m[2].indexOf(":") + 1),
      attrs: m[3] ?? "",
      start: m.index,
      end: m.index + m[0].length,
    };
  }
}

const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "amp") return "&";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });

/** An attribute's value from a tag's attribute text, unescaped. */
export function attrOf(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  const v = m ? (m[1] ?? m[2]) : undefined;
  return v === undefined ? undefined : unescapeXml(v);
}

function emptyStyles(): BaseStyles {
  return {
    numFmts: [],
    fonts: [],
    fills: [],
    borders: [],
    cellStyleXfs: [],
    cellXfs: [],
    cellStyles: [],
    dxfs: [],
    tail: "",
  };
}

/** styles.xml → BaseStyles; `tail` is what follows the last list (its usual place: after `dxfs`). */
export function parseStyles(xml: string): BaseStyles {
  const out = emptyStyles();
  let depth = 0;
  let list: ListName | "numFmts" | null = null;
  let entryStart = -1;
  let contentStart = -1;
  let lastListEnd = -1;
  for (const t of tags(xml)) {
    if (t.close) {
      depth--;
      if (depth === 2 && list && list !== "numFmts" && entryStart >= 0) {
        out[list].push(xml.slice(entryStart, t.end));
        entryStart = -1;
      } else if (depth === 1 && list) {
        list = null;
        lastListEnd = t.end;
      } else if (depth === 0) {
        out.tail = xml.slice(lastListEnd >= 0 ? lastListEnd : contentStart, t.start).trim();
      }
      continue;
    }
    if (depth === 0) contentStart = t.end;
    else if (depth === 1 && isList(t.name)) {
      list = t.name;
      if (t.empty) lastListEnd = t.end;
    } else if (depth === 2 && list === "numFmts" && t.name === "numFmt") {
      out.numFmts.push({
        id: Number(attrOf(t.attrs, "numFmtId")),
        code: attrOf(t.attrs, "formatCode") ?? "General",
      });
    } else if (depth === 2 && list && list !== "numFmts") {
      if (t.empty) out[list].push(xml.slice(t.start, t.end));
      else entryStart = t.start;
    }
    if (!t.empty) depth++;
    else if (depth === 1 && list && isList(t.name)) list = null;
  }
  return out;
}

function isList(name: string): name is ListName | "numFmts" {
  return name === "numFmts" || Object.prototype.hasOwnProperty.call(LISTS, name);
}
