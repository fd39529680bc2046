// The command line with the Met's ward-level Datastore file (real extract, see
// test/fixtures/wards): a ward chosen by --area, a borough's wards compared with --group,
// and the borough-level file beside it saying how much its wards leave out.
import * as path from "path";
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as XLSX from "@e965/xlsx";
import { runBuild } from "../../src/cli/buildCommand";
import { runCheck } from "../../src/cli/checkCommand";
import { runRefresh } from "../../src/cli/refreshCommand";
import { readXlsx } from "../../src/writers/xlsx/readXlsx";
import { memoryIo, type MemoryIO } from "../support/cliIo";
import {
  DEFINITIONS_CHUNK,
  DEFINITIONS_SHEET,
  type Definitions,
} from "../../src/layout/definitions";
import { definitionsProblem } from "../../src/layout/definitionsSchema";
import { OFFENCES_DIR } from "../support/samples";

const DIR = path.join(__dirname, "../fixtures/wards");
const WARD = path.join(DIR, "mps-ward-level-crime-2024-01-to-2025-12.extract.csv");
const BOROUGH = path.join(DIR, "mps-borough-level-crime-2024-01-to-2025-12.extract.csv");

interface JsonIssue {
  rule: string;
  table: number;
  category: string;
  subcategory: string;
  reported: number;
  expected: number;
}

describe("check with a ward-level file", () => {
  it('reads one ward with --area "Forest Hill" (exit 0)', async () => {
    const io = memoryIo();
    expect(await runCheck([WARD], { area: ["Forest Hill"], json: true }, io)).toBe(0);
    const doc = JSON.parse(io.out.join(""));
    expect(doc.tables.map((t: { area: string }) => t.area)).toEqual(["Forest Hill"]);
    expect(doc.tables[0].ward).toEqual({ borough: "Lewisham", code: "E05013722" });
    const all = doc.tables[0].rows.find((r: { category: string }) => r.category === "All offences");
    expect([all.values.offencesPrevious, all.values.offencesCurrent]).toEqual([1080, 1071]);
  });

  it("refuses an unknown ward with exit 2, suggesting the closest names", async () => {
    const io = memoryIo();
    expect(await runCheck([WARD], { area: ["Sydnham"] }, io)).toBe(2);
    expect(io.err.join("")).toContain('"Sydnham" (did you mean "Sydenham"?) not in');
  });

  it("finds a ward in the ward file and its borough's gap in the borough file", async () => {
    const io = memoryIo();
    const code = await runCheck([BOROUGH, WARD], { area: ["Forest Hill"], json: true }, io);
    expect(io.err.join("")).toBe("");
    expect(code).toBe(0);
    const doc = JSON.parse(io.out.join(""));
    expect(doc.tables.map((t: { area: string }) => t.area)).toEqual(["Forest Hill"]);
    const notes: JsonIssue[] = doc.issues.filter((i: JsonIssue) => i.rule === "ward-coverage");
    const all = notes.find((i) => i.category === "All offences")!;
    // Worked out by hand: Lewisham's wards hold 28,583 of its 29,174 offences in 2025.
    expect([all.reported, all.expected]).toEqual([28583, 29174]);
  });

  it("says a borough summed from wards may be short, in the readable report", async () => {
    const io = memoryIo();
    expect(await runCheck([WARD], { area: ["Merton"] }, io)).toBe(0);
    expect(io.out.join("")).toContain("[ward-coverage] Merton's figures are the sums of its wards");
  });
});

describe("build comparing the wards of a borough", () => {
  it('makes a data sheet per ward and a comparison of the group "Lewisham wards"', async () => {
    const io = memoryIo();
    const code = await runBuild([WARD], { out: "w.xlsx", group: ["Lewisham wards"] }, io);
    expect(io.err.join("")).toBe("");
    expect(code).toBe(0);
    const book = await readXlsx(io.files.get("w.xlsx") as Uint8Array);
    // The sheet name is cut to fit Excel's 31 characters ("Compare Lewisham war 2025-12-31").
    const compare = book.sheetNames.find((n) => n.startsWith("Compare Lewisham"))!;
    expect(compare).toBeDefined();
    const header = book.sheetValues(compare)!.find((r) => r[0] === "Category")!;
    expect(header).toEqual(expect.arrayContaining(["Forest Hill", "Sydenham", "Telegraph Hill"]));
  });
});

describe("refresh keeps what the wards leave out", () => {
  /** The Checks sheet's ward-coverage rows, each as its cells. */
  async function coverageRows(bytes: Uint8Array): Promise<unknown[][]> {
    const checks = (await readXlsx(bytes)).sheetValues("Checks")!;
    return checks.filter((r) => r.includes("ward-coverage"));
  }

  /** Lewisham and Merton from both files: the borough files' tables carry the coverage. */
  async function buildBoth(): Promise<MemoryIO> {
    const io = memoryIo();
    const code = await runBuild(
      [BOROUGH, WARD],
      { out: "b.xlsx", area: ["Lewisham", "Merton"] },
      io
    );
    expect(io.err.join("")).toBe("");
    expect(code).toBe(0);
    return io;
  }

  /** Rewrites the workbook's definitions (as a hand edit, or an older version, leaves them). */
  async function editDefinitions(io: MemoryIO, change: (d: Definitions) => void): Promise<void> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(io.files.get("b.xlsx") as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(DEFINITIONS_SHEET)!;
    let json = "";
    for (let r = 2; ws.getCell(r, 1).value; r++) json += String(ws.getCell(r, 1).value);
    const defs = JSON.parse(json) as Definitions;
    change(defs);
    const text = JSON.stringify(defs);
    for (let r = 2; ws.getCell(r, 1).value; r++) ws.getCell(r, 1).value = null;
    for (let i = 0; i < text.length; i += DEFINITIONS_CHUNK)
      ws.getCell(2 + i / DEFINITIONS_CHUNK, 1).value = text.slice(i, i + DEFINITIONS_CHUNK);
    io.files.set("b.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
  }

  it("lists the same ward-coverage notes on Checks after a refresh as the build did", async () => {
    const io = await buildBoth();
    const built = await coverageRows(io.files.get("b.xlsx") as Uint8Array);
    // Lewisham's All offences: its wards hold 28,583 of its 29,174 offences in 2025 (by hand).
    const all = built.find((r) => r.includes("Lewisham") && r.includes("All offences"))!;
    expect(all).toEqual(expect.arrayContaining([28583, 29174]));
    expect(new Set(built.map((r) => r[4]))).toEqual(new Set(["Lewisham", "Merton"]));

    // Twice: the refreshed workbook records the coverage again.
    for (const _ of [1, 2]) {
      expect(await runRefresh("b.xlsx", {}, io)).toBe(0);
      expect(io.err.join("")).toBe("");
      expect(await coverageRows(io.files.get("b.xlsx") as Uint8Array)).toEqual(built);
    }
  });

  it("refreshes a workbook that records no coverage (built before it was recorded) as before, without the notes", async () => {
    const io = await buildBoth();
    const findings = async () =>
      (await readXlsx(io.files.get("b.xlsx") as Uint8Array))
        .sheetValues("Checks")!
        .filter((r) => r[0] === "Issue" || r[0] === "Anomaly");
    const before = await findings();
    await editDefinitions(io, (d) => {
      for (const s of d.sheets) delete s.data?.wardCoverage;
    });
    expect(await runRefresh("b.xlsx", {}, io)).toBe(0);
    expect(io.err.join("")).toBe("");
    // Every other finding as the build listed it; the coverage notes only are gone.
    const others = before.filter((r) => r[2] !== "ward-coverage");
    expect(others.length).toBeLessThan(before.length);
    expect(await findings()).toEqual(others);
  });
});

describe("the ward coverage a data sheet records", () => {
  it("is a few figures a row, checked as the rest of the definitions", async () => {
    const io = memoryIo();
    expect(await runBuild([BOROUGH, WARD], { out: "b.xlsx", area: ["Merton"] }, io)).toBe(0);
    const defs = (await readXlsx(io.files.get("b.xlsx") as Uint8Array)).definitions!;
    const data = defs.sheets.filter((s) => s.data?.wardCoverage);
    expect(data.map((s) => s.data!.area)).toEqual(["Merton"]);
    const coverage = data[0]!.data!.wardCoverage!;
    expect(coverage).toMatchObject({ borough: "Merton", boroughSource: path.basename(BOROUGH) });
    const all = coverage.rows.find((r) => r[1] === "All offences")!;
    expect(all).toHaveLength(8);
    expect(all[3]).toBe(true);
    // The wards' sums are below the borough's own figures.
    expect(all[5]).toBeLessThan(all[7]);

    const damaged = JSON.parse(JSON.stringify(defs)) as Definitions;
    const row = damaged.sheets.find((s) => s.data?.wardCoverage)!.data!.wardCoverage!.rows[0]!;
    (row as unknown[])[5] = "many";
    expect(definitionsProblem(damaged)).toMatch(/\.data\.wardCoverage\.rows\[0\]\[5\] is "many"/);
  });
});

describe("a table file named after a ward", () => {
  // A real committee table that names no area itself, under a ward's name.
  const NAME = "forest-hill-2017-09-05.txt";
  const withTable = (): MemoryIO => {
    const io = memoryIo();
    io.files.set(NAME, readFileSync(path.join(OFFENCES_DIR, "borough-a-2017-09-05.txt")));
    return io;
  };

  it("check and build take the ward as its area beside the ward-level file", async () => {
    const io = withTable();
    expect(await runCheck([WARD, NAME], { json: true }, io)).toBe(0);
    const doc = JSON.parse(io.out.join(""));
    // The file's two tables come after the ward file's, in the order the files were given.
    const pasted = doc.tables.slice(-2);
    expect(pasted.map((t: { source: string }) => t.source)).toEqual([NAME, NAME]);
    expect(pasted.map((t: { area: string }) => t.area)).toEqual(["Forest Hill", "Forest Hill"]);

    expect(await runBuild([WARD, NAME], { out: "w.xlsx" }, io)).toBe(0);
    const book = await readXlsx(io.files.get("w.xlsx") as Uint8Array);
    expect(book.sheetNames).toContain("Forest Hill 2017-09-05");
  });

  it("so does a spreadsheet's", async () => {
    const io = memoryIo();
    const rows = readFileSync(path.join(OFFENCES_DIR, "borough-a-2017-09-05.txt"), "utf8")
      .split("\n")
      .map((l) => l.split("\t"));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), "Offences");
    const bytes = XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer;
    io.files.set("sydenham.xlsx", new Uint8Array(bytes));

    expect(await runCheck(["sydenham.xlsx", WARD], { json: true }, io)).toBe(0);
    const doc = JSON.parse(io.out.join(""));
    const sheet = doc.tables.filter((t: { source: string }) => t.source.startsWith("sydenham"));
    expect(sheet.map((t: { area: string }) => t.area)).toEqual(["Sydenham", "Sydenham"]);
    // The spreadsheet's tables first, as the files were given.
    expect(doc.tables[0].source).toBe("sydenham.xlsx [Offences]");

    expect(await runBuild(["sydenham.xlsx", WARD], { out: "w.xlsx" }, io)).toBe(0);
    const built = await readXlsx(io.files.get("w.xlsx") as Uint8Array);
    expect(built.sheetNames).toContain("Sydenham 2017-09-05");
  });

  it("and no area without it", async () => {
    const io = withTable();
    expect(await runCheck([NAME], { json: true }, io)).toBe(0);
    const doc = JSON.parse(io.out.join(""));
    expect(doc.tables.map((t: { area: string | null }) => t.area)).toEqual([null, null]);
  });
});
