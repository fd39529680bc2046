// PDFs given to the command-line tool as users run it (its own process: PDF.js is an ES
// module that Node loads natively): check reports every table with its page, area and
// period; --pages limits the search; a scan and an unreadable table are said to be so;
// build and refresh --add import a PDF's tables, and refuse one with an unreadable table.
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { CLI, ensureCliBuilt, ROOT } from "../support/builtCli";
import { PDF_FIXTURES } from "../support/pdfText";
import { PAPER_SECTIONS } from "../support/pdfPaper";
import { OFFENCES_DIR } from "../support/samples";

// Built before any describe runs the tool while collecting its tests (not in a beforeAll).
ensureCliBuilt();

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const pdf = (name: string) => path.join(PDF_FIXTURES, `${name}.pdf`);

interface TableJson {
  source: string;
  kind: string;
  area: string | null;
  periodEnding: string | null;
  page?: number;
  rows: {
    line: number;
    category: string;
    subcategory: string | null;
    values: Record<string, number | null>;
  }[];
}
interface ReportJson {
  tables: TableJson[];
  issues: { severity: string; table: number }[];
  unreadable?: { source: string; page: number; message: string }[];
}

describe("check on the 30-page paper", () => {
  const paper = run("check", pdf("paper"), "--json");
  const report = JSON.parse(paper.out) as ReportJson;

  test("reports every table with its page, area and period, and exits 0 (no error)", () => {
    expect(paper.code).toBe(0);
    expect(report.tables).toHaveLength(10);
    expect(report.tables.every((t) => typeof t.page === "number")).toBe(true);
    expect(report.issues.filter((x) => x.severity === "error")).toEqual([]);
    const expectedAreas = PAPER_SECTIONS.flatMap((s) => (s.calls ? [s.area, s.area] : [s.area]));
    expect(report.tables.map((t) => t.area)).toEqual(expectedAreas);
  });

  test("gives the rows and values check gives for the samples themselves", () => {
    const samples = PAPER_SECTIONS.map((s) => path.join(OFFENCES_DIR, s.sample));
    const pasted = JSON.parse(run("check", ...samples, "--json").out) as ReportJson;
    const wanted = PAPER_SECTIONS.flatMap((s, k) =>
      pasted.tables.filter((t) => t.source === samples[k] && (t.kind === "offences-sds" || s.calls))
    );
    // Lines differ (a line of the PDF's text, of the sample's): everything else is the same.
    const shape = (t: TableJson) => ({
      kind: t.kind,
      periodEnding: t.periodEnding,
      rows: t.rows.map((r) => ({ ...r, line: undefined })),
    });
    expect(wanted).toHaveLength(10);
    expect(report.tables.map(shape)).toEqual(wanted.map(shape));
  });

  // Merton's July table: its heading ends page 2, its rows are on page 3.
  test("the readable report names each table's page, where its heading is", () => {
    const text = run("check", pdf("paper")).out;
    expect(text).toMatch(
      /Table 1: Offences & SDs \(offences-sds\), page 2, Merton, period ending 2017-07-02, 27 rows/
    );
    expect(text).toMatch(/10 tables: 0 errors/);
  });
});

test("--pages limits the search to the pages named", () => {
  const all = JSON.parse(run("check", pdf("paper"), "--json").out) as ReportJson;
  const [first, second] = all.tables.filter(
    (t) => t.area === "Borough A" || t.area === "Borough C"
  );
  const from = first!.page!;
  const to = second!.page! - 1;
  const some = JSON.parse(
    run("check", pdf("paper"), "--pages", `${from}-${to}`, "--json").out
  ) as ReportJson;
  expect(some.tables.map((t) => [t.area, t.page])).toEqual([["Borough A", from]]);
});

test("--pages past the end of the document is refused, naming the file", () => {
  const r = run("check", pdf("split-table"), "--pages", "40-50");
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/split-table\.pdf has no page 40-50/);
});

test("a file named .pdf that is no PDF is refused, naming it", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "scrutiny-not-pdf-"));
  const file = path.join(dir, "merton.pdf");
  copyFileSync(path.join(OFFENCES_DIR, "merton-2017-08-01.txt"), file);
  const r = run("check", file);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/merton\.pdf could not be read as a PDF: Invalid PDF structure/);
});

test("a scanned PDF gets a clear message naming it, and exit 2", () => {
  const r = run("check", pdf("scanned"));
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/scanned\.pdf has no text to read: its pages are scanned images/);
});

test("a table whose columns cannot be told apart is listed as unreadable with its page", () => {
  const r = run("check", pdf("misaligned"));
  expect(r.code).toBe(2);
  expect(r.out).toMatch(
    /misaligned\.pdf, page 1: UNREADABLE {2}A table on page 1 could not be read/
  );
  const json = JSON.parse(run("check", pdf("misaligned"), "--json").out) as ReportJson;
  expect(json.tables).toEqual([]);
  expect(json.unreadable?.map((u) => u.page)).toEqual([1]);
});

describe("build and refresh with PDFs", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "scrutiny-pdf-cli-"));

  test("build writes a data sheet for each table of the paper", () => {
    const out = path.join(dir, "paper.xlsx");
    const r = run("build", pdf("paper"), "--out", out);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/10 data sheet\(s\)/);
  });

  test("build refuses a PDF with an unreadable table, naming its page, and writes nothing", () => {
    const out = path.join(dir, "refused.xlsx");
    const r = run("build", pdf("split-table"), pdf("misaligned"), "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /misaligned\.pdf: a table on page 1 could not be read.*--pages.*nothing written/
    );
    expect(existsSync(out)).toBe(false);
  });

  test("refresh --add imports a PDF's table", () => {
    const out = path.join(dir, "refreshed.xlsx");
    expect(run("build", path.join(OFFENCES_DIR, "merton-2017-07-02.txt"), "--out", out).code).toBe(
      0
    );
    const r = run("refresh", out, "--add", pdf("split-table"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 added/);
  });
});
