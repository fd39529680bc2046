// The open-tag, text and close-tag events of HTML, as htmlparser2's Parser gives them
// (its implied closes, void elements, `</p>` and `</br>`, self-closing tags in SVG and
// MathML), built on its Tokenizer with a stack of open elements whose top is its end.
// The Parser keeps its stack top first (`unshift`, `shift`), so each tag costs the depth
// of the document: 200,000 nested elements took a minute. Here each costs O(1), and a
// close tag that matches nothing open costs O(1) too (a count of each open name).

import { Tokenizer } from "htmlparser2";

export interface HtmlHandler {
  open(name: string, attrs: Record<string, string>): void;
  text(data: string): void;
  close(name: string): void;
}

// As htmlparser2's Parser (lib/Parser.ts) has them for HTML.
const P_TAG = new Set(["p"]);
const FORM_TAGS = new Set([
  "input",
  "option",
  "optgroup",
  "select",
  "button",
  "datalist",
  "textarea",
]);
const TABLE_SECTION_TAGS = new Set(["thead", "tbody"]);
const DDT_TAGS = new Set(["dd", "dt"]);
const RTP_TAGS = new Set(["rt", "rp"]);
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ["tr", new Set(["tr", "th", "td"])],
  ["th", new Set(["th"])],
  ["td", new Set(["thead", "th", "td"])],
  ["body", new Set(["head", "link", "script"])],
  ["li", new Set(["li"])],
  ["p", P_TAG],
  ["h1", P_TAG],
  ["h2", P_TAG],
  ["h3", P_TAG],
  ["h4", P_TAG],
  ["h5", P_TAG],
  ["h6", P_TAG],
  ["select", FORM_TAGS],
  ["input", FORM_TAGS],
  ["output", FORM_TAGS],
  ["button", FORM_TAGS],
  ["datalist", FORM_TAGS],
  ["textarea", FORM_TAGS],
  ["option", new Set(["option"])],
  ["optgroup", new Set(["optgroup", "option"])],
  ["dd", DDT_TAGS],
  ["dt", DDT_TAGS],
  ...[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "pre",
    "section",
    "table",
    "ul",
  ].map((name): [string, Set<string>] => [name, P_TAG]),
  ["rt", RTP_TAGS],
  ["rp", RTP_TAGS],
  ["tbody", TABLE_SECTION_TAGS],
  ["tfoot", TABLE_SECTION_TAGS],
]);
const VOID_ELEMENTS = new Set([
  "area",
  "base",
  "basefont",
  "br",
  "col",
  "command",
  "embed",
  "frame",
  "hr",
  "img",
  "input",
  "isindex",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
const FOREIGN_CONTEXT_ELEMENTS = new Set(["math", "svg"]);
const HTML_INTEGRATION_ELEMENTS = new Set([
  "mi",
  "mo",
  "mn",
  "ms",
  "mtext",
  "annotation-xml",
  "foreignobject",
  "desc",
  "title",
]);

/** The elements open, innermost last, with a count of each name for O(1) "is it open?". */
class OpenElements {
  private readonly names: string[] = [];
  private readonly counts = new Map<string, number>();

  get top(): string | undefined {
    return this.names[this.names.length - 1];
  }

  push(name: string): void {
    this.names.push(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  pop(): string | undefined {
    const name = this.names.pop();
    if (name !== undefined) this.counts.set(name, (this.counts.get(name) ?? 1) - 1);
    return name;
  }

  /** How many elements from the top down to the innermost `name`, or 0 if none is open. */
  depthOf(name: string): number {
    if ((this.counts.get(name) ?? 0) === 0) return 0;
    return this.names.length - this.names.lastIndexOf(name);
  }
}

/** Turns the Tokenizer's events into the Parser's, for one whole document. */
class TreeEvents {
  private readonly stack = new OpenElements();
  /** Whether self-closing tags are honoured: inside svg or math, innermost last. */
  private readonly foreign: boolean[] = [false];
  private tagname = "";
  private attribs: Record<string, string> | null = null;
  private attribname = "";
  private attribvalue = "";

  constructor(
    private readonly html: string,
    private readonly handler: HtmlHandler
  ) {}

  private slice(start: number, end: number): string {
    return this.html.slice(start, end);
  }

  text(start: number, end: number): void {
    this.handler.text(this.slice(start, end));
  }

  textEntity(codePoint: number): void {
    this.handler.text(String.fromCodePoint(codePoint));
  }

  openTagName(start: number, end: number): void {
    this.emitOpenTag(this.slice(start, end).toLowerCase());
  }

  private emitOpenTag(name: string): void {
    this.tagname = name;
    const impliesClose = OPEN_IMPLIES_CLOSE.get(name);
    if (impliesClose) {
      while (this.stack.top !== undefined && impliesClose.has(this.stack.top))
        this.handler.close(this.stack.pop() as string);
    }
    if (!VOID_ELEMENTS.has(name)) {
      this.stack.push(name);
      if (FOREIGN_CONTEXT_ELEMENTS.has(name)) this.foreign.push(true);
      else if (HTML_INTEGRATION_ELEMENTS.has(name)) this.foreign.push(false);
    }
    this.attribs = {};
  }

  private endOpenTag(): void {
    if (this.attribs) {
      this.handler.open(this.tagname, this.attribs);
      this.attribs = null;
    }
    if (VOID_ELEMENTS.has(this.tagname)) this.handler.close(this.tagname);
    this.tagname = "";
  }

  openTagEnd(): void {
    this.endOpenTag();
  }

  selfClosingTag(): void {
    if (this.foreign[this.foreign.length - 1]) this.closeCurrentTag();
    else this.endOpenTag();
  }

  private closeCurrentTag(): void {
    const name = this.tagname;
    this.endOpenTag();
    if (this.stack.top === name) {
      this.handler.close(name);
      this.stack.pop();
    }
  }

  closeTag(start: number, end: number): void {
    const name = this.slice(start, end).toLowerCase();
    if (FOREIGN_CONTEXT_ELEMENTS.has(name) || HTML_INTEGRATION_ELEMENTS.has(name))
      this.foreign.pop();
    if (!VOID_ELEMENTS.has(name)) {
      const depth = this.stack.depthOf(name);
      if (depth > 0) {
        for (let i = 0; i < depth; i++) this.handler.close(this.stack.pop() as string);
      } else if (name === "p") {
        // `</p>` with no p open: an empty paragraph, as a browser has it.
        this.emitOpenTag("p");
        this.closeCurrentTag();
      }
    } else if (name === "br") {
      // `</br>` is a line break.
      this.handler.open("br", {});
      this.handler.close("br");
    }
  }

  attribName(start: number, end: number): void {
    this.attribname = this.slice(start, end).toLowerCase();
  }

  attribData(start: number, end: number): void {
    this.attribvalue += this.slice(start, end);
  }

  attribEntity(codePoint: number): void {
    this.attribvalue += String.fromCodePoint(codePoint);
  }

  attribEnd(): void {
    if (this.attribs && !Object.prototype.hasOwnProperty.call(this.attribs, this.attribname))
      this.attribs[this.attribname] = this.attribvalue;
    this.attribvalue = "";
  }

  end(): void {
    for (let name = this.stack.pop(); name !== undefined; name = this.stack.pop())
      this.handler.close(name);
  }
}

/** Sends `html`'s events to `handler`, in time linear in its length, whatever its depth. */
export function parseHtml(html: string, handler: HtmlHandler): void {
  const tree = new TreeEvents(html, handler);
  const ignore = (): void => undefined;
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      ontext: (start, end) => tree.text(start, end),
      ontextentity: (codePoint) => tree.textEntity(codePoint),
      onopentagname: (start, end) => tree.openTagName(start, end),
      onopentagend: () => tree.openTagEnd(),
      onselfclosingtag: () => tree.selfClosingTag(),
      onclosetag: (start, end) => tree.closeTag(start, end),
      onattribname: (start, end) => tree.attribName(start, end),
      onattribdata: (start, end) => tree.attribData(start, end),
      onattribentity: (codePoint) => tree.attribEntity(codePoint),
      onattribend: () => tree.attribEnd(),
      oncdata: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onprocessinginstruction: ignore,
      onend: () => tree.end(),
    }
  );
  tokenizer.write(html);
  tokenizer.end();
}
