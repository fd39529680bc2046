// Notes on cells (legacy comments): the comments part holds their text, and a VML drawing
// holds the hidden boxes Excel shows on hover; Excel needs both for a note to appear.
import type { SheetNote } from "./sheetContext";
import { colLetter } from "../../../layout/a1";
import { NS, XML_HEADER, textElement } from "./xml";

export function commentsXml(notes: readonly SheetNote[]): string {
  const list = notes
    .map(
      (n) =>
        `<comment ref="${colLetter(n.col)}${n.row + 1}" authorId="0"><text><r>${textElement(n.text)}</r></text></comment>`
    )
    .join("");
  return `${XML_HEADER}<comments xmlns="${NS.main}"><authors><author>Scrutiny Sheets</author></authors><commentList>${list}</commentList></comments>`;
}

/** The VML boxes of the notes of sheet number `sheetNo` (from 1: it keeps shape ids unique). */
export function notesVml(notes: readonly SheetNote[], sheetNo: number): string {
  const shapes = notes
    .map((n, i) => {
      const anchor = `${n.col + 1}, 15, ${Math.max(n.row - 1, 0)}, 10, ${n.col + 3}, 15, ${n.row + 3}, 4`;
      return (
        `<v:shape id="_x0000_s${sheetNo * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:108pt;height:60pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData>` +
        "</v:shape>"
      );
    })
    .join("");
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${sheetNo}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shapes +
    "</xml>"
  );
}
