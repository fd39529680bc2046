// The documents kept in test/fixtures/pdf/ (see its README): a 30-page committee paper
// with the eight sample "Offences & SDs" tables (the borough C and D tables twice, as
// their PDF-copy and HTML samples hold them), Merton's two calls tables and prose; a
// table split over a page break; an unruled landscape table; a table whose columns cannot
// be told apart; and a scanned page with no text.
import { documentHtml, firstBlockHtml, prose, sampleHtml, type TableStyle } from "./pdfDocuments";

export interface PaperSection {
  /** The sample the tables are read from for comparison. */
  sample: string;
  /** The tab-separated sample laid out in the paper (the same table). */
  laidOut: string;
  area: string;
  /** Whether the section holds the calls table too. */
  calls: boolean;
  style: TableStyle;
}

const RULED: TableStyle = { ruled: true, size: 7 };
const UNRULED: TableStyle = { ruled: false, size: 7 };

export const PAPER_SECTIONS: PaperSection[] = [
  {
    sample: "merton-2017-07-02.txt",
    laidOut: "merton-2017-07-02.txt",
    area: "Merton",
    calls: true,
    style: RULED,
  },
  {
    sample: "merton-2017-08-01.txt",
    laidOut: "merton-2017-08-01.txt",
    area: "Merton",
    calls: true,
    style: UNRULED,
  },
  {
    sample: "borough-a-2017-09-05.txt",
    laidOut: "borough-a-2017-09-05.txt",
    area: "Borough A",
    calls: false,
    style: RULED,
  },
  {
    sample: "borough-c-2017-09-05.txt",
    laidOut: "borough-c-2017-09-05.txt",
    area: "Borough C",
    calls: false,
    style: UNRULED,
  },
  {
    sample: "borough-c-2017-09-05.pdf-copy.txt",
    laidOut: "borough-c-2017-09-05.txt",
    area: "Borough C",
    calls: false,
    style: { ruled: true, size: 8 },
  },
  {
    sample: "borough-d-2017-09-05.txt",
    laidOut: "borough-d-2017-09-05.txt",
    area: "Borough D",
    calls: false,
    style: RULED,
  },
  {
    sample: "borough-d-2017-09-05.html",
    laidOut: "borough-d-2017-09-05.txt",
    area: "Borough D",
    calls: false,
    style: UNRULED,
  },
  {
    sample: "borough-e-2017-09-05.txt",
    laidOut: "borough-e-2017-09-05.txt",
    area: "Borough E",
    calls: false,
    style: RULED,
  },
];

function sectionHtml(s: PaperSection, i: number): string {
  const tables = s.calls ? sampleHtml(s.laidOut, s.style) : firstBlockHtml(s.laidOut, s.style);
  return [`<h2>Crime data for ${s.area}</h2>`, prose(6, i), tables, prose(8, i + 1)].join("\n");
}

/** The 30-page paper; with `copies`, its borough sections that many times (a longer paper). */
export function paperHtml(copies = 1): string {
  const intro = [
    "<h1>Crime and policing in the borough and its neighbours</h1>",
    "<p>Report of the Director of Community and Housing to the Overview and Scrutiny Commission.</p>",
    prose(14),
  ];
  const body = [
    ...intro,
    ...Array.from({ length: copies }, () => PAPER_SECTIONS.map(sectionHtml)).flat(),
    "<h2>Conclusion</h2>",
    prose(10, 2),
    "<h2>Background</h2>",
    prose(120, 1),
  ];
  return documentHtml(body.join("\n"));
}

/** Merton's August table starting near the foot of page 1 and running on to page 2. */
export function splitTableHtml(): string {
  const body = [
    "<h2>Crime data for Merton</h2>",
    prose(13),
    firstBlockHtml("merton-2017-08-01.txt", { ruled: true, size: 9 }),
  ];
  return documentHtml(body.join("\n"));
}

/** Borough A's tables unruled on a landscape page, the borough named in an area line. */
export function landscapeHtml(): string {
  const body = [
    "<p>Borough: Borough A</p>",
    prose(1),
    sampleHtml("borough-a-2017-09-05.txt", { ruled: false, size: 9 }),
  ];
  return documentHtml(body.join("\n"), { landscape: true });
}

/** A table typed with spaces in a fixed-width font, its columns out of line. */
export function misalignedHtml(): string {
  const rows = [
    "Crime Category  Offences Previous R12   Offences Current R12",
    "TNO - State 816  910",
    "TNO - Victim   12,251 12,524",
    "Burglary Total      1,482      1,392",
  ];
  return documentHtml(`<h2>Crime data for Merton</h2>\n<pre>${rows.join("\n")}</pre>`);
}

/** A page holding only a picture of a page (made from a rendered PDF page). */
export function scannedHtml(png: string): string {
  return `<html><body><p><img src="file://${png}" width="600"></p></body></html>`;
}
