// The sheet writer alone: rows come out in order as chunks of bounded size, merged from
// blocks side by side, from a refreshed sheet's kept cells (the spec's cell winning) and
// from table headers; the chunks together are one valid worksheet.
import type { SheetSpec } from "../../../src/layout/spec";
import { sheetXmlChunks, type KeptCells } from "../../../src/writers/xlsx/ooxml/sheetXml";
import { StyleTable } from "../../../src/writers/xlsx/ooxml/styleTable";
import { schemaErrors } from "../../support/renderXlsx";

const sheet = (over: Partial<SheetSpec>): SheetSpec => ({
  name: "S",
  role: "data",
  generated: true,
  blocks: [],
  tables: [],
  conditionalFormats: [],
  charts: [],
  ...over,
});

const cellRefs = (xml: string): string[] =>
  [...xml.matchAll(/<c r="([A-Z]+\d+)"/g)].map((m) => m[1]!);

test("blocks side by side and kept cells merge into rows in column order, the spec's cell winning", () => {
  const keep: KeptCells = new Map([
    [0, [{ col0: 5, xml: '<c r="F1"><v>99</v></c>' }]],
    [
      1,
      [
        { col0: 0, xml: '<c r="A2"><v>1</v></c>' },
        { col0: 4, xml: '<c r="E2"><v>2</v></c>' },
      ],
    ],
    [7, [{ col0: 1, xml: '<c r="B8" t="inlineStr"><is><t>typed</t></is></c>' }]],
  ]);
  const s = sheet({
    blocks: [
      { row: 0, col: 3, cells: [[{ number: 4 }], [{ number: 5 }]] },
      { row: 1, col: 0, cells: [[{ text: "ours" }, { number: 6 }]] },
    ],
  });
  const xml = [...sheetXmlChunks(s, { styles: new StyleTable(), tableRelIds: [], keep })].join("");
  expect(cellRefs(xml)).toEqual(["D1", "F1", "A2", "B2", "D2", "E2", "B8"]);
  expect(xml).toContain('<c r="A2" t="inlineStr"><is><t>ours</t></is></c>');
  expect(xml).not.toContain("<v>1</v>");
  expect(xml).toContain("<t>typed</t>");
  expect(schemaErrors(xml, "sml.xsd")).toEqual([]);
});

test("a long sheet comes out in chunks of about 64K characters, not as one string", () => {
  const cells = Array.from({ length: 20_000 }, (_, i) => [{ number: i }, { text: `row ${i}` }]);
  const s = sheet({ blocks: [{ row: 0, col: 0, cells }] });
  const chunks = [...sheetXmlChunks(s, { styles: new StyleTable(), tableRelIds: [] })];
  expect(chunks.length).toBeGreaterThan(10);
  expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70_000);
  const xml = chunks.join("");
  expect(xml.match(/<row /g)?.length).toBe(20_000);
  expect(xml).toContain('<c r="B20000" t="inlineStr"><is><t>row 19999</t></is></c>');
});
