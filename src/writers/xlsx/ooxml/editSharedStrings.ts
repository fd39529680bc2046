// The shared strings part of a workbook being refreshed: the user's strings stay at their
// indices (their cells point at them), the few of ours that need Excel's escapes (the
// writer puts only those there) are found among them or appended.
const ITEM = /<(?:\w+:)?si\b[^>]*?\/>|<(?:\w+:)?si\b[^>]*?>[\s\S]*?<\/(?:\w+:)?si>/g;

/** The `<si>` elements of a shared strings part, raw. */
export function sharedItems(xml: string | null): string[] {
  return xml === null ? [] : [...xml.matchAll(ITEM)].map((m) => m[0]);
}

export class SharedStringsEdit {
  private index: Map<string, number> | null = null;
  private count = 0;
  private readonly added: string[] = [];

  constructor(private readonly baseXml: string | null) {}

  /** The index of the string `si` (a raw `<si>` element) in the edited part. */
  indexOf(si: string): number {
    if (this.index === null) {
      const items = sharedItems(this.baseXml);
      this.index = new Map();
      items.forEach((item, i) => {
        if (!this.index!.has(item)) this.index!.set(item, i);
      });
      this.count = items.length;
    }
    let at = this.index.get(si);
    if (at === undefined) {
      at = this.count++;
      this.index.set(si, at);
      this.added.push(si);
    }
    return at;
  }

  /** Whether the part changes (a string was appended). */
  get changed(): boolean {
    return this.added.length > 0;
  }

  /** The part with our strings appended; its counts updated (the total count dropped: optional). */
  xml(): string {
    const base =
      this.baseXml ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></sst>';
    const withItems = base
      .replace(/<((?:\w+:)?)sst\b([^>]*?)\s*\/>/, "<$1sst$2></$1sst>")
      .replace(/<\/((?:\w+:)?)sst>\s*$/, (close) => `${this.added.join("")}${close}`);
    return withItems.replace(/<((?:\w+:)?)sst\b[^>]*>/, (tag) =>
      tag
        .replace(/\scount="\d+"/, "")
        .replace(/\suniqueCount="\d+"/, "")
        .replace(/>$/, ` uniqueCount="${this.count}">`)
    );
  }
}
