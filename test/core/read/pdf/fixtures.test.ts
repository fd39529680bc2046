// The kept test PDFs (test/fixtures/pdf/, see its README) read as PDFs: a table split
// over a page break read as one, an unruled landscape table with its calls table, a
// table whose columns cannot be told apart listed as unreadable, and a scanned page.
import path from "path";
import type { CrimeTable } from "../../../../src/core/model";
import { readPdfTables, type PdfText } from "../../../../src/core/read/pdf";
import { extractPdfTexts, PDF_FIXTURES } from "../../../support/pdfText";
import { sampleTables } from "../../../support/samples";

const NAMES = ["split-table", "landscape-unruled", "misaligned", "scanned", "calc-split-wide"];
const texts = new Map(
  extractPdfTexts(NAMES.map((n) => path.join(PDF_FIXTURES, `${n}.pdf`))).map((t, i) => [
    NAMES[i] as string,
    t,
  ])
);
const text = (name: string) => texts.get(name) as PdfText;

const content = (t: CrimeTable) => ({
  kind: t.kind,
  periodEnding: t.periodEnding,
  columns: t.columns.map((c) => [c.field, c.heading, c.type]),
  rows: t.rows.map((r) => [r.category, r.subcategory, r.isTotal, r.status, r.values, r.raw]),
});

describe("a table split over a page break", () => {
  const doc = text("split-table");
  const read = readPdfTables(doc, { source: "split-table.pdf" });
  if (!read.ok) throw new Error(read.error.message);
  const [august] = sampleTables("merton-2017-08-01.txt");

  test("is read as one table, row for row as the sample", () => {
    expect(read.tables).toHaveLength(1);
    expect(content(read.tables[0]!)).toEqual(content(august!));
    expect(read.tables[0]!.area).toBe("Merton");
  });

  test("runs over two pages: its first page alone holds only part of it", () => {
    const page = read.tables[0]!.page!;
    const first = readPdfTables(
      { ...doc, pages: doc.pages.filter((p) => p.page === page) },
      {
        source: "split-table.pdf",
      }
    );
    if (!first.ok) throw new Error(first.error.message);
    const rows = first.tables.reduce((n, t) => n + t.rows.length, 0);
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(august!.rows.length);
  });

  test("leaves the running header and page numbers out of the table", () => {
    const labels = read.tables[0]!.rows.flatMap((r) => [r.category, r.subcategory ?? ""]);
    expect(labels.join(" ")).not.toMatch(/Scrutiny Commission|Page \d/);
  });
});

describe("an unruled table on a landscape page", () => {
  const read = readPdfTables(text("landscape-unruled"), { source: "landscape-unruled.pdf" });
  if (!read.ok) throw new Error(read.error.message);

  test("gives both tables of the sample, the area from its 'Borough:' line", () => {
    const expected = sampleTables("borough-a-2017-09-05.txt");
    expect(read.tables.map(content)).toEqual(expected.map(content));
    expect(read.tables.map((t) => t.area)).toEqual(["Borough A", "Borough A"]);
    expect(read.tables.map((t) => t.kind)).toEqual(["offences-sds", "calls-asb"]);
  });

  test("the area the user names wins over the document's", () => {
    const named = readPdfTables(text("landscape-unruled"), { source: "x.pdf", area: "Sutton" });
    expect(named.ok && named.tables.map((t) => t.area)).toEqual(["Sutton", "Sutton"]);
  });
});

test("a table whose columns cannot be told apart is listed as unreadable with its page, never read", () => {
  const read = readPdfTables(text("misaligned"), { source: "misaligned.pdf" });
  if (!read.ok) throw new Error(read.error.message);
  expect(read.tables).toEqual([]);
  expect(read.unreadable).toEqual([
    { page: 1, message: expect.stringContaining("table on page 1 could not be read") },
  ]);
});

test("a wide table Calc split across pages (labels on one, figures on others) is listed as unreadable, never read", () => {
  const read = readPdfTables(text("calc-split-wide"), { source: "calc-split-wide.pdf" });
  if (!read.ok) throw new Error(read.error.message);
  expect(read.tables.filter((t) => t.kind === "offences-sds")).toEqual([]);
  expect(read.unreadable.map((u) => u.page)).toEqual([2, 3]);
  expect(read.unreadable[0]?.message).toMatch(/rows hold figures but no labels/);
  // The calls table's first columns stand on page 1 with their labels: read as printed there.
  const calls = read.tables.filter((t) => t.kind === "calls-asb");
  expect(calls[0]?.rows.map((r) => r.values.previous)).toEqual([6618, 144, 89.7, 81.1]);
  const [sampleCalls] = sampleTables("borough-e-2017-09-05.txt").filter(
    (t) => t.kind === "calls-asb"
  );
  expect(
    calls.map((t) => t.rows.map((r) => [r.category, r.values.previous, r.values.current]))
  ).toEqual([sampleCalls!.rows.map((r) => [r.category, r.values.previous, r.values.current])]);
});

test("a scanned PDF (pictures, no text) says so, naming the file", () => {
  const read = readPdfTables(text("scanned"), { source: "scanned.pdf" });
  expect(read.ok).toBe(false);
  if (read.ok) return;
  expect(read.error.message).toMatch(
    /^scanned\.pdf has no text to read: its pages are scanned images/
  );
});
