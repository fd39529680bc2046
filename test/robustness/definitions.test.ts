// Hostile definitions (issue 17): the JSON a workbook keeps in its very hidden sheet can
// be edited by anyone. Valid JSON of the wrong shape, definitions naming the user's own
// sheet as generated, and Checks pointed at a data sheet are each refused by refresh with
// a message naming the problem, and nothing is written.
import path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { DEFINITIONS_CHUNK, DEFINITIONS_SHEET } from "../../src/layout/definitions";
import { memoryIo, type MemoryIO } from "../support/cliIo";
import { readXlsxSync } from "../../src/writers/xlsx/readXlsx";
import { OFFENCES_DIR } from "../support/samples";

const BOOK = "book.xlsx";
const INPUTS = ["borough-a-2017-09-05.txt", "borough-c-2017-09-05.txt"].map((f) =>
  path.join(OFFENCES_DIR, f)
);

type Json = Record<string, unknown> & { sheets: Record<string, unknown>[] };

/** The book with its definitions JSON rewritten by `change` (and the workbook by `also`). */
async function rewrite(
  io: MemoryIO,
  change: (defs: Json) => unknown,
  also: (wb: ExcelJS.Workbook) => void = () => {}
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(io.files.get(BOOK) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(DEFINITIONS_SHEET)!;
  let json = "";
  for (let r = 2; ws.getCell(r, 1).value; r++) json += String(ws.getCell(r, 1).value);
  const text = JSON.stringify(change(JSON.parse(json) as Json));
  for (let r = 2; r <= ws.rowCount; r++) ws.getCell(r, 1).value = null;
  for (let i = 0; i * DEFINITIONS_CHUNK < text.length; i++)
    ws.getCell(i + 2, 1).value = text.slice(i * DEFINITIONS_CHUNK, (i + 1) * DEFINITIONS_CHUNK);
  also(wb);
  io.files.set(BOOK, new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** Refreshes the book: the exit code, what it said, and whether the file was left as it was. */
async function refresh(io: MemoryIO): Promise<{ code: number; err: string; unchanged: boolean }> {
  const before = io.files.get(BOOK);
  io.err.length = 0;
  const code = await main(["refresh", BOOK], io);
  return { code, err: io.err.join(""), unchanged: io.files.get(BOOK) === before };
}

const named = (defs: Json, role: string) => defs.sheets.find((s) => s.role === role)!;

describe("refresh of a workbook whose definitions were edited", () => {
  let io: MemoryIO;
  beforeEach(async () => {
    io = memoryIo();
    expect(await main(["build", ...INPUTS, "--out", BOOK], io)).toBe(0);
  });

  test("definitions rewritten as they were still refresh (the edit itself is harmless)", async () => {
    await rewrite(io, (d) => d);
    const r = await refresh(io);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });

  test.each<[string, (d: Json) => unknown, string]>([
    ["a list", () => [], "definitions is [], not an object"],
    ["sheets not a list", (d) => ({ ...d, sheets: {} }), "definitions.sheets is {}"],
    ["a group without areas", (d) => ({ ...d, groups: [{ name: "G" }] }), "groups[0].areas"],
    ["a group that is a number", (d) => ({ ...d, groups: [1] }), "groups[0] is 1"],
    [
      "a data sheet's record as text",
      (d) => ({ ...d, sheets: d.sheets.map((s) => (s.role === "data" ? { ...s, data: "x" } : s)) }),
      "sheets[0].data",
    ],
    [
      "a column of no known role",
      (d) => {
        const data = d.sheets[0]!.data as { columns: { role: string }[] };
        data.columns[0]!.role = "boss";
        return d;
      },
      "columns[0].role",
    ],
    [
      "a role not in the list",
      (d) => ({ ...d, sheets: [...d.sheets, { name: "X", role: "boss", generated: true }] }),
      'role is "boss"',
    ],
    [
      "an extent of text",
      (d) => {
        named(d, "comparison").extent = { rows: "many", cols: 3 };
        return d;
      },
      "extent.rows",
    ],
    ["settings as text", (d) => ({ ...d, thresholds: "strict" }), "thresholds"],
    ["a setting as text", (d) => ({ ...d, thresholds: { alpha: "0.05" } }), "thresholds.alpha"],
  ])("valid JSON of the wrong shape (%s) is refused as damaged", async (_, change, where) => {
    await rewrite(io, change);
    const r = await refresh(io);
    expect(r.code).toBe(2);
    expect(r.err).toContain("the workbook's scrutiny-sheets definitions are damaged");
    expect(r.err).toContain(where);
    expect(r.err).toContain("nothing written");
    expect(r.unchanged).toBe(true);
  });

  test("JSON that does not parse is refused as damaged, not taken for a workbook we did not build", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(io.files.get(BOOK) as unknown as ArrayBuffer);
    wb.getWorksheet(DEFINITIONS_SHEET)!.getCell(2, 1).value = "{not json";
    io.files.set(BOOK, new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await refresh(io);
    expect(r.code).toBe(2);
    expect(r.err).toContain("definitions are damaged: they are not readable JSON");
    expect(r.unchanged).toBe(true);
  });

  const withNotes = (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet("My notes");
    ws.getCell("A1").value = "Questions for the panel";
    ws.getCell("A2").value = "Why did burglary rise?";
  };

  test("a user's sheet named as the generated comparison is not overwritten", async () => {
    let compare = "";
    await rewrite(
      io,
      (d) => {
        compare = named(d, "comparison").name as string;
        named(d, "comparison").name = "My notes";
        return d;
      },
      withNotes
    );
    const r = await refresh(io);
    // The comparison is found by its sheet id (on its A1) and rebuilt where it is; the
    // user's sheet, which carries none, is left as it was.
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    const after = readXlsxSync(io.files.get(BOOK) as Uint8Array);
    expect(after.sheetValues("My notes")).toEqual([
      ["Questions for the panel"],
      ["Why did burglary rise?"],
    ]);
    expect(
      after.definitions!.sheets.filter((s) => s.role === "comparison").map((s) => s.name)
    ).toEqual([compare]);
  });

  test("a user's sheet named as a generated sheet no longer made is not deleted", async () => {
    await rewrite(
      io,
      (d) => ({
        ...d,
        sheets: [
          ...d.sheets,
          { name: "My notes", role: "trend", generated: true, area: "Nowhere", family: "offences" },
        ],
      }),
      withNotes
    );
    const r = await refresh(io);
    expect(r.code).toBe(2);
    expect(r.err).toContain("“My notes”");
    expect(r.err).toContain("a trend sheet");
    expect(r.unchanged).toBe(true);
  });

  test("Checks pointed at a data sheet does not overwrite the data sheet", async () => {
    let dataSheet = "";
    await rewrite(io, (d) => {
      dataSheet = named(d, "data").name as string;
      named(d, "checks").name = dataSheet;
      return d;
    });
    const r = await refresh(io);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`“${dataSheet}”`);
    expect(r.err).toContain("the Checks sheet");
    expect(r.err).toContain("a data sheet");
    expect(r.unchanged).toBe(true);
  });

  test("Checks pointed at the comparison (a generated sheet of another role) is refused too", async () => {
    await rewrite(io, (d) => {
      const compare = named(d, "comparison");
      named(d, "checks").name = compare.name;
      d.sheets = d.sheets.filter((s) => s !== compare);
      return d;
    });
    const r = await refresh(io);
    expect(r.code).toBe(2);
    expect(r.err).toContain("the Checks sheet");
    expect(r.unchanged).toBe(true);
  });
});
