// The user's charts and pictures on a generated sheet survive its rebuild, as in Excel's
// Refresh all (which deletes only the charts it made): the anchors of the old drawing that
// are not ours (ours are named "Scrutiny chart …") move into the rebuilt sheet's drawing,
// with the relationships they use; the chart and picture parts stay where they were.
import { CHART_NAME_PREFIX } from "../../../layout/spec";
import { escapeAttr, freeRelId, relativeTarget, type RawRel } from "./relsAndTypes";
import type { PackageRel } from "./readPackage";

const ANCHOR = /<((?:\w+:)?)(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/\1\2>/g;

/** The anchors of a drawing part that are not ours, raw. */
export function usersAnchors(drawing: string): string[] {
  return [...drawing.matchAll(ANCHOR)]
    .map((m) => m[0])
    .filter((a) => {
      const name = /<(?:\w+:)?cNvPr\b[^>]*?\sname="([^"]*)"/.exec(a)?.[1] ?? "";
      return !name.startsWith(CHART_NAME_PREFIX);
    });
}

/** Attributes that name a relationship of the drawing (`r:id`, `r:embed`, `r:link`). */
const REL_ATTR = /(\s\w+:(?:id|embed|link)=")([^"]*)"/g;

/** The relationship ids the anchors use. */
export function relIdsIn(anchors: string[]): Set<string> {
  return new Set(anchors.flatMap((a) => [...a.matchAll(REL_ATTR)].map((m) => m[2]!)));
}

/** The drawing with all its anchors taken out (its root and namespaces kept). */
export function emptyDrawing(drawing: string): string {
  return drawing.replace(ANCHOR, "");
}

/** The default namespace the drawing's root declares, if any. */
function defaultNamespace(drawing: string): string | undefined {
  const root = /<(?:\w+:)?wsDr\b[^>]*>/.exec(drawing)?.[0] ?? "";
  return /\sxmlns="([^"]*)"/.exec(root)?.[1];
}

/** Namespace declarations of `from`'s root that `into`'s root lacks, added to it. */
function withNamespaces(into: string, from: string): string {
  const root = (xml: string) => /<(?:\w+:)?wsDr\b[^>]*>/.exec(xml)?.[0] ?? "";
  const target = root(into);
  const missing = [...root(from).matchAll(/\sxmlns:(\w+)="[^"]*"/g)].filter(
    (m) => !new RegExp(`\\sxmlns:${m[1]}=`).test(target)
  );
  if (!target || missing.length === 0) return into;
  return into.replace(target, target.replace(/>$/, `${missing.map((m) => m[0]).join("")}>`));
}

/**
 * `drawing` (at `path`, with `rels`) with the user's `anchors` of the old drawing (whose
 * relationships are `oldRels`, targets resolved) appended; `rels` gains what they use.
 */
export function addAnchors(
  drawing: string,
  path: string,
  rels: RawRel[],
  anchors: string[],
  oldDrawing: string,
  oldRels: PackageRel[]
): string {
  let maxId = Math.max(
    1,
    ...[...drawing.matchAll(/<(?:\w+:)?cNvPr\b[^>]*?\sid="(\d+)"/g)].map((m) => Number(m[1]))
  );
  const moved = anchors.map((anchor) => {
    let a = anchor.replace(/(<(?:\w+:)?cNvPr\b[^>]*?\sid=")\d+"/, (_, head: string) => {
      return `${head}${++maxId}"`;
    });
    a = a.replace(REL_ATTR, (whole, head: string, id: string) => {
      const rel = oldRels.find((r) => r.id === id);
      if (!rel) return whole;
      const newId = freeRelId(rels.map((r) => r.id));
      rels.push({
        id: newId,
        type: `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${rel.type}`,
        target: rel.external ? rel.target : relativeTarget(path, rel.target),
        external: rel.external,
      });
      return `${head}${escapeAttr(newId)}"`;
    });
    return a;
  });
  const merged = withNamespaces(drawing, oldDrawing);
  // Anchors in a default namespace (openpyxl writes `<wsDr xmlns="…">`) carry it along.
  const oldDefault = defaultNamespace(oldDrawing);
  if (oldDefault !== undefined && oldDefault !== defaultNamespace(drawing))
    moved.forEach((a, i) => {
      moved[i] = a.replace(/^<([\w:]+)/, `<$1 xmlns="${oldDefault}"`);
    });
  return merged.replace(/<\/((?:\w+:)?)wsDr>\s*$/, (close) => `${moved.join("")}${close}`);
}

/** Where `<drawing>` goes in a worksheet: before the first of these (schema order). */
const AFTER_DRAWING =
  /<(?:\w+:)?(?:legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/(?:\w+:)?worksheet>/;

/** The worksheet XML with a `<drawing r:id>` for `relId` where the schema wants it. */
export function withDrawingElement(sheetXml: string, relId: string): string {
  const m = AFTER_DRAWING.exec(sheetXml);
  if (!m) return sheetXml;
  const rPrefix =
    /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
      sheetXml
    )?.[1];
  const el = rPrefix
    ? `<drawing ${rPrefix}:id="${relId}"/>`
    : `<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${relId}"/>`;
  return sheetXml.slice(0, m.index) + el + sheetXml.slice(m.index);
}
