// Refresh part by part (issues 17 and 18): workbooks saved by openpyxl and by LibreOffice
// (test/fixtures/workbooks, see its README), each with a user's sheet holding a chart, a
// comment and a picture, a comment on a data sheet, and notes typed beside the generated
// tables, are refreshed by `scrutiny-sheets refresh`. Every part of the user's comes out
// byte for byte, the notes' cells are still there, the data sheets read back as they were,
// and SheetJS (an independent reader) and a second refresh agree.
import { strToU8, unzipSync, zipSync, type Unzipped } from "fflate";
import * as XLSX from "@e965/xlsx";
import { SaxesParser } from "saxes";
import { runRefresh } from "../../../src/cli/refreshCommand";
import { readXlsxSync, type XlsxBook } from "../../../src/writers/xlsx/readXlsx";
import { editXlsx } from "../../../src/writers/xlsx/ooxml/editPackage";
import { writeXlsx } from "../../../src/writers/xlsx/writeXlsx";
import { writeDefinitions } from "../../../src/layout/definitions";
import { mergeStyles } from "../../../src/writers/xlsx/ooxml/mergeStyles";
import { parseStyles } from "../../../src/writers/xlsx/ooxml/parseStyles";
import { relsPath } from "../../../src/writers/xlsx/ooxml/readPackage";
import { sheetKey } from "../../../src/layout/sheetNames";
import { defaultSettings } from "../../../src/core/settings";
import { CHECKS_TABLE } from "../../../src/layout/layoutChecks";
import { memoryIo } from "../../support/cliIo";
import {
  changedUsersParts,
  fixture,
  lostNotes,
  notesOf,
  usersParts,
} from "../../support/usersParts";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

async function refreshed(bytes: Uint8Array): Promise<Uint8Array> {
  const io = memoryIo();
  io.files.set("book.xlsx", bytes);
  const code = await runRefresh("book.xlsx", {}, io);
  expect({ code, err: io.err }).toEqual({ code: 0, err: [] });
  return io.files.get("book.xlsx") as Uint8Array;
}

describe.each(["openpyxl.xlsx", "libreoffice.xlsx"])(
  "refresh of a workbook saved by %s",
  (file) => {
    let before: XlsxBook;
    let after: XlsxBook;
    let afterBytes: Uint8Array;
    beforeAll(async () => {
      const bytes = fixture(file);
      before = readXlsxSync(bytes);
      afterBytes = await refreshed(bytes);
      after = readXlsxSync(afterBytes);
    });

    test("the user's sheet, chart, picture, comments and drawings come out byte for byte", () => {
      const parts = usersParts(before);
      // The user's own sheet leads to a drawing, a chart, a picture, comments and their shapes.
      for (const kind of [/chart\d*\.xml$/, /drawing\d*\.xml$/, /\.png$/, /comment/i, /\.vml$/])
        expect(parts.some((p) => kind.test(p))).toBe(true);
      expect(changedUsersParts(before, after)).toEqual([]);
    });

    test("the user's chart on a generated sheet stays on it beside ours, its chart part byte for byte", () => {
      const chartsOn = (book: XlsxBook): string[] => {
        const trend = book.sheets.find((s) => s.name === "Trend Merton")!;
        return book.pkg
          .relsOf(trend.path!)
          .filter((r) => r.type === "drawing")
          .flatMap((d) => book.pkg.relsOf(d.target).filter((r) => r.type === "chart"))
          .map((r) => r.target);
      };
      const charts = chartsOn(before);
      expect(charts).toHaveLength(1);
      // The user's chart, and the trend's own chart (ours, drawn by the writer) beside it.
      expect(chartsOn(after)).toContain(charts[0]);
      expect(chartsOn(after)).toHaveLength(2);
      expect(Buffer.from(after.pkg.entries[charts[0]!]!)).toEqual(
        Buffer.from(before.pkg.entries[charts[0]!]!)
      );
    });

    test("every XML part of the result is well-formed, with its namespaces declared", () => {
      for (const part of Object.keys(after.pkg.entries).filter((p) => /\.(xml|rels)$/.test(p))) {
        const parser = new SaxesParser({ xmlns: true });
        let error: string | null = null;
        parser.on("error", (e) => {
          error ??= e.message;
        });
        // Every OOXML element is in a namespace: one in none lost its declaration.
        parser.on("opentag", (tag) => {
          if (tag.uri === "") error ??= `<${tag.name}> is in no namespace`;
        });
        parser.write(after.pkg.text(part)!).close();
        expect({ part, error }).toEqual({ part, error: null });
      }
    });

    test("the tab the user had selected stays the only one selected (no grouped sheets)", () => {
      const selected = (book: XlsxBook): string[] =>
        book.sheets
          .filter((s) => /<sheetView\b[^>]*\stabSelected="(1|true)"/.test(book.pkg.text(s.path!)!))
          .map((s) => s.name);
      expect(selected(after)).toEqual(selected(before));
      expect(selected(after).length).toBeLessThanOrEqual(1);
    });

    test("every other part of the user's that the product does not own is kept as it was", () => {
      const owned =
        /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|xl\/styles\.xml)$/;
      const generatedPaths = new Set(
        before.sheets
          .filter(
            (s) =>
              after.definitions!.sheets.some(
                (d) => d.generated && sheetKey(d.name) === sheetKey(s.name)
              ) || s.name === "_ScrutinyDefinitions"
          )
          .flatMap((s) => [
            s.path!,
            relsPath(s.path!),
            ...before.pkg.relsOf(s.path!).flatMap((r) => [r.target, relsPath(r.target)]),
          ])
      );
      for (const part of Object.keys(before.pkg.entries)) {
        if (owned.test(part) || generatedPaths.has(part)) continue;
        expect({ part, kept: after.pkg.entries[part] !== undefined }).toEqual({ part, kept: true });
      }
    });

    test("the notes typed beside the generated tables are still there", () => {
      const notes = notesOf(before);
      expect(notes.length).toBeGreaterThanOrEqual(4);
      expect(lostNotes(before, notes)).toEqual([]);
      expect(lostNotes(after, notes)).toEqual([]);
    });

    test("the data sheets read back equal, and the definitions and sheets are the same", () => {
      // What the product added since the workbook was made comes in with the refresh: its
      // settings with their defaults, the Checks table, the Summary sheet (added last, a sheet
      // id of its own), and each recorded sheet's anchor (a hidden name on its A1 that follows
      // a rename).
      const was = before.definitions;
      const anchor = expect.stringMatching(/^_ScrutinySheet_\d+$/);
      const summary = expect.objectContaining({
        name: "Summary",
        role: "summary",
        generated: true,
        anchor,
      });
      expect(after.definitions).toEqual(
        was && {
          ...was,
          thresholds: { ...defaultSettings, ...was.thresholds },
          sheets: [...was.sheets.map((d) => ({ ...d, anchor })), summary],
        }
      );
      const ids = (book: XlsxBook) => book.sheets.map((s) => [s.name, s.sheetId]);
      expect(ids(after).slice(0, -1)).toEqual(ids(before));
      expect(after.sheets.at(-1)!.name).toBe("Summary");
      for (const s of before.definitions!.sheets.filter((d) => d.role === "data"))
        expect(after.sheetValues(s.name)).toEqual(before.sheetValues(s.name));
      expect(after.sheets.find((s) => s.name === "_ScrutinyDefinitions")!.state).toBe("veryHidden");
      // The Checks sheet has been a filterable table since these workbooks were made.
      expect(after.tableNames.sort()).toEqual([...before.tableNames, CHECKS_TABLE].sort());
    });

    test("the generated sheets hold their generated text again, and SheetJS reads every sheet", () => {
      const wb = XLSX.read(afterBytes, { type: "array" });
      expect(wb.SheetNames).toEqual([...before.sheetNames, "Summary"]);
      expect(after.sheetValues("Checks")![0]![0]).toBe(before.sheetValues("Checks")![0]![0]);
      expect(XLSX.utils.sheet_to_json(wb.Sheets["My notes"]!, { header: 1 })).toEqual([
        ["Month", "Calls", ...(file === "libreoffice.xlsx" ? [undefined, 383] : [])],
        ["Jul", 120],
        ["Aug", 135],
        ["Sep", 128],
      ]);
    });

    test("a second refresh changes nothing: no styles, parts or cells added", async () => {
      const again = readXlsxSync(await refreshed(afterBytes));
      expect(Object.keys(again.pkg.entries).sort()).toEqual(Object.keys(after.pkg.entries).sort());
      expect(again.pkg.styles).toEqual(after.pkg.styles);
      for (const name of after.sheetNames)
        expect(again.sheetValues(name)).toEqual(after.sheetValues(name));
    });
  }
);

describe("editXlsx", () => {
  test("a sheet the user made under a generated sheet's name is never written", async () => {
    const base = readXlsxSync(fixture("openpyxl.xlsx"));
    const defs = base.definitions!;
    const spec = {
      sheets: [
        {
          name: "My notes",
          role: "checks" as const,
          generated: true,
          blocks: [{ row: 0, col: 0, cells: [[{ text: "ours" }]] }],
          tables: [],
          conditionalFormats: [],
          charts: [],
        },
      ],
    };
    expect(defs.sheets.some((s) => s.name === "My notes")).toBe(false);
    await expect(editXlsx(fixture("openpyxl.xlsx"), spec)).rejects.toThrow(
      /not made by Scrutiny Sheets/
    );
  });

  test("a sheet removed goes with its parts; the other entries stay", async () => {
    const bytes = fixture("libreoffice.xlsx");
    const out = unzipSync(await editXlsx(bytes, { sheets: [], removeSheets: ["Trend Merton"] }));
    const book = readXlsxSync(
      await editXlsx(bytes, { sheets: [], removeSheets: ["Trend Merton"] })
    );
    expect(book.sheetNames).not.toContain("Trend Merton");
    expect(book.sheetNames).toContain("My notes");
    const input: Unzipped = unzipSync(bytes);
    const before = readXlsxSync(bytes);
    const trend = before.sheets.find((s) => s.name === "Trend Merton")!.path!;
    const drawing = before.pkg.relsOf(trend).find((r) => r.type === "drawing")!.target;
    const chart = before.pkg.relsOf(drawing).find((r) => r.type === "chart")!.target;
    const gone = Object.keys(input).filter((p) => out[p] === undefined);
    // The sheet, its drawing and the chart only that drawing showed; nothing else.
    expect(gone.sort()).toEqual([trend, relsPath(trend), drawing, relsPath(drawing), chart].sort());
  });
});

describe("styles and parts a workbook may lack", () => {
  test("the user's formats keep their indices, ours follow, and one already there is reused", () => {
    const user = `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="11"/></font><font><b/><sz val="14"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>`;
    const ours = `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.000"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="11"/></font><font><i/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>`;
    const merged = mergeStyles(user, ours);
    const styles = parseStyles(merged.xml);
    const base = parseStyles(user);
    // Every entry of the user's at its index.
    expect(styles.cellXfs.slice(0, 2)).toEqual(base.cellXfs);
    expect(styles.fonts.slice(0, 2)).toEqual(base.fonts);
    expect(styles.numFmts[0]).toEqual({ id: 164, code: "0.0%" });
    // Ours: the plain format is the user's first; the others appended with their parts.
    expect(merged.xf).toEqual([0, 2, 3]);
    expect(styles.numFmts).toEqual([
      { id: 164, code: "0.0%" },
      { id: 165, code: "#,##0.000" },
    ]);
    expect(styles.cellXfs[2]).toBe(
      '<xf numFmtId="165" fontId="2" fillId="0" borderId="0" xfId="0"/>'
    );
    expect(styles.cellXfs[3]).toBe(
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    );
    expect(merged.dxf).toEqual([0]);
    expect(styles.tail).toBe('<tableStyles count="0"/>');
    // Merging again adds nothing.
    expect(mergeStyles(merged.xml, ours).xml).toBe(merged.xml);
  });

  test("a workbook with no styles and no shared strings gets ours, and its sheet stays", async () => {
    const bare = zipSync({
      "[Content_Types].xml": strToU8(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/wb.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/s/one.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
      ),
      "_rels/.rels": strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="wb.xml"/></Relationships>`
      ),
      "wb.xml": strToU8(
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Theirs" sheetId="3" r:id="a"/></sheets></workbook>`
      ),
      "_rels/wb.xml.rels": strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${REL}/worksheet" Target="/s/one.xml"/></Relationships>`
      ),
      "s/one.xml": strToU8(
        `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>mine</t></is></c></row></sheetData></worksheet>`
      ),
    });
    const spec = {
      sheets: [
        {
          name: "Checks",
          role: "checks" as const,
          generated: true,
          blocks: [{ row: 0, col: 0, cells: [[{ text: "a\rb", style: "title" as const }]] }],
          tables: [],
          conditionalFormats: [],
          charts: [],
        },
      ],
    };
    const out = await editXlsx(bare, spec);
    const book = readXlsxSync(out);
    expect(book.sheets.map((s) => [s.name, s.sheetId])).toEqual([
      ["Theirs", 3],
      ["Checks", 4],
    ]);
    expect(book.sheetValues("Theirs")).toEqual([["mine"]]);
    expect(book.sheetValues("Checks")).toEqual([["a\rb"]]);
    expect(book.pkg.styles!.cellXfs.length).toBeGreaterThan(1);
    expect(unzipSync(out)["s/one.xml"]).toEqual(unzipSync(bare)["s/one.xml"]);
    const wb = XLSX.read(out, { type: "array" });
    expect(XLSX.utils.sheet_to_json(wb.Sheets["Checks"]!, { header: 1 })).toEqual([["a\rb"]]);
  });
});

test("the shapes of our notes take a block of ids no drawing of the user's uses", async () => {
  const spec = {
    sheets: [
      {
        name: "Noted",
        role: "data" as const,
        generated: false,
        blocks: [{ row: 0, col: 0, cells: [[{ text: "x", note: "from the PDF" }]] }],
        tables: [],
        conditionalFormats: [],
        charts: [],
      },
    ],
  };
  const base = readXlsxSync(fixture("openpyxl.xlsx"));
  const blocks = (book: XlsxBook): string[] =>
    Object.keys(book.pkg.entries)
      .filter((p) => p.endsWith(".vml"))
      .map((p) => /idmap\b[^>]*?\sdata="([^"]*)"/.exec(book.pkg.text(p)!)![1]!);
  expect(blocks(base)).toEqual(["1", "1"]);
  const book = readXlsxSync(await editXlsx(fixture("openpyxl.xlsx"), spec));
  const noted = book.sheets.find((s) => s.name === "Noted")!;
  const vml = book.pkg.relsOf(noted.path!).find((r) => r.type === "vmlDrawing")!.target;
  expect(book.pkg.text(vml)).toMatch(/idmap\b[^>]*?\sdata="2"/);
  expect(book.pkg.text(vml)).toMatch(/id="_x0000_s2049"/);
  const comments = book.pkg.relsOf(noted.path!).find((r) => r.type === "comments")!.target;
  expect(book.pkg.text(comments)).toContain("from the PDF");
});

describe("names scoped to a sheet", () => {
  const generated = (name: string, repeat: number) => ({
    name,
    role: "comparison" as const,
    generated: true,
    blocks: [{ row: 0, col: 0, cells: [[{ text: name }], [{ text: "x" }], [{ text: "y" }]] }],
    tables: [],
    conditionalFormats: [],
    charts: [],
    print: { repeatRows: { first: 0, last: repeat } },
  });
  const definitions = (names: string[]) =>
    writeDefinitions({
      version: 1,
      areas: [],
      periods: [],
      groups: [],
      thresholds: {},
      sheets: names.map((name) => ({ name, role: "comparison" as const, generated: true })),
    });

  test("our print titles are replaced, a sheet removed takes its names, the user's stay (moved with their sheet)", async () => {
    const built = await writeXlsx({
      sheets: [generated("Old", 0), generated("Kept", 0), definitions(["Old", "Kept"])],
    });
    // The user adds a name of their own, scoped to the workbook, and one scoped to "Kept".
    const files = unzipSync(built);
    files["xl/workbook.xml"] = strToU8(
      new TextDecoder()
        .decode(files["xl/workbook.xml"])
        .replace(
          "</definedNames>",
          `<definedName name="MyTotal">'Kept'!$A$3</definedName><definedName name="Mine" localSheetId="1">'Kept'!$A$2</definedName></definedNames>`
        )
    );
    const out = await editXlsx(zipSync(files), {
      sheets: [generated("Kept", 1), definitions(["Kept"])],
      removeSheets: ["Old"],
    });
    const names = [
      ...new TextDecoder()
        .decode(unzipSync(out)["xl/workbook.xml"])
        .matchAll(/<definedName\b[^>]*>[^<]*<\/definedName>/g),
    ].map((m) => m[0]);
    expect(names.sort()).toEqual(
      [
        `<definedName name="MyTotal">'Kept'!$A$3</definedName>`,
        `<definedName name="Mine" localSheetId="0">'Kept'!$A$2</definedName>`,
        `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Kept'!$1:$2</definedName>`,
      ].sort()
    );
    expect(readXlsxSync(out).sheetNames).toEqual(["Kept", "_ScrutinyDefinitions"]);
  });
});
