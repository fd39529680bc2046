// The shared string table, used only for text that needs Excel's `_xHHHH_` escapes (control
// characters, a literal "_x000D_"): every reader decodes the escapes in shared strings,
// some (ExcelJS) not in inline strings. Other text stays inline, so the table holds only
// these rare strings and memory stays bounded by a sheet's row.
import { NS, XML_HEADER, textElement } from "./xml";

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];
  private uses = 0;

  /** The index of `text` in the table. */
  add(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.texts.length;
      this.texts.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  get size(): number {
    return this.texts.length;
  }

  xml(): string {
    const items = this.texts.map((t) => `<si>${textElement(t)}</si>`);
    return `${XML_HEADER}<sst xmlns="${NS.main}" count="${this.uses}" uniqueCount="${this.texts.length}">${items.join("")}</sst>`;
  }
}
