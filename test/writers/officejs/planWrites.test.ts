// The write plan, before any Office.js call: order, request sizes, text formats, trims.
import {
  planWrites,
  type WorkbookFacts,
  type WriteOp,
} from "../../../src/writers/officejs/planWrites";
import type { SheetSpec, WorkbookSpec } from "../../../src/layout/spec";
import { DEFINITIONS_SHEET } from "../../../src/layout/definitions";
import { importSpec, mertonAugust } from "./scenarios";

const noFacts: WorkbookFacts = {
  sheets: [{ name: "Sheet1", visibility: "Visible" }],
  tableNames: [],
  onSheet: new Map(),
};
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
const flat = (batches: WriteOp[][]): WriteOp[] => batches.flat();

describe("planWrites: sheet anchors (README “Renamed sheets”)", () => {
  const spec: WorkbookSpec = {
    sheets: [sheet("New data"), sheet("Checks", { role: "checks", generated: true })],
    sheetAnchors: [
      { name: "_ScrutinySheet_1", sheet: "Kept data" },
      { name: "_ScrutinySheet_2", sheet: "New data" },
      { name: "_ScrutinySheet_3", sheet: "Checks" },
      { name: "_ScrutinySheet_4", sheet: "Renamed" },
    ],
  };
  const facts: WorkbookFacts = {
    sheets: ["Sheet1", "Kept data", "Checks", "Renamed"].map((name) => ({
      name,
      visibility: "Visible",
    })),
    tableNames: [],
    onSheet: new Map(),
    anchors: [
      { name: "_ScrutinySheet_3", sheet: "Checks" },
      { name: "_ScrutinySheet_4", sheet: null },
      { name: "_ScrutinySheet_9", sheet: "Gone" },
    ],
  };
  const owned = { ownedSheets: ["Checks"] };
  const anchorOps = (ops: WriteOp[]) =>
    ops.flatMap((o, i) => (o.kind === "anchor" ? [[i, o.action, o.name, o.sheet]] : []));

  it("adds, moves and deletes names to match the spec: stale and kept ones first, a new sheet's with it", () => {
    const ops = flat(
      planWrites(
        spec,
        { ...facts, onSheet: new Map([["checks", { tables: [], charts: [] }]]) },
        owned
      ).batches
    );
    const created = ops.findIndex((o) => o.kind === "create" && o.sheet === "New data");
    expect(anchorOps(ops)).toEqual([
      [0, "delete", "_ScrutinySheet_9", "Gone"],
      [1, "add", "_ScrutinySheet_1", "Kept data"],
      [2, "move", "_ScrutinySheet_4", "Renamed"],
      [created + 1, "add", "_ScrutinySheet_2", "New data"],
    ]);
  });

  it("leaves names alone when the spec gives no anchors, or the workbook's were not read", () => {
    expect(anchorOps(flat(planWrites({ sheets: spec.sheets }, facts, owned).batches))).toEqual([]);
    const { anchors: _notRead, ...unread } = facts;
    expect(anchorOps(flat(planWrites(spec, unread, owned).batches))).toEqual([]);
  });
});

describe("planWrites", () => {
  it("writes user-owned sheets first, then the definitions, then the generated sheets", () => {
    const { spec } = importSpec(mertonAugust(), ["Sheet1"]);
    const plan = planWrites(spec, noFacts);
    const data = spec.sheets.filter((s) => !s.generated).map((s) => s.name);
    const generated = spec.sheets
      .filter((s) => s.generated && s.role !== "definitions")
      .map((s) => s.name);
    expect(plan.sheets).toEqual([...data, DEFINITIONS_SHEET, ...generated]);
    // Each sheet is created just before its own content.
    const order = flat(plan.batches)
      .filter((o) => o.kind === "create")
      .map((o) => o.sheet);
    expect(order).toEqual(plan.sheets);
  });

  it("formats text cells as text before any value is written to them", () => {
    const spec: WorkbookSpec = {
      sheets: [
        sheet("S", {
          blocks: [
            {
              row: 2,
              col: 1,
              cells: [
                [{ text: "=1+1" }, { number: -1, numFmt: "0.0" }],
                [{ text: "+A1" }, { formula: "C3*2" }],
              ],
            },
          ],
        }),
      ],
    };
    const ops = flat(planWrites(spec, noFacts).batches);
    const textFormat = ops.findIndex((o) => o.kind === "numberFormat" && o.format === "@");
    const firstValue = ops.findIndex((o) => o.kind === "cells" || o.kind === "formulasR1C1");
    expect(textFormat).toBeGreaterThanOrEqual(0);
    expect(textFormat).toBeLessThan(firstValue);
    expect(ops[textFormat]).toMatchObject({ rect: { row: 2, col: 1, rows: 2, cols: 1 } });
    expect(ops.find((o) => o.kind === "cells")).toMatchObject({
      formulas: [
        ["=1+1", -1],
        ["+A1", "=C3*2"],
      ],
    });
  });

  it("packs operations into requests under the budget, splitting a big block by rows only when needed", () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [
      { text: `row ${i} ${"x".repeat(30)}` },
      { number: i },
    ]);
    const spec: WorkbookSpec = {
      sheets: [sheet("Big", { blocks: [{ row: 0, col: 0, cells: rows }] })],
    };
    const small = planWrites(spec, noFacts, { maxRequestBytes: 200_000 });
    expect(small.batches.length).toBeGreaterThan(3);
    for (const b of small.batches)
      expect(b.reduce((n, o) => n + o.bytes, 0)).toBeLessThanOrEqual(200_000);
    const cells = flat(small.batches).filter(
      (o): o is Extract<WriteOp, { kind: "cells" }> => o.kind === "cells"
    );
    expect(cells.reduce((n, o) => n + o.rect.rows, 0)).toBe(20_000);
    // The text format in a request of its own, before the values (text stays text).
    const batches = planWrites(spec, noFacts).batches;
    expect(batches).toHaveLength(2);
    expect(batches[0]?.map((o) => o.kind)).toEqual(["create", "numberFormat"]);
  });

  it("writes a column of per-row formulas as one R1C1 formula", () => {
    const cells = Array.from({ length: 500 }, (_, i) => [
      { number: i },
      { number: i + 1 },
      { formula: `IF(A${i + 1}=0,"n/a",(B${i + 1}-A${i + 1})/A${i + 1})` },
    ]);
    const ops = flat(
      planWrites({ sheets: [sheet("F", { blocks: [{ row: 0, col: 0, cells }] })] }, noFacts).batches
    );
    // One array the size of the range, the same R1C1 string in every cell.
    expect(ops.filter((o) => o.kind === "formulasR1C1")).toEqual([
      expect.objectContaining({
        rect: { row: 0, col: 2, rows: 500, cols: 1 },
        formulas: Array.from({ length: 500 }, () => ['=IF(RC[-2]=0,"n/a",(RC[-1]-RC[-2])/RC[-2])']),
      }),
    ]);
    // The formula column is not sent again in the 2-D array.
    expect(ops.filter((o) => o.kind === "cells").map((o) => o.kind === "cells" && o.rect)).toEqual([
      { row: 0, col: 0, rows: 500, cols: 2 },
    ]);
  });

  it("trims conditional formats to the rows the sheet uses, moving the rule's rows with the top", () => {
    const spec: WorkbookSpec = {
      sheets: [
        sheet("C", {
          blocks: [{ row: 5, col: 0, cells: [[{ number: 1 }], [{ number: 2 }]] }],
          conditionalFormats: [
            { row: 3, col: 0, rows: 1000, cols: 1, formula: "A4>1", format: { fill: "#FFFFFF" } },
            { row: 100, col: 0, rows: 5, cols: 1, formula: "A101>1", format: { fill: "#FFFFFF" } },
          ],
        }),
      ],
    };
    const plan = planWrites(spec, noFacts);
    const cfs = flat(plan.batches).filter((o) => o.kind === "conditionalFormat");
    expect(cfs).toEqual([
      expect.objectContaining({ rect: { row: 5, col: 0, rows: 2, cols: 1 }, formula: "A6>1" }),
    ]);
    expect(plan.clippedFormats).toBe(2);
  });

  it("rebuilds an earlier generated sheet inside its recorded extent and leaves the rest to the user", () => {
    const spec: WorkbookSpec = {
      sheets: [
        sheet("Compare", {
          generated: true,
          role: "comparison",
          blocks: [{ row: 0, col: 0, cells: [[{ text: "x" }]] }],
        }),
      ],
    };
    const facts: WorkbookFacts = {
      sheets: [{ name: "compare", visibility: "Visible" }],
      tableNames: [],
      onSheet: new Map([["compare", { tables: [], charts: ["Scrutiny chart 1", "My chart"] }]]),
    };
    const previous = {
      version: 1 as const,
      areas: [],
      periods: [],
      groups: [],
      thresholds: {},
      sheets: [
        {
          name: "Compare",
          role: "comparison" as const,
          generated: true,
          extent: { rows: 40, cols: 9 },
        },
      ],
    };
    const reuse = flat(planWrites(spec, facts, { previous }).batches)[0];
    expect(reuse).toMatchObject({
      kind: "reuse",
      existing: "compare",
      clear: [{ row: 0, col: 0, rows: 40, cols: 9 }],
      deleteCharts: ["Scrutiny chart 1"],
    });
  });
  it("clears the union of the recorded extent and the new cells, not the box around both, nor under its charts", () => {
    // Was 40 rows by 9 columns; now 10 rows by 12 columns, with a chart out to column 30.
    const spec: WorkbookSpec = {
      sheets: [
        sheet("Trend", {
          generated: true,
          role: "trend",
          blocks: [
            {
              row: 0,
              col: 0,
              cells: Array.from({ length: 10 }, () => Array(12).fill({ number: 1 })),
            },
          ],
          charts: [
            {
              type: "line",
              title: "t",
              categories: "A1:A3",
              series: [{ name: "s", values: "B1:B3" }],
              row: 1,
              col: 14,
              width: 16,
              height: 60,
            },
          ],
        }),
      ],
    };
    const facts: WorkbookFacts = {
      sheets: [{ name: "Trend", visibility: "Visible" }],
      tableNames: [],
      onSheet: new Map([["trend", { tables: [], charts: ["Scrutiny chart 1"] }]]),
    };
    const previous = {
      version: 1 as const,
      areas: [],
      periods: [],
      groups: [],
      thresholds: {},
      sheets: [
        { name: "Trend", role: "trend" as const, generated: true, extent: { rows: 40, cols: 9 } },
      ],
    };
    const reuse = flat(planWrites(spec, facts, { previous }).batches)[0];
    expect(reuse).toMatchObject({
      kind: "reuse",
      clear: [
        { row: 0, col: 0, rows: 40, cols: 9 },
        { row: 0, col: 0, rows: 10, cols: 12 },
      ],
      deleteCharts: ["Scrutiny chart 1"],
    });
  });
});

describe("planWrites on a huge sheet", () => {
  it("plans 200,000 linked rows (the Checks sheet of a 20 MB paste) without overflowing the stack, filled-down formulas as one range", () => {
    const n = 200_000;
    const shared = { formula: 'IF($B2>0,"up","")', formulaRow: 1 };
    const cells = Array.from({ length: n }, (_, i) => [
      { text: `Merton!E${i + 2}`, link: `'Merton'!E${i + 2}` },
      { number: i },
      shared,
    ]);
    const plan = planWrites(
      { sheets: [sheet("Checks", { blocks: [{ row: 1, col: 0, cells }] })] },
      noFacts
    );
    const ops = flat(plan.batches);
    // Excel holds 65,530 links on a sheet: the rest are HYPERLINK formulas.
    expect(ops.filter((o) => o.kind === "link")).toHaveLength(65_530);
    const formulas = ops.flatMap((o) =>
      o.kind === "cells"
        ? o.formulas.map((r) => r[0]).filter((f) => String(f).startsWith("=HYPERLINK("))
        : []
    );
    expect(formulas).toHaveLength(n - 65_530);
    expect(formulas[0]).toBe(`=HYPERLINK("#'Merton'!E65532","Merton!E65532")`);
    const r1c1 = ops.filter((o) => o.kind === "formulasR1C1");
    expect(
      r1c1
        .map((o) => o.kind === "formulasR1C1" && o.rect.rows)
        .reduce((a, b) => Number(a) + Number(b), 0)
    ).toBe(n);
    for (const o of r1c1)
      if (o.kind === "formulasR1C1")
        expect(new Set(o.formulas.flat())).toEqual(new Set(['=IF(RC2>0,"up","")']));
    expect(plan.batches.every((b) => b.reduce((s, o) => s + o.bytes, 0) <= 4_000_000)).toBe(true);
  });
});
