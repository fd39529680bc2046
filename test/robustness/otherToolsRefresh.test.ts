// Issues 17 and 18, "Workbooks saved by other tools": a workbook built by scrutiny-sheets,
// then saved by openpyxl, or by openpyxl and LibreOffice, with the user's own sheet (a
// chart, a comment, a picture), a comment on a data sheet and notes typed beside the
// generated tables (test/fixtures/workbooks). Today's code threw on reading them ("reading
// 'theme'", "reading 'comments'") and its rewrite dropped the chart. Refreshed by the
// command line with a table added (`refresh --add`), and opened and downloaded in the
// pane outside Excel, every part of the user's is intact (byte for byte), a chart of the
// user's on a generated sheet stays on it, the notes' cells
// are still there and the data sheets read back equal; LibreOffice opens the result,
// with the chart, the picture and the comments, and calculates the data sheets as before.
import path from "path";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { readFileSync } from "fs";
import { runRefresh } from "../../src/cli/refreshCommand";
import { createStandaloneHost } from "../../src/taskpane/host/standaloneHost";
import { readXlsxSync, type XlsxBook } from "../../src/writers/xlsx/readXlsx";
import { memoryIo } from "../support/cliIo";
import { OFFENCES_DIR } from "../support/samples";
import {
  changedUsersParts,
  fixture,
  lostNotes,
  notesOf,
  type TypedNote,
} from "../support/usersParts";
import { convertWithLibreOffice, describeWithLibreOffice } from "../support/libreoffice";

const ADDED = path.join(OFFENCES_DIR, "borough-c-2017-09-05.txt");
const FIXTURES = ["openpyxl.xlsx", "libreoffice.xlsx"] as const;

async function refreshWithAdd(bytes: Uint8Array): Promise<Uint8Array> {
  const io = memoryIo();
  io.files.set("book.xlsx", bytes);
  const code = await runRefresh("book.xlsx", { add: [ADDED] }, io);
  expect({ code, err: io.err }).toEqual({ code: 0, err: [] });
  expect(io.out.join("")).toMatch(/6 data sheet\(s\) read, 2 added/);
  return io.files.get("book.xlsx") as Uint8Array;
}

async function openAndDownload(bytes: Uint8Array): Promise<Uint8Array> {
  const host = createStandaloneHost(() => "2026-12-03");
  // Open and Download are there outside Excel (optional in the interface the add-in shares).
  await host.open!(bytes);
  await host.refreshAll();
  return host.download!();
}

/**
 * The notes of `before` that the refreshed content does not cover: a table that grows (a
 * table added makes Checks longer) takes the cells it needs, as Excel's Refresh all does.
 */
function notesBeside(before: XlsxBook, after: XlsxBook): TypedNote[] {
  const extent = new Map(after.definitions!.sheets.map((s) => [s.name, s.extent]));
  return notesOf(before).filter((n) => {
    const e = extent.get(n.sheet);
    return !e || n.row >= e.rows || n.col >= e.cols;
  });
}

/** What must hold of `after`, the workbook `before` refreshed. */
function expectNothingLost(before: XlsxBook, after: XlsxBook): void {
  expect(changedUsersParts(before, after)).toEqual([]);
  const beside = notesBeside(before, after);
  expect(beside.length).toBeGreaterThanOrEqual(notesOf(before).length - 1);
  expect(lostNotes(after, beside)).toEqual([]);
  for (const s of before.definitions!.sheets.filter((d) => d.role === "data"))
    expect({ sheet: s.name, values: after.sheetValues(s.name) }).toEqual({
      sheet: s.name,
      values: before.sheetValues(s.name),
    });
  expect(after.sheetNames.slice(0, before.sheetNames.length)).toEqual(before.sheetNames);
}

describe.each(FIXTURES)("a workbook saved by %s", (file) => {
  const before = readXlsxSync(fixture(file));

  test("fixture: a chart, a picture, comments and notes beside generated tables", () => {
    const mine = before.sheets.find((s) => s.name === "My notes")!;
    const types = before.pkg.relsOf(mine.path!).map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(["drawing", "comments", "vmlDrawing"]));
    expect(notesOf(before).length).toBeGreaterThanOrEqual(4);
    expect(lostNotes(before, notesOf(before))).toEqual([]);
  });

  test("refresh --add keeps every part of the user's, the notes and the data sheets", async () => {
    const after = readXlsxSync(await refreshWithAdd(fixture(file)));
    expectNothingLost(before, after);
    expect(after.sheetNames).toEqual(expect.arrayContaining(["Borough C 2017-09-05"]));
    expect(after.definitions!.sheets.filter((s) => s.role === "data")).toHaveLength(8);
  });

  test("the pane's Open, Refresh all and Download keep them too", async () => {
    const after = readXlsxSync(await openAndDownload(fixture(file)));
    expectNothingLost(before, after);
  });
});

describeWithLibreOffice("LibreOffice opens the refreshed workbooks", () => {
  test("with the user's chart, picture and comments, the notes, and the data sheets calculated as before", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "scrutiny-other-tools-"));
    const files = await Promise.all(
      FIXTURES.map(async (f) => {
        const out = path.join(dir, `refreshed-${f}`);
        writeFileSync(out, await refreshWithAdd(fixture(f)));
        return out;
      })
    );
    const saved = await convertWithLibreOffice(files);
    // LibreOffice's own save of the fixture: its calculated data sheets, as the user had them.
    const calculated = readXlsxSync(fixture("libreoffice.xlsx"));
    for (const file of saved) {
      const book = readXlsxSync(readFileSync(file));
      const mine = book.sheets.find((s) => s.name === "My notes")!;
      const drawing = book.pkg.relsOf(mine.path!).find((r) => r.type === "drawing")!;
      const drawn = book.pkg.relsOf(drawing.target).map((r) => r.type);
      expect(drawn).toEqual(expect.arrayContaining(["chart", "image"]));
      expect(book.pkg.relsOf(mine.path!).map((r) => r.type)).toContain("comments");
      // The user's chart beside the generated trend, which the refresh rebuilt.
      const trend = book.sheets.find((s) => s.name === "Trend Merton")!;
      const trendDrawing = book.pkg.relsOf(trend.path!).find((r) => r.type === "drawing")!;
      // Ours (the trend chart) and the user's.
      expect(book.pkg.relsOf(trendDrawing.target).map((r) => r.type)).toEqual(["chart", "chart"]);
      expect(lostNotes(book, notesBeside(calculated, book))).toEqual([]);
      for (const s of calculated.definitions!.sheets.filter((d) => d.role === "data"))
        expect({ sheet: s.name, values: book.sheetValues(s.name) }).toEqual({
          sheet: s.name,
          values: calculated.sheetValues(s.name),
        });
    }
  }, 120000);
});
