// Trend sheets from the Datastore's monthly counts: one per area, a block per category,
// limits and rolling sums as formulas that give the core's XmR limits and the R12
// figures of the data sheets, signals where the core's SPC finds them, charts for all
// offences and the signalled categories only, and kept through a refresh.
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { buildWorkbook } from "../../src/app/useCases";
import { monthlyFlags, monthlySources } from "../../src/app/monthlySeries";
import { spcSignals, xmr } from "../../src/core/stats";
import { headlineChanges } from "../../src/layout/summaryHeadlines";
import { defaultAnomalyOptions } from "../../src/core/anomalies";
import type { CellSpec, SheetSpec } from "../../src/layout/spec";
import { writeXlsx } from "../../src/writers/xlsx/writeXlsx";
import { runBuild } from "../../src/cli/buildCommand";
import { runRefresh } from "../../src/cli/refreshCommand";
import { readXlsx } from "../../src/writers/xlsx/readXlsx";
import { DATASTORE_2024, datastoreTables } from "../support/samples";
import { computed, describeWithLibreOffice, errorCells, recalculate } from "../support/libreoffice";
import { memoryIo } from "../support/cliIo";

const tables = datastoreTables({ group: "South West" });
const plan = buildWorkbook(tables, [], undefined, "2026-12-03");
const monthlySheets = plan.spec.sheets.filter((s) => s.name.startsWith("Monthly "));

/** Every cell of a sheet by 0-based row. */
function grid(sheet: SheetSpec): (CellSpec | null)[][] {
  const rows: (CellSpec | null)[][] = [];
  for (const b of sheet.blocks)
    b.cells.forEach((cells, r) => {
      const row = (rows[b.row + r] ??= []);
      cells.forEach((c, k) => (row[b.col + k] = c));
    });
  return rows;
}

/** The blocks of a monthly sheet: category, its title row and its month rows. */
function blocksOf(sheet: SheetSpec) {
  const rows = grid(sheet);
  const out: { category: string; top: number; months: (CellSpec | null)[][] }[] = [];
  rows.forEach((r, i) => {
    const m = /^(.*): offences per month$/.exec(r?.[0]?.text ?? "");
    if (!m) return;
    const months: (CellSpec | null)[][] = [];
    for (let k = i + 3; rows[k]?.[0]?.text && rows[k]![1]?.number !== undefined; k++)
      months.push(rows[k]!);
    out.push({ category: m[1]!, top: i, months });
  });
  return out;
}

describe("trend sheets from monthly counts", () => {
  test("a Datastore import gives one monthly trend sheet per area, all offences first", () => {
    expect(monthlySheets.map((s) => s.name)).toEqual([
      "Monthly Kingston upon Thames",
      "Monthly Merton",
      "Monthly Richmond upon Thames",
      "Monthly Wandsworth",
    ]);
    for (const s of monthlySheets) {
      expect(s.role).toBe("trend");
      const blocks = blocksOf(s);
      expect(blocks[0]!.category).toBe("All offences");
      expect(blocks).toHaveLength(tables[0]!.monthly!.series.length);
      for (const b of blocks) expect(b.months).toHaveLength(24);
      expect(s.print?.orientation).toBe("landscape");
    }
    const defs = plan.definitions.sheets.filter((d) => d.family === "monthly");
    expect(defs.map((d) => d.area)).toEqual(tables.map((t) => t.area));
    expect(defs[0]!.monthly!.months).toHaveLength(24);
  });

  test("each month's signals are those the core's SPC finds, and the flags reach Checks", () => {
    const merton = monthlySheets.find((s) => s.name === "Monthly Merton")!;
    const series = tables.find((t) => t.area === "Merton")!.monthly!.series;
    let signalled = 0;
    for (const b of blocksOf(merton)) {
      const values = series.find((s) => s.category === b.category)!.values;
      const { signals } = spcSignals(values, defaultAnomalyOptions);
      const marked = new Set(signals.flatMap((s) => s.points));
      b.months.forEach((r, i) =>
        expect([b.category, i, !!r[7]?.text]).toEqual([b.category, i, marked.has(i)])
      );
      if (marked.size > 0) signalled++;
    }
    expect(signalled).toBeGreaterThan(0);
    const flags = monthlyFlags(monthlySources(tables, []), tables, defaultAnomalyOptions);
    const checks = grid(plan.spec.sheets.find((s) => s.role === "checks")!);
    const messages = new Set(checks.map((r) => r?.[12]?.text));
    expect(flags.length).toBeGreaterThan(0);
    for (const f of flags) expect(messages.has(f.message)).toBe(true);
  });

  test("the Summary tells a control-chart signal of the monthly counts in the core's own words", () => {
    const flags = monthlyFlags(monthlySources(tables, []), tables, defaultAnomalyOptions);
    const { headlines } = headlineChanges(tables, flags, 1000);
    const outside = headlines.filter((h) => h.anomaly.rule === "spc-outside-limits");
    expect(outside.length).toBeGreaterThan(0);
    for (const h of headlines) expect(h.sentence).toBe(h.anomaly.message);
    // Above the upper limit is a concern (fewer offences is better), below an improvement.
    for (const h of outside)
      expect(h.concern).toBe(/above the upper process limit/.test(h.anomaly.message));
  });

  test("charts: a control chart and the rolling 12 months of all offences, then only signalled categories", () => {
    for (const s of monthlySheets) {
      const blocks = blocksOf(s);
      const signalled = blocks.slice(1).filter((b) => b.months.some((r) => r[7]?.text));
      expect(s.charts.length).toBe(2 + Math.min(6, signalled.length));
      const [spc, r12] = s.charts;
      expect(spc!.series.map((x) => x.name)).toEqual([
        "Offences",
        "Mean",
        "Upper limit",
        "Lower limit",
      ]);
      expect(spc!.series.filter((x) => x.dashed).map((x) => x.name)).toEqual([
        "Upper limit",
        "Lower limit",
      ]);
      expect(r12!.series[0]!.name).toBe("Rolling 12 months");
      for (const c of s.charts.slice(2))
        expect(signalled.map((b) => b.category)).toContain(
          /: (.*), offences per month/.exec(c.title)![1]
        );
    }
  });
});

describeWithLibreOffice("monthly trend formulas recalculated by LibreOffice", () => {
  test("limits are the core's XmR limits and the last rolling 12 months is the data sheet's current R12", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "monthly-"));
    try {
      const file = path.join(dir, "ds.xlsx");
      writeFileSync(file, await writeXlsx(plan.spec));
      const wb = await recalculate(file);
      expect(errorCells(wb)).toEqual([]);
      for (const sheet of monthlySheets) {
        const ws = wb.getWorksheet(sheet.name)!;
        const table = tables.find((t) => sheet.name.endsWith(t.area!))!;
        for (const b of blocksOf(sheet)) {
          const values = table.monthly!.series.find((s) => s.category === b.category)!.values;
          const limits = xmr(values);
          const at = (r: number, c: number) => Number(computed(ws.getCell(r + 1, c + 1)));
          expect(at(b.top + 1, 1)).toBeCloseTo(limits.mean, 9);
          expect(at(b.top + 1, 3)).toBeCloseTo(limits.averageMovingRange, 9);
          expect(at(b.top + 1, 5)).toBeCloseTo(limits.upper, 9);
          expect(at(b.top + 1, 7)).toBeCloseTo(limits.lower, 9);
          const last = b.top + 3 + b.months.length - 1;
          const row = table.rows.find((r) => r.isTotal && r.category === b.category)!;
          expect([b.category, at(last, 6)]).toEqual([b.category, row.values.offencesCurrent]);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("a refresh keeps the monthly trend sheets", () => {
  test("rebuilt from the counts the definitions recorded, the same cells", async () => {
    const io = memoryIo();
    expect(await runBuild([DATASTORE_2024], { out: "ds.xlsx", group: ["South West"] }, io)).toBe(0);
    const before = await readXlsx(io.files.get("ds.xlsx") as Uint8Array);
    expect(await runRefresh("ds.xlsx", {}, io)).toBe(0);
    const after = await readXlsx(io.files.get("ds.xlsx") as Uint8Array);
    for (const s of monthlySheets) {
      expect(after.sheetNames).toContain(s.name);
      expect(after.sheetValues(s.name)).toEqual(before.sheetValues(s.name));
    }
  }, 60_000);
});
