// Charts of the sample workbook (the layouts' own ChartSpecs) through chartSource and
// chartXml: valid against the schema, Excel's chart rules kept, labels cached from the
// spec's cells.
import type { SheetSpec } from "../../../src/layout/spec";
import { chartXml } from "../../../src/writers/xlsx/ooxml/chartXml";
import { chartSource } from "../../../src/writers/xlsx/ooxml/chartSource";
import { CHART_RULES } from "../../../src/writers/xlsx/ooxml/chartRules";
import { sampleWorkbookSpec } from "../../support/sampleWorkbook";
import { schemaErrors } from "../../support/renderXlsx";

const { spec, areas } = sampleWorkbookSpec();
const charted = spec.sheets.flatMap((s) => s.charts.map((chart) => ({ sheet: s.name, chart })));
const source = chartSource(spec.sheets);

describe("the sample workbook's charts as chart parts", () => {
  test("the sample workbook has a comparison bar chart and a trend line", () => {
    expect(charted.map((c) => c.chart.type)).toEqual(expect.arrayContaining(["bar", "line"]));
  });

  test.each(charted.map((c) => [`${c.sheet}: ${c.chart.title}`, c.chart] as const))(
    "%s validates and keeps Excel's chart rules",
    (_name, chart) => {
      const xml = chartXml(chart, source.cache, source.format);
      expect(schemaErrors(xml, "dml-chart.xsd")).toEqual([]);
      for (const rule of CHART_RULES.filter((r) => r.part === "chart"))
        expect({ rule: rule.name, broken: rule.check(xml) }).toEqual({
          rule: rule.name,
          broken: [],
        });
    }
  );

  test("the September comparison's bars are labelled with the group's boroughs, cached", () => {
    const bar = charted.find((c) => c.sheet.startsWith("Compare September"))!.chart;
    const labels = source.cache(bar.categories);
    expect(labels).toEqual(expect.arrayContaining(areas));
    const xml = chartXml(bar, source.cache, source.format);
    for (const a of areas) expect(xml).toContain(`<c:v>${a}</c:v>`);
    // The % change cells are formulas: no cached values, and the axis takes their format.
    expect(source.cache(bar.series[0]!.values)).toBeNull();
    expect(source.format(bar.series[0]!.values)).toMatch(/%/);
    expect(xml).toMatch(/<c:valAx>.*<c:numFmt formatCode="[^"]*%[^"]*" sourceLinked="0"\/>/);
  });
});

describe("chartSource", () => {
  const sheet: SheetSpec = {
    name: "Trend Merton",
    role: "trend",
    generated: true,
    blocks: [
      {
        row: 0,
        col: 0,
        cells: [[{ text: "a" }, { number: 1, numFmt: "#,##0" }, { formula: "B1*2" }]],
      },
      // A later block over B1 wins.
      { row: 0, col: 1, cells: [[{ number: 5, numFmt: "0.0" }]] },
    ],
    tables: [],
    conditionalFormats: [],
    charts: [],
  };
  const { cache, format } = chartSource([sheet]);

  test("literal cells give their values, formulas none, blank cells null", () => {
    expect(cache("'Trend Merton'!A1:D1")).toEqual(["a", 5, null, null]);
    expect(cache("'trend merton'!$A$1:$B$1")).toEqual(["a", 5]);
    expect(cache("'Trend Merton'!C1")).toBeNull();
    expect(cache("'Elsewhere'!A1")).toBeNull();
  });

  test("the format is the first formatted cell's", () => {
    expect(format("'Trend Merton'!A1:C1")).toBe("0.0");
    expect(format("'Trend Merton'!A1")).toBeNull();
  });
});
