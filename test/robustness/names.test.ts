// Sheet names a paste can force on us (issue #17): an area with emoji (characters outside
// the Basic Multilingual Plane, two UTF-16 units each), two periods of one month, an area
// named like the definitions sheet. Every formula must name a sheet that exists, every
// generated name must be free, and a refresh must keep every data sheet.
import path from "path";
import { readFileSync } from "fs";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { DEFINITIONS_SHEET, DEFINITIONS_MARKER } from "../../src/layout/definitions";
import { readXlsx } from "../../src/writers/xlsx/readXlsx";
import { memoryIo, type MemoryIO } from "../support/cliIo";
import { OFFENCES_DIR } from "../support/samples";

const MERTON = path.join(OFFENCES_DIR, "merton-2017-08-01.txt");
const EMOJI_AREA = "Merton 🚓🚓🚓 Community Safety Partnership Area";

async function load(io: MemoryIO, file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(io.files.get(file) as unknown as ArrayBuffer);
  return wb;
}

/** Sheet names in a reference text: a quoted name ('It''s'!A1) or a plain one (Checks!A1). */
function sheetsNamedIn(text: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^']|'')+)'!|(?<![\w.'])([A-Za-z_][\w.]*)!/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push((m[1] ?? m[2]!).replace(/''/g, "'"));
  return out;
}

/** Sheet names a formula refers to: outside its string literals, and in "#Sheet!A1" link targets within them. */
function sheetsOfFormula(formula: string): string[] {
  const literals: string[] = [];
  const code = formula.replace(/"((?:[^"]|"")*)"/g, (_, body: string) => {
    literals.push(body.replace(/""/g, '"'));
    return '""';
  });
  const links = literals.filter((l) => l.startsWith("#")).map((l) => l.slice(1));
  return [...sheetsNamedIn(code), ...links.flatMap(sheetsNamedIn)];
}

/** Every sheet a cell's formula or internal link names. */
function sheetsOfCell(cell: ExcelJS.Cell): string[] {
  const link = cell.hyperlink?.startsWith("#") ? sheetsNamedIn(cell.hyperlink.slice(1)) : [];
  return [...sheetsOfFormula(cell.formula ?? ""), ...link];
}

/** The references of the workbook, as "Sheet!A1 -> Named". */
function references(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        for (const name of sheetsOfCell(cell)) out.push(`${ws.name}!${cell.address} -> ${name}`);
      })
    );
  return out;
}

/** The references naming a sheet the workbook lacks. */
function danglingReferences(wb: ExcelJS.Workbook): string[] {
  const names = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  return references(wb).filter((r) => !names.has(r.split(" -> ")[1]!.toLowerCase()));
}

const dataSheets = async (io: MemoryIO, file: string): Promise<string[]> => {
  const book = await readXlsx(io.files.get(file) as Uint8Array);
  return (book.definitions?.sheets ?? []).filter((d) => d.role === "data").map((d) => d.name);
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("sheet names from awkward areas and periods", () => {
  test("a long emoji area: names of at most 31 UTF-16 units, every formula names a sheet that exists, a refresh keeps every data sheet", async () => {
    const io = memoryIo();
    expect(await main(["build", MERTON, "--area", EMOJI_AREA, "--out", "book.xlsx"], io)).toBe(0);
    const wb = await load(io, "book.xlsx");
    for (const ws of wb.worksheets) {
      expect(ws.name.length).toBeLessThanOrEqual(31);
      expect(LONE_SURROGATE.test(ws.name)).toBe(false);
    }
    // A test that found no references would pass for nothing.
    expect(references(wb).length).toBeGreaterThan(10);
    expect(danglingReferences(wb)).toEqual([]);

    const before = await dataSheets(io, "book.xlsx");
    expect(before).toHaveLength(2);
    expect(before.every((n) => n.includes("🚓🚓🚓"))).toBe(true);
    for (const name of before) expect(wb.getWorksheet(name)).toBeDefined();

    expect(await main(["refresh", "book.xlsx"], io)).toBe(0);
    expect(io.err.join("")).toBe("");
    const after = await load(io, "book.xlsx");
    expect(await dataSheets(io, "book.xlsx")).toEqual(before);
    for (const name of before) expect(after.getWorksheet(name)).toBeDefined();
    expect(danglingReferences(after)).toEqual([]);
  });

  test("two tables of one long emoji area whose periods fall in one month build into distinct sheets", async () => {
    const io = memoryIo();
    // The area line names the area of both pastes (--area names only a single paste's).
    const text = `Borough: ${EMOJI_AREA}\n${readFileSync(MERTON, "utf8")}`;
    io.files.set("merton-2017-08-01.txt", text);
    io.files.set(
      "merton-2017-08-31.txt",
      text.replace(
        /Reporting Period Ending: 1 August 2017/g,
        "Reporting Period Ending: 31 August 2017"
      )
    );
    const argv = ["build", "merton-2017-08-01.txt", "merton-2017-08-31.txt", "--out", "book.xlsx"];
    expect(await main(argv, io)).toBe(0);
    expect(io.err.join("")).toBe("");
    const names = await dataSheets(io, "book.xlsx");
    expect(names).toHaveLength(4);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(4);
    expect(names.filter((n) => n.includes("2017-08-01"))).toHaveLength(2);
    expect(names.filter((n) => n.includes("2017-08-31"))).toHaveLength(2);
    const wb = await load(io, "book.xlsx");
    for (const name of names) expect(wb.getWorksheet(name)).toBeDefined();
    expect(wb.worksheets.some((w) => w.name.startsWith("Trend"))).toBe(true);
    // The trend reads every data sheet: hundreds of references across sheets.
    expect(references(wb).length).toBeGreaterThan(100);
    expect(danglingReferences(wb)).toEqual([]);
  });

  test("an area named like the definitions sheet: its data sheet takes another name, the definitions stay intact", async () => {
    const io = memoryIo();
    // No period: the data sheet would be named for the area alone.
    const text = readFileSync(MERTON, "utf8").replace(/^Reporting Period Ending:.*$/gm, "");
    io.files.set("paste.txt", text);
    const argv = ["build", "paste.txt", "--area", DEFINITIONS_SHEET, "--out", "book.xlsx"];
    expect(await main(argv, io)).toBe(0);
    const names = await dataSheets(io, "book.xlsx");
    expect(names).toHaveLength(2);
    for (const n of names) expect(n.toLowerCase()).not.toBe(DEFINITIONS_SHEET.toLowerCase());
    const wb = await load(io, "book.xlsx");
    const defs = wb.getWorksheet(DEFINITIONS_SHEET);
    expect(defs?.state).toBe("veryHidden");
    expect(defs?.getCell("A1").value).toBe(DEFINITIONS_MARKER);
    expect(danglingReferences(wb)).toEqual([]);
    expect(await main(["refresh", "book.xlsx"], io)).toBe(0);
    expect(await dataSheets(io, "book.xlsx")).toEqual(names);
  });
});
