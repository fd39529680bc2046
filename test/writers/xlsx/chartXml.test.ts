// The chart and drawing parts: valid against the ECMA-376 transitional schemas, faithful
// to the spec (ranges, caches, colours, dashes, axes), and drawn by LibreOffice from a
// workbook holding the Merton offences table of 1 August 2017 and both Merton snapshots.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { strFromU8, unzipSync } from "fflate";
import type { CellSpec, ChartSpec, SheetSpec } from "../../../src/layout/spec";
import type { CrimeTable } from "../../../src/core/model";
import { changeFunnel, funnelLimits } from "../../../src/core/stats/funnelLimits";
import { chartFormula, chartXml } from "../../../src/writers/xlsx/ooxml/chartXml";
import { drawingXml } from "../../../src/writers/xlsx/ooxml/drawingXml";
import { CHART_RULES } from "../../../src/writers/xlsx/ooxml/chartRules";
import { sampleTables } from "../../support/samples";
import { describeWithLibreOffice } from "../../support/libreoffice";
import { chartSource } from "../../../src/writers/xlsx/ooxml/chartSource";
import { writeXlsx } from "../../../src/writers/xlsx/writeXlsx";
import {
  convertWorkbooks,
  countColour,
  pageTexts,
  inkShare,
  renderPage,
  schemaErrors,
} from "../../support/renderXlsx";

const DATA = "Merton offences"; // a name with a space: formulas must quote it
const q = `'${DATA}'!`;
const ARTIFACTS = path.join(__dirname, "../../../test-artifacts/charts");

function offences(file: string): CrimeTable {
  const t = sampleTables(file).find((x) => x.kind === "offences-sds");
  if (!t) throw new Error(`${file}: no Offences & SDs table`);
  return t;
}

/** Total rows of a category, without TNO (the sum of the others). */
function categoryTotals(t: CrimeTable) {
  return t.rows.filter((r) => r.isTotal && r.category !== "TNO");
}

const july = offences("merton-2017-07-02.txt");
const august = offences("merton-2017-08-01.txt");
const totals = categoryTotals(august);
const n = totals.length;

/**
 * The data sheet: A:D the 1 August table's category totals (previous, current, % change);
 * F:H the current R12 of three categories at both snapshots; J:N funnel limits of the
 * % change against the group's change, at previous counts from 10 to the largest.
 */
type CellValue = string | number | null;

function dataCells(): CellValue[][] {
  const cells: CellValue[][] = [
    ["Category", "Offences Previous R12", "Offences Current R12", "% change"],
  ];
  totals.forEach((r) => {
    const v = r.values;
    cells.push([
      r.category,
      v.offencesPrevious ?? null,
      v.offencesCurrent ?? null,
      (v.offencesChangePct ?? 0) / 100,
    ]);
  });
  const trend = ["Burglary", "Criminal Damage", "Theft and Handling"];
  const at = (t: CrimeTable, c: string) =>
    t.rows.find((r) => r.isTotal && r.category === c)!.values.offencesCurrent!;
  const put = (row: number, col: number, v: CellValue) => {
    cells[row] ??= [];
    cells[row]![col] = v;
  };
  put(0, 5, "Category");
  put(0, 6, "2 Jul 2017");
  put(0, 7, "1 Aug 2017");
  trend.forEach((c, i) => {
    put(i + 1, 5, c);
    put(i + 1, 6, at(july, c));
    put(i + 1, 7, at(august, c));
  });
  const ratio = changeFunnel(
    totals.map((r) => ({
      previous: r.values.offencesPrevious!,
      current: r.values.offencesCurrent!,
    }))
  ).groupRatio;
  ["Previous R12", "Lower 99.8%", "Lower 95%", "Upper 95%", "Upper 99.8%"].forEach((h, i) =>
    put(0, 9 + i, h)
  );
  const top = Math.max(...totals.map((r) => r.values.offencesPrevious!));
  for (let i = 0; i < 20; i++) {
    const x = Math.round(10 * Math.pow(top / 10, i / 19));
    const l = funnelLimits({ kind: "count", expected: x * ratio });
    const pct = (c: number) => c / x - 1;
    [x, pct(l.lower998), pct(l.lower95), pct(l.upper95), pct(l.upper998)].forEach((v, j) =>
      put(i + 1, 9 + j, v)
    );
  }
  return cells;
}

const cells = dataCells();
const rangeOf = (col: string, first: number, last: number) => `${q}${col}${first}:${col}${last}`;

const COLUMN: ChartSpec = {
  type: "column",
  title: "Merton offences by category, R12 to 1 August 2017",
  categories: rangeOf("A", 2, n + 1),
  series: [
    { name: "Previous R12", values: rangeOf("B", 2, n + 1), color: "#A5A5A5" },
    { name: "Current R12", values: rangeOf("C", 2, n + 1), color: "#2F5597" },
  ],
  yAxisTitle: "Offences",
  row: 0,
  col: 0,
  width: 9,
  height: 22,
};

const BAR: ChartSpec = {
  type: "bar",
  title: "Offences % change by category",
  categories: rangeOf("A", 2, n + 1),
  series: [{ name: "% change", values: rangeOf("D", 2, n + 1), color: "#C55A11" }],
  row: 0,
  col: 0,
  width: 9,
  height: 22,
};

const LINE: ChartSpec = {
  type: "line",
  title: "Merton offences, current R12 at each snapshot",
  categories: `${q}G1:H1`,
  series: [2, 3, 4].map((r, i) => ({
    name: String(cells[r - 1]![5]),
    values: `${q}G${r}:H${r}`,
    color: ["#2F5597", "#C00000", "#548235"][i],
  })),
  xAxisTitle: "Period ending",
  yAxisTitle: "Offences (R12)",
  row: 0,
  col: 0,
  width: 9,
  height: 22,
};

const limit = (name: string, col: string, color: string) => ({
  name,
  values: rangeOf(col, 2, 21),
  xValues: rangeOf("J", 2, 21),
  draw: "line" as const,
  dashed: true,
  color,
});

const SCATTER: ChartSpec = {
  type: "scatter",
  title: "Funnel plot: % change against offences last year",
  // Unused by scatter charts (each series has x values); the spec check wants a range.
  categories: rangeOf("B", 2, n + 1),
  series: [
    {
      name: "Categories",
      values: rangeOf("D", 2, n + 1),
      xValues: rangeOf("B", 2, n + 1),
      draw: "markers",
      color: "#1F4E79",
    },
    limit("95% limits", "L", "#ED7D31"),
    limit("95% upper", "M", "#ED7D31"),
    limit("99.8% limits", "K", "#C00000"),
    limit("99.8% upper", "N", "#C00000"),
  ],
  xAxisTitle: "Offences last year",
  yAxisTitle: "% change",
  row: 0,
  col: 0,
  width: 9,
  height: 22,
};

const CHARTS: Record<ChartSpec["type"], ChartSpec> = {
  column: COLUMN,
  bar: BAR,
  line: LINE,
  scatter: SCATTER,
};
// Offences as "#,##0", changes and limits as "0%", as the comparison sheets show them.
const columnFormats = {
  1: "#,##0",
  2: "#,##0",
  3: "0%",
  9: "#,##0",
  10: "0%",
  11: "0%",
  12: "0%",
  13: "0%",
};
const sheet = (name: string, over: Partial<SheetSpec>): SheetSpec => ({
  name,
  role: "data",
  generated: false,
  blocks: [],
  tables: [],
  conditionalFormats: [],
  charts: [],
  ...over,
});
const cellSpec = (v: CellValue, col: number): CellSpec | null =>
  v === null
    ? null
    : typeof v === "number"
      ? { number: v, numFmt: columnFormats[col as keyof typeof columnFormats] }
      : { text: v };
const data = sheet(DATA, {
  blocks: [
    { row: 0, col: 0, cells: cells.map((r) => Array.from(r, (v, c) => cellSpec(v ?? null, c))) },
  ],
});
const { cache, format: formats } = chartSource([data]);

describe("chart parts against the ECMA-376 schema", () => {
  test.each(Object.keys(CHARTS))("a %s chart validates against dml-chart.xsd", (type) => {
    const xml = chartXml(CHARTS[type as ChartSpec["type"]], cache);
    expect(schemaErrors(xml, "dml-chart.xsd")).toEqual([]);
  });

  test("a chart with no cached values, no title and one series still validates", () => {
    const bare: ChartSpec = { ...BAR, title: "", series: [BAR.series[0]!] };
    expect(
      schemaErrors(
        chartXml(bare, () => null),
        "dml-chart.xsd"
      )
    ).toEqual([]);
  });

  test("a drawing of two charts validates against dml-spreadsheetDrawing.xsd", () => {
    const xml = drawingXml([
      { chart: COLUMN, relId: "rId1" },
      { chart: { ...LINE, row: 24 }, relId: "rId2" },
    ]);
    expect(schemaErrors(xml, "dml-spreadsheetDrawing.xsd")).toEqual([]);
  });

  test("the schema check refuses elements out of order (it can fail)", () => {
    const xml = chartXml(BAR, cache).replace(
      `<c:barDir val="bar"/><c:grouping val="clustered"/>`,
      `<c:grouping val="clustered"/><c:barDir val="bar"/>`
    );
    expect(schemaErrors(xml, "dml-chart.xsd").join("\n")).toMatch(/grouping|barDir/);
  });

  test("every part of a written workbook of these charts validates", async () => {
    const book = { sheets: [sheet("Charts", { charts: [COLUMN, { ...SCATTER, row: 24 }] }), data] };
    const parts = unzipSync(await writeXlsx(book));
    for (const [name, bytes] of Object.entries(parts)) {
      const xml = strFromU8(bytes);
      const xsd = name.startsWith("xl/charts/")
        ? "dml-chart.xsd"
        : name.startsWith("xl/drawings/drawing")
          ? "dml-spreadsheetDrawing.xsd"
          : name.startsWith("xl/worksheets/sheet")
            ? "sml.xsd"
            : null;
      if (xsd) expect({ name, errors: schemaErrors(xml, xsd) }).toEqual({ name, errors: [] });
    }
  });
});

describe("Excel's stricter rules (chartRules.ts) hold for every chart type", () => {
  test.each(Object.keys(CHARTS))("%s", (type) => {
    const xml = chartXml(CHARTS[type as ChartSpec["type"]], cache);
    for (const rule of CHART_RULES.filter((r) => r.part === "chart"))
      expect({ rule: rule.name, broken: rule.check(xml) }).toEqual({ rule: rule.name, broken: [] });
  });
});

describe("each chart rule catches what it forbids", () => {
  const scatter = chartXml(SCATTER, cache);
  const column = chartXml(COLUMN, cache);
  const broken: [string, string][] = [
    ["explicit-booleans", column.replace(`<c:delete val="0"/>`, "<c:delete/>")],
    ["square-corners", column.replace(`<c:roundedCorners val="0"/>`, "")],
    ["axis-ids-match", column.replace(/<c:crossAx val="\d+"\/>/, `<c:crossAx val="7"/>`)],
    ["series-formulas", column.replace(`<c:f>'Merton offences'!$B$2`, `<c:f>=Merton offences!B2`)],
    ["cache-consistent", column.replace(`<c:v>1482</c:v>`, `<c:v>NaN</c:v>`)],
    [
      "one-dimensional-ranges",
      column.replace(`<c:f>'Merton offences'!$B$2:$B$`, `<c:f>'Merton offences'!$B$2:$C$`),
    ],
    ["series-ids-unique", column.replace(`<c:idx val="1"/>`, `<c:idx val="0"/>`)],
    [
      "scatter-lines-explicit",
      scatter.replace(`<c:spPr><a:ln w="28575"><a:noFill/></a:ln></c:spPr>`, ""),
    ],
  ];
  test.each(broken)("%s", (name, xml) => {
    const rule = CHART_RULES.find((r) => r.name === name)!;
    expect(rule.check(xml).length).toBeGreaterThan(0);
  });
});

test("an SPC chart (a line chart: points with markers, a mean line, dashed limits) validates", () => {
  const spc: ChartSpec = {
    ...LINE,
    series: [
      { name: "Offences", values: `${q}G2:H2`, draw: "markers", color: "#1F4E79" },
      { name: "Mean", values: `${q}G3:H3`, draw: "line", color: "#7F7F7F" },
      { name: "Upper limit", values: `${q}G4:H4`, draw: "line", dashed: true, color: "#C00000" },
    ],
  };
  const xml = chartXml(spc, cache, formats);
  expect(schemaErrors(xml, "dml-chart.xsd")).toEqual([]);
  const sers = xml.match(/<c:ser>.*?<\/c:ser>/g) ?? [];
  expect(sers[0]).toContain(`<c:symbol val="circle"/>`);
  expect(sers[0]).toContain("<a:noFill/>");
  expect(sers[1]).toContain(`<c:symbol val="none"/>`);
  expect(sers[1]).not.toContain("prstDash");
  expect(sers[2]).toContain(`<a:prstDash val="dash"/>`);
});

describe("what the chart part says", () => {
  test("series formulas keep the sheet as quoted and make the cells absolute", () => {
    expect(chartFormula("'Trend Merton'!C5:H5")).toBe("'Trend Merton'!$C$5:$H$5");
    expect(chartFormula("'O''Brien'!A1")).toBe("'O''Brien'!$A$1");
    expect(chartFormula("Data!$B$2:B14")).toBe("Data!$B$2:$B$14");
    expect(chartFormula("Trend Merton!C5:H5")).toBe("'Trend Merton'!$C$5:$H$5");
    // Names that read as cells or R1C1 references are quoted too.
    expect(chartFormula("AB12!A1")).toBe("'AB12'!$A$1");
    expect(chartFormula("R2C3!A1")).toBe("'R2C3'!$A$1");
  });

  test("a column chart carries the Merton figures as cached values, and category names as text", () => {
    const xml = chartXml(COLUMN, cache);
    expect(xml).toContain(`<c:barDir val="col"/><c:grouping val="clustered"/>`);
    expect(xml).toContain(`<c:f>'Merton offences'!$C$2:$C$${n + 1}</c:f>`);
    // Burglary: 1,482 then 1,392 in the 1 August table.
    const burglary = totals.findIndex((r) => r.category === "Burglary");
    expect(xml).toContain(`<c:pt idx="${burglary}"><c:v>1482</c:v></c:pt>`);
    expect(xml).toContain(`<c:pt idx="${burglary}"><c:v>1392</c:v></c:pt>`);
    expect(xml).toContain(
      `<c:strRef><c:f>'Merton offences'!$A$2:$A$${n + 1}</c:f><c:strCache><c:ptCount val="${n}"/>`
    );
    expect(xml).toContain(`<c:v>Criminal Damage</c:v>`);
    expect(xml).toContain(`<a:srgbClr val="2F5597"/>`);
    expect((xml.match(/<c:ser>/g) ?? []).length).toBe(2);
  });

  test("a bar chart runs its bars horizontally, categories on the left", () => {
    const xml = chartXml(BAR, cache);
    expect(xml).toContain(`<c:barDir val="bar"/>`);
    expect(xml).toMatch(/<c:catAx><c:axId val="(\d+)"\/>.*?<c:axPos val="l"\/>/);
    expect(xml).toMatch(/<c:valAx><c:axId val="(\d+)"\/>.*?<c:axPos val="b"\/>/);
  });

  test("the cells' number formats reach the cached values and the axis labels", () => {
    const xml = chartXml(SCATTER, cache, formats);
    const [x, y] = xml.match(/<c:valAx>.*?<\/c:valAx>/g) ?? [];
    expect(x).toContain(`<c:numFmt formatCode="#,##0" sourceLinked="0"/>`);
    expect(y).toContain(`<c:numFmt formatCode="0%" sourceLinked="0"/>`);
    expect(xml).toContain(`<c:numCache><c:formatCode>0%</c:formatCode>`);
    // Without formats the axes follow the cells.
    expect(chartXml(SCATTER, cache)).toContain(`<c:numFmt formatCode="General" sourceLinked="1"/>`);
    expect(schemaErrors(xml, "dml-chart.xsd")).toEqual([]);
  });

  test("a scatter funnel: two value axes with titles, points as markers, limits as dashed lines", () => {
    const xml = chartXml(SCATTER, cache);
    expect((xml.match(/<c:valAx>/g) ?? []).length).toBe(2);
    expect(xml).not.toContain("<c:catAx>");
    expect(xml).toContain("<a:t>Offences last year</a:t>");
    expect(xml).toContain("<a:t>% change</a:t>");
    const sers = xml.match(/<c:ser>.*?<\/c:ser>/g) ?? [];
    expect(sers).toHaveLength(5);
    expect(sers[0]).toContain(`<a:ln w="28575"><a:noFill/></a:ln>`);
    expect(sers[0]).toContain(`<c:symbol val="circle"/>`);
    expect(sers[0]).toContain(`<c:xVal><c:numRef><c:f>'Merton offences'!$B$2:$B$${n + 1}</c:f>`);
    for (const s of sers.slice(1)) {
      expect(s).toContain(`<a:prstDash val="dash"/>`);
      expect(s).toContain(`<c:symbol val="none"/>`);
    }
    // The 99.8% lower limit at the first x (10 offences) is cached as computed.
    expect(sers[3]).toContain(`<c:pt idx="0"><c:v>${cells[1]![10]}</c:v></c:pt>`);
  });

  test("blank cells leave gaps in the cache, and text cannot break the XML", () => {
    const s = sheet("S", {
      blocks: [{ row: 0, col: 0, cells: [[{ text: 'a<&>"b' }, null, { number: 3 }]] }],
    });
    const spec: ChartSpec = {
      ...LINE,
      title: "R&D <2017>",
      categories: "S!A1:C1",
      series: [{ name: "x\u0001y", values: "S!A1:C1" }],
    };
    const xml = chartXml(spec, chartSource([s]).cache);
    expect(xml).toContain(
      '<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="2"><c:v>3</c:v></c:pt></c:numCache>'
    );
    expect(xml).toContain("<c:v>a&lt;&amp;&gt;&quot;b</c:v>");
    expect(xml).toContain("<a:t>R&amp;D &lt;2017&gt;</a:t>");
    expect(xml).toContain("<c:v>xy</c:v>");
    expect(schemaErrors(xml, "dml-chart.xsd")).toEqual([]);
  });

  test("the drawing anchors each chart over its cells, with ids unique in the drawing", () => {
    const xml = drawingXml([
      { chart: COLUMN, relId: "rId1" },
      { chart: { ...LINE, row: 24, col: 2, width: 6, height: 10 }, relId: "rId7" },
    ]);
    expect(xml).toContain(
      "<xdr:from><xdr:col>2</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>24</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>" +
        "<xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>34</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>"
    );
    expect(xml.match(/cNvPr id="(\d+)"/g)).toEqual(['cNvPr id="2"', 'cNvPr id="3"']);
    expect(xml).toContain(`r:id="rId7"`);
    expect(xml).toContain(`name="Scrutiny chart 2"`);
    for (const rule of CHART_RULES.filter((r) => r.part === "drawing"))
      expect(rule.check(xml)).toEqual([]);
    expect(
      CHART_RULES.find((r) => r.name === "drawing-ids-unique")!.check(
        xml.replace('id="3"', 'id="2"')
      )
    ).toEqual(["cNvPr id 2 repeated"]);
  });
});

/** Series colours each rendered chart must show (at least this many pixels of each). */
const EXPECTED_COLOURS: Record<ChartSpec["type"], string[]> = {
  column: ["#2F5597", "#A5A5A5"],
  bar: ["#C55A11"],
  line: ["#2F5597", "#C00000", "#548235"],
  scatter: ["#1F4E79", "#ED7D31", "#C00000"],
};

/** Text each rendered chart must show: labels, legend, axis titles, formatted numbers. */
const EXPECTED_TEXT: Record<ChartSpec["type"], string[]> = {
  column: ["Merton offences by category", "Previous R12", "Current R12", "Offences", "6,000"],
  bar: ["Offences % change by category", "Lethal-barrelled Gun Discharges", "-80%", "40%"],
  line: ["2 Jul 2017", "1 Aug 2017", "Period ending", "Offences (R12)", "Criminal Damage"],
  scatter: ["Offences last year", "% change", "95% limits", "99.8% upper", "5,000", "100%"],
};

describeWithLibreOffice("LibreOffice draws each chart type from the workbook", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "scrutiny-charts-"));
  const types = Object.keys(CHARTS) as ChartSpec["type"][];
  // One workbook per type, written by the .xlsx writer: the chart alone on the first sheet
  // (the first PDF page), the data on the second.
  const files = types.map((type) => path.join(dir, `chart-${type}.xlsx`));
  let pdfs: string[] = [];
  let resaved: string[] = [];

  beforeAll(async () => {
    for (const [i, type] of types.entries()) {
      const book = { sheets: [sheet("Chart", { charts: [CHARTS[type]] }), data] };
      writeFileSync(files[i]!, await writeXlsx(book));
    }
    pdfs = await convertWorkbooks(files, "pdf");
    resaved = await convertWorkbooks(files, "xlsx");
  }, 300000);

  test.each(types)("%s: rendered, not blank, in the series colours", async (type) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const img = await renderPage(
      pdfs[types.indexOf(type)]!,
      1,
      path.join(ARTIFACTS, `${type}.png`)
    );
    expect(inkShare(img)).toBeGreaterThan(0.01);
    for (const colour of EXPECTED_COLOURS[type])
      expect({ colour, pixels: countColour(img, colour, 12) > 30 }).toEqual({
        colour,
        pixels: true,
      });
  });

  test.each(types)("%s: its labels, legend and formatted axis numbers are there", async (type) => {
    const text = (await pageTexts(pdfs[types.indexOf(type)]!))[0] ?? "";
    for (const t of EXPECTED_TEXT[type])
      expect({ t, shown: text.includes(t) }).toEqual({ t, shown: true });
  });

  test.each(types)(
    "%s: LibreOffice keeps the chart, its type, series and ranges when it saves",
    (type) => {
      const zip = unzipSync(readFileSync(resaved[types.indexOf(type)]!));
      const chartPart = Object.keys(zip).find((k) => /^xl\/charts\/chart\d+\.xml$/.test(k));
      expect(chartPart).toBeDefined();
      const xml = strFromU8(zip[chartPart!]!);
      const tag = {
        column: "c:barChart",
        bar: "c:barChart",
        line: "c:lineChart",
        scatter: "c:scatterChart",
      }[type];
      expect(xml).toContain(`<${tag}>`);
      expect((xml.match(/<c:ser>/g) ?? []).length).toBe(CHARTS[type].series.length);
      expect(xml.replace(/&apos;/g, "'")).toContain(`'Merton offences'!$`);
    }
  );
});
