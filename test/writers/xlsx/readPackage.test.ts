// The reader of any .xlsx: workbooks written by ExcelJS (our build), openpyxl and
// LibreOffice (test/fixtures/workbooks, see its README), read back as SheetJS, an
// independent reader, reads them; and the forms each writer chooses (absolute or relative
// part paths, shared or inline strings, rich text, no styles or theme, booleans, errors,
// cached formula results).
import { readFileSync } from "fs";
import path from "path";
import { zipSync, strToU8 } from "fflate";
import * as XLSX from "@e965/xlsx";
import { readXlsx, readXlsxSync } from "../../../src/writers/xlsx/readXlsx";
import { parseStyles } from "../../../src/writers/xlsx/ooxml/parseStyles";
import { XlsxReadError } from "../../../src/writers/xlsx/errors";

const FIXTURES = path.join(__dirname, "../../fixtures/workbooks");
const fixture = (name: string): Uint8Array => readFileSync(path.join(FIXTURES, name));
const WRITERS = ["built.xlsx", "openpyxl.xlsx", "libreoffice.xlsx"];

/** SheetJS's values of a sheet, in our shape: rows of cells, empty cells null, trailing ones dropped. */
function sheetJsValues(bytes: Uint8Array, name: string): unknown[][] {
  const wb = XLSX.read(bytes, { type: "array", cellDates: false, cellText: false });
  const ws = wb.Sheets[name]!;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, {
    header: 1,
    raw: true,
    defval: null,
    blankrows: true,
  });
  const range = XLSX.utils.decode_range(ws["!ref"] ?? "A1");
  const out: unknown[][] = [];
  for (let r = 0; r < range.s.r; r++) out.push([]);
  for (const row of rows) {
    const cells = [...new Array<null>(range.s.c).fill(null), ...row].map((v) =>
      v === "" ? null : v
    );
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    out.push(cells);
  }
  while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

describe("workbooks saved by other tools", () => {
  test.each(WRITERS)("%s: every sheet's values are what SheetJS reads", (file) => {
    const bytes = fixture(file);
    const book = readXlsxSync(bytes);
    expect(book.sheetNames.length).toBeGreaterThanOrEqual(9);
    for (const name of book.sheetNames) {
      const ours = book.sheetValues(name)!;
      while (ours.length > 0 && ours[ours.length - 1]!.length === 0) ours.pop();
      expect({ name, values: ours }).toEqual({ name, values: sheetJsValues(bytes, name) });
    }
  });

  test("the data sheets, definitions, sheet ids and tables read the same from all three", () => {
    const [built, openpyxl, libre] = WRITERS.map((f) => readXlsxSync(fixture(f)));
    const dataSheets = built!.definitions!.sheets.filter((s) => s.role === "data");
    expect(dataSheets).toHaveLength(6);
    for (const other of [openpyxl!, libre!]) {
      expect(other.definitions).toEqual(built!.definitions);
      expect(other.tableNames.sort()).toEqual([...built!.tableNames].sort());
      expect(other.sheets.slice(0, 9).map((s) => [s.name, s.sheetId])).toEqual(
        built!.sheets.map((s) => [s.name, s.sheetId])
      );
    }
    for (const s of dataSheets) {
      const ours = built!.sheetValues(s.name)!;
      expect(openpyxl!.sheetValues(s.name)).toEqual(ours);
      // LibreOffice calculated the formulas ExcelJS wrote without results: the rest is equal.
      const calculated = libre!.sheetValues(s.name)!;
      expect(calculated).toHaveLength(ours.length);
      ours.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null) expect([r, c, calculated[r]![c]]).toEqual([r, c, v]);
        })
      );
    }
    expect(built!.sheets.find((s) => s.name === "_ScrutinyDefinitions")!.state).toBe("veryHidden");
    // LibreOffice has no "very hidden": it saves the sheet hidden.
    expect(libre!.sheets.find((s) => s.name === "_ScrutinyDefinitions")!.state).toBe("hidden");
  });

  test("a formula's cached result is its value, and one with no result (openpyxl) is empty", () => {
    expect(readXlsxSync(fixture("libreoffice.xlsx")).sheetValues("My notes")![0]).toEqual([
      "Month",
      "Calls",
      null,
      383,
    ]);
    expect(readXlsxSync(fixture("openpyxl.xlsx")).sheetValues("My notes")![0]).toEqual([
      "Month",
      "Calls",
    ]);
  });
});

const CT = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A package written by hand: the workbook in "book/main.xml", named by an absolute path. */
function handMadePackage(sheetXml: string, extra: Record<string, string> = {}): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(CT),
    "_rels/.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="/book/main.xml"/></Relationships>`
    ),
    "book/main.xml": strToU8(
      `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:sheets><x:sheet name="Only" sheetId="7" rel:id="s1"/></x:sheets></x:workbook>`
    ),
    "book/_rels/main.xml.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="${REL}/worksheet" Target="./sheets/../sheets/one.xml"/>${extra.rels ?? ""}</Relationships>`
    ),
    "book/sheets/one.xml": strToU8(sheetXml),
    ...Object.fromEntries(
      Object.entries(extra)
        .filter(([k]) => k !== "rels")
        .map(([k, v]) => [k, strToU8(v)])
    ),
  });
}

describe("the forms a package may take", () => {
  test("prefixed elements, relative targets with '..', no styles, no shared strings, no theme", () => {
    const book = readXlsxSync(
      handMadePackage(
        `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:r><x:t>Rich </x:t></x:r><x:r><x:t xml:space="preserve">text</x:t></x:r></x:is></x:c><x:c r="D2" t="b"><x:v>1</x:v></x:c><x:c r="E2" t="e"><x:v>#N/A</x:v></x:c><x:c r="F2"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="G2" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c r="H2"><x:f>NOW()</x:f></x:c></x:row><x:row><x:c><x:v>1.5</x:v></x:c><x:c t="inlineStr"><x:is><x:t>a_x000D_b</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`
      )
    );
    expect(book.sheets).toEqual([
      { name: "Only", sheetId: 7, rId: "s1", state: "visible", path: "book/sheets/one.xml" },
    ]);
    expect(book.pkg.styles).toBeNull();
    expect(book.definitions).toBeNull();
    expect(book.sheetValues("only")).toEqual([
      [],
      [null, "Rich text", null, true, "#N/A", 2, "ab"],
      [1.5, "a\rb"],
    ]);
    expect(book.sheetValues("Other")).toBeNull();
  });

  test("shared strings with rich runs and phonetic runs left out", () => {
    const book = readXlsxSync(
      handMadePackage(
        `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="d"><v>2017-08-01T00:00:00</v></c></row></sheetData></worksheet>`,
        {
          rels: `<Relationship Id="ss" Type="${REL}/sharedStrings" Target="/book/strings.xml"/>`,
          "book/strings.xml": `<sst xmlns="${MAIN}"><si><t>plain</t></si><si><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and not</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si></sst>`,
        }
      )
    );
    expect(book.sheetValues("Only")).toEqual([["Bold and not", "plain", 42948]]);
  });

  test.each([
    ["an empty file", new Uint8Array(0), /the file is empty/],
    ["text", strToU8("not a zip"), /not even the zip archive/],
    ["a cut zip", fixture("built.xlsx").slice(0, 5000), /damaged or cut-short/],
    ["a zip of something else", zipSync({ "a.txt": strToU8("hi") }), /no workbook part/],
  ])("%s is refused with our own sentence", async (_what, bytes, why) => {
    const err = await readXlsx(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxReadError);
    expect((err as Error).message).toMatch(/^not a readable \.xlsx workbook \(/);
    expect((err as Error).message).toMatch(why);
  });
});

describe("parseStyles", () => {
  test("keeps each entry's XML at its index and what follows dxfs verbatim", () => {
    const xml = readFileSync(path.join(FIXTURES, "..", "workbooks", "libreoffice.xlsx"));
    const styles = readXlsxSync(xml).pkg.styles!;
    expect(styles.cellXfs.every((x) => /^<xf\b[\s\S]*(\/>|<\/xf>)$/.test(x))).toBe(true);
    expect(styles.fonts.every((x) => /^<font\b[\s\S]*(\/>|<\/font>)$/.test(x))).toBe(true);
    expect(styles.tail.startsWith("<colors>")).toBe(true);
    const small = parseStyles(
      `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="[&gt;=100]0;&quot;x&quot;"/></numFmts><fonts count="1"><font><b/><sz val="11"/></font></fonts><fills count="0"/><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" fontId="0"><alignment wrapText="1"/></xf></cellXfs><dxfs count="1"><dxf><font><b/></font><fill><patternFill><bgColor rgb="FFFF0000"/></patternFill></fill></dxf></dxfs><tableStyles count="0"/><extLst><ext uri="x"/></extLst></styleSheet>`
    );
    expect(small).toEqual({
      numFmts: [{ id: 164, code: '[>=100]0;"x"' }],
      fonts: ['<font><b/><sz val="11"/></font>'],
      fills: [],
      borders: [],
      cellStyleXfs: [],
      cellXfs: [
        '<xf numFmtId="0"/>',
        '<xf numFmtId="164" fontId="0"><alignment wrapText="1"/></xf>',
      ],
      cellStyles: [],
      dxfs: [
        '<dxf><font><b/></font><fill><patternFill><bgColor rgb="FFFF0000"/></patternFill></fill></dxf>',
      ],
      tail: '<tableStyles count="0"/><extLst><ext uri="x"/></extLst>',
    });
  });
});
