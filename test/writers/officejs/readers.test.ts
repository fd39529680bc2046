// Reading the live workbook back: the definitions and data sheets a refresh needs (in a
// constant number of syncs, in the same form as the .xlsx reader gives), and a table the
// user pasted straight into a sheet ("Import selection").
import { readFileSync } from "fs";
import path from "path";
import { FakeExcel } from "../../doubles/fakeExcel";
import { OfficeJsClient } from "../../doubles/officeJsClient";
import { applyWorkbookSpec } from "../../../src/writers/officejs/applyWorkbookSpec";
import { readWorkbookState } from "../../../src/writers/officejs/readWorkbookState";
import { readSelection, selectionAsPaste } from "../../../src/writers/officejs/readSelection";
import { readDataSheet } from "../../../src/layout/dataSheet/read";
import { readPaste } from "../../../src/core/read";
import { OFFENCES_DIR } from "../../support/samples";
import { importSpec, mertonAugust } from "./scenarios";

const ctx = (c: unknown) => c as Excel.RequestContext;

describe("readWorkbookState", () => {
  it("reads names, the definitions and every data sheet in 3 syncs, and the data sheets read back as the tables", async () => {
    const excel = new FakeExcel();
    excel.addSheet("My notes", [["x"]]);
    const tables = mertonAugust();
    const { spec, definitions } = importSpec(tables, excel.sheetNames());
    await new OfficeJsClient(excel).run((c) => applyWorkbookSpec(ctx(c), spec));
    const before = excel.syncCount;
    const state = await new OfficeJsClient(excel).run((c) => readWorkbookState(ctx(c)));

    expect(state.syncs).toBe(3);
    expect(excel.syncCount - before).toBe(3);
    expect(state.sheetNames).toEqual(excel.sheetNames());
    expect(state.tableNames.sort()).toEqual(
      excel
        .tables()
        .map((t) => t.name)
        .sort()
    );
    expect(state.definitions).toEqual(definitions);
    const dataDefs = state.definitions!.sheets.filter((s) => s.data);
    expect(dataDefs).toHaveLength(2);
    dataDefs.forEach((def, i) => {
      const read = readDataSheet(state.sheetValues(def.name)!, def.data!, def.name);
      if (!read.ok) throw new Error(read.error);
      // Every figure of the pasted table comes back (readDataSheet may add blank columns such as Target).
      expect(
        read.table.rows.map((r) => ({
          category: r.category,
          subcategory: r.subcategory,
          values: r.values,
        }))
      ).toMatchObject(
        tables[i]!.rows.map((r) => ({
          category: r.category,
          subcategory: r.subcategory,
          values: r.values,
        }))
      );
      expect(read.headerRow).toBe(def.data!.headerRow);
    });
    expect(state.sheetValues("My notes")).toBeNull();
  });

  it("on a workbook without definitions takes one sync and says so", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Data", [["a"]]);
    const state = await new OfficeJsClient(excel).run((c) =>
      readWorkbookState(ctx(c), { sheets: ["data"] })
    );
    expect(state.definitions).toBeNull();
    expect(state.syncs).toBe(2);
    expect(state.sheetValues("Data")).toEqual([["a"]]);
  });

  it("reads a sheet too large for one response in slices", async () => {
    const excel = new FakeExcel({ responseLimitBytes: 60_000 });
    const rows = Array.from({ length: 5000 }, (_, i) => [`label ${i}`, i, i / 7]);
    excel.addSheet("Big", rows, "B3");
    const state = await new OfficeJsClient(excel).run((c) =>
      readWorkbookState(ctx(c), { sheets: ["Big"] })
    );
    const values = state.sheetValues("Big")!;
    expect(values).toHaveLength(5002);
    expect(values[2]).toEqual(["", "label 0", 0, 0]);
    expect(values[5001]).toEqual(["", "label 4999", 4999, 4999 / 7]);
    expect(excel.requests.every((r) => r.responseBytes <= 60_000 || r.error !== null)).toBe(true);
  });
});

describe("readSelection", () => {
  function pastedByExcel(file: string): FakeExcel {
    // Excel's own paste of tab-separated text: each cell typed, so "12,251" is a number.
    const text = readFileSync(path.join(OFFENCES_DIR, file), "utf8");
    const excel = new FakeExcel();
    excel.addSheet(
      "Sheet1",
      text.split(/\r?\n/).map((l) => l.split("\t").map((c) => (c === "" ? null : c)))
    );
    excel.select("Sheet1", "C5");
    return excel;
  }

  it("reads the used range when one cell is selected, and the paste it makes reads as the original", async () => {
    const file = "merton-2017-08-01.txt";
    const excel = pastedByExcel(file);
    const sel = await new OfficeJsClient(excel).run((c) => readSelection(ctx(c)));
    expect(sel.from).toBe("used range");
    expect(sel.syncs).toBe(2);
    const fromSheet = readPaste(selectionAsPaste(sel).text, {
      source: "selection",
      fileName: file,
    });
    const fromFile = readPaste(readFileSync(path.join(OFFENCES_DIR, file), "utf8"), {
      source: file,
      fileName: file,
    });
    if (!fromSheet.ok || !fromFile.ok) throw new Error("unreadable");
    expect(
      fromSheet.tables.map((t) => t.rows.map((r) => [r.category, r.subcategory, r.values]))
    ).toEqual(fromFile.tables.map((t) => t.rows.map((r) => [r.category, r.subcategory, r.values])));
    // Excel turned "2.2%" into 0.022 shown as 2.2%: values, formats and shown text all come back.
    const i = sel.text.findIndex((row) => row.includes("2.2%"));
    expect(i).toBeGreaterThanOrEqual(0);
    const j = sel.text[i]!.indexOf("2.2%");
    expect(sel.values[i]![j]).toBeCloseTo(0.022, 12);
    expect(sel.numberFormats[i]![j]).toBe("0.0%");
  });

  it("reads just the selection when it is a range, in slices when it is large", async () => {
    const excel = new FakeExcel({ responseLimitBytes: 200_000 });
    excel.addSheet(
      "S",
      Array.from({ length: 20_000 }, (_, i) => [i, `r${i}`, "x"])
    );
    excel.select("S", "A1:B20000");
    const sel = await new OfficeJsClient(excel).run((c) => readSelection(ctx(c)));
    expect(sel.from).toBe("selection");
    expect(sel.address).toBe("S!A1:B20000");
    expect(sel.values).toHaveLength(20_000);
    expect(sel.values[19_999]).toEqual([19_999, "r19999"]);
    expect(sel.syncs).toBeGreaterThan(2);
  });

  it("quotes cells holding tabs, line breaks or quotes as Excel's copy does", () => {
    const paste = selectionAsPaste({
      sheet: "S",
      address: "S!A1:B2",
      from: "selection",
      values: [],
      numberFormats: [],
      text: [
        ["a\tb", 'say "hi"'],
        ["", ""],
      ],
      syncs: 0,
    });
    expect(paste).toEqual({ text: '"a\tb"\t"say ""hi"""', source: "selection S!A1:B2" });
  });
});
