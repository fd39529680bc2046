// Documents made afresh by LibreOffice Writer in the test (the kept PDFs of
// test/fixtures/pdf/ run without it): a 100-page paper, the 30-page paper's borough
// sections five times over, read table for table with no error issue.
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import type { CrimeTable } from "../../../../src/core/model";
import { readPdfTables } from "../../../../src/core/read/pdf";
import { validateTables } from "../../../../src/core/validate";
import { libreOfficeAvailable } from "../../../support/libreoffice";
import { htmlToPdf } from "../../../support/pdfDocuments";
import { PAPER_SECTIONS, paperHtml } from "../../../support/pdfPaper";
import { extractPdfTexts } from "../../../support/pdfText";
import { sampleTables } from "../../../support/samples";

const maybe = libreOfficeAvailable() ? test : test.skip;

const content = (t: CrimeTable) => ({
  kind: t.kind,
  area: t.area,
  periodEnding: t.periodEnding,
  rows: t.rows.map((r) => [r.category, r.subcategory, r.values, r.raw]),
});

maybe("a 100-page paper made by Writer gives every table of its samples, five times", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "scrutiny-pdf-made-"));
  const [file] = await htmlToPdf([{ name: "long-paper", html: paperHtml(5) }], dir);
  const [text] = extractPdfTexts([file as string]);
  expect(text!.pageCount).toBeGreaterThanOrEqual(100);
  const read = readPdfTables(text!, { source: "long-paper.pdf" });
  if (!read.ok) throw new Error(read.error.message);
  const once = PAPER_SECTIONS.flatMap((s) =>
    sampleTables(s.sample)
      .filter((t) => s.calls || t.kind === "offences-sds")
      .map((t) => ({ ...t, area: s.area }))
  );
  const expected = [...once, ...once, ...once, ...once, ...once];
  expect(read.tables.map(content)).toEqual(expected.map(content));
  expect(read.unreadable).toEqual([]);
  expect(validateTables(read.tables).filter((x) => x.severity === "error")).toEqual([]);
});
