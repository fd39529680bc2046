// Issue #17: the same table imported twice. When two data sheets hold the same kind, area
// and period, the later import is the one comparisons, trends and group flags use, and
// the comparison, trend and Summary say so naming both sheets; a corrected table added
// by `refresh --add` replaces the old one in the trend. Issue #19: the pane asks first,
// so the use case tells which tables the workbook holds already and can replace them.
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { readFileSync } from "fs";
import { main } from "../../src/cli/main";
import { readPaste } from "../../src/core/read";
import type { CrimeTable } from "../../src/core/model";
import { readXlsx } from "../../src/writers/xlsx/readXlsx";
import {
  buildWorkbook,
  duplicatesOf,
  importTables,
  ownedBy,
  startFrom,
  type Start,
} from "../../src/app/useCases";
import type { SheetSpec } from "../../src/layout/spec";
import { planWrites } from "../../src/writers/officejs/planWrites";
import { createOfficeHost } from "../../src/taskpane/host/officeHost";
import { planImport, snapshotOf } from "../../src/taskpane/host/importPlan";
import type { ExcelRunFunction } from "../../src/office/runExcel";
import { FakeExcel } from "../doubles/fakeExcel";
import { memoryIo } from "../support/cliIo";
import { OFFENCES_DIR, datastoreTables, sampleTables } from "../support/samples";
import { computed, describeWithLibreOffice, recalculate } from "../support/libreoffice";

const sample = (f: string) => readFileSync(path.join(OFFENCES_DIR, f), "utf8");

/** Merton's August table with Burglary's current count corrected from 1,392 to 1,302 (read under the sample's file name, which names the area). */
const CORRECTED = sample("merton-2017-08-01.txt").replace(
  "Burglary\tTotal\t\t1,482\t1,392\t-6.1%",
  "Burglary\tTotal\t\t1,482\t1,302\t-12.1%"
);

function tablesOf(text: string, source: string): CrimeTable[] {
  const r = readPaste(text, { source, fileName: source });
  if (!r.ok) throw new Error(r.error.message);
  return r.tables;
}

const corrected = tablesOf(CORRECTED, "merton-2017-08-01.txt");

/** Every cell text and formula of a sheet, joined. */
const textOf = (sheet: SheetSpec): string =>
  sheet.blocks
    .flatMap((b) => b.cells.flat())
    .map((c) => (c ? `${c.text ?? ""}${c.formula ?? ""}` : ""))
    .join("\n");

const sheetOf = (sheets: SheetSpec[], role: SheetSpec["role"]): SheetSpec => {
  const s = sheets.find((x) => x.role === role);
  if (!s) throw new Error(`no ${role} sheet`);
  return s;
};

describe("borough C's table pasted as text and again copied from the PDF", () => {
  // The same published table twice: the .txt sample, then its PDF copy.
  const tables = [
    ...sampleTables("borough-a-2017-09-05.txt"),
    ...sampleTables("borough-c-2017-09-05.txt"),
    ...sampleTables("borough-d-2017-09-05.txt"),
    ...sampleTables("borough-c-2017-09-05.pdf-copy.txt"),
  ];
  const plan = buildWorkbook(tables, [], undefined, "2026-12-03");
  const data = plan.definitions.sheets.filter((d) => d.role === "data").map((d) => d.name);
  const compare = sheetOf(plan.spec.sheets, "comparison");

  test("both are data sheets, the second under its own name", () => {
    // Each paper holds its offences table and its calls table.
    expect(data).toEqual([
      "Borough A 2017-09-05",
      "Borough A 2017-09-05 calls",
      "Borough C 2017-09-05",
      "Borough C 2017-09-05 calls",
      "Borough D 2017-09-05",
      "Borough D 2017-09-05 calls",
      "Borough C 2017-09-05 (2)",
      "Borough C 2017-09-05 calls (2)",
    ]);
  });

  test("the comparison holds three areas and looks up the later import", () => {
    const text = textOf(compare);
    expect(text).toContain("Areas: Borough A, Borough D, Borough C.");
    expect(text).toContain("'Borough C 2017-09-05 (2)'!");
    expect(text).not.toMatch(/'Borough C 2017-09-05'!/);
  });

  test("the comparison, the Summary and the warnings name both sheets", () => {
    const sentence =
      "“Borough C 2017-09-05 (2)” and “Borough C 2017-09-05” hold the same table for Borough C, period ending 2017-09-05: " +
      "the later import, “Borough C 2017-09-05 (2)”, is used; “Borough C 2017-09-05” is left out of comparisons and trends.";
    expect(textOf(compare)).toContain(sentence);
    expect(textOf(sheetOf(plan.spec.sheets, "summary"))).toContain(sentence);
    expect(plan.warnings).toEqual([
      sentence,
      sentence.replace(/2017-09-05( \(2\))?”/g, "2017-09-05 calls$1”"),
    ]);
  });

  test("group flags point at the later import, never at the one left out", () => {
    const checks = sheetOf(plan.spec.sheets, "checks");
    // Kind, severity, rule, sheet, area: the first columns of each finding.
    const rows = checks.blocks.flatMap((b) => b.cells).map((r) => r.map((c) => c?.text ?? ""));
    const groupSheets = (area: string) =>
      new Set(rows.filter((r) => /^group-outlier/.test(r[2]!) && r[4] === area).map((r) => r[3]));
    expect(groupSheets("Borough C")).toEqual(new Set(["Borough C 2017-09-05 (2)"]));
    expect(groupSheets("Borough A")).toEqual(new Set(["Borough A 2017-09-05"]));
    // Each data sheet's own flags stay listed against it, the earlier one's too.
    const own = rows.filter((r) => r[2] === "significant-increase").map((r) => r[3]);
    expect(own).toContain("Borough C 2017-09-05");
    expect(own).toContain("Borough C 2017-09-05 (2)");
  });

  test("the Summary's headlines tell each change once, from the later import", () => {
    const summary = sheetOf(plan.spec.sheets, "summary");
    const sentences = summary.blocks
      .flatMap((b) => b.cells)
      .filter((r) => r[0]?.text === "Concern" || r[0]?.text === "Improvement")
      .map((r) => r[1]?.text ?? "");
    expect(sentences.some((t) => t.startsWith("Borough C"))).toBe(true);
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  test("a workbook without a second table says nothing of one", () => {
    const once = buildWorkbook(tables.slice(0, 3), [], undefined, "2026-12-03");
    expect(once.warnings).toEqual([]);
    expect(textOf(sheetOf(once.spec.sheets, "comparison"))).not.toContain(
      "left out of comparisons"
    );
  });
});

describe("a corrected Merton table added by refresh --add", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "scrutiny-same-table-"));
    writeFileSync(path.join(dir, "merton-2017-08-01.txt"), CORRECTED);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function builtAndRefreshed() {
    const io = memoryIo();
    const book = path.join(dir, "book.xlsx");
    const inputs = ["merton-2017-07-02.txt", "merton-2017-08-01.txt"].map((f) =>
      path.join(OFFENCES_DIR, f)
    );
    expect(await main(["build", ...inputs, "--out", book], io)).toBe(0);
    const refreshed = await main(
      ["refresh", book, "--add", path.join(dir, "merton-2017-08-01.txt")],
      io
    );
    return { io, book, refreshed };
  }

  test("the refresh says which sheet the trend now uses", async () => {
    const { io, refreshed } = await builtAndRefreshed();
    expect(refreshed).toBe(0);
    expect(io.err.join("")).toContain(
      "refresh: “Merton 2017-08-01 (2)” and “Merton 2017-08-01” hold the same table for Merton, period ending 2017-08-01: " +
        "the later import, “Merton 2017-08-01 (2)”, is used"
    );
  });

  test("the trend looks the August figures up in the corrected sheet, and says so", async () => {
    const { io, book } = await builtAndRefreshed();
    const xlsx = await readXlsx(io.files.get(book) as Uint8Array);
    const plan = importTables(startFrom(xlsx, "2026-12-03"), [], startFrom(xlsx, "").settings).plan;
    const trend = sheetOf(plan.spec.sheets, "trend");
    const text = textOf(trend);
    expect(text).toContain("'Merton 2017-08-01 (2)'!");
    expect(text).not.toMatch(/'Merton 2017-08-01'!/);
    expect(text).toContain("“Merton 2017-08-01” is left out of comparisons and trends.");
    expect(textOf(sheetOf(plan.spec.sheets, "summary"))).toContain(
      "“Merton 2017-08-01 (2)” and “Merton 2017-08-01”"
    );
  });
});

describeWithLibreOffice("the refreshed trend, recalculated by LibreOffice", () => {
  test("shows Burglary's corrected count for August, and the old one for July", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "scrutiny-same-table-lo-"));
    try {
      writeFileSync(path.join(dir, "merton-2017-08-01.txt"), CORRECTED);
      const book = path.join(dir, "book.xlsx");
      const io = memoryIo();
      const inputs = ["merton-2017-07-02.txt", "merton-2017-08-01.txt"].map((f) =>
        path.join(OFFENCES_DIR, f)
      );
      expect(await main(["build", ...inputs, "--out", book], io)).toBe(0);
      expect(
        await main(["refresh", book, "--add", path.join(dir, "merton-2017-08-01.txt")], io)
      ).toBe(0);
      writeFileSync(book, io.files.get(book) as Uint8Array);
      const wb = await recalculate(book);
      const trend = wb.worksheets.find((w) => w.name.startsWith("Trend"))!;
      // The section of current offences: the Burglary Total row's two period columns.
      let found: unknown[] | null = null;
      let inCurrent = false;
      trend.eachRow((row) => {
        const first = computed(row.getCell(1));
        if (typeof first === "string" && /^Offences, current R12/i.test(first)) inCurrent = true;
        else if (typeof first === "string" && /^Offences|^SD|^%/i.test(first) && inCurrent && found)
          inCurrent = false;
        if (inCurrent && !found && first === "Burglary")
          found = [computed(row.getCell(3)), computed(row.getCell(4))];
      });
      expect(found).toEqual([1382, 1302]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** What Excel reports of the Merton workbook: its sheets, and the tables on the two rebuilt. */
function excelFacts(book: { sheetNames: string[]; tableNames: string[] }) {
  return {
    sheets: book.sheetNames.map((name) => ({ name, visibility: "Visible" })),
    tableNames: book.tableNames,
    onSheet: new Map([
      ["merton 2017-08-01", { tables: ["Data_Merton_2017_08_01_offences"], charts: [] }],
      ["checks", { tables: ["Scrutiny_Checks"], charts: [] }],
    ]),
  };
}

describe("asking before importing a table the workbook holds (the pane's question)", () => {
  async function merton(): Promise<Start> {
    const io = memoryIo();
    const inputs = ["merton-2017-07-02.txt", "merton-2017-08-01.txt"].map((f) =>
      path.join(OFFENCES_DIR, f)
    );
    expect(await main(["build", ...inputs, "--out", "book.xlsx"], io)).toBe(0);
    return startFrom(await readXlsx(io.files.get("book.xlsx") as Uint8Array), "2026-12-03");
  }

  test("a table of the same area and period is found, with the sheet that holds it", async () => {
    const start = await merton();
    expect(duplicatesOf(start, corrected)).toEqual([
      {
        table: 0,
        title: "Offences & SDs",
        area: "Merton",
        periodEnding: "2017-08-01",
        sheet: "Merton 2017-08-01",
      },
      {
        table: 1,
        title: "I & S Calls and ASB",
        area: "Merton",
        periodEnding: "2017-08-01",
        sheet: "Merton 2017-08-01 calls",
      },
    ]);
    expect(duplicatesOf(start, sampleTables("borough-a-2017-09-05.txt"))).toEqual([]);
  });

  test("replace rebuilds the data sheet under its name: no second sheet, the trend unchanged in its references", async () => {
    const start = await merton();
    const { plan, sheets } = importTables(start, corrected, start.settings, "replace");
    expect(plan.replaced).toEqual(["Merton 2017-08-01", "Merton 2017-08-01 calls"]);
    expect(
      plan.definitions.sheets
        .filter((d) => d.role === "data")
        .map((d) => d.name)
        .sort()
    ).toEqual([
      "Merton 2017-07-02",
      "Merton 2017-07-02 calls",
      "Merton 2017-08-01",
      "Merton 2017-08-01 calls",
    ]);
    const data = plan.spec.sheets.filter((s) => s.role === "data");
    expect(data.map((s) => s.name)).toEqual(["Merton 2017-08-01", "Merton 2017-08-01 calls"]);
    expect(JSON.stringify(data[0]!.blocks)).toContain('"number":1302');
    expect(sheets[0]).toBe("Merton 2017-08-01");
    expect(plan.warnings).toEqual([]);
    expect(ownedBy(plan)).toContain("Merton 2017-08-01");
  });

  test("Excel's writer accepts the rebuilt data sheet as ours, and only when the plan says so", async () => {
    const start = await merton();
    const facts = excelFacts(start.book);
    const { plan } = importTables(start, corrected, start.settings, "replace");
    const writes = planWrites(plan.spec, facts, {
      previous: start.book.definitions,
      ownedSheets: ownedBy(plan),
    });
    expect(writes.rebuilt).toContain("Merton 2017-08-01");
    expect(() =>
      planWrites(plan.spec, facts, { previous: start.book.definitions, ownedSheets: [] })
    ).toThrow(/Merton 2017-08-01/);
  });

  test("a large paste, planned in the reader, replaces the sheet as the pane asked", async () => {
    const start = await merton();
    const facts = excelFacts(start.book);
    const request = {
      book: snapshotOf(start.book),
      facts,
      area: "Merton",
      period: "",
      settings: start.settings,
      importedOn: "2026-12-03",
    };
    const replaced = planImport(corrected, { ...request, duplicates: "replace" }).planned;
    expect(replaced.sheets.slice(0, 2)).toEqual(["Merton 2017-08-01", "Merton 2017-08-01 calls"]);
    expect(replaced.owned).toEqual(
      expect.arrayContaining(["Merton 2017-08-01", "Merton 2017-08-01 calls"])
    );
    const kept = planImport(corrected, request).planned;
    expect(kept.sheets[0]).toBe("Merton 2017-08-01 (2)");
  });

  test("keep both adds a second sheet, which comparisons and trends use", async () => {
    const start = await merton();
    const { plan, sheets } = importTables(start, corrected, start.settings, "keep");
    expect(plan.replaced).toEqual([]);
    expect(sheets[0]).toBe("Merton 2017-08-01 (2)");
    expect(textOf(sheetOf(plan.spec.sheets, "trend"))).toContain("'Merton 2017-08-01 (2)'!");
  });

  test("a replacement naming a sheet the workbook does not record as data is imported as a new table", async () => {
    const start = await merton();
    const plan = importTables(
      { ...start, replacing: [{ sheet: "Summary", table: corrected[0]! }] },
      [],
      start.settings
    ).plan;
    expect(plan.replaced).toEqual([]);
    expect(plan.definitions.sheets.some((d) => d.role === "summary" && d.generated)).toBe(true);
  });

  test("in the browser's session, a table imported earlier is replaced by the new one", () => {
    const session: Start = {
      ...startFrom(
        { sheetNames: [], tableNames: [], definitions: null, sheetValues: () => null },
        "2026-12-03"
      ),
      tables: sampleTables("merton-2017-08-01.txt"),
    };
    expect(duplicatesOf(session, corrected).map((d) => [d.table, d.sheet])).toEqual([
      [0, null],
      [1, null],
    ]);
    const { next, plan } = importTables(session, corrected, session.settings, "replace");
    expect(next.tables).toEqual(corrected);
    expect(plan.definitions.sheets.filter((d) => d.role === "data").map((d) => d.name)).toEqual([
      "Merton 2017-08-01",
      "Merton 2017-08-01 calls",
    ]);
  });
});

describe("replacing a data sheet in Excel (the Excel double)", () => {
  test("the corrected table is written over the sheet of the same name, with no second sheet to leave out", async () => {
    const excel = new FakeExcel();
    const host = createOfficeHost(
      excel.run.bind(excel) as unknown as ExcelRunFunction,
      () => "2026-12-03"
    );
    const importFile = async (tables: CrimeTable[], duplicates?: "replace" | "keep") =>
      host.importTables(tables, [], [], await host.readSettings(), { duplicates });
    await importFile(sampleTables("merton-2017-07-02.txt"));
    await importFile(sampleTables("merton-2017-08-01.txt"));
    expect(await host.duplicatesOf!(corrected)).toHaveLength(2);
    const report = await importFile(corrected, "replace");
    expect(report.sheets.slice(0, 2)).toEqual(["Merton 2017-08-01", "Merton 2017-08-01 calls"]);
    expect(excel.sheetNames().filter((n) => n.includes("(2)"))).toEqual([]);
    expect(report.warnings ?? []).toEqual([]);
    // Burglary's Total row holds the corrected count where the old one stood.
    const values = (sheet: string) => {
      const out: unknown[] = [];
      for (let r = 0; r < 60; r++)
        for (let c = 0; c < 12; c++) out.push(excel.cell(sheet, r, c).value);
      return out;
    };
    expect(values("Merton 2017-08-01")).toContain(1302);
    expect(values("Merton 2017-08-01")).not.toContain(1392);
    expect(excel.problems).toEqual([]);
  }, 60_000);
});

describe("the London Datastore's file imported twice", () => {
  const once = datastoreTables({ areas: ["Merton", "Sutton"] });
  const plan = buildWorkbook(
    [...once, ...datastoreTables({ areas: ["Merton", "Sutton"] })],
    [],
    undefined,
    "2026-12-03"
  );
  const data = plan.definitions.sheets.filter((d) => d.role === "data").map((d) => d.name);

  test("the comparison and each area's monthly trend name the sheets left out", () => {
    expect(data).toHaveLength(4);
    const [first, , again] = data;
    const sentence = `“${again}” and “${first}” hold the same table for Merton`;
    const compare = sheetOf(plan.spec.sheets, "comparison");
    expect(textOf(compare)).toContain(sentence);
    expect(textOf(compare)).toContain(`'${again}'!`);
    expect(textOf(compare)).not.toContain(`'${first}'!`);
    const monthly = plan.spec.sheets.filter(
      (s) => s.role === "trend" && s.name.startsWith("Monthly")
    );
    expect(monthly.map((s) => s.name)).toEqual(["Monthly Merton", "Monthly Sutton"]);
    expect(textOf(monthly[0]!)).toContain(sentence);
    expect(textOf(monthly[1]!)).not.toContain("Merton");
  });
});
