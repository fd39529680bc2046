// The double refuses what Excel refuses, or what Excel documents no meaning for. Each rule
// is shown against the operation the writer sent before (which the double now refuses),
// and against what the writer sends now, through Microsoft's client.
import { FakeExcel } from "./fakeExcel";
import { OfficeJsClient } from "./officeJsClient";
import { applyWorkbookSpec } from "../../src/writers/officejs/applyWorkbookSpec";
import { readWorkbookState } from "../../src/writers/officejs/readWorkbookState";
import { readRangeValues } from "../../src/writers/officejs/readRangeValues";
import { MAX_LINKS_PER_SHEET } from "../../src/writers/officejs/linksAsFormulas";
import type { SheetSpec } from "../../src/layout/spec";
import { importSpec, mertonAugust, mertonJuly } from "../writers/officejs/scenarios";

const sheet = (name: string, extra: Partial<SheetSpec> = {}): SheetSpec => ({
  name,
  role: "data",
  generated: false,
  blocks: [],
  tables: [],
  conditionalFormats: [],
  charts: [],
  ...extra,
});

describe("one value or a smaller array onto a bigger range", () => {
  it("refuses the single R1C1 string the old writer set on a filled-down column", async () => {
    const excel = new FakeExcel();
    excel.addSheet("S");
    const client = new OfficeJsClient(excel);
    const old = client.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRangeByIndexes(1, 2, 3, 1);
      (r as unknown as { formulasR1C1: string }).formulasR1C1 = "=RC[-2]*2";
      await ctx.sync();
    });
    await expect(old).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(excel.cell("S", "C2").kind).toBe("empty");
  });

  it("refuses a 1x1 array of values or formulas on three cells, but takes it for a number format", async () => {
    const excel = new FakeExcel();
    excel.addSheet("S");
    const client = new OfficeJsClient(excel);
    for (const prop of ["values", "formulas"] as const) {
      const attempt = client.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:A3")[prop] = [["=1+1"]];
        await ctx.sync();
      });
      await expect(attempt).rejects.toMatchObject({ code: "InvalidArgument" });
    }
    await client.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:A3").numberFormat = [["@"]];
      await ctx.sync();
    });
    expect(excel.cell("S", "A3").numFmt).toBe("@");
  });

  it("takes the writer's filled-down formulas, a full array per range, on the wire", async () => {
    const excel = new FakeExcel();
    const client = new OfficeJsClient(excel);
    const { spec } = importSpec(mertonAugust(), excel.sheetNames());
    await client.run((ctx) => applyWorkbookSpec(ctx, spec));
    const sets = client.requests.flatMap((r) =>
      r.body.Actions.filter((a) => a.Name === "FormulasR1C1")
    );
    expect(sets.length).toBeGreaterThan(0);
    for (const a of sets) expect(Array.isArray(a.ArgumentInfo?.Arguments?.[0])).toBe(true);
  });
});

describe("hyperlinks on a sheet", () => {
  it("refuses link 65,531 on one sheet, as the old writer would have sent", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Checks");
    const old = excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Checks");
      // In two requests, each under Excel on the web's 5 MB.
      for (let i = 0; i <= MAX_LINKS_PER_SHEET; i++) {
        ws.getRangeByIndexes(i, 0, 1, 1).hyperlink = { documentReference: "'Checks'!B1" };
        if (i === 40_000) await ctx.sync();
      }
      await ctx.sync();
    });
    await expect(old).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("writes the links past Excel's limit as HYPERLINK formulas", async () => {
    const n = MAX_LINKS_PER_SHEET + 20;
    const cells = Array.from({ length: n }, (_, i) => [
      { text: `finding ${i + 1}`, link: `'Checks'!B${i + 1}` },
    ]);
    const excel = new FakeExcel();
    excel.addSheet("Mine");
    await excel.run((ctx) =>
      applyWorkbookSpec(ctx as unknown as Excel.RequestContext, {
        sheets: [sheet("Checks", { blocks: [{ row: 0, col: 0, cells }] })],
      })
    );
    expect(excel.cell("Checks", MAX_LINKS_PER_SHEET - 1, 0).hyperlink).not.toBeNull();
    const past = excel.cell("Checks", MAX_LINKS_PER_SHEET, 0);
    expect(past.hyperlink).toBeNull();
    expect(past.formula).toBe(
      `=HYPERLINK("#'Checks'!B${MAX_LINKS_PER_SHEET + 1}","finding ${MAX_LINKS_PER_SHEET + 1}")`
    );
  });
});

describe("members above ExcelApi 1.7", () => {
  const withNote = {
    sheets: [
      sheet("Notes", { blocks: [{ row: 0, col: 0, cells: [[{ text: "x", note: "why" }]] }] }),
    ],
  };

  it("refuses Worksheet.notes (1.18) used without an isSetSupported guard, even where Excel has it", async () => {
    const excel = new FakeExcel({ excelApi: "1.18" });
    excel.addSheet("S");
    const old = excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.notes.add(ws.getRange("A1"), "why");
      await ctx.sync();
    });
    await expect(old).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  // The npm client (1.1.110) predates Worksheet.notes: notes are shown on the double alone.
  it("writes notes where isSetSupported says 1.18, and skips them quietly on 1.7", async () => {
    for (const [api, note] of [
      ["1.18", "why"],
      ["1.7", null],
    ] as const) {
      const excel = new FakeExcel({ excelApi: api });
      const isSetSupported = (v: string) => excel.requirements.isSetSupported("ExcelApi", v);
      const report = await excel.run((ctx) =>
        applyWorkbookSpec(ctx as unknown as Excel.RequestContext, withNote, {
          notes: true,
          isSetSupported,
        })
      );
      expect(excel.cell("Notes", "A1").note).toBe(note);
      expect(report.skippedNotes).toBe(note ? 0 : 1);
    }
  });
});

describe("reads past Excel's limits", () => {
  const rows = Array.from({ length: 300 }, (_, i) => [`row ${i}`, i, i * 2, i * 3]);

  it("answers values with null above the cell limit, as the old reader took whole", async () => {
    const excel = new FakeExcel({ readCellLimit: 500 });
    excel.addSheet("Big", rows);
    const values = await new OfficeJsClient(excel).run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Big").getUsedRange(true).load("values");
      await ctx.sync();
      return r.values;
    });
    expect(values).toBeNull();
  });

  it("reads such a sheet again in slices", async () => {
    const excel = new FakeExcel({ readCellLimit: 500 });
    excel.addSheet("Big", rows);
    const read = await new OfficeJsClient(excel).run((ctx) =>
      readRangeValues(ctx, ["Big"], () => ctx.sync())
    );
    expect(read.get("big")).toEqual(rows);
  });
});

describe("panes of a very hidden sheet", () => {
  it("refuses unfreeze on the very hidden definitions sheet; a rebuild no longer sends it", async () => {
    const excel = new FakeExcel();
    const client = new OfficeJsClient(excel);
    const first = importSpec(mertonJuly(), excel.sheetNames());
    await client.run((ctx) => applyWorkbookSpec(ctx, first.spec));
    const old = excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("_ScrutinyDefinitions").freezePanes.unfreeze();
      await ctx.sync();
    });
    await expect(old).rejects.toMatchObject({ code: "InvalidOperation" });

    const state = await client.run((ctx) => readWorkbookState(ctx));
    const second = importSpec(mertonAugust(), excel.sheetNames(), state.definitions!, first.refs);
    await client.run((ctx) => applyWorkbookSpec(ctx, second.spec, { previous: first.definitions }));
    expect(excel.visibility("_ScrutinyDefinitions")).toBe("VeryHidden");
  });
});

describe("text that must stay text", () => {
  const label = "=SUM(A1";

  it("does not count a text format set in the same request, as the old writer relied on", async () => {
    const excel = new FakeExcel();
    excel.addSheet("S");
    const old = new OfficeJsClient(excel).run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
      r.numberFormat = [["@"]];
      r.values = [[label]];
      await ctx.sync();
    });
    // Read as a formula, and refused for its unbalanced bracket.
    await expect(old).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("keeps it text when the format reached Excel a request earlier, as the writer sends it", async () => {
    const excel = new FakeExcel();
    const spec = {
      sheets: [
        sheet("Labels", {
          blocks: [{ row: 0, col: 0, cells: [[{ text: label }, { text: "+44 20" }]] }],
        }),
      ],
    };
    await new OfficeJsClient(excel).run((ctx) => applyWorkbookSpec(ctx, spec));
    expect(excel.cell("Labels", "A1")).toMatchObject({ kind: "text", value: label, formula: null });
    expect(excel.cell("Labels", "B1")).toMatchObject({ kind: "text", value: "+44 20" });
  });
});
