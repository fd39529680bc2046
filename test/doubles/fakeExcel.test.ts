// The double must enforce Office.js semantics; these tests pin each one, so a writer
// that passes against it cannot rely on behaviour Excel does not have.

import { FakeExcel, FakeOfficeError } from "./fakeExcel";

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    return (e as FakeOfficeError).code;
  }
  return "no error";
};

describe("proxies and sync", () => {
  it("throws PropertyNotLoaded until load and sync, then returns the loaded value", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Data", [["Area", 12]]);
    await excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:B1");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values,address");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(range.values).toEqual([["Area", 12]]);
      expect(range.address).toBe("Data!A1:B1");
    });
  });

  it("applies queued writes only on sync, in order, and counts syncs", async () => {
    const excel = new FakeExcel();
    const before = excel.syncCount;
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("New");
      ws.getRange("A1").values = [["x"]];
      expect(excel.hasSheet("New")).toBe(false);
      await ctx.sync();
      expect(excel.hasSheet("New")).toBe(true);
      expect(excel.cell("New", "A1").value).toBe("x");
    });
    expect(excel.syncCount - before).toBe(1);
  });

  it("sends what is still queued when the batch function resolves, as Excel.run does", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.add("Late");
    });
    expect(excel.hasSheet("Late")).toBe(true);
    expect(excel.syncCount).toBe(1);
  });

  it("rejects a context used after its run has finished", async () => {
    const excel = new FakeExcel();
    let saved: ReturnType<FakeExcel["createContext"]> | null = null;
    await excel.run(async (ctx) => {
      saved = ctx;
    });
    expect(() => saved?.workbook.worksheets.add("X")).toThrow(
      expect.objectContaining({ code: "InvalidRequestContext" })
    );
  });

  it("loads collection items with nested paths", async () => {
    const excel = new FakeExcel();
    excel.addSheet("A", [
      ["h1", "h2"],
      [1, 2],
    ]);
    excel.addSheet("B");
    excel.addTable("A", "A1:B2", "Tbl");
    await excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name,items/visibility");
      const tables = ctx.workbook.tables.load("items/name,items/worksheet/name");
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["A", "B"]);
      expect(sheets.items[0]?.visibility).toBe("Visible");
      expect(() => sheets.items[0]?.position).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" })
      );
      expect(tables.items.map((t) => [t.name, t.worksheet.name])).toEqual([["Tbl", "A"]]);
    });
  });

  it("tells a null object after sync, and refuses to write through one", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Here");
    await excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("missing");
      const here = ctx.workbook.worksheets.getItemOrNullObject("HERE");
      expect(() => missing.isNullObject).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" })
      );
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(here.isNullObject).toBe(false);
      missing.getRange("A1").values = [[1]];
      expect(await codeOf(ctx.sync())).toBe("ItemNotFound");
    });
  });
});

describe("request size", () => {
  it("fails a request over the 5 MB limit whole, applying nothing", async () => {
    const excel = new FakeExcel();
    const big = Array.from({ length: 150000 }, (_, i) => [
      `row ${i} with some padding text`,
      i,
      i * 2,
      "more text here",
    ]);
    const code = await codeOf(
      excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.add("Big");
        ws.getRangeByIndexes(0, 0, big.length, 4).values = big;
        await ctx.sync();
      })
    );
    expect(code).toBe("RequestPayloadSizeLimitExceeded");
    expect(excel.hasSheet("Big")).toBe(false);
    expect(excel.requests.at(-1)?.bytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  it("measures each request and records whether calculation was suspended", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      ctx.application.suspendApiCalculationUntilNextSync();
      ctx.workbook.worksheets.add("S").getRange("A1:B1").values = [["a", 1]];
      await ctx.sync();
    });
    const r = excel.requests.at(-1);
    expect(r?.suspendedCalculation).toBe(true);
    expect(r?.writes).toBe(3);
    expect(r?.bytes).toBeGreaterThan(20);
  });
});

describe("Excel's checks", () => {
  it.each([
    ["a/b", "InvalidArgument"],
    ["x".repeat(32), "InvalidArgument"],
    ["[x]", "InvalidArgument"],
    ["'quoted", "InvalidArgument"],
    ["history", "InvalidArgument"],
    ["data", "ItemAlreadyExists"],
  ])("adding a sheet named %j fails with %s", async (name, code) => {
    const excel = new FakeExcel();
    excel.addSheet("Data");
    expect(
      await codeOf(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.add(name);
          await ctx.sync();
        })
      )
    ).toBe(code);
  });

  it("accepts a 31-character name with spaces and punctuation Excel allows", async () => {
    const excel = new FakeExcel();
    const name = "Merton 2017-09-05 (R12) & more!";
    expect(name.length).toBe(31);
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.add(name);
      await ctx.sync();
    });
    expect(excel.hasSheet(name)).toBe(true);
  });

  it("refuses a table that overlaps another table", async () => {
    const excel = new FakeExcel();
    excel.addSheet("T", [
      ["a", "b", "c"],
      [1, 2, 3],
      [4, 5, 6],
    ]);
    excel.addTable("T", "A1:B3", "First");
    expect(
      await codeOf(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("T").tables.add("B1:C3", true);
          await ctx.sync();
        })
      )
    ).toBe("InvalidArgument");
    expect(excel.tables().map((t) => t.name)).toEqual(["First"]);
  });

  it("refuses a duplicate table name ignoring case and makes headers unique text", async () => {
    const excel = new FakeExcel();
    excel.addSheet("T", [
      ["a", "b"],
      [1, 2],
    ]);
    excel.addTable("T", "A1:B2", "Sales");
    excel.addSheet("U", [
      ["x", "x", null, 7],
      [1, 2, 3, 4],
    ]);
    await excel.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem("U").tables.add("A1:D2", true);
      await ctx.sync();
      t.name = "SALES";
      expect(await codeOf(ctx.sync())).toBe("ItemAlreadyExists");
    });
    expect(["A1", "B1", "C1", "D1"].map((a) => excel.cell("U", a).value)).toEqual([
      "x",
      "x2",
      "Column3",
      "7",
    ]);
  });

  it("will not hide or delete the last visible sheet", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Only");
    expect(
      await codeOf(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Only").visibility = "VeryHidden";
          await ctx.sync();
        })
      )
    ).toBe("InvalidOperation");
    expect(
      await codeOf(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Only").delete();
          await ctx.sync();
        })
      )
    ).toBe("InvalidOperation");
  });

  it("rejects a 2-D array that does not match the range", async () => {
    const excel = new FakeExcel();
    expect(
      await codeOf(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:B2").values = [[1, 2]];
          await ctx.sync();
        })
      )
    ).toBe("InvalidArgument");
  });
});

describe("values typed as Excel reads them", () => {
  const write = async (input: unknown, numFmt?: string): Promise<ReturnType<FakeExcel["cell"]>> => {
    const excel = new FakeExcel();
    excel.addSheet("S");
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
      // The format in a request of its own: one set in the same request is not counted.
      if (numFmt) {
        r.numberFormat = [[numFmt]];
        await ctx.sync();
      }
      r.values = [[input]];
      await ctx.sync();
    });
    return excel.cell("S", "A1");
  };

  it.each([
    ["=1+1", "=1+1"],
    ["=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0"],
    ["+A1", "=+A1"],
    ["-A1+2", "=-A1+2"],
    ["@SUM(A1:A2)", "=SUM(A1:A2)"],
  ])("a string %j becomes the formula %j", async (input, formula) => {
    expect((await write(input)).formula).toBe(formula);
  });

  it.each([
    ["-1", -1],
    ["+1", 1],
    ["1,234", 1234],
    ["12.5%", 0.125],
    ["(5)", -5],
    ["2017-09-05", 42983],
  ])("a string %j becomes the number %j", async (input, value) => {
    const c = await write(input);
    expect(c.kind).toBe("number");
    expect(c.value).toBeCloseTo(value as number, 12);
  });

  it.each(["=1+1", "-1", "2017-09-05", "@SUM(A1)", "TRUE", "#N/A", "12%"])(
    "in a cell formatted as text, %j stays text",
    async (input) => {
      const c = await write(input, "@");
      expect(c).toMatchObject({ kind: "text", value: input, formula: null });
    }
  );

  it("keeps text after a leading apostrophe and drops the apostrophe", async () => {
    expect(await write("'=1+1")).toMatchObject({ kind: "text", value: "=1+1", quotePrefix: true });
  });

  it("keeps tab- and CR-led strings as text, and numbers as numbers even in text cells", async () => {
    expect(await write("\t=1+1")).toMatchObject({ kind: "text", value: "\t=1+1" });
    expect(await write("\r=1+1")).toMatchObject({ kind: "text", value: "\r=1+1" });
    expect(await write(-3.5, "@")).toMatchObject({ kind: "number", value: -3.5 });
  });

  it("sends numbers through JSON: NaN arrives as null, which Office.js gives no meaning and the double refuses", async () => {
    await expect(write(Number.NaN)).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("reads one R1C1 formula in each cell of a range relative to that cell", async () => {
    const excel = new FakeExcel();
    excel.addSheet("S");
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("C2:C4");
      const f = "=RC[-2]*R1C2+SUM(R[-1]C:R[-1]C[1])+COUNT(C1:C1)";
      r.formulasR1C1 = [[f], [f], [f]];
      await ctx.sync();
    });
    expect(excel.cell("S", "C2").formula).toBe("=A2*$B$1+SUM(C1:D1)+COUNT($A:$A)");
    expect(excel.cell("S", "C4").formula).toBe("=A4*$B$1+SUM(C3:D3)+COUNT($A:$A)");
  });

  it("rejects formulas with unbalanced brackets or quotes", async () => {
    await expect(write("=SUM(A1")).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("records a formula that names a sheet that does not exist", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange("A1").formulas = [["='No such'!A1"]];
      await ctx.sync();
    });
    expect(excel.problems).toHaveLength(1);
  });
});

describe("failures", () => {
  it("fails the n-th sync after some operations, keeping what ran (no rollback)", async () => {
    const excel = new FakeExcel();
    excel.failSync(1, { afterOperations: 2 });
    const code = await codeOf(
      excel.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.add("One");
        sheets.add("Two");
        sheets.add("Three");
        await ctx.sync();
      })
    );
    expect(code).toBe("GeneralException");
    expect(excel.sheetNames()).toEqual(["Sheet1", "One", "Two"]);
  });

  it("fails requests while the user edits a cell, unless the run asked to wait", async () => {
    const excel = new FakeExcel();
    excel.enterCellEditMode(1);
    expect(
      await codeOf(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.add("X");
          await ctx.sync();
        })
      )
    ).toBe("InvalidOperationInCellEditMode");
    excel.enterCellEditMode(1);
    await excel.run({ delayForCellEdit: true }, async (ctx) => {
      ctx.workbook.worksheets.add("Y");
      await ctx.sync();
    });
    expect(excel.sheetNames()).toEqual(["Sheet1", "Y"]);
  });
});

describe("conditional formats, charts, freeze panes", () => {
  it("stores custom rules with their formats and priorities", async () => {
    const excel = new FakeExcel();
    excel.addSheet("S", [[1], [2]]);
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:A2");
      const a = r.conditionalFormats.add("Custom");
      a.custom.rule.formula = "=A1>1";
      a.custom.format.fill.color = "#FFC7CE";
      a.priority = 0;
      const b = r.conditionalFormats.add("Custom");
      b.custom.rule.formula = "=A1<0";
      b.priority = 1;
      await ctx.sync();
    });
    expect(excel.conditionalFormats("S").map((c) => [c.rule, c.fill, c.address])).toEqual([
      ["=A1>1", "#FFC7CE", "A1:A2"],
      ["=A1<0", null, "A1:A2"],
    ]);
  });

  it("builds a chart with series taken from ranges on other sheets", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Trend", [
      ["", "Jul", "Aug"],
      ["Merton", 5, 7],
    ]);
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Trend");
      const chart = ws.charts.add("Line", ws.getRange("B2:C2"), "Rows");
      chart.title.text = "Offences";
      chart.series.getItemAt(0).name = "Merton";
      chart.series.getItemAt(0).setXAxisValues(ws.getRange("B1:C1"));
      chart.setPosition("A4", "F12");
      ws.freezePanes.freezeAt(ws.getRange("A1:A1"));
      await ctx.sync();
    });
    expect(excel.charts("Trend")).toEqual([
      {
        name: "Chart 1",
        type: "Line",
        title: "Offences",
        series: [{ name: "Merton", values: "Trend!B2:C2", xValues: "Trend!B1:C1" }],
        position: { start: "A4", end: "F12" },
      },
    ]);
    expect(excel.freeze("Trend")).toEqual({ rows: 1, cols: 1 });
  });
});
