import path from "path";
import ExcelJS from "exceljs";
import { runBuild } from "../../src/cli/buildCommand";
import { runRefresh } from "../../src/cli/refreshCommand";
import { readXlsx } from "../../src/writers/xlsx/readXlsx";
import { plainValue } from "../support/excelJsValue";
import { memoryIo, type MemoryIO } from "../support/cliIo";
import { OFFENCES_DIR } from "../support/samples";

const pasted = (names: string[]) => names.map((f) => path.join(OFFENCES_DIR, f));

/** Every sheet's cells: value or formula text, number format, as a plain object. */
async function cellsOf(bytes: Uint8Array): Promise<Record<string, Record<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: Record<string, Record<string, unknown>> = {};
  wb.eachSheet((ws) => {
    const cells: Record<string, unknown> = { state: ws.state };
    ws.eachRow((row) =>
      row.eachCell((c) => {
        cells[c.address] = [c.formula ?? plainValue(c), c.numFmt ?? null];
      })
    );
    cells.conditionalFormats = JSON.stringify(
      (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length
    );
    out[ws.name] = cells;
  });
  return out;
}

async function edit(
  io: MemoryIO,
  file: string,
  change: (wb: ExcelJS.Workbook) => void
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(io.files.get(file) as unknown as ArrayBuffer);
  change(wb);
  io.files.set(file, new Uint8Array(await wb.xlsx.writeBuffer()));
}

describe("scrutiny-sheets refresh", () => {
  let io: MemoryIO;
  beforeEach(async () => {
    io = memoryIo();
    expect(
      await runBuild(
        pasted([
          "borough-a-2017-09-05.txt",
          "borough-c-2017-09-05.txt",
          "merton-2017-07-02.txt",
          "merton-2017-08-01.txt",
        ]),
        { out: "book.xlsx" },
        io
      )
    ).toBe(0);
  });

  test("an unchanged workbook refreshes to the same cells as build wrote (links to derived cells included)", async () => {
    const built = await cellsOf(io.files.get("book.xlsx") as Uint8Array);
    expect(await runRefresh("book.xlsx", {}, io)).toBe(0);
    const refreshed = await cellsOf(io.files.get("book.xlsx") as Uint8Array);
    expect(Object.keys(refreshed)).toEqual(Object.keys(built));
    const links = Object.values(built.Checks ?? {}).filter(
      (v) => Array.isArray(v) && String(v[0]).startsWith("HYPERLINK(")
    );
    expect(links.length).toBeGreaterThan(20);
    for (const name of Object.keys(built))
      expect([name, refreshed[name]]).toEqual([name, built[name]]);
  });

  test("re-reads the data sheets as corrected, never touches user sheets or user cells, and rebuilds the generated sheets", async () => {
    const book = await readXlsx(io.files.get("book.xlsx") as Uint8Array);
    const info = book.definitions!.sheets.find((s) => s.name === "Borough A 2017-09-05")!.data!;
    const cur = info.columns.findIndex((c) => c.role === "value" && c.field === "offencesCurrent");
    const victimRow = info.headerRow + 3; // 1-based row of "TNO - Victim"
    await edit(io, "book.xlsx", (wb) => {
      const data = wb.getWorksheet("Borough A 2017-09-05")!;
      expect(data.getCell(victimRow, 2).value).toBe("TNO - Victim");
      data.getCell(victimRow, cur + 1).value = 35000;
      data.getCell("A10").value = "my note on the data sheet";
      const mine = wb.addWorksheet("My notes");
      mine.getCell("B3").value = "keep me";
      mine.getCell("C4").value = {
        formula: "'Compare 2017-09-05'!C14",
      } as ExcelJS.CellFormulaValue;
      wb.getWorksheet("Checks")!.getCell("A3").value = "typed over a generated cell";
    });
    const before = await cellsOf(io.files.get("book.xlsx") as Uint8Array);

    io.out.length = 0;
    expect(await runRefresh("book.xlsx", {}, io)).toBe(0);
    expect(io.err.join("")).toBe("");
    expect(io.out.join("")).toMatch(
      /^refreshed book\.xlsx: 8 data sheet\(s\) read, 4 generated sheet\(s\) rebuilt/
    );
    const after = await cellsOf(io.files.get("book.xlsx") as Uint8Array);

    // Data sheets and user sheets are exactly as the user left them.
    for (const name of Object.keys(before).filter(
      (n) =>
        ![
          "Summary",
          "Compare 2017-09-05",
          "Trend Merton",
          "Checks",
          "_ScrutinyDefinitions",
        ].includes(n)
    )) {
      expect({ name, cells: after[name] }).toEqual({ name, cells: before[name] });
    }
    expect((after["My notes"]!.B3 as unknown[])[0]).toBe("keep me");
    expect((after["Borough A 2017-09-05"]!.A10 as unknown[])[0]).toBe("my note on the data sheet");
    // The generated Checks sheet is rebuilt and now reports the printed % change the correction contradicts.
    expect((after.Checks!.A3 as unknown[])[0]).not.toBe("typed over a generated cell");
    const checks = (await readXlsx(io.files.get("book.xlsx") as Uint8Array)).sheetValues("Checks")!;
    expect(
      checks.some(
        (r) =>
          r[2] === "change-mismatch" && r[3] === "Borough A 2017-09-05" && r[7] === "TNO - Victim"
      )
    ).toBe(true);
    // Sheet order is kept.
    expect(Object.keys(after)).toEqual(Object.keys(before));
  });

  test("running it twice gives the same workbook, cell for cell", async () => {
    expect(await runRefresh("book.xlsx", {}, io)).toBe(0);
    const once = await cellsOf(io.files.get("book.xlsx") as Uint8Array);
    expect(await runRefresh("book.xlsx", {}, io)).toBe(0);
    const twice = await cellsOf(io.files.get("book.xlsx") as Uint8Array);
    expect(twice).toEqual(once);
  });

  test("--add imports new tables as data sheets and the comparison takes them in", async () => {
    expect(await runRefresh("book.xlsx", { add: pasted(["borough-d-2017-09-05.txt"]) }, io)).toBe(
      0
    );
    const book = await readXlsx(io.files.get("book.xlsx") as Uint8Array);
    expect(book.sheetNames).toEqual(
      expect.arrayContaining(["Borough D 2017-09-05", "Borough D 2017-09-05 calls"])
    );
    const header = book.sheetValues("Compare 2017-09-05")!.find((r) => r[0] === "Category")!;
    expect(header.slice(2, 6)).toEqual([
      "Borough A",
      "Borough C",
      "Borough D",
      "All 3 areas (group)",
    ]);
    expect(book.definitions!.sheets.filter((s) => s.role === "data")).toHaveLength(10);
  });

  test("a generated sheet no longer produced is removed; a user sheet with a generated sheet's wanted name is kept", async () => {
    await edit(io, "book.xlsx", (wb) => {
      wb.removeWorksheet(wb.getWorksheet("Merton 2017-07-02")!.id);
      wb.addWorksheet("Trend Merton (2)").getCell("A1").value = "user's";
    });
    expect(await runRefresh("book.xlsx", {}, io)).toBe(0);
    expect(io.err.join("")).toMatch(/Merton 2017-07-02.? is no longer in the workbook/);
    const book = await readXlsx(io.files.get("book.xlsx") as Uint8Array);
    expect(book.sheetNames).not.toContain("Trend Merton");
    expect(book.sheetValues("Trend Merton (2)")).toEqual([["user's"]]);
    expect(book.definitions!.sheets.map((s) => s.name)).not.toContain("Merton 2017-07-02");
  });

  test("a workbook without definitions, or an unreadable added file, is refused and left unchanged", async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet("Sheet1").getCell("A1").value = 1;
    io.files.set("other.xlsx", new Uint8Array(await other.xlsx.writeBuffer()));
    expect(await runRefresh("other.xlsx", {}, io)).toBe(2);
    expect(io.err.join("")).toMatch(/other\.xlsx has no scrutiny-sheets definitions/);

    const bytes = io.files.get("book.xlsx");
    io.files.set("empty.txt", "");
    expect(await runRefresh("book.xlsx", { add: ["empty.txt"] }, io)).toBe(2);
    expect(io.err.join("")).toMatch(/empty\.txt/);
    expect(io.files.get("book.xlsx")).toBe(bytes);
  });

  test("recorded thresholds and sheets it does not know are kept as recorded", async () => {
    const book = await readXlsx(io.files.get("book.xlsx") as Uint8Array);
    const defs = book.definitions!;
    defs.thresholds.changeThreshold = 0.2;
    defs.sheets.push({ name: "Monitoring", role: "monitoring", generated: false });
    await edit(io, "book.xlsx", (wb) => {
      wb.addWorksheet("Monitoring").getCell("A1").value = "indicators";
      const ws = wb.getWorksheet("_ScrutinyDefinitions")!;
      ws.getCell("A2").value = JSON.stringify(defs);
      for (let r = 3; r <= ws.rowCount; r++) ws.getCell(r, 1).value = null;
    });
    expect(await runRefresh("book.xlsx", {}, io)).toBe(0);
    const after = (await readXlsx(io.files.get("book.xlsx") as Uint8Array)).definitions!;
    expect(after.thresholds.changeThreshold).toBe(0.2);
    expect(after.sheets).toContainEqual({
      name: "Monitoring",
      role: "monitoring",
      generated: false,
      // Given its sheet id on the refresh (a hidden name on its A1; README "Renamed sheets").
      anchor: expect.stringMatching(/^_ScrutinySheet_\d+$/),
    });
  });
});
