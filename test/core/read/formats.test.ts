// Pastes in every form an analyst's clipboard or file gives: CSV, Word and browser HTML,
// CRLF and BOMs, several tables, reworded headings, generic tables and hostile labels.
import type { CrimeTable } from "../../../src/core/model";
import { detectFormat, readPaste } from "../../../src/core/read";
import { validateTables } from "../../../src/core/validate";
import { sampleText } from "./samples";

const MERTON = sampleText("merton-2017-08-01.txt");

function tables(text: string, opts: { html?: string; area?: string } = {}): CrimeTable[] {
  const r = readPaste(text, { source: "paste", ...opts });
  if (!r.ok) throw new Error(r.error.message);
  return r.tables;
}

function shape(ts: CrimeTable[]) {
  return ts.map((t) => ({
    kind: t.kind,
    period: t.periodEnding,
    rows: t.rows.map((r) => [r.category, r.subcategory, r.isTotal, r.status, r.values]),
  }));
}

/** RFC 4180 CSV of a tab-separated text: fields with commas or quotes are quoted. */
function toCsv(tsv: string, eol = "\r\n"): string {
  return tsv
    .split("\n")
    .map((l) =>
      l
        .split("\t")
        .map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
        .join(",")
    )
    .join(eol);
}

/** Word-style clipboard HTML: CF_HTML header, MsoNormal paragraphs, &nbsp; and merged category cells. */
function toWordHtml(tsv: string): string {
  const lines = tsv.split("\n");
  const out: string[] = [
    'Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000009999\r\n<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body><!--StartFragment-->',
  ];
  let inTable = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? "";
    const cells = l.split("\t");
    if (cells.length < 2) {
      if (inTable) out.push("</table>");
      inTable = false;
      if (l.trim())
        out.push(`<p class=MsoNormal><b>${l.replace(/&/g, "&amp;")}</b><o:p></o:p></p>`);
      continue;
    }
    if (!inTable) out.push("<table class=MsoTableGrid border=1>");
    inTable = true;
    // Merge a category over its sub-category rows (rowspan), as Word tables do.
    let span = 1;
    if (cells.length === 11 && cells[0] !== "" && i > 0)
      while (
        (lines[i + span] ?? "").split("\t")[0] === "" &&
        (lines[i + span] ?? "").split("\t").length === 11
      )
        span++;
    const tds = cells.map((c, k) => {
      if (cells.length === 11 && k === 0 && c === "" && i > 5) return null;
      const attr = k === 0 && span > 1 ? ` rowspan=${span}` : "";
      const text = c === "" ? "&nbsp;" : c.replace(/&/g, "&amp;");
      return `<td${attr} valign=top><p class=MsoNormal>${text}<o:p></o:p></p></td>`;
    });
    out.push(`<tr>${tds.filter((t) => t !== null).join("")}</tr>`);
  }
  if (inTable) out.push("</table>");
  out.push("<!--EndFragment--></body></html>");
  return out.join("\n");
}

describe("formats", () => {
  it("detects each format", () => {
    expect(detectFormat(MERTON)).toBe("tsv");
    expect(detectFormat(sampleText("borough-c-2017-09-05.pdf-copy.txt"))).toBe("spaced");
    expect(detectFormat(sampleText("borough-d-2017-09-05.html"))).toBe("html");
    expect(detectFormat(toCsv(MERTON))).toBe("csv");
  });

  it("reads CSV (RFC 4180: quoted thousands, CRLF) to the same rows as the tab form", () => {
    const csv = toCsv(MERTON);
    expect(csv).toContain('"12,251"');
    const t = tables(csv);
    expect(shape(t)).toEqual(shape(tables(MERTON)));
    expect(t[0]?.rows[0]?.line).toBe(6);
  });

  it("reads a quoted CSV field holding a line break and a comma, keeping later line numbers", () => {
    const csv = toCsv(MERTON, "\n").replace("Burglary,Total", '"Burglary,\nall",Total');
    const rows = tables(csv)[0]?.rows ?? [];
    expect(rows[4]).toMatchObject({ category: "Burglary, all", subcategory: "Total", line: 10 });
    expect(rows[5]).toMatchObject({ category: "Criminal Damage", line: 12 });
  });

  it("reads Word's clipboard HTML (merged cells, &nbsp;, CF_HTML header) to the same rows", () => {
    const html = toWordHtml(MERTON);
    expect(html).toContain("rowspan=4");
    expect(shape(tables("", { html }))).toEqual(shape(tables(MERTON)));
  });

  it("prefers the clipboard's HTML over its text, and falls back to the text", () => {
    const html = sampleText("borough-d-2017-09-05.html");
    const fromHtml = tables(MERTON, { html });
    expect(fromHtml[0]?.rows[0]?.values.offencesPrevious).toBe(918);
    const noTable = tables(MERTON, { html: "<html><body><p>just words</p></body></html>" });
    expect(noTable[0]?.rows[0]?.values.offencesPrevious).toBe(816);
  });

  it("reads CRLF, CR-only and BOM-prefixed text the same", () => {
    const want = shape(tables(MERTON));
    expect(shape(tables(MERTON.replace(/\n/g, "\r\n")))).toEqual(want);
    expect(shape(tables(MERTON.replace(/\n/g, "\r")))).toEqual(want);
    expect(shape(tables("\ufeff" + MERTON))).toEqual(want);
  });

  it("reads several tables in one paste, each with its own period", () => {
    const both = MERTON + "\n\n" + sampleText("merton-2017-07-02.txt");
    const t = tables(both);
    expect(t.map((x) => [x.kind, x.periodEnding, x.rows.length])).toEqual([
      ["offences-sds", "2017-08-01", 27],
      ["calls-asb", "2017-08-01", 4],
      ["offences-sds", "2017-07-02", 27],
      ["calls-asb", "2017-07-02", 4],
    ]);
    // MERTON ends with a line break: its 42 lines, 2 blank lines, then line 6 of the second.
    expect(t[2]?.rows[0]?.line).toBe(42 + 2 + 6);
  });

  it("recognises headings in any case, with extra spaces and minor rewording", () => {
    const lines = MERTON.split("\n");
    lines[4] =
      "CRIME  CATEGORY\tsub-category\tTarget\tOffences  (Prev R12)\tOffences Curr. R12\t% Change in Offences\tSanction Detections Previous\tSanction Detections Current\tSD rate previous 12 months\tSD rate (current)\t";
    const t = tables(lines.join("\n"));
    expect(shape(t)).toEqual(shape(tables(MERTON)));
    // Headings are kept as printed, with runs of spaces collapsed.
    expect(t[0]?.columns[3]?.heading).toBe("Offences (Prev R12)");
  });

  it("reads columns in another order by their headings", () => {
    const lines = MERTON.split("\n")
      .slice(4, 32)
      .map((l) => {
        const c = l.split("\t");
        return [c[1], c[0], c[4], c[3], c[5], c[7], c[6], c[9], c[8], c[10]].join("\t");
      });
    const t = tables(lines.join("\n"));
    expect(t[0]?.rows.map((r) => r.values)).toEqual(tables(MERTON)[0]?.rows.map((r) => r.values));
    expect(validateTables(t)).toEqual([]);
  });

  it("tells category from sub-category in a PDF copy by structure, also for names it has never seen", () => {
    const pdf = [
      "Crime Category Sub Category Target Offences Previous R12 Offences Current R12 Offences % Change SDs Previous R12 SDs Current R12 SD Rate - Previous R12 SD Rate - Current R12",
      "Widget Crime Widget Crime - Blue 10 12 20.0% 1 2 10.0% 16.7% ●",
      "Widget Crime - Red 5 4 -20.0% 0 1 0.0% 25.0% ●",
      "Total 15 16 6.7% 1 3 6.7% 18.8% ●",
      "Gadget Offences Total 7 7 0.0% 1 1 14.3% 14.3% ●",
      "Fraud Online Theft 3 4 33.3% 0 0 0.0% 0.0% ●",
      "Other Scams 2 2 0.0% 0 0 0.0% 0.0% ●",
      "Total 5 6 20.0% 0 0 0.0% 0.0% ●",
    ].join("\n");
    const rows = tables(pdf)[0]?.rows ?? [];
    expect(rows.map((r) => [r.category, r.subcategory, r.isTotal])).toEqual([
      ["Widget Crime", "Widget Crime - Blue", false],
      ["Widget Crime", "Widget Crime - Red", false],
      ["Widget Crime", "Total", true],
      ["Gadget Offences", "Total", true],
      ["Fraud", "Online Theft", false],
      ["Fraud", "Other Scams", false],
      ["Fraud", "Total", true],
    ]);
    expect(validateTables(tables(pdf))).toEqual([]);
  });

  it("reads any other table with a label column and figures as a generic table", () => {
    const text = [
      "Ward crime summary",
      "Ward\tBurglaries 2016\tBurglaries 2017\t% Change\tNotes",
      "Abbey\t120\t98\t-18.3%\tfewer",
      "Cannon Hill\t1,045\t1,100\t5.3%\t",
      "Total\t1,165\t1,198\t2.8%\t",
    ].join("\n");
    const [t] = tables(text);
    expect(t?.kind).toBe("generic");
    expect(t?.title).toBe("Ward crime summary");
    expect(t?.columns.map((c) => [c.field, c.heading, c.type])).toEqual([
      ["category", "Ward", "text"],
      ["burglaries2016", "Burglaries 2016", "count"],
      ["burglaries2017", "Burglaries 2017", "count"],
      ["pctChange", "% Change", "percent"],
      ["notes", "Notes", "text"],
    ]);
    expect(t?.rows.map((r) => [r.category, r.values])).toEqual([
      ["Abbey", { burglaries2016: 120, burglaries2017: 98, pctChange: -18.3 }],
      ["Cannon Hill", { burglaries2016: 1045, burglaries2017: 1100, pctChange: 5.3 }],
      ["Total", { burglaries2016: 1165, burglaries2017: 1198, pctChange: 2.8 }],
    ]);
    expect(t?.rows[2]?.isTotal).toBe(true);
  });

  it("inherits the paste's period for a block without its own period line (HTML calls block)", () => {
    const t = tables("", { html: sampleText("borough-d-2017-09-05.html") });
    expect(t[1]?.periodEnding).toBe("2017-09-05");
  });

  it("keeps labels that look like formulas as plain text, and negative figures as numbers", () => {
    const hostile = [
      '=HYPERLINK("http://evil.example","click")',
      "=cmd|' /C calc'!A0",
      "@SUM(1+1)",
      "+44 crimes",
      "-2+3",
      "\tTabbed",
      "\rReturned",
    ];
    const body = hostile
      .map((label, i) => `"${label.replace(/"/g, '""')}",Total,,${10 + i},${-5 - i},,,,,,`)
      .join("\r\n");
    const csv =
      "Crime Category,Sub Category,Target,Offences Previous R12,Offences Current R12,Offences % Change,SDs Previous R12,SDs Current R12,SD Rate - Previous R12,SD Rate - Current R12,\r\n" +
      body;
    const rows = tables(csv)[0]?.rows ?? [];
    expect(rows.map((r) => r.category)).toEqual([
      '=HYPERLINK("http://evil.example","click")',
      "=cmd|' /C calc'!A0",
      "@SUM(1+1)",
      "+44 crimes",
      "-2+3",
      "Tabbed",
      "Returned",
    ]);
    for (const r of rows) {
      expect(typeof r.category).toBe("string");
      expect(typeof r.values.offencesCurrent).toBe("number");
      expect(r.values.offencesCurrent).toBeLessThan(0);
    }
    expect(validateTables(tables(csv)).filter((i) => i.rule === "negative-count")).toHaveLength(
      hostile.length
    );
  });

  it("reports an empty paste, a paste without a table and binary junk as typed errors", () => {
    const r1 = readPaste("  \n\t\n", { source: "paste" });
    expect(!r1.ok && r1.error.code).toBe("empty");
    const r2 = readPaste("Dear colleague,\nplease find the figures attached.\n", {
      source: "paste",
    });
    expect(!r2.ok && r2.error.code).toBe("no-table");
    const r3 = readPaste(
      String.fromCharCode(...Array.from({ length: 400 }, (_, i) => (i * 7) % 32)),
      { source: "x.bin" }
    );
    expect(!r3.ok && r3.error.code).toBe("unreadable");
    expect(!r3.ok && r3.error.message).toMatch(/binary|encoding/);
  });
});
