// Refresh of an .xlsx package part by part (`refresh`, `refresh --add`, the pane's Open
// and Download): only the parts the product owns are replaced (the sheets the spec
// writes, their tables, drawings, charts and notes, the definitions sheet, their entries
// in the workbook, its relationships and the content types, the styles merged); every
// other entry of the zip is copied as it was, byte for byte: the user's sheets, charts,
// pictures, comments, pivot caches, names, custom XML. On a rebuilt sheet the user's
// cells outside the recorded extent of the generated content stay, as in Excel's
// Refresh all. The sheets are written by the .xlsx writer as a workbook of their own,
// then moved in.
import { strToU8, zipSync, type Unzipped } from "fflate";
import type { SheetSpec, WorkbookSpec } from "../../../layout/spec";
import { checkSpec, sheetsToRemove, type TargetWorkbook } from "../../../layout/checkSpec";
import { DEFINITIONS_SHEET, type Definitions } from "../../../layout/definitions";
import { definitionsIn } from "../readXlsx";
import { specExtent } from "../../../layout/extent";
import { sheetKey } from "../../../layout/sheetNames";
import { writeXlsx } from "../writeXlsx";
import { openPackage, relsPath, type PackageSheet, type XlsxPackage } from "./readPackage";
import { mergeStyles, type MergedStyles } from "./mergeStyles";
import { keptCells, transplantSheet, type KeptCells } from "./transplantSheet";
import { SharedStringsEdit, sharedItems } from "./editSharedStrings";
import {
  ContentTypes,
  REL_TYPE,
  freePartName,
  freeRelId,
  rawRels,
  reachable,
  relativeTarget,
  relsXml,
  resolveTarget,
  type RawRel,
} from "./relsAndTypes";
import { sheetScopedNames, WorkbookXml } from "./editWorkbookXml";
import {
  addAnchors,
  emptyDrawing,
  relIdsIn,
  usersAnchors,
  withDrawingElement,
} from "./keepDrawings";
import type { PackageRel } from "./readPackage";

/** The parts the user's anchors use, with their drawing when it is kept. */
function usedParts(d: UsersDrawing, withDrawing: boolean): Set<string> {
  const ids = relIdsIn(d.anchors);
  const parts = new Set(d.rels.filter((r) => ids.has(r.id) && !r.external).map((r) => r.target));
  if (withDrawing) parts.add(d.path);
  return parts;
}

/** The user's anchors on a generated sheet's drawing, with that drawing and its relationships. */
interface UsersDrawing {
  path: string;
  xml: string;
  anchors: string[];
  rels: PackageRel[];
}

const decoder = new TextDecoder();
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const SHARED_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";

/** The workbook `base` with the spec applied: its sheets replaced or added, `removeSheets` gone. */
export async function editXlsx(base: Uint8Array, spec: WorkbookSpec): Promise<Uint8Array> {
  const pkg = openPackage(base);
  // Recorded sheets under their current names: a renamed one is still ours, its old name not.
  const definitions = definitionsIn(pkg);
  const target = targetOf(pkg, spec, definitions);
  checkSpec(spec, target);
  const removed = new Set(sheetsToRemove(spec, target).map(sheetKey));
  const kept = pkg.sheets.filter((s) => !removed.has(sheetKey(s.name)));
  const bySpec = new Map(spec.sheets.map((s) => [sheetKey(s.name), s]));
  // Ours written in the order the tabs will have, the user's sheets as empty stand-ins, so
  // positions (and names scoped to a sheet) are the same in both workbooks.
  const order = [
    ...kept.map((s) => bySpec.get(sheetKey(s.name)) ?? standIn(s.name)),
    ...spec.sheets.filter((s) => !kept.some((k) => sheetKey(k.name) === sheetKey(s.name))),
  ];
  const ours = openPackage(await writeXlsx({ sheets: order }));
  const edit = new PackageEdit(pkg, ours);
  for (const s of pkg.sheets) if (removed.has(sheetKey(s.name))) edit.removeSheet(s);
  const extents = new Map(
    (definitions?.sheets ?? [])
      .filter((d) => d.generated && d.extent)
      .map((d) => [sheetKey(d.name), d.extent!])
  );
  const positions = new Set<number>();
  order.forEach((sheet, position) => {
    if (!bySpec.has(sheetKey(sheet.name))) return;
    positions.add(position);
    const there = kept.find((k) => sheetKey(k.name) === sheetKey(sheet.name));
    edit.writeSheet(sheet, there, extents.get(sheetKey(sheet.name)));
  });
  return edit.finish(positions, spec.sheetAnchors);
}

/** An empty sheet standing in for one of the user's in the workbook our sheets are written in. */
function standIn(name: string): SheetSpec {
  return {
    name,
    role: "data",
    generated: false,
    blocks: [],
    tables: [],
    conditionalFormats: [],
    charts: [],
  };
}

/** What the spec check needs: the sheets, which of them are ours, the tables that stay. */
function targetOf(pkg: XlsxPackage, spec: WorkbookSpec, defs: Definitions | null): TargetWorkbook {
  const owned = new Set([
    sheetKey(DEFINITIONS_SHEET),
    // The monitoring sheet is rebuilt from the figures typed into it, as the add-in does.
    ...(defs?.sheets ?? [])
      .filter((d) => d.generated || d.role === "monitoring")
      .map((d) => sheetKey(d.name)),
  ]);
  const rewritten = new Set([
    ...spec.sheets.map((s) => sheetKey(s.name)),
    ...(spec.removeSheets ?? []).map(sheetKey),
  ]);
  const keptTables = new Set<string>();
  for (const s of pkg.sheets)
    if (!rewritten.has(sheetKey(s.name)) || !owned.has(sheetKey(s.name)))
      for (const t of tablesOn(pkg, s)) keptTables.add(t.toLowerCase());
  return { sheets: new Map(pkg.sheets.map((s) => [sheetKey(s.name), s.name])), owned, keptTables };
}

function tablesOn(pkg: XlsxPackage, sheet: PackageSheet): string[] {
  if (!sheet.path) return [];
  return pkg.relsOf(sheet.path).flatMap((rel) => {
    const xml = rel.type === "table" && !rel.external ? pkg.text(rel.target) : null;
    const name = xml === null ? null : /<(?:\w+:)?table\b[^>]*?\sname="([^"]*)"/.exec(xml)?.[1];
    return name ? [name] : [];
  });
}

/** The edit in progress: the base's entries, with ours moved in. */
class PackageEdit {
  private readonly entries: Unzipped;
  private readonly types: ContentTypes;
  private readonly oursTypes: ContentTypes;
  private readonly workbook: WorkbookXml;
  private readonly wbRels: RawRel[];
  private readonly styles: MergedStyles;
  /** Our shared strings (raw `<si>`), and the workbook's, to which those used are added. */
  private readonly oursShared: string[];
  private readonly shared: SharedStringsEdit;
  private readonly reserved = new Set<string>();
  /** Parts that may have lost their last reference: removed at the end if so. */
  private readonly orphans = new Set<string>();
  private nextTableId: number;

  constructor(
    private readonly pkg: XlsxPackage,
    private readonly ours: XlsxPackage
  ) {
    this.entries = { ...pkg.entries };
    this.types = new ContentTypes(pkg.text("[Content_Types].xml"));
    this.oursTypes = new ContentTypes(ours.text("[Content_Types].xml"));
    this.workbook = new WorkbookXml(pkg.text(pkg.workbookPath)!);
    this.wbRels = rawRels(pkg.text(relsPath(pkg.workbookPath)));
    const oursStyles = ours.relsOf(ours.workbookPath).find((r) => r.type === "styles")?.target;
    this.styles = mergeStyles(
      this.partOf("styles"),
      (oursStyles && ours.text(oursStyles)) || "<styleSheet/>"
    );
    const oursShared = ours
      .relsOf(ours.workbookPath)
      .find((r) => r.type === "sharedStrings")?.target;
    this.oursShared = sharedItems(oursShared ? ours.text(oursShared) : null);
    this.shared = new SharedStringsEdit(this.partOf("sharedStrings"));
    this.nextTableId = this.maxTableId() + 1;
  }

  /** The text of the workbook's part of this relationship type ("styles"), or null. */
  private partOf(type: string): string | null {
    const rel = this.pkg.relsOf(this.pkg.workbookPath).find((r) => r.type === type);
    return rel ? this.pkg.text(rel.target) : null;
  }

  private maxTableId(): number {
    let max = 0;
    for (const [part, data] of Object.entries(this.pkg.entries)) {
      if (!this.types.typeOf(part)?.endsWith(".table+xml")) continue;
      const id = /<(?:\w+:)?table\b[^>]*?\sid="(\d+)"/.exec(decoder.decode(data))?.[1];
      if (id) max = Math.max(max, Number(id));
    }
    return max;
  }

  removeSheet(sheet: PackageSheet): void {
    this.workbook.removeSheet(sheet.rId);
    const i = this.wbRels.findIndex((r) => r.id === sheet.rId);
    if (i >= 0) this.wbRels.splice(i, 1);
    if (sheet.path) this.forget(sheet.path);
  }

  /** A part and what only it leads to: gone unless something left still refers to it. */
  private forget(part: string): void {
    this.orphans.add(part);
    for (const p of reachable(part, (x) => this.pkg.relsOf(x))) this.orphans.add(p);
    delete this.entries[part];
    delete this.entries[relsPath(part)];
  }

  writeSheet(
    sheet: SheetSpec,
    there: PackageSheet | undefined,
    extent: { rows: number; cols: number } | undefined
  ): void {
    const oursSheet = this.ours.sheets.find((s) => sheetKey(s.name) === sheetKey(sheet.name))!;
    let keep: KeptCells | undefined;
    let drawing: UsersDrawing | null = null;
    const path = there?.path ?? this.addSheet(sheet);
    if (there?.path) {
      keep = extent ? this.usersCells(path, sheet, extent) : undefined;
      drawing = this.usersDrawing(path);
      this.forget(path);
      // The old sheet's parts go now, so ours take their names (a second refresh gives the
      // same names); those the user's anchors use, and their drawing if ours has none, stay.
      const oursDraws = this.ours.relsOf(oursSheet.path!).some((r) => r.type === "drawing");
      this.dropOrphans(drawing ? usedParts(drawing, !oursDraws) : undefined);
      if (sheet.visibility && sheet.visibility !== "visible")
        this.workbook.setState(there.rId, sheet.visibility);
    }
    let xml = transplantSheet(this.ours.text(oursSheet.path!)!, {
      xf: this.styles.xf,
      dxf: this.styles.dxf,
      shared: (n) => this.shared.indexOf(this.oursShared[n] ?? "<si><t></t></si>"),
      keep,
    });
    const rels = this.copyRels(oursSheet.path!, path);
    if (drawing) xml = this.keepDrawing(path, xml, rels, drawing);
    this.entries[path] = strToU8(xml);
    this.types.set(path, WORKSHEET_TYPE);
    if (rels.length > 0) this.entries[relsPath(path)] = strToU8(relsXml(rels));
  }

  /** A new sheet at the end of the tabs: its part's name. */
  private addSheet(sheet: SheetSpec): string {
    const path = freePartName(this.entries, "xl/worksheets/sheet1.xml", this.reserved);
    const rId = freeRelId(this.wbRels.map((r) => r.id));
    this.wbRels.push({
      id: rId,
      type: `${REL_TYPE}/worksheet`,
      target: relativeTarget(this.pkg.workbookPath, path),
      external: false,
    });
    const sheetId = this.workbook.maxSheetId() + 1;
    this.workbook.addSheet(sheet.name, sheetId, rId, sheet.visibility ?? "visible");
    return path;
  }

  /** The user's charts and pictures on the drawing of the sheet part at `path`, if any. */
  private usersDrawing(path: string): UsersDrawing | null {
    const rel = this.pkg.relsOf(path).find((r) => r.type === "drawing" && !r.external);
    const xml = rel ? this.pkg.text(rel.target) : null;
    if (!rel || xml === null) return null;
    const anchors = usersAnchors(xml);
    if (anchors.length === 0) return null;
    return { path: rel.target, xml, anchors, rels: this.pkg.relsOf(rel.target) };
  }

  /** The rebuilt sheet (`xml`, its `rels`) with the user's anchors in its drawing. */
  private keepDrawing(path: string, xml: string, rels: RawRel[], users: UsersDrawing): string {
    const ours = rels.find((r) => r.type.endsWith("/drawing") && !r.external);
    let drawingPath: string;
    let out = xml;
    if (ours) drawingPath = resolveTarget(path, ours.target);
    else {
      // The drawing keeps its part, now holding only the user's anchors.
      drawingPath = users.path;
      this.orphans.delete(drawingPath);
      this.entries[drawingPath] = strToU8(emptyDrawing(users.xml));
      delete this.entries[relsPath(drawingPath)];
      this.types.set(drawingPath, DRAWING_TYPE);
      const id = freeRelId(rels.map((r) => r.id));
      rels.push({
        id,
        type: `${REL_TYPE}/drawing`,
        target: relativeTarget(path, drawingPath),
        external: false,
      });
      out = withDrawingElement(out, id);
    }
    const drawingRels = rawRels(this.textOf(relsPath(drawingPath)));
    const merged = addAnchors(
      this.textOf(drawingPath) ?? emptyDrawing(users.xml),
      drawingPath,
      drawingRels,
      users.anchors,
      users.xml,
      users.rels
    );
    this.entries[drawingPath] = strToU8(merged);
    this.entries[relsPath(drawingPath)] = strToU8(relsXml(drawingRels));
    return out;
  }

  private textOf(part: string): string | null {
    const data = this.entries[part];
    return data ? decoder.decode(data) : null;
  }

  /** The user's cells on a rebuilt sheet: outside what the last build and this one cover. */
  private usersCells(
    path: string,
    sheet: SheetSpec,
    was: { rows: number; cols: number }
  ): KeptCells {
    const now = specExtent({ ...sheet, charts: [] });
    const inside = (e: { rows: number; cols: number }, r: number, c: number): boolean =>
      r < e.rows && c < e.cols;
    return keptCells(this.pkg.text(path) ?? "", (r, c) => !inside(was, r, c) && !inside(now, r, c));
  }

  /** Our part's relationships, each target part copied in under a free name. */
  private copyRels(from: string, to: string, copied = new Map<string, string>()): RawRel[] {
    return rawRels(this.ours.text(relsPath(from))).map((rel) => {
      if (rel.external) return rel;
      const source = resolveTarget(from, rel.target);
      let dest = copied.get(source);
      if (dest === undefined) {
        dest = freePartName(this.entries, source, this.reserved);
        copied.set(source, dest);
        this.copyPart(source, dest, copied);
      }
      return { ...rel, target: relativeTarget(to, dest) };
    });
  }

  private copyPart(source: string, dest: string, copied: Map<string, string>): void {
    const data = this.ours.entries[source];
    if (!data) return;
    const type = this.oursTypes.typeOf(source);
    this.entries[dest] = type?.endsWith(".table+xml")
      ? this.renumberTable(data)
      : dest.toLowerCase().endsWith(".vml")
        ? this.renumberShapes(data)
        : data;
    if (type) this.types.set(dest, type);
    const rels = this.copyRels(source, dest, copied);
    if (rels.length > 0) this.entries[relsPath(dest)] = strToU8(relsXml(rels));
  }

  /**
   * The shapes of a VML drawing (the boxes of notes) take ids from a block of 1,024 that
   * `o:idmap` names; Excel wants each drawing's block its own: ours follow the user's.
   */
  private renumberShapes(data: Uint8Array): Uint8Array<ArrayBuffer> {
    if (this.nextShapeBlock === undefined) {
      let max = 0;
      for (const [part, bytes] of Object.entries(this.pkg.entries))
        if (part.toLowerCase().endsWith(".vml"))
          for (const m of decoder.decode(bytes).matchAll(/idmap\b[^>]*?\sdata="([\d,\s]*)"/g))
            for (const n of m[1]!.split(/[,\s]+/)) if (n) max = Math.max(max, Number(n));
      this.nextShapeBlock = max + 1;
    }
    const block = this.nextShapeBlock++;
    let k = 0;
    const xml = decoder
      .decode(data)
      .replace(/(idmap\b[^>]*?\sdata=")[\d,\s]*"/, `$1${block}"`)
      .replace(/(\sid="_x0000_s)\d+"/g, (_, head: string) => `${head}${block * 1024 + ++k}"`);
    return strToU8(xml);
  }
  private nextShapeBlock: number | undefined;

  /** Table ids are unique in a workbook: ours follow the user's. */
  private renumberTable(data: Uint8Array): Uint8Array<ArrayBuffer> {
    const xml = decoder.decode(data);
    return strToU8(xml.replace(/(<(?:\w+:)?table\b[^>]*?\sid=")\d+"/, `$1${this.nextTableId++}"`));
  }

  /** The package, with the names scoped to our sheets (at `positions`) taken from ours. */
  finish(positions: Set<number>, anchors: WorkbookSpec["sheetAnchors"]): Uint8Array {
    if (anchors) this.workbook.replaceAnchors(anchors);
    this.workbook.replaceSheetNames(
      positions,
      sheetScopedNames(this.ours.text(this.ours.workbookPath)!)
        .filter((n) => positions.has(n.position))
        .map((n) => n.xml)
    );
    this.workbook.calculateOnLoad();
    this.writeWorkbookPart("styles", "xl/styles.xml", STYLES_TYPE, this.styles.xml);
    if (this.shared.changed)
      this.writeWorkbookPart(
        "sharedStrings",
        "xl/sharedStrings.xml",
        SHARED_TYPE,
        this.shared.xml()
      );
    this.dropOrphans();
    this.entries[this.pkg.workbookPath] = strToU8(this.workbook.toString());
    this.entries[relsPath(this.pkg.workbookPath)] = strToU8(relsXml(this.wbRels));
    // An override for a part that is gone (a rebuilt sheet's old relationships) goes too.
    for (const part of [...this.types.overrides.keys()])
      if (this.entries[part] === undefined) this.types.remove(part);
    this.entries["[Content_Types].xml"] = strToU8(this.types.xml());
    // Fastest deflate: a large sheet compresses several times faster, for a file a tenth larger.
    return zipSync(this.entries, { level: 1 });
  }

  /** Writes a part the workbook refers to by `type` ("styles"), adding it when it has none. */
  private writeWorkbookPart(type: string, wanted: string, contentType: string, xml: string): void {
    let path = this.pkg.relsOf(this.pkg.workbookPath).find((r) => r.type === type)?.target;
    if (!path) {
      path = freePartName(this.entries, wanted, this.reserved);
      this.wbRels.push({
        id: freeRelId(this.wbRels.map((r) => r.id)),
        type: `${REL_TYPE}/${type}`,
        target: relativeTarget(this.pkg.workbookPath, path),
        external: false,
      });
    }
    this.entries[path] = strToU8(xml);
    this.types.set(path, contentType);
  }

  /** Parts of rebuilt or removed sheets that nothing left refers to (a drawing, then its chart). */
  private dropOrphans(alsoReferenced: ReadonlySet<string> = new Set()): void {
    for (let dropped = true; dropped;) {
      dropped = false;
      const referenced = this.referencedParts();
      for (const part of alsoReferenced) referenced.add(part);
      for (const part of this.orphans) {
        if (referenced.has(part)) continue;
        this.orphans.delete(part);
        delete this.entries[part];
        delete this.entries[relsPath(part)];
        this.types.remove(part);
        dropped = true;
      }
    }
  }

  private referencedParts(): Set<string> {
    const referenced = new Set<string>();
    for (const rel of this.wbRels)
      if (!rel.external) referenced.add(resolveTarget(this.pkg.workbookPath, rel.target));
    for (const part of Object.keys(this.entries)) {
      const source = /^(.*?)_rels\/([^/]*)\.rels$/.exec(part);
      if (!source) continue;
      const owner = `${source[1]}${source[2]}`;
      if (owner !== "" && (this.entries[owner] === undefined || this.orphans.has(owner))) continue;
      for (const rel of rawRels(decoder.decode(this.entries[part]!)))
        if (!rel.external) referenced.add(resolveTarget(owner, rel.target));
    }
    return referenced;
  }
}
