// htmlEvents gives the events htmlparser2's Parser gives (its stack made deep input
// quadratic), on the HTML sample and on a few thousand generated fragments: implied
// closes, void and self-closing tags, `</p>`, `</br>`, svg, entities, comments.
import * as fs from "fs";
import * as path from "path";
import { Parser } from "htmlparser2";
import { parseHtml } from "../../../src/core/read/htmlEvents";

type Sink = {
  open: (name: string, attrs: Record<string, string>) => void;
  text: (data: string) => void;
  close: (name: string) => void;
  /** The events, the text at the end flushed. */
  done: () => string[];
};

/** Events as strings, adjacent text joined (the two may cut text at different places). */
function sink(): Sink {
  const events: string[] = [];
  let text = "";
  const flush = () => {
    if (text !== "") events.push(`text ${text}`);
    text = "";
  };
  return {
    done: () => {
      flush();
      return events;
    },
    open: (name, attrs) => {
      flush();
      events.push(`open ${name} ${JSON.stringify(attrs)}`);
    },
    text: (data) => {
      text += data;
    },
    close: (name) => {
      flush();
      events.push(`close ${name}`);
    },
  };
}

function viaParser(html: string): string[] {
  const s = sink();
  const parser = new Parser(
    { onopentag: s.open, ontext: s.text, onclosetag: s.close },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
  );
  parser.write(html);
  parser.end();
  return s.done();
}

function viaHtmlEvents(html: string): string[] {
  const s = sink();
  parseHtml(html, s);
  return s.done();
}

const TAGS =
  "p div td tr th table tbody thead tfoot br hr svg math path title desc mi li ul span script style option select input img dd dt h1 body head html foreignObject TD Tr".split(
    " "
  );
const TEXTS = ["x", "a &amp; b", "&nbsp;", "&#65;", "<", "  ", "&lt;td&gt;", "é", "&copy", "&"];
const OTHERS = [
  "<!-- c -->",
  "<![CDATA[z]]>",
  "<!doctype html>",
  "<?xml x?>",
  "</>",
  "<",
  "<a b",
  "< p>",
];

/** A deterministic fragment of tags, text and oddities. */
function fragment(next: (n: number) => number): string {
  let s = "";
  for (let i = next(40); i > 0; i--) {
    const r = next(10);
    const tag = TAGS[next(TAGS.length)] as string;
    const attrs = next(3) === 0 ? ' colspan="2" ROWSPAN=3 a=&amp;x a=y' : "";
    if (r < 4) s += `<${tag}${attrs}${next(5) === 0 ? "/" : ""}>`;
    else if (r < 7) s += `</${tag}>`;
    else if (r < 9) s += TEXTS[next(TEXTS.length)] as string;
    else s += OTHERS[next(OTHERS.length)] as string;
  }
  return s;
}

test("the events of the HTML sample are the Parser's", () => {
  const file = path.join(__dirname, "../../../samples/offences-sds/borough-d-2017-09-05.html");
  const html = fs.readFileSync(file, "utf8");
  expect(viaHtmlEvents(html)).toEqual(viaParser(html));
});

test("the events of 3,000 generated fragments are the Parser's", () => {
  let seed = 17;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let i = 0; i < 3000; i++) {
    const html = fragment(next);
    expect([html, viaHtmlEvents(html)]).toEqual([html, viaParser(html)]);
  }
});
