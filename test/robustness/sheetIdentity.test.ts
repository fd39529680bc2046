// Issue 17, "Sheet identity": generated and data sheets are known by an id that survives a
// rename (a hidden workbook-scoped name on the sheet's A1, which Excel, LibreOffice and
// Office.js move with the sheet), not by their names alone. Today's code lost a renamed
// data sheet for good (its comparison deleted, never back after renaming it back), and a
// user's sheet that took the name "Checks" was refused or overwritten.
//
// The .xlsx path: built and refreshed by the command line, renamed as Excel renames a sheet
// (the sheet's name, every formula and defined name that refers to it) by editing the
// package. The Office.js path: built and refreshed on the Excel double through
// Microsoft's own Office.js client, renamed there as a user would (Worksheet.name).
import path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { readXlsxSync, type XlsxBook } from "../../src/writers/xlsx/readXlsx";
import { DEFINITIONS_CHUNK, DEFINITIONS_SHEET } from "../../src/layout/definitions";
import { memoryIo, type MemoryIO } from "../support/cliIo";
import { OFFENCES_DIR } from "../support/samples";
import { FakeExcel } from "../doubles/fakeExcel";
import { OfficeJsClient } from "../doubles/officeJsClient";
import { buildWorkbook } from "../../src/app/useCases";
import { writeWorkbook } from "../../src/writers/officejs/writeWorkbook";
import { refreshGenerated } from "../../src/commands/refreshComparisons";
import { readWorkbookState } from "../../src/writers/officejs/readWorkbookState";
import { loadInputs } from "../../src/cli/loadInputs";
import { createOfficeHost } from "../../src/taskpane/host/officeHost";
import type { Definitions } from "../../src/layout/definitions";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { describeWithLibreOffice } from "../support/libreoffice";
import { WorkbookXml } from "../../src/writers/xlsx/ooxml/editWorkbookXml";
import { renameSheetWithLibreOffice } from "../support/libreofficeRename";

const BOOK = "book.xlsx";
const INPUTS = [
  "borough-a-2017-09-05.txt",
  "borough-c-2017-09-05.txt",
  "merton-2017-07-02.txt",
  "merton-2017-08-01.txt",
].map((f) => path.join(OFFENCES_DIR, f));

const DATA = "Borough A 2017-09-05";
const RENAMED = "Borough A (September)";

// ---------------------------------------------------------------- the package, as Excel edits it

type Parts = Record<string, Uint8Array>;
const text = (parts: Parts, part: string): string => strFromU8(parts[part]!);
const xmlText = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const quoted = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'!`;

/**
 * The workbook with the sheet `from` renamed `to` as Excel renames one: its tab, and every
 * formula, chart reference and defined name that refers to it (hyperlinks and text stay).
 */
function renameSheet(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const parts: Parts = unzipSync(bytes);
  const moveRefs = (s: string): string => s.split(xmlText(quoted(from))).join(xmlText(quoted(to)));
  for (const part of Object.keys(parts)) {
    if (!part.endsWith(".xml")) continue;
    let xml = text(parts, part);
    if (part === "xl/workbook.xml") {
      xml = xml.replace(`<sheet name="${xmlText(from)}"`, `<sheet name="${xmlText(to)}"`);
      xml = xml.replace(
        /(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g,
        (_, a, f, b) => a + moveRefs(f) + b
      );
    } else if (part.startsWith("xl/worksheets/") || part.startsWith("xl/charts/")) {
      xml = xml.replace(
        /(<(?:c:)?f\b[^>]*>)([^<]*)(<\/(?:c:)?f>)/g,
        (_, a, f, b) => a + moveRefs(f) + b
      );
    } else continue;
    parts[part] = strToU8(xml);
  }
  return zipSync(parts);
}

/** The workbook with the sheet `name` deleted as Excel deletes one: references to it become #REF!. */
function deleteSheet(bytes: Uint8Array, name: string): Uint8Array {
  const parts: Parts = unzipSync(bytes);
  const rId = readXlsxSync(bytes).sheets.find((s) => s.name === name)!.rId;
  const workbook = new WorkbookXml(text(parts, "xl/workbook.xml"));
  workbook.removeSheet(rId);
  const gone = (f: string): string => f.split(xmlText(quoted(name))).join("#REF!");
  parts["xl/workbook.xml"] = strToU8(
    workbook
      .toString()
      .replace(/(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g, (_, a, f, b) => a + gone(f) + b)
  );
  for (const part of Object.keys(parts))
    if (part.startsWith("xl/worksheets/") && part.endsWith(".xml"))
      parts[part] = strToU8(
        text(parts, part).replace(/(<f\b[^>]*>)([^<]*)(<\/f>)/g, (_, a, f, b) => a + gone(f) + b)
      );
  return zipSync(parts);
}

/** The workbook with a sheet of the user's named `name` added at the end, holding `note` in A1. */
function addUsersSheet(bytes: Uint8Array, name: string, note: string): Uint8Array {
  const parts: Parts = unzipSync(bytes);
  const part = "xl/worksheets/usersSheet.xml";
  parts[part] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      `<row r="1"><c r="A1" t="inlineStr"><is><t>${xmlText(note)}</t></is></c></row>` +
      "</sheetData></worksheet>"
  );
  const rels = "xl/_rels/workbook.xml.rels";
  parts[rels] = strToU8(
    text(parts, rels).replace(
      "</Relationships>",
      '<Relationship Id="rIdUsers" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/usersSheet.xml"/></Relationships>'
    )
  );
  parts["xl/workbook.xml"] = strToU8(
    text(parts, "xl/workbook.xml").replace(
      "</sheets>",
      `<sheet name="${xmlText(name)}" sheetId="900" r:id="rIdUsers"/></sheets>`
    )
  );
  parts["[Content_Types].xml"] = strToU8(
    text(parts, "[Content_Types].xml").replace(
      "</Types>",
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
    )
  );
  return zipSync(parts);
}

/** The workbook as one built before sheet ids: no anchors, in the names or the definitions. */
function withoutIds(bytes: Uint8Array): Uint8Array {
  const parts: Parts = unzipSync(bytes);
  parts["xl/workbook.xml"] = strToU8(
    text(parts, "xl/workbook.xml").replace(
      /<definedName name="_ScrutinySheet_\d+"[^>]*>[^<]*<\/definedName>/g,
      ""
    )
  );
  return rewriteDefinitions(zipSync(parts), (d) => {
    for (const s of d.sheets) delete s.anchor;
  });
}

/** The workbook with its definitions JSON changed by `change` (as anyone can edit the cell). */
function rewriteDefinitions(bytes: Uint8Array, change: (d: Definitions) => void): Uint8Array {
  const book = readXlsxSync(bytes);
  const values = book.sheetValues(DEFINITIONS_SHEET)!;
  let json = "";
  for (let r = 1; values[r]?.[0]; r++) json += String(values[r]![0]);
  const defs = JSON.parse(json) as Definitions;
  change(defs);
  const next = JSON.stringify(defs);
  expect(next.length).toBeLessThan(DEFINITIONS_CHUNK * 20);
  const parts: Parts = unzipSync(bytes);
  const sheet = book.sheets.find((s) => s.name === DEFINITIONS_SHEET)!;
  const rows: string[] = [
    `<row r="1"><c r="A1" t="inlineStr"><is><t>${xmlText(String(values[0]![0]))}</t></is></c></row>`,
  ];
  for (let i = 0; i * DEFINITIONS_CHUNK < next.length; i++)
    rows.push(
      `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>${xmlText(next.slice(i * DEFINITIONS_CHUNK, (i + 1) * DEFINITIONS_CHUNK))}</t></is></c></row>`
    );
  parts[sheet.path!] = strToU8(
    text(parts, sheet.path!).replace(
      /<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/,
      `<sheetData>${rows.join("")}</sheetData>`
    )
  );
  return zipSync(parts);
}

// ---------------------------------------------------------------- what a workbook says

/** Every formula of the workbook's sheets, by sheet. */
function formulasOf(bytes: Uint8Array): Map<string, string[]> {
  const book = readXlsxSync(bytes);
  const out = new Map<string, string[]>();
  for (const s of book.sheets) {
    const xml = book.pkg.text(s.path!) ?? "";
    out.set(
      s.name,
      [...xml.matchAll(/<f\b[^>]*>([^<]*)<\/f>/g)].map((m) => m[1]!)
    );
  }
  return out;
}

const allFormulas = (bytes: Uint8Array): string[] => [...formulasOf(bytes).values()].flat();
const recorded = (book: XlsxBook, role: string): string[] =>
  book.definitions!.sheets.filter((d) => d.role === role).map((d) => d.name);

async function build(io: MemoryIO): Promise<Uint8Array> {
  expect(await main(["build", ...INPUTS, "--out", BOOK], io)).toBe(0);
  return io.files.get(BOOK) as Uint8Array;
}

async function refresh(io: MemoryIO, bytes: Uint8Array) {
  io.files.set(BOOK, bytes);
  io.err.length = 0;
  io.out.length = 0;
  const code = await main(["refresh", BOOK], io);
  return { code, err: io.err.join(""), bytes: io.files.get(BOOK) as Uint8Array };
}

describe("the .xlsx path: refresh by the command line", () => {
  let io: MemoryIO;
  let built: Uint8Array;
  beforeAll(async () => {
    io = memoryIo();
    built = await build(io);
  });

  test("the build gives every recorded sheet a hidden id on its A1", () => {
    const book = readXlsxSync(built);
    const anchors = book.pkg.definedNames.filter((n) => n.name.startsWith("_ScrutinySheet_"));
    const recordedSheets = book.definitions!.sheets;
    expect(recordedSheets.every((d) => d.anchor)).toBe(true);
    expect(anchors.map((a) => [a.name, a.reference]).sort()).toEqual(
      recordedSheets.map((d) => [d.anchor, `${quoted(d.name)}$A$1`]).sort()
    );
    expect(text(unzipSync(built), "xl/workbook.xml")).toMatch(
      /<definedName name="_ScrutinySheet_1" hidden="1">/
    );
  });

  test("a renamed data sheet stays a data sheet: comparisons use its new name, the definitions record it", async () => {
    const before = readXlsxSync(built);
    expect(before.sheetNames).toContain(DATA);
    const compare = recorded(before, "comparison");
    expect(compare.length).toBeGreaterThan(0);

    const r = await refresh(io, renameSheet(built, DATA, RENAMED));
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    const after = readXlsxSync(r.bytes);
    expect(recorded(after, "data")).toContain(RENAMED);
    expect(recorded(after, "data")).not.toContain(DATA);
    expect(recorded(after, "comparison")).toEqual(compare);
    const formulas = allFormulas(r.bytes);
    expect(formulas.some((f) => f.includes(xmlText(quoted(RENAMED))))).toBe(true);
    expect(formulas.filter((f) => f.includes(xmlText(quoted(DATA))))).toEqual([]);
    // The comparison and the Summary name the sheet as it is now.
    const compareFormulas = formulasOf(r.bytes).get(compare[0]!)!;
    expect(compareFormulas.some((f) => f.includes(xmlText(quoted(RENAMED))))).toBe(true);
    // Its cells are the user's: read back, as they were.
    expect(after.sheetValues(RENAMED)).toEqual(before.sheetValues(DATA));

    // Renamed back, and refreshed again: as built.
    const back = await refresh(io, renameSheet(r.bytes, RENAMED, DATA));
    expect({ code: back.code, err: back.err }).toEqual({ code: 0, err: "" });
    const again = readXlsxSync(back.bytes);
    expect(recorded(again, "data")).toEqual(recorded(before, "data"));
    expect(recorded(again, "comparison")).toEqual(compare);
    expect(allFormulas(back.bytes).filter((f) => f.includes(xmlText(quoted(RENAMED))))).toEqual([]);
    expect(allFormulas(back.bytes).sort()).toEqual(allFormulas(built).sort());
  });

  test("a user's sheet that takes a generated sheet's name is never written: the generated one is found by its id", async () => {
    const mine = addUsersSheet(
      renameSheet(built, "Checks", "Checks (old)"),
      "Checks",
      "My own checks"
    );
    const usersPart = "xl/worksheets/usersSheet.xml";
    const r = await refresh(io, mine);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    // The user's sheet, byte for byte, under its name.
    expect(unzipSync(r.bytes)[usersPart]).toEqual(unzipSync(mine)[usersPart]);
    const after = readXlsxSync(r.bytes);
    expect(after.sheetValues("Checks")).toEqual([["My own checks"]]);
    // The generated Checks rebuilt where it is now, and the Summary's formulas point there.
    expect(recorded(after, "checks")).toEqual(["Checks (old)"]);
    expect(String(after.sheetValues("Checks (old)")![0]![0])).toMatch(/^Checks:/);
    const summary = recorded(after, "summary")[0]!;
    const summaryFormulas = formulasOf(r.bytes).get(summary)!;
    expect(summaryFormulas.some((f) => f.includes(xmlText(quoted("Checks (old)"))))).toBe(true);
    expect(allFormulas(r.bytes).filter((f) => f.includes("'Checks'!"))).toEqual([]);
  });

  test("a generated sheet deleted, and a sheet of the user's made under its name: the user's is never written", async () => {
    const mine = addUsersSheet(deleteSheet(built, "Checks"), "Checks", "My own checks");
    const r = await refresh(io, mine);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    const after = readXlsxSync(r.bytes);
    expect(after.sheetValues("Checks")).toEqual([["My own checks"]]);
    const checks = recorded(after, "checks");
    expect(checks).toHaveLength(1);
    expect(checks[0]).not.toBe("Checks");
    expect(String(after.sheetValues(checks[0]!)![0]![0])).toMatch(/^Checks:/);
  });

  test("a workbook built before sheet ids still refreshes, by name, and gets its ids", async () => {
    const old = withoutIds(built);
    expect(
      readXlsxSync(old).pkg.definedNames.filter((n) => n.name.startsWith("_Scrutiny"))
    ).toEqual([]);
    const r = await refresh(io, old);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    const after = readXlsxSync(r.bytes);
    expect(recorded(after, "data")).toEqual(recorded(readXlsxSync(built), "data"));
    expect(after.definitions!.sheets.every((d) => d.anchor)).toBe(true);
    expect(after.pkg.definedNames.filter((n) => n.name.startsWith("_ScrutinySheet_")).length).toBe(
      after.definitions!.sheets.length
    );
    // And from then on a rename is followed.
    const renamed = await refresh(io, renameSheet(r.bytes, DATA, RENAMED));
    expect(renamed.code).toBe(0);
    expect(recorded(readXlsxSync(renamed.bytes), "data")).toContain(RENAMED);
  });

  test.each<[string, (d: Definitions) => void, RegExp]>([
    [
      "a user's sheet claimed with an id the workbook does not have",
      (d) => {
        const data = d.sheets.find((s) => s.role === "data")!;
        d.sheets.push({ ...data, name: "My budget", anchor: "_ScrutinySheet_99" });
      },
      /claim the sheet “My budget”, which scrutiny-sheets did not make/,
    ],
    [
      "one id recorded for two sheets",
      (d) => {
        d.sheets[1]!.anchor = d.sheets[0]!.anchor;
      },
      /sheets\[1\]\.anchor is "_ScrutinySheet_1", an id another sheet has/,
    ],
    [
      "the Checks sheet pointed at a data sheet whose record was taken out",
      (d) => {
        const data = d.sheets.find((s) => s.role === "data")!;
        d.sheets = d.sheets.filter((s) => s !== data);
        const checks = d.sheets.find((s) => s.role === "checks")!;
        checks.name = data.name;
        checks.anchor = "_ScrutinySheet_98";
      },
      /claim the sheet “[^”]+” as the Checks sheet \(_ScrutinySheet_98\), but that sheet is _ScrutinySheet_\d+/,
    ],
  ])(
    "definitions claiming a sheet whose id does not match are refused: %s",
    async (_, change, why) => {
      const hostile = rewriteDefinitions(addUsersSheet(built, "My budget", "Mine"), change);
      const r = await refresh(io, hostile);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(why);
      expect(r.err).toMatch(/nothing (was )?written/);
      expect(r.bytes).toBe(hostile);
    }
  );
});

describeWithLibreOffice("the .xlsx path: a sheet renamed in LibreOffice Calc", () => {
  /** The workbook with a sheet renamed in LibreOffice and saved there. */
  async function renamedInCalc(bytes: Uint8Array, from: string, to: string): Promise<Uint8Array> {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "scrutiny-ident-")), "book.xlsx");
    writeFileSync(file, bytes);
    await renameSheetWithLibreOffice(file, from, to);
    return new Uint8Array(readFileSync(file));
  }

  test("a data sheet renamed and saved in Calc stays a data sheet; renamed back, as built", async () => {
    const io = memoryIo();
    const built = await build(io);
    const compare = recorded(readXlsxSync(built), "comparison");
    const saved = await renamedInCalc(built, DATA, RENAMED);
    // Calc moved the sheet's id with it (and saved it with its other names).
    const ids = readXlsxSync(saved).pkg.definedNames.filter((n) => n.name === "_ScrutinySheet_1");
    expect(ids.map((n) => n.reference)).toEqual([`${quoted(RENAMED)}$A$1`]);

    const r = await refresh(io, saved);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    const after = readXlsxSync(r.bytes);
    expect(recorded(after, "data")).toContain(RENAMED);
    expect(recorded(after, "comparison")).toEqual(compare);
    expect(
      formulasOf(r.bytes)
        .get(compare[0]!)!
        .some((f) => f.includes(xmlText(quoted(RENAMED))))
    ).toBe(true);

    const back = await refresh(io, await renamedInCalc(r.bytes, RENAMED, DATA));
    expect({ code: back.code, err: back.err }).toEqual({ code: 0, err: "" });
    expect(recorded(readXlsxSync(back.bytes), "data")).toEqual(
      recorded(readXlsxSync(built), "data")
    );
    expect(allFormulas(back.bytes).filter((f) => f.includes(xmlText(quoted(RENAMED))))).toEqual([]);
  }, 120000);
});

// ---------------------------------------------------------------- Office.js

describe("the Office.js path: Refresh all on the Excel double", () => {
  async function builtInExcel(): Promise<{ excel: FakeExcel; client: OfficeJsClient }> {
    const excel = new FakeExcel();
    const client = new OfficeJsClient(excel);
    const io = memoryIo();
    const read = await loadInputs(INPUTS, {}, io);
    if (!read.ok) throw new Error(read.error.message);
    const plan = buildWorkbook(read.tables, [], undefined, "2026-12-03");
    await writeWorkbook(client.runner, plan.spec);
    return { excel, client };
  }

  const rename = (client: OfficeJsClient, from: string, to: string) =>
    client.run(async (context) => {
      context.workbook.worksheets.getItem(from).name = to;
      await context.sync();
    });

  const definitionsIn = (client: OfficeJsClient) =>
    client.run(async (context) => (await readWorkbookState(context)).definitions!);

  const formulasNaming = (excel: FakeExcel, sheet: string): string[] =>
    excel
      .sheetNames()
      .flatMap((s) => [...excel.formulas(s).values()])
      .filter((f) => f.includes(quoted(sheet)));

  test("the write gives every recorded sheet a hidden id on its A1", async () => {
    const { excel, client } = await builtInExcel();
    const defs = await definitionsIn(client);
    expect(
      excel
        .definedNames()
        .map((n) => [n.name, n.formula, n.visible])
        .sort()
    ).toEqual(defs.sheets.map((d) => [d.anchor, `=${quoted(d.name)}$A$1`, false]).sort());
  });

  test("a renamed data sheet stays a data sheet, and renaming it back works", async () => {
    const { excel, client } = await builtInExcel();
    const before = await definitionsIn(client);
    const compare = before.sheets.filter((d) => d.role === "comparison").map((d) => d.name);
    await rename(client, DATA, RENAMED);
    // Before any refresh, the pane lists it under its new name, as a data sheet.
    const pane = createOfficeHost(
      (options, batch) => client.run(batch, options),
      () => "2026-12-03"
    );
    const listed = (await pane.listSheets()).filter((s) => s.name === RENAMED);
    expect(listed.map((s) => s.role)).toEqual(["data"]);
    const first = await refreshGenerated(client.runner, () => "2026-12-03");
    expect(first.warnings).toEqual([]);
    const after = await definitionsIn(client);
    expect(after.sheets.filter((d) => d.role === "data").map((d) => d.name)).toContain(RENAMED);
    expect(after.sheets.filter((d) => d.role === "comparison").map((d) => d.name)).toEqual(compare);
    expect(formulasNaming(excel, RENAMED).length).toBeGreaterThan(0);
    expect(formulasNaming(excel, DATA)).toEqual([]);

    await rename(client, RENAMED, DATA);
    await refreshGenerated(client.runner, () => "2026-12-03");
    const back = await definitionsIn(client);
    expect(back.sheets.map((d) => [d.name, d.role, d.anchor])).toEqual(
      before.sheets.map((d) => [d.name, d.role, d.anchor])
    );
    expect(formulasNaming(excel, RENAMED)).toEqual([]);
  });

  test("a user's sheet named like a generated one is never written", async () => {
    const { excel, client } = await builtInExcel();
    await rename(client, "Checks", "Checks (old)");
    excel.addSheet("Checks", [["My own checks"]]);
    const mine = excel.snapshot("Checks");
    await refreshGenerated(client.runner, () => "2026-12-03");
    expect(excel.snapshot("Checks")).toBe(mine);
    const defs = await definitionsIn(client);
    expect(defs.sheets.filter((d) => d.role === "checks").map((d) => d.name)).toEqual([
      "Checks (old)",
    ]);
    expect(String(excel.cell("Checks (old)", "A1").value)).toMatch(/^Checks:/);
    expect(formulasNaming(excel, "Checks (old)").length).toBeGreaterThan(0);
  });
});
