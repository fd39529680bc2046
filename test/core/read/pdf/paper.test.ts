// The 30-page committee paper (test/fixtures/pdf/paper.pdf, made by LibreOffice from the
// samples: test/support/pdfPaper.ts) read as a PDF: every table, with the rows and values
// of the sample it was laid out from, its area, period and page, and no error issue.
import path from "path";
import type { CrimeTable } from "../../../../src/core/model";
import { readPdfTables } from "../../../../src/core/read/pdf";
import { validateTables } from "../../../../src/core/validate";
import { extractPdfTexts, PDF_FIXTURES } from "../../../support/pdfText";
import { PAPER_SECTIONS } from "../../../support/pdfPaper";
import { sampleTables } from "../../../support/samples";

const [paper] = extractPdfTexts([path.join(PDF_FIXTURES, "paper.pdf")]);

/** What a table says, apart from where it came from. */
const content = (t: CrimeTable) => ({
  kind: t.kind,
  periodEnding: t.periodEnding,
  columns: t.columns.map((c) => [c.field, c.heading, c.type]),
  rows: t.rows.map((r) => [r.category, r.subcategory, r.isTotal, r.status, r.values, r.raw]),
});

describe("the 30-page paper", () => {
  const read = readPdfTables(paper!, { source: "paper.pdf" });
  if (!read.ok) throw new Error(read.error.message);

  test("has 30 pages", () => {
    expect(paper!.pageCount).toBe(30);
  });

  test("every table of the samples, in order, with the same rows and values", () => {
    const expected = PAPER_SECTIONS.flatMap((s) => {
      const tables = sampleTables(s.sample);
      return (s.calls ? tables : tables.filter((t) => t.kind === "offences-sds")).map((t) => ({
        ...t,
        area: s.area,
      }));
    });
    expect(expected.filter((t) => t.kind === "offences-sds")).toHaveLength(8);
    expect(expected.filter((t) => t.kind === "calls-asb")).toHaveLength(2);
    expect(read.tables.map(content)).toEqual(expected.map(content));
    expect(read.tables.map((t) => t.area)).toEqual(expected.map((t) => t.area));
    expect(read.unreadable).toEqual([]);
  });

  test("each table records the page it starts on, in page order", () => {
    const pages = read.tables.map((t) => t.page ?? 0);
    expect(pages.every((p) => p >= 1 && p <= 30)).toBe(true);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
    expect(new Set(pages).size).toBeGreaterThan(6);
  });

  test("no error issue: the figures check out as the pasted samples do", () => {
    expect(validateTables(read.tables).filter((x) => x.severity === "error")).toEqual([]);
  });
});
