// Committee papers made the way councils make them: the sample tables laid out in HTML
// documents (ruled and unruled tables, portrait and landscape, prose between tables, a
// heading naming the borough, a running header and page numbers) and turned into PDF by
// LibreOffice Writer. `scripts/make-pdf-fixtures.js` writes the ones kept in
// test/fixtures/pdf/; tests that need LibreOffice make the rest.
import { execFile } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { OFFENCES_DIR } from "./samples";

export interface TableStyle {
  ruled: boolean;
  /** Font size of the table, in points. */
  size: number;
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A cell right-aligned as papers print figures: past the label columns, or a status dot. */
function isFigureCell(text: string, index: number, labels: number): boolean {
  return index >= labels && /^[-\d.,%●\s]+$/.test(text) && text.trim() !== "";
}

/** A sample's tab-separated text as HTML: tables for its rows, paragraphs for its other lines. */
export function sampleHtml(file: string, style: TableStyle): string {
  const lines = readFileSync(path.join(OFFENCES_DIR, file), "utf8").split(/\r?\n/);
  const out: string[] = [];
  let inTable = false;
  const open = () =>
    `<table border="${style.ruled ? 1 : 0}" cellspacing="0" cellpadding="3" width="100%">`;
  for (const line of lines) {
    const cells = line.split("\t");
    if (cells.length < 2) {
      if (inTable) out.push("</table>");
      inTable = false;
      if (line.trim() !== "") out.push(`<p>${escape(line.trim())}</p>`);
      continue;
    }
    const inHeading = !inTable;
    if (!inTable) out.push(open());
    inTable = true;
    const labels = cells.length > 6 ? 2 : 1;
    const tds = cells.map((c, i) => {
      // Writer splits a word too long for a narrow column ("Targe/t"): the heading row
      // gives each column room for its longest word.
      const width = !inHeading ? "" : ` width="${Math.max(4, c.trim().length > 8 ? 9 : 6)}%"`;
      const align = (isFigureCell(c, i, labels) ? ' align="right"' : "") + width;
      return `<td valign="top"${align} style="font-size:${style.size}pt">${escape(c.trim())}</td>`;
    });
    out.push(`<tr>${tds.join("")}</tr>`);
  }
  if (inTable) out.push("</table>");
  return out.join("\n");
}

/** Only the first table of a sample (its Offences & SDs block), with its title and period. */
export function firstBlockHtml(file: string, style: TableStyle): string {
  const html = sampleHtml(file, style);
  return html.slice(0, html.indexOf("</table>") + "</table>".length);
}

const PROSE = [
  "The Commission asked for the borough commander's crime figures for the borough and its neighbours, so that members can see how the borough compares and where performance has changed since the last report.",
  "Figures are rolling twelve-month totals: each compares the twelve months to the reporting date with the twelve months before. Sanction detections are crimes for which a suspect was charged, summonsed, cautioned or given a penalty notice.",
  "Members may wish to ask about the categories whose change is largest, bearing in mind that small numbers can swing widely from one period to the next without any change in the underlying risk.",
  "The police have advised that recording practices changed during the period, which affects comparisons for some categories of violence; officers will report on the effect at a later meeting.",
];

/** A few paragraphs of a paper's prose. */
export function prose(paragraphs: number, start = 0): string {
  const out: string[] = [];
  for (let i = 0; i < paragraphs; i++) out.push(`<p>${PROSE[(start + i) % PROSE.length]}</p>`);
  return out.join("\n");
}

/** A whole document: page size and margins, a running header and a page-number footer. */
export function documentHtml(
  body: string,
  opts: { landscape?: boolean; header?: string } = {}
): string {
  const size = opts.landscape ? "29.7cm 21cm" : "21cm 29.7cm";
  const header = opts.header ?? "Overview and Scrutiny Commission, 20 September 2017";
  return `<html><head><meta charset="utf-8"><style>@page { size: ${size}; margin: 2cm }</style></head><body>
<div title="header"><p>${escape(header)}</p></div>
<div title="footer"><p>Page <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield></p></div>
${body}
</body></html>`;
}

let profileDir: string | undefined;

/** Writes each HTML document to a PDF of the same base name in `outDir` (one soffice run). */
export function htmlToPdf(
  docs: { name: string; html: string }[],
  outDir: string
): Promise<string[]> {
  profileDir ??= mkdtempSync(path.join(tmpdir(), "scrutiny-lo-pdf-profile-"));
  const src = mkdtempSync(path.join(tmpdir(), "scrutiny-pdf-src-"));
  mkdirSync(outDir, { recursive: true });
  const files = docs.map((d) => {
    const f = path.join(src, `${d.name}.html`);
    writeFileSync(f, d.html);
    return f;
  });
  return new Promise((resolve, reject) => {
    execFile(
      "soffice",
      [
        `-env:UserInstallation=file://${profileDir}`,
        "--headless",
        "--norestore",
        // Writer proper, not Writer/Web: Writer/Web drops a page's first paragraph and
        // leaves out the pictures an HTML page links to.
        "--infilter=HTML (StarWriter)",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        outDir,
        ...files,
      ],
      { timeout: 300000 },
      (err, _out, stderr) => {
        if (err) return reject(new Error(`soffice failed: ${err.message}\n${stderr}`));
        const pdfs = docs.map((d) => path.join(outDir, `${d.name}.pdf`));
        const missing = pdfs.find((p) => !existsSync(p));
        return missing ? reject(new Error(`LibreOffice did not write ${missing}`)) : resolve(pdfs);
      }
    );
  });
}
