// Manual page breaks in a written workbook: <rowBreaks> where ECMA-376 puts it, and, printed
// by LibreOffice, a chart the plain pagination would cut kept whole on one page.
import { spawnSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { strFromU8, unzipSync } from "fflate";
import { writeXlsx } from "../../../src/writers/xlsx/writeXlsx";
import { withChartBreaks } from "../../../src/layout/pageBreaks";
import type { SheetSpec } from "../../../src/layout/spec";
import { describeWithLibreOffice } from "../../support/libreoffice";
import { convertWorkbooks, pageTexts, schemaErrors } from "../../support/renderXlsx";

const QUARTERS = ["Qa1", "Qa2", "Qa3", "Qa4", "Qa5", "Qa6"];
const TITLE = "Offences kept whole";

/** 100 rows in portrait A4 (about 48 rows a page), a 16-row chart from row 40 (0-based). */
function planned(): SheetSpec {
  return withChartBreaks({
    name: "Kept",
    role: "comparison",
    generated: true,
    columnWidths: [12, 10],
    blocks: [
      {
        row: 0,
        col: 0,
        cells: [
          ...QUARTERS.map((q, i) => [{ text: q }, { number: (i + 1) * 10 }]),
          ...Array.from({ length: 94 }, (_, i) => [{ text: `filler ${i + 7}` }]),
        ],
      },
    ],
    tables: [],
    conditionalFormats: [],
    charts: [
      {
        type: "column",
        title: TITLE,
        categories: "'Kept'!$A$1:$A$6",
        series: [{ name: "Offences", values: "'Kept'!$B$1:$B$6" }],
        row: 40,
        col: 3,
        width: 5,
        height: 16,
      },
    ],
    print: { orientation: "portrait", header: ["", "Kept", ""] },
  });
}

const sheetXml = (bytes: Uint8Array): string =>
  strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]!);

interface Word {
  word: string;
  yMin: number;
}

/** The words on each page of a PDF, with where they stand (poppler's pdftotext -bbox). */
function wordsByPage(pdf: string): Word[][] {
  const r = spawnSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 26 });
  return r.stdout
    .split(/<page /)
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*?)<\/word>/g
        ),
      ].map((m) => ({ word: m[2]!, yMin: +m[1]! }))
    );
}

/**
 * The page showing the chart whole: its title and, below it, its category axis (the
 * quarters, which the rows above print too, but above the chart). -1 when none does.
 * LibreOffice also draws the top of a chart into the blank foot of the page before a
 * break; Excel prints only the rows of each page. So: the page with the whole chart.
 */
function wholeChartPage(pages: Word[][]): number {
  return pages.findIndex((page) =>
    page.some(
      (title) =>
        title.word === "kept" &&
        QUARTERS.every((q) => page.some((w) => w.word === q && w.yMin > title.yMin))
    )
  );
}

describe("row breaks in the file", () => {
  test("the layout asks for a break before the chart; it is written after the header and footer, before the drawing, and validates", async () => {
    const sheet = planned();
    expect(sheet.print?.rowBreaks).toEqual([40]);
    const xml = sheetXml(await writeXlsx({ sheets: [sheet] }));
    // The brk id is the 0-based row the break falls above: row 41 starts the page.
    expect(xml).toContain(
      '</headerFooter><rowBreaks count="1" manualBreakCount="1"><brk id="40" max="16383" man="1"/></rowBreaks><drawing '
    );
    expect(schemaErrors(xml, "sml.xsd")).toEqual([]);
  });

  test("no breaks, no <rowBreaks>", async () => {
    const sheet = planned();
    delete sheet.print!.rowBreaks;
    expect(sheetXml(await writeXlsx({ sheets: [sheet] }))).not.toContain("rowBreaks");
  });
});

describeWithLibreOffice("a chart printed by LibreOffice", () => {
  let kept: Word[][] = [];
  let plain: Word[][] = [];
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "scrutiny-breaks-"));
    const sheet = planned();
    const { rowBreaks: _breaks, ...unbroken } = sheet.print!;
    const files = [path.join(dir, "kept.xlsx"), path.join(dir, "plain.xlsx")];
    writeFileSync(files[0]!, await writeXlsx({ sheets: [sheet] }));
    writeFileSync(files[1]!, await writeXlsx({ sheets: [{ ...sheet, print: unbroken }] }));
    const [keptPdf, plainPdf] = await convertWorkbooks(files, "pdf");
    kept = wordsByPage(keptPdf!);
    plain = wordsByPage(plainPdf!);
    // pageTexts reads the same PDFs: the filler rows are all printed either way.
    for (const pdf of [keptPdf!, plainPdf!])
      expect((await pageTexts(pdf)).join(" ")).toContain("filler 100");
  }, 300000);

  test("without the break the page ends inside the chart: no page shows it whole", () => {
    expect(plain.some((p) => p.some((w) => w.word === "kept"))).toBe(true);
    expect(wholeChartPage(plain)).toBe(-1);
  });

  test("with it the chart is whole on the page that starts at its row (row 41, 1-based)", () => {
    const at = wholeChartPage(kept);
    expect(at).toBeGreaterThan(0);
    const words = kept[at]!.map((w) => w.word);
    expect(words[words.indexOf("filler") + 1]).toBe("41");
  });
});
