// The bookkeeping parts of a package, edited as text: relationships, content types, and
// free part names. Everything here leaves the XML it does not need to change as it was.
import type { Unzipped } from "fflate";
import { resolveTarget, type PackageRel } from "./readPackage";

const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const escapeAttr = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A relationship target for `part` written from `source` (relative, as Excel writes them). */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/** A relationships part, each relationship written from the part it belongs to. */
export interface RawRel {
  id: string;
  /** Full type URI. */
  type: string;
  target: string;
  external: boolean;
}

export function relsXml(rels: RawRel[]): string {
  const items = rels.map(
    (r) =>
      `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${items.join("")}</Relationships>`;
}

/** The raw relationships of a rels part's XML (types in full, targets as written). */
export function rawRels(xml: string | null): RawRel[] {
  if (xml === null) return [];
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)].map((m) => {
    const a = m[1]!;
    const get = (n: string): string =>
      unescapeAttr(new RegExp(`\\s${n}="([^"]*)"`).exec(a)?.[1] ?? "");
    return {
      id: get("Id"),
      type: get("Type"),
      target: get("Target"),
      external: get("TargetMode") === "External",
    };
  });
}

const unescapeAttr = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** A relationship id not in `taken` ("rId7"). */
export function freeRelId(taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** A part name like `wanted` ("xl/tables/table1.xml") that no entry has: the number changes. */
export function freePartName(entries: Unzipped, wanted: string, reserved: Set<string>): string {
  const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(wanted);
  const [stem, ext] = m ? [m[1]!, m[3]!] : [wanted, ""];
  const lower = new Set([...Object.keys(entries), ...reserved].map((k) => k.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = `${stem}${n}${ext}`;
    if (!lower.has(name.toLowerCase())) {
      reserved.add(name);
      return name;
    }
  }
}

/** [Content_Types].xml as defaults by extension and overrides by part name. */
export class ContentTypes {
  readonly defaults = new Map<string, string>();
  readonly overrides = new Map<string, string>();
  private readonly head: string;

  constructor(xml: string | null) {
    const root = xml === null ? null : /<(?:\w+:)?Types\b[^>]*>/.exec(xml);
    this.head =
      root?.[0] ?? '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">';
    for (const m of (xml ?? "").matchAll(/<(?:\w+:)?(Default|Override)\b([^>]*?)\/?>/g)) {
      const get = (n: string): string => new RegExp(`\\s${n}="([^"]*)"`).exec(m[2]!)?.[1] ?? "";
      if (m[1] === "Default") this.defaults.set(get("Extension").toLowerCase(), get("ContentType"));
      else this.overrides.set(get("PartName").replace(/^\//, ""), get("ContentType"));
    }
  }

  typeOf(part: string): string | undefined {
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    return this.overrides.get(part) ?? this.defaults.get(ext);
  }

  /** Gives `part` the type `type`: by its extension's default when that is the same. */
  set(part: string, type: string): void {
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    if (this.defaults.get(ext) === type) this.overrides.delete(part);
    else this.overrides.set(part, type);
  }

  remove(part: string): void {
    this.overrides.delete(part);
  }

  xml(): string {
    const d = [...this.defaults].map(([e, t]) => `<Default Extension="${e}" ContentType="${t}"/>`);
    const o = [...this.overrides].map(
      ([p, t]) => `<Override PartName="/${p}" ContentType="${t}"/>`
    );
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${this.head}${d.join("")}${o.join("")}</Types>`;
  }
}

/** The parts a part leads to through its relationships, itself excluded, in no set order. */
export function reachable(
  start: string,
  relsOf: (part: string) => PackageRel[],
  stop: (rel: PackageRel) => boolean = () => false
): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const part = queue.pop()!;
    for (const rel of relsOf(part)) {
      if (rel.external || stop(rel) || seen.has(rel.target) || rel.target === start) continue;
      seen.add(rel.target);
      queue.push(rel.target);
    }
  }
  return seen;
}

export { resolveTarget };
