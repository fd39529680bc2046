import path from "path";
import ExcelJS from "exceljs";
import { runBuild } from "../../src/cli/buildCommand";
import { runRefresh } from "../../src/cli/refreshCommand";
import { readXlsx } from "../../src/writers/xlsx/readXlsx";
import { memoryIo } from "../support/cliIo";
import {
  OFFENCES_DIR,
  DATASTORE_2024,
  SEPTEMBER_BOROUGHS,
  MERTON_PERIODS,
} from "../support/samples";

const pasted = (names: string[]) => names.map((f) => path.join(OFFENCES_DIR, f));

describe("scrutiny-sheets build", () => {
  test("builds the main job: the September boroughs, Merton's periods and a Datastore group", async () => {
    const io = memoryIo();
    const code = await runBuild(
      [...pasted([...SEPTEMBER_BOROUGHS, ...MERTON_PERIODS]), DATASTORE_2024],
      { out: "book.xlsx", period: "2024-01", group: ["South West"] },
      io
    );
    expect(io.err.join("")).toBe("");
    expect(code).toBe(0);
    const book = await readXlsx(io.files.get("book.xlsx") as Uint8Array);
    expect(book.sheetNames).toEqual(
      expect.arrayContaining([
        "Borough A 2017-09-05",
        "Merton 2017-08-01",
        "Merton 2017-08-01 calls",
        "Merton 2024-01-31",
        "Wandsworth 2024-01-31",
        "Compare 2017-09-05",
        "Compare South West 2024-01-31",
        "Trend Merton",
        "Checks",
      ])
    );
    const defs = book.definitions!;
    expect(defs.groups).toEqual([
      {
        name: "South West",
        areas: ["Kingston upon Thames", "Merton", "Richmond upon Thames", "Wandsworth"],
      },
    ]);
    expect(defs.periods).toEqual(["2017-07-02", "2017-08-01", "2017-09-05", "2024-01-31"]);
    expect(defs.thresholds).toMatchObject({ alpha: 0.05, minBase: 20 });
    const roles = Object.fromEntries(
      defs.sheets.map((s) => [s.name, `${s.role}/${s.generated ? "generated" : "user"}`])
    );
    expect(roles).toMatchObject({
      "Merton 2017-08-01": "data/user",
      "Compare 2017-09-05": "comparison/generated",
      "Trend Merton": "trend/generated",
      Checks: "checks/generated",
    });
    expect(defs.sheets.find((s) => s.name === "Merton 2024-01-31")!.data!.source).toBe(
      "mps-borough-level-crime-2022-02-to-2024-01.csv"
    );
    expect(io.out.join("")).toMatch(
      /^wrote book\.xlsx: 16 data sheet\(s\), 2 comparison\(s\), 5 trend\(s\).*, and the Summary it opens on\n$/
    );
  });

  test("validation issues go to the Checks sheet and do not stop the build", async () => {
    const io = memoryIo();
    const bad = (await io.readFile(path.join(OFFENCES_DIR, "merton-2017-08-01.txt"))).replace(
      "11.5%",
      "19.5%"
    );
    io.files.set("bad-merton.txt", bad);
    expect(await runBuild(["bad-merton.txt"], { out: "b.xlsx", area: "Merton" }, io)).toBe(0);
    const checks = (await readXlsx(io.files.get("b.xlsx") as Uint8Array)).sheetValues("Checks")!;
    const row = checks.find((r) => r[2] === "change-mismatch" && r[7] === "TNO - State");
    expect(row).toBeDefined();
    expect(row![9]).toBe(19.5);
    expect(row![13]).toMatch(/^Merton 2017-08-01!G\d+$/);
  });

  test("nothing is written when any input is unreadable, and the message names the file", async () => {
    const io = memoryIo();
    io.files.set("empty.txt", "");
    const code = await runBuild(
      [...pasted(["merton-2017-08-01.txt"]), "empty.txt"],
      { out: "x.xlsx" },
      io
    );
    expect(code).toBe(2);
    expect(io.files.has("x.xlsx")).toBe(false);
    expect(io.err.join("")).toMatch(/empty\.txt.*nothing written/);

    const io2 = memoryIo();
    expect(
      await runBuild(
        [...pasted(["merton-2017-08-01.txt"]), "/no/such/file.txt"],
        { out: "x.xlsx" },
        io2
      )
    ).toBe(2);
    expect(io2.err.join("")).toMatch(/cannot read \/no\/such\/file\.txt/);
    expect(io2.files.has("x.xlsx")).toBe(false);
  });

  test("a Datastore period the file does not hold stops the build with the months it does hold", async () => {
    const io = memoryIo();
    expect(await runBuild([DATASTORE_2024], { out: "x.xlsx", period: "2021-01" }, io)).toBe(2);
    expect(io.err.join("")).toMatch(
      /mps-borough-level-crime-2022-02-to-2024-01\.csv.*2022-02 to 2024-01/
    );
    expect(io.files.size).toBe(0);
  });

  test("an unknown group is refused before anything is written", async () => {
    const io = memoryIo();
    expect(
      await runBuild(
        pasted(["borough-a-2017-09-05.txt", "borough-c-2017-09-05.txt"]),
        { out: "x.xlsx", group: ["Nowhere"] },
        io
      )
    ).toBe(2);
    expect(io.err.join("")).toMatch(/unknown group "Nowhere"/);
    expect(io.files.size).toBe(0);
  });

  test("a user group over pasted areas gets its own comparison", async () => {
    const io = memoryIo();
    const code = await runBuild(
      pasted(SEPTEMBER_BOROUGHS),
      { out: "g.xlsx", group: ["Pair=Borough A,Borough C"] },
      io
    );
    expect(io.err.join("")).toBe("");
    expect(code).toBe(0);
    const book = await readXlsx(io.files.get("g.xlsx") as Uint8Array);
    expect(book.sheetNames).toEqual(
      expect.arrayContaining(["Compare Pair 2017-09-05", "Compare 2017-09-05"])
    );
    const g = book.sheetValues("Compare Pair 2017-09-05")!;
    const header = g.find((r) => r[0] === "Category")!;
    expect(header.slice(2, 5)).toEqual(["Borough A", "Borough C", "Pair (group)"]);
  });
});

describe("build --monitor and refresh of the monitoring sheet", () => {
  const MONITOR = path.join(__dirname, "../../samples/monitoring/indicators-2016-17.txt");
  const MERTON = path.join(__dirname, "../../samples/offences-sds/merton-2017-08-01.txt");

  it("adds a monitoring sheet recorded in the definitions, and refresh rebuilds it from the figures typed into it", async () => {
    const io = memoryIo();
    expect(await runBuild([MERTON], { out: "m.xlsx", monitor: [MONITOR] }, io)).toBe(0);
    let book = await readXlsx(io.files.get("m.xlsx") as Uint8Array);
    const def = book.definitions!.sheets.find((s) => s.role === "monitoring")!;
    expect(def).toMatchObject({ name: "Monitoring", generated: false });
    const values = book.sheetValues("Monitoring")!;
    // The sample's six indicators, one row each (the summary and ratings are formulas).
    expect(def.monitoring!.inputs.indicators).toHaveLength(6);
    expect(values.flat()).toContain("MOPAC 7 neighbourhood crimes");
    // The analyst types the next quarter's figure into the sheet: refresh keeps it and rebuilds
    // the sheet from it, so the indicator is now reported at that quarter.
    const first = def.monitoring!.inputs.indicators[0]!;
    const q4 = first.periods[first.periods.length - 1]!;
    expect(q4.label).toBe("2016-17 Q4");
    expect(values[first.row]).not.toContain("2016-17 Q4");
    const col = q4.col;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(io.files.get("m.xlsx") as unknown as ArrayBuffer);
    wb.getWorksheet("Monitoring")!.getCell(first.actualRow + 1, col + 1).value = 4321;
    io.files.set("m.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(await runRefresh("m.xlsx", {}, io)).toBe(0);
    book = await readXlsx(io.files.get("m.xlsx") as Uint8Array);
    expect(book.sheetValues("Monitoring")![first.actualRow]![col]).toBe(4321);
    expect(book.sheetValues("Monitoring")![first.row]).toContain("2016-17 Q4");
    expect(book.definitions!.sheets.filter((s) => s.role === "monitoring")).toHaveLength(1);
  });

  it("writes nothing when the indicator file is invalid", async () => {
    const io = memoryIo();
    io.files.set(
      "bad.txt",
      new TextEncoder().encode(
        "Indicator\tPolarity\tTarget\tTolerance\t2016-17 Q1\nX\tsideways\t1\t10%\t5\n"
      )
    );
    expect(await runBuild([MERTON], { out: "m.xlsx", monitor: ["bad.txt"] }, io)).toBe(2);
    expect(io.files.has("m.xlsx")).toBe(false);
  });
});
