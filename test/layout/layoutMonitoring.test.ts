import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import ExcelJS from "exceljs";
import { monthlySeries, readDatastore } from "../../src/core/datastore";
import { readPaste } from "../../src/core/read/readPaste";
import { buildIndicator, type IndicatorInput } from "../../src/core/monitor/buildIndicator";
import { computeMonitoring } from "../../src/core/monitor/computeMonitoring";
import {
  indicatorFromMonthlySeries,
  indicatorsFromTables,
} from "../../src/core/monitor/indicatorsFromTables";
import { readIndicators } from "../../src/core/monitor/readIndicators";
import type { Indicator, IndicatorResult, MonitoringResult } from "../../src/core/monitor/types";
import {
  layoutMonitoring,
  layoutMonitoringSheet,
  readMonitoringInputs,
  MONITOR_COLUMNS as C,
  type MonitoringLayout,
} from "../../src/layout/layoutMonitoring";
import type { CellSpec, SheetSpec } from "../../src/layout/spec";
import { writeXlsx } from "../../src/writers/xlsx/writeXlsx";
import {
  computed,
  describeWithLibreOffice,
  errorCells,
  recalculateMany,
} from "../support/libreoffice";

const samples = path.join(__dirname, "../../samples");

function sampleIndicators(): Indicator[] {
  const r = readIndicators(
    readFileSync(path.join(samples, "monitoring/indicators-2016-17.txt"), "utf8"),
    "indicators-2016-17.txt"
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.indicators;
}

const Q = ["2015-16 Q1", "2015-16 Q2", "2015-16 Q3", "2015-16 Q4", "2016-17 Q1", "2016-17 Q2"];
/** Quarterly edge cases reported at 2016-17 Q2: FYTD Q1+Q2 against the same quarters of 2015-16. */
function edge(
  name: string,
  polarity: IndicatorInput["polarity"],
  last: [number | null, number],
  now: [number | null, number],
  target: number | null,
  extra: Partial<IndicatorInput> = {}
): Indicator {
  return buildIndicator({
    name,
    polarity,
    periods: Q,
    actuals: [last[0], last[1], 500, 500, now[0], now[1]],
    target,
    ...extra,
  });
}
const pct = { unit: "percentage" as const };
function edgeIndicators(): Indicator[] {
  return [
    edge("Lower: better than target", "lower-is-better", [300, 300], [200, 240], 250),
    edge("Lower: exactly at tolerance", "lower-is-better", [200, 200], [275, 275], 250),
    edge("Lower: off, improved", "lower-is-better", [300, 300], [276, 275], 250),
    edge("Lower: off, held", "lower-is-better", [300, 300], [300, 300], 250),
    edge("Lower: off, worse", "lower-is-better", [280, 280], [300, 300], 250),
    edge("Lower: off, no last year", "lower-is-better", [null, 300], [300, 300], 250),
    edge("Higher rate: above target", "higher-is-better", [15, 15], [22, 21], 20, pct),
    edge("Higher rate: exactly at tolerance", "higher-is-better", [25, 25], [18, 18], 20, pct),
    edge("Higher rate: off, improved", "higher-is-better", [15, 15], [17.9, 18], 20, pct),
    edge("Higher rate: off, held", "higher-is-better", [16, 17], [17, 16], 20, pct),
    edge("Higher rate: off, worse", "higher-is-better", [17.5, 17.5], [17, 17.2], 20, pct),
    edge("Higher count: exactly at tolerance", "higher-is-better", [100, 100], [45, 45], 50),
    edge("Higher count: off, worse", "higher-is-better", [46, 46], [45, 44], 50),
    edge("Target of zero: met", "lower-is-better", [2, 2], [0, 0], 0),
    edge("Target of zero: missed, improved", "lower-is-better", [2, 2], [1, 0], 0),
    edge("No target", "lower-is-better", [2, 2], [1, 0], null),
    edge("Missing quarter", "lower-is-better", [300, 300], [null, 240], 250),
    edge('=HYPERLINK("http://x","pasted name")', "lower-is-better", [1, 1], [1, 1], 1, {
      tolerancePct: 7.5,
    }),
  ];
}

function datastoreIndicators(): Indicator[] {
  const text = readFileSync(
    path.join(samples, "datastore/mps-borough-level-crime-2010-04-to-2022-01.csv"),
    "utf8"
  );
  const read = readDatastore(text, "mps-2010-2022.csv");
  if (!read.ok) throw new Error(read.error.message);
  const burglary = indicatorFromMonthlySeries({
    name: "Merton burglary (monthly)",
    series: monthlySeries(read.file, "Merton", { category: "Burglary" }),
    monthlyTarget: 95,
  });
  // A monthly rate, to check control charts on percentages (stored as fractions in the sheet).
  const robbery = monthlySeries(read.file, "Merton", { category: "Robbery" }).slice(-20);
  const all = monthlySeries(read.file, "Merton").slice(-20);
  const share = indicatorFromMonthlySeries({
    name: "Robbery as a share of all offences",
    unit: "percentage",
    series: robbery.map((p, i) => ({
      month: p.month,
      value: Math.round((p.value / all[i]!.value) * 1000) / 10,
    })),
    monthlyTarget: 2.5,
  });
  return [burglary, share];
}

function tableIndicators(): Indicator[] {
  const tables = ["merton-2017-07-02.txt", "merton-2017-08-01.txt"].flatMap((f) => {
    const r = readPaste(readFileSync(path.join(samples, "offences-sds", f), "utf8"), {
      source: f,
      fileName: f,
    });
    if (!r.ok) throw new Error(r.error.message);
    return r.tables;
  });
  return indicatorsFromTables(tables, {
    measures: ["all-offences", "mopac7", "sd-rate", "asb-calls"],
    targets: { mopac7: 5800, "asb-calls": 4000 },
  });
}

const cellAt = (sheet: SheetSpec, row: number, col: number): CellSpec | null => {
  for (const b of sheet.blocks) {
    const c = b.cells[row - b.row]?.[col - b.col];
    if (c) return c;
  }
  return null;
};

describe("the sheet as specified", () => {
  const indicators = [...sampleIndicators(), ...edgeIndicators(), ...datastoreIndicators()];
  const layout = layoutMonitoring(indicators, {}, "Monitoring");
  const { sheet } = layout;

  test("every computed figure is a formula; actuals and targets are numbers; names stay text", () => {
    const computedCols = [
      C.fytdTarget,
      C.fytdActual,
      C.fytdPrevious,
      C.change,
      C.offTarget,
      C.rag,
      C.quarterValue,
      C.previousQuarter,
      C.yearAgo,
      C.dotShort,
      C.dotLong,
      C.sign,
    ];
    layout.indicatorRows.forEach((row) => {
      for (const col of computedCols) expect(cellAt(sheet, row, col)?.formula).toBeDefined();
      expect(cellAt(sheet, row, C.name)?.formula).toBeUndefined();
    });
    const hostile =
      layout.indicatorRows[indicators.findIndex((i) => i.name.startsWith("=HYPERLINK"))]!;
    expect(cellAt(sheet, hostile, C.name)).toMatchObject({
      text: '=HYPERLINK("http://x","pasted name")',
    });
    indicators.forEach((ind, k) => {
      const d = layout.data[k]!;
      ind.periods.forEach((p, i) => {
        const col = d.colOf(p);
        if (col === undefined || ind.actuals[i] == null) return;
        const expected = ind.unit === "percentage" ? ind.actuals[i]! / 100 : ind.actuals[i]!;
        expect(cellAt(sheet, d.actualRow, col)).toMatchObject({ number: expected });
      });
    });
    expect(cellAt(sheet, layout.summaryCell.row, layout.summaryCell.col)?.formula).toContain(
      "Of the "
    );
  });

  test("RAG and direction colours are conditional formats paired with the cell's own text", () => {
    const rag = sheet.conditionalFormats.filter((f) => f.col === C.rag);
    expect(rag.map((f) => f.formula)).toEqual(['M7="Red"', 'M7="Amber"', 'M7="Green"']);
    expect(rag.every((f) => f.rows === indicators.length && f.format.fill)).toBe(true);
    const dot = sheet.conditionalFormats.filter((f) => f.col === C.dotShort);
    expect(dot.map((f) => f.formula)).toEqual(['RIGHT(R7,6)="better"', 'RIGHT(R7,5)="worse"']);
    expect(dot.every((f) => f.cols === 2)).toBe(true);
  });

  test("the legend states the rules and the tolerance", () => {
    const texts = sheet.blocks.flatMap((b) => b.cells.flat()).map((c) => c?.text ?? "");
    expect(texts).toContain(
      "On target, or off target by no more than the tolerance (exactly at the tolerance counts as Green)."
    );
    expect(texts.some((t) => /^A percentage of the target.*10%/.test(t))).toBe(true);
    expect(texts.some((t) => t.includes("7 in a row above or below the mean"))).toBe(true);
    const tol = cellAt(sheet, layout.indicatorRows[indicators.length - 3]!, C.tolerance);
    expect(tol).toMatchObject({ number: 0.075, numFmt: "0.0#%" });
  });

  test("control charts: limits and signals as labelled cells for monthly indicators with enough points, and a chart", () => {
    const charted = layout.controlCharts
      .map((c, k) => (c ? indicators[k]!.name : null))
      .filter(Boolean);
    expect(charted).toEqual(["Merton burglary (monthly)", "Robbery as a share of all offences"]);
    const cc =
      layout.controlCharts[indicators.findIndex((i) => i.name === "Merton burglary (monthly)")]!;
    expect(cellAt(sheet, cc.upper.row, 0)).toMatchObject({ text: "Upper limit" });
    expect(cellAt(sheet, cc.upper.row, 1)?.formula).toMatch(/\+2\.66\*/);
    expect(cellAt(sheet, cc.signalRow, 0)).toMatchObject({ text: "Signal" });
    expect(sheet.charts).toHaveLength(2);
    expect(sheet.charts[0]).toMatchObject({
      type: "line",
      title: "Merton burglary (monthly): XmR control chart",
    });
    expect(sheet.charts[0]!.categories).toBe(
      `'Monitoring'!$B$${cc.monthRow + 1}:$AK$${cc.monthRow + 1}`
    );
    expect(sheet.charts[0]!.series.map((s) => s.name)).toEqual([
      "Value",
      "Mean",
      "Upper limit",
      "Lower limit",
    ]);
    expect(layoutMonitoringSheet(indicators, { charts: false }, "Monitoring").charts).toEqual([]);
  });

  /** Where the workings (grey formulas) are, how far the rest reaches, on a sheet. */
  function placesOf(spec: SheetSpec) {
    const workings: { row: number; col: number }[] = [];
    let lastShownCol = 0;
    let lastRow = 0;
    for (const b of spec.blocks)
      b.cells.forEach((cells, i) =>
        cells.forEach((c, j) => {
          if (!c) return;
          const at = { row: b.row + i, col: b.col + j };
          lastRow = Math.max(lastRow, at.row);
          if (c.style === "hidden-data" && c.formula !== undefined) workings.push(at);
          else if (c.style !== "hidden-data") lastShownCol = Math.max(lastShownCol, at.col);
        })
      );
    return { workings, lastShownCol, lastRow };
  }

  test("the quarterly sample prints everything but its workings (polarity signs, the summary's parts), which stand right of the print area", () => {
    const sample = layoutMonitoring(sampleIndicators(), {}, "Monitoring");
    const area = sample.sheet.print!.area!;
    const { workings, lastShownCol, lastRow } = placesOf(sample.sheet);
    // The indicator table's last heading names the workings column; everything else prints.
    expect(lastShownCol).toBe(C.sign);
    expect(area).toEqual({ row: 0, col: 0, rows: lastRow + 1, cols: C.sign });
    expect(workings.length).toBeGreaterThanOrEqual(sample.indicatorRows.length + 8);
    for (const w of workings) expect(w.col).toBeGreaterThanOrEqual(C.sign);
  });

  test("with monthly grids wider than the table, the print area reaches every figure and chart", () => {
    const area = sheet.print!.area!;
    const { lastShownCol, lastRow } = placesOf(sheet);
    expect(lastShownCol).toBeGreaterThan(C.sign);
    expect(area).toMatchObject({ row: 0, col: 0, cols: lastShownCol + 1 });
    expect(area.rows).toBeGreaterThanOrEqual(lastRow + 1);
    for (const c of sheet.charts) expect(c.col + c.width).toBeLessThanOrEqual(area.cols);
    for (const c of sheet.charts) expect(c.row + c.height).toBeLessThanOrEqual(area.rows);
  });

  test("a pure function of its inputs", () => {
    expect(layoutMonitoringSheet(indicators, {}, "Monitoring")).toEqual(
      layoutMonitoringSheet(indicators, {}, "Monitoring")
    );
    expect(layoutMonitoringSheet(indicators, {}, "Task group")).toMatchObject({
      name: "Task group",
      role: "monitoring",
      generated: true,
    });
  });

  test("refresh can read the indicators back from the sheet's input cells", () => {
    const value = (row: number, col: number) => {
      const c = cellAt(sheet, row, col);
      return c?.number ?? c?.text ?? null;
    };
    const back = readMonitoringInputs(layout.inputs, value);
    expect(back.map((i) => [i.name, i.polarity, i.tolerancePct, i.unit])).toEqual(
      indicators.map((i) => [i.name, i.polarity, i.tolerancePct, i.unit])
    );
    // Same figures: the grid may add blank periods, which change nothing.
    expect(computeMonitoring(back)).toEqual(computeMonitoring(indicators));
  });
});

// ---------------------------------------------------------------------------------------
// Recalculated by LibreOffice, the sheet must agree with computeMonitoring.

const close = (actual: unknown, expected: number, what: string) => {
  if (
    typeof actual !== "number" ||
    Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected))
  ) {
    throw new Error(`${what}: sheet ${JSON.stringify(actual)}, core ${expected}`);
  }
};

function expectAgreement(
  ws: ExcelJS.Worksheet,
  layout: MonitoringLayout,
  core: MonitoringResult
): void {
  const v = (row: number, col: number) => computed(ws.getCell(row + 1, col + 1));
  const figure = (
    row: number,
    col: number,
    expected: number | null,
    scale: number,
    what: string
  ) => {
    if (expected === null) expect([what, v(row, col)]).toEqual([what, "n/a"]);
    else close(v(row, col), expected * scale, what);
  };
  core.indicators.forEach((r: IndicatorResult, k) => {
    const row = layout.indicatorRows[k]!;
    const s = r.unit === "percentage" ? 0.01 : 1;
    const name = `${r.name}:`;
    figure(row, C.fytdTarget, r.fytd.target, s, `${name} FYTD target`);
    figure(row, C.fytdActual, r.fytd.actual, s, `${name} FYTD actual`);
    figure(row, C.fytdPrevious, r.fytd.previous, s, `${name} FYTD previous`);
    figure(row, C.change, r.fytd.change, 1, `${name} change`);
    figure(row, C.changePct, r.fytd.changePct, 0.01, `${name} % change`);
    // Percentages are off target in points, other units as a percent of target.
    if (r.unit === "percentage")
      figure(row, C.offTarget, r.fytd.offTargetPoints, 1, `${name} off target (points)`);
    else figure(row, C.offTarget, r.fytd.offTargetPct, 0.01, `${name} off target`);
    figure(row, C.quarterValue, r.quarter.value, s, `${name} quarter`);
    figure(row, C.previousQuarter, r.quarter.previous, s, `${name} previous quarter`);
    figure(row, C.yearAgo, r.quarter.yearAgo, s, `${name} year-ago quarter`);
    expect([name, v(row, C.rag), v(row, C.dotShort), v(row, C.dotLong)]).toEqual([
      name,
      r.rag ?? "n/a",
      r.dotShort,
      r.dotLong,
    ]);
    const cc = layout.controlCharts[k];
    if (r.controlChart && cc) {
      close(v(cc.mean.row, cc.mean.col), r.controlChart.limits.mean * s, `${name} XmR mean`);
      close(v(cc.upper.row, cc.upper.col), r.controlChart.limits.upper * s, `${name} XmR upper`);
      close(v(cc.lower.row, cc.lower.col), r.controlChart.limits.lower * s, `${name} XmR lower`);
      const labels = r.controlChart.pointLabels.map(
        (_, i) => v(cc.signalRow, cc.firstCol + i) ?? ""
      );
      expect([name, labels]).toEqual([name, r.controlChart.pointLabels]);
    }
  });
  const c = layout.countCells;
  expect([
    v(c.Red.row, c.Red.col),
    v(c.Amber.row, c.Amber.col),
    v(c.Green.row, c.Green.col),
    v(c.none.row, c.none.col),
    v(c.total.row, c.total.col),
  ]).toEqual([
    core.counts.Red,
    core.counts.Amber,
    core.counts.Green,
    core.counts.none,
    core.indicators.length,
  ]);
  expect(v(layout.summaryCell.row, layout.summaryCell.col)).toBe(core.summary);
}

describeWithLibreOffice("the monitoring sheet recalculated in LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "scrutiny-monitor-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sample = sampleIndicators();
  const edges = edgeIndicators();
  const monthly = datastoreIndicators();
  const fromTables = tableIndicators();
  const all = [...sample, ...edges, ...monthly, ...fromTables];
  const layout = layoutMonitoring(all, {}, "Monitoring");
  const books: Record<string, ExcelJS.Workbook> = {};

  /** The sheet as an analyst would edit it: actuals, a target, a tolerance, a polarity. */
  const edits: { k: number; apply(ws: ExcelJS.Worksheet, ind: Indicator): void }[] = [];
  const edited = all.map((ind) => ({
    ...ind,
    actuals: [...ind.actuals],
    targets: [...ind.targets],
  }));
  const setActual = (k: number, period: string, value: number | null, target = false) => {
    const ind = edited[k]!;
    const i = ind.periods.indexOf(period);
    (target ? ind.targets : ind.actuals)[i] = value;
    edits.push({
      k,
      apply: (ws) => {
        const d = layout.data[k]!;
        const cell = ws.getCell((target ? d.targetRow : d.actualRow) + 1, d.colOf(period)! + 1);
        cell.value = value === null ? null : ind.unit === "percentage" ? value / 100 : value;
      },
    });
  };
  const idx = (name: string) => all.findIndex((i) => i.name === name);
  setActual(idx("MOPAC 7 neighbourhood crimes"), "2016-17 Q3", 1200); // now within tolerance: Green
  for (const q of ["2016-17 Q1", "2016-17 Q2", "2016-17 Q3"])
    setActual(idx("Burglary"), q, 250, true); // a tougher target
  setActual(idx("I calls answered in target"), "2015-16 Q3", 90.1); // the missing quarter supplied
  setActual(idx("Missing quarter"), "2016-17 Q1", 245);
  const asb = idx("ASB calls");
  edited[asb]!.tolerancePct = 4; // 4.8% off target is now beyond tolerance: Amber (improved)
  edits.push({
    k: asb,
    apply: (ws) => void (ws.getCell(layout.indicatorRows[asb]! + 1, C.tolerance + 1).value = 0.04),
  });
  const sd = idx("Sanction detection rate (TNO)");
  edited[sd]!.polarity = "lower-is-better"; // every comparison turns round
  edits.push({
    k: sd,
    apply: (ws) =>
      void (ws.getCell(layout.indicatorRows[sd]! + 1, C.polarity + 1).value = "lower is better"),
  });
  const burglaryMonthly = idx("Merton burglary (monthly)");
  setActual(burglaryMonthly, "2021-12", 400); // a spike: FYTD, quarter and control-chart signals all move

  beforeAll(async () => {
    const bytes = await writeXlsx({ sheets: [layout.sheet] });
    const original = path.join(dir, "monitoring.xlsx");
    writeFileSync(original, bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    );
    const ws = wb.getWorksheet("Monitoring")!;
    for (const e of edits) e.apply(ws, all[e.k]!);
    const changed = path.join(dir, "monitoring-edited.xlsx");
    await wb.xlsx.writeFile(changed);
    const [a, b] = await recalculateMany([original, changed]);
    books.original = a!;
    books.edited = b!;
  }, 180000);

  test("no cell evaluates to an error", () => {
    expect(errorCells(books.original!)).toEqual([]);
    expect(errorCells(books.edited!)).toEqual([]);
  });

  test("FYTD, change, RAG (every branch, both polarities, the tolerance edge), DOT, summary and XmR agree with the core", () => {
    const core = computeMonitoring(all);
    // The cases are what they claim to be, so the agreement covers every branch.
    const rag = (name: string) => core.indicators[idx(name)]!.rag;
    expect(
      [
        "Lower: better than target",
        "Lower: exactly at tolerance",
        "Higher rate: above target",
        "Higher rate: exactly at tolerance",
        "Higher count: exactly at tolerance",
        "Target of zero: met",
      ].map(rag)
    ).toEqual(Array(6).fill("Green"));
    expect(
      [
        "Lower: off, improved",
        "Lower: off, held",
        "Higher rate: off, improved",
        "Higher rate: off, held",
        "Target of zero: missed, improved",
      ].map(rag)
    ).toEqual(Array(5).fill("Amber"));
    expect(
      [
        "Lower: off, worse",
        "Lower: off, no last year",
        "Higher rate: off, worse",
        "Higher count: off, worse",
      ].map(rag)
    ).toEqual(Array(4).fill("Red"));
    expect(core.indicators[idx("Missing quarter")]!.dotShort).toBe("n/a");
    expect(core.indicators[idx("Merton burglary (monthly)")]!.fytd.periods[0]).toBe("2021-04");
    expectAgreement(books.original!.getWorksheet("Monitoring")!, layout, core);
  });

  test("after editing actuals, a target, a tolerance and a polarity, the recalculated sheet agrees with the core on the edited figures", () => {
    const before = computeMonitoring(all);
    const after = computeMonitoring(edited);
    // The edits really change the outcome.
    expect(before.indicators[idx("MOPAC 7 neighbourhood crimes")]!.rag).toBe("Red");
    expect(after.indicators[idx("MOPAC 7 neighbourhood crimes")]!.rag).toBe("Green");
    expect(after.indicators[asb]!.rag).toBe("Amber");
    expect(after.indicators[sd]!.dotShort).toBe("▼ down, better");
    expect(after.indicators[idx("I calls answered in target")]!.dotLong).not.toBe("n/a");
    expect(after.indicators[idx("Missing quarter")]!.dotShort).not.toBe("n/a");
    expect(after.indicators[burglaryMonthly]!.controlChart!.pointLabels).not.toEqual(
      before.indicators[burglaryMonthly]!.controlChart!.pointLabels
    );
    expect(after.summary).not.toBe(before.summary);
    expectAgreement(books.edited!.getWorksheet("Monitoring")!, layout, after);
  });

  test("refresh reads the edited inputs back: rebuilt, the sheet would rate them as the edited sheet does", () => {
    const ws = books.edited!.getWorksheet("Monitoring")!;
    const back = readMonitoringInputs(layout.inputs, (row, col) =>
      computed(ws.getCell(row + 1, col + 1))
    );
    const after = computeMonitoring(edited);
    const rebuilt = computeMonitoring(back);
    expect(rebuilt.summary).toBe(after.summary);
    expect(
      rebuilt.indicators.map((r) => [
        r.name,
        r.rag,
        r.dotShort,
        r.dotLong,
        r.polarity,
        r.tolerancePct,
      ])
    ).toEqual(
      after.indicators.map((r) => [
        r.name,
        r.rag,
        r.dotShort,
        r.dotLong,
        r.polarity,
        r.tolerancePct,
      ])
    );
  });
});
