// Formula injection: whatever text a paste holds is written as text. Strings that start
// with "=", "+", "-", "@", a tab or a carriage return (the OWASP CSV-injection list), and
// strings Excel would read as numbers, dates or booleans, read back exactly as pasted,
// and no cell holds a formula the layout did not write. Negative numbers stay numbers.
// The double reads typed values as Excel does, so a writer that forgot to protect text
// would fail here.
import fc from "fast-check";
import { FakeExcel } from "../../doubles/fakeExcel";
import { OfficeJsClient } from "../../doubles/officeJsClient";
import { applyWorkbookSpec } from "../../../src/writers/officejs/applyWorkbookSpec";
import type { CellSpec, WorkbookSpec } from "../../../src/layout/spec";
import { assertWorkbookMatchesSpec } from "../layoutContract";
import { viewFakeWorkbook } from "./viewFakeWorkbook";
import { importSpec, mertonAugust } from "./scenarios";
import { HOSTILE } from "./hostile";

const write = (excel: FakeExcel, spec: WorkbookSpec) =>
  new OfficeJsClient(excel).run((ctx) => applyWorkbookSpec(ctx, spec));

function sheetOf(cells: (CellSpec | null)[][]): WorkbookSpec {
  return {
    sheets: [
      {
        name: "Pasted",
        role: "data",
        generated: false,
        blocks: [{ row: 0, col: 0, cells }],
        tables: [],
        conditionalFormats: [],
        charts: [],
      },
    ],
  };
}

describe("hostile text", () => {
  it("every string of the corpus reads back as the same text, and negative numbers stay numbers", async () => {
    const cells = HOSTILE.map((text, i) => [
      { text },
      { number: -(i + 1) / 4, numFmt: "0.00" },
      { formula: `B${i + 1}*2` },
    ]);
    const excel = new FakeExcel();
    await write(excel, sheetOf(cells));
    HOSTILE.forEach((text, i) => {
      expect(excel.cell("Pasted", i, 0)).toMatchObject({
        kind: "text",
        value: text,
        formula: null,
      });
      expect(excel.cell("Pasted", i, 1)).toMatchObject({ kind: "number", value: -(i + 1) / 4 });
      expect(excel.cell("Pasted", i, 2).formula).toBe(`=B${i + 1}*2`);
    });
    expect([...excel.formulas("Pasted").keys()]).toHaveLength(HOSTILE.length);
    assertWorkbookMatchesSpec(viewFakeWorkbook(excel), sheetOf(cells));
  });

  it("a pasted table whose labels and printed figures are hostile is imported with no formula but ours", async () => {
    const [offences, calls] = mertonAugust();
    offences!.rows.forEach((r, i) => {
      r.category = HOSTILE[i % HOSTILE.length]!;
      if (r.subcategory !== null && r.subcategory !== "Total")
        r.subcategory = HOSTILE[(i + 7) % HOSTILE.length]!;
    });
    offences!.rows[3]!.values.offencesCurrent = null;
    offences!.rows[3]!.raw.offencesCurrent = "=cmd|' /C calc'!A0";
    const excel = new FakeExcel();
    const { spec } = importSpec([offences!, calls!], excel.sheetNames());
    await write(excel, spec);
    // The contract fails on any formula the spec did not write.
    assertWorkbookMatchesSpec(viewFakeWorkbook(excel), spec);
    const data = spec.sheets[0]!.name;
    const texts = [...Array(200).keys()]
      .map((r) => excel.cell(data, r, 0))
      .filter((c) => c.kind === "text")
      .map((c) => c.value);
    expect(texts).toEqual(expect.arrayContaining(HOSTILE.slice(0, 10)));
  });

  it("any string at all (10,000 generated, OWASP prefixes and Excel-looking ones included) stays text", async () => {
    const prefix = fc.constantFrom(
      "",
      "=",
      "+",
      "-",
      "@",
      "\t",
      "\r",
      "'",
      "=cmd|",
      "+1",
      "-1",
      "1,",
      "2017-09-"
    );
    const text = fc
      .tuple(prefix, fc.string({ unit: "binary", maxLength: 40 }))
      .map(([p, s]) => p + s);
    const batches = fc.array(text, { minLength: 100, maxLength: 100 });
    let total = 0;
    await fc.assert(
      fc.asyncProperty(batches, async (strings) => {
        total += strings.length;
        const excel = new FakeExcel();
        await write(excel, sheetOf(strings.map((t) => [{ text: t }])));
        strings.forEach((t, i) => {
          const c = excel.cell("Pasted", i, 0);
          if (t === "") expect(c.kind).toBe("empty");
          else expect(c).toMatchObject({ kind: "text", value: t, formula: null });
        });
      }),
      { numRuns: 100, seed: 20171005 }
    );
    expect(total).toBe(10_000);
  });
});
