import { layoutWorkbook, layoutGenerated, layoutDataSheets } from "../../src/layout/layoutWorkbook";
import { validateTables } from "../../src/core/validate";
import { defaultAnomalyOptions, findAnomalies } from "../../src/core/anomalies";
import type { CrimeTable } from "../../src/core/model";
import type { WorkbookSpec } from "../../src/layout/spec";
import { readFileSync } from "fs";
import path from "path";
import { readDatastore, r12Tables } from "../../src/core/datastore";
import {
  sampleTables,
  datastoreTables,
  SAMPLES,
  SEPTEMBER_BOROUGHS,
  MERTON_PERIODS,
} from "../support/samples";

const thresholds = { ...defaultAnomalyOptions };
function build(
  tables: CrimeTable[],
  existingSheetNames: string[] = [],
  groups: { name: string; areas: string[] }[] = []
) {
  return layoutWorkbook({
    tables,
    issues: validateTables(tables),
    anomalies: findAnomalies(tables, thresholds),
    groups,
    thresholds,
    existingSheetNames,
    importedOn: "2026-11-22",
  });
}

/** Every sheet a formula refers to ('Name'!...), for checking that references resolve. */
function referencedSheets(spec: WorkbookSpec): Set<string> {
  const names = new Set<string>();
  const scan = (f: string) => {
    for (const m of f.matchAll(/'((?:[^']|'')+)'!/g)) names.add(m[1]!.replace(/''/g, "'"));
  };
  for (const s of spec.sheets) {
    for (const b of s.blocks)
      for (const row of b.cells) for (const c of row) if (c?.formula) scan(c.formula);
    for (const cf of s.conditionalFormats) scan(cf.formula);
    for (const c of s.charts) [c.categories, ...c.series.map((x) => x.values)].forEach(scan);
  }
  return names;
}

describe("workbook layout", () => {
  const pasted = [...SEPTEMBER_BOROUGHS, ...MERTON_PERIODS].flatMap(sampleTables);

  test("data sheets, a comparison per period with two or more areas, a trend per area with two or more periods, checks, definitions", () => {
    const { spec, definitions } = build(pasted);
    const roles = spec.sheets.map((s) => `${s.role}:${s.name}`);
    expect(roles.filter((r) => r.startsWith("data:"))).toHaveLength(12);
    expect(roles.filter((r) => r.startsWith("comparison:"))).toEqual([
      "comparison:Compare 2017-09-05",
    ]);
    expect(roles.filter((r) => r.startsWith("trend:"))).toEqual(["trend:Trend Merton"]);
    expect(roles.slice(-3)).toEqual([
      "checks:Checks",
      "summary:Summary",
      "definitions:_ScrutinyDefinitions",
    ]);
    for (const s of spec.sheets) expect(s.generated).toBe(s.role !== "data");
    expect(definitions.areas).toEqual([
      "Borough A",
      "Borough C",
      "Borough D",
      "Borough E",
      "Merton",
    ]);
    expect(spec.removeSheets).toEqual([]);
  });

  test("every sheet a formula refers to is in the workbook", () => {
    const { spec } = build(
      [...pasted, ...datastoreTables({ period: "2024-01", group: "South West" })],
      [],
      [
        {
          name: "South West",
          areas: ["Kingston upon Thames", "Merton", "Richmond upon Thames", "Wandsworth"],
        },
      ]
    );
    const names = new Set(spec.sheets.map((s) => s.name));
    for (const n of referencedSheets(spec)) expect(names).toContain(n);
  });

  test("a user's sheets keep their names: ours get a numbered suffix", () => {
    const { spec } = build(pasted, ["Checks", "merton 2017-08-01"]);
    const names = spec.sheets.map((s) => s.name);
    expect(names).toContain("Checks (2)");
    expect(names).toContain("Merton 2017-08-01 (2)");
    expect(names).not.toContain("Checks");
  });

  test("a group that covers exactly a period's areas replaces the plain comparison; Datastore comparisons have no SD sections", () => {
    const sw = datastoreTables({ period: "2024-01", group: "South West" });
    const { spec } = build(
      sw,
      [],
      [
        {
          name: "South West",
          areas: ["Kingston upon Thames", "Merton", "Richmond upon Thames", "Wandsworth"],
        },
      ]
    );
    const comparisons = spec.sheets.filter((s) => s.role === "comparison");
    expect(comparisons.map((s) => s.name)).toEqual(["Compare South West 2024-01-31"]);
    const titles = comparisons[0]!.blocks.map((b) => b.cells[0]?.[0]?.text);
    expect(titles).toContain("Offences % change (current vs previous R12)");
    expect(titles.some((t) => t?.startsWith("SD"))).toBe(false);
  });

  test("comparison figures look the data sheets up by category and sub-category, never by row", () => {
    const { spec } = build(pasted);
    const cmp = spec.sheets.find((s) => s.name === "Compare 2017-09-05")!;
    const lookups = cmp.blocks
      .flatMap((b) => b.cells.flat())
      .filter((c) => c?.formula?.includes("SUMIFS"));
    expect(lookups.length).toBeGreaterThan(100);
    // Category and sub-category come from the row's own label cells (A and B), matched exactly.
    const exact = (col: string) =>
      `"="&SUBSTITUTE\\(SUBSTITUTE\\(SUBSTITUTE\\(\\$${col}(\\d+),"~","~~"\\),"\\*","~\\*"\\),"\\?","~\\?"\\)`;
    const pattern = new RegExp(
      `^IF\\(COUNTIFS\\('[^']+'!\\$A:\\$A,${exact("A")},'[^']+'!\\$B:\\$B,${exact("B")},'[^']+'!\\$[A-Z]+:\\$[A-Z]+,"<>"\\)=0,"n\\/a",SUMIFS\\(`
    );
    for (const b of cmp.blocks)
      b.cells.forEach((row, i) =>
        row.forEach((c) => {
          if (!c?.formula?.includes("SUMIFS")) return;
          const m = pattern.exec(c.formula);
          expect(m).not.toBeNull();
          // Both label cells on the formula's own row.
          expect([m![1], m![2]]).toEqual([`${b.row + i + 1}`, `${b.row + i + 1}`]);
        })
      );
  });

  test("the Checks sheet links each finding to its cell", () => {
    const tables = sampleTables("merton-2017-08-01.txt");
    const { spec } = build(tables);
    const checks = spec.sheets.find((s) => s.role === "checks")!;
    const rows = checks.blocks[0]!.cells.slice(5);
    const missing = rows.find((r) => r[2]?.text === "missing-value")!;
    expect(missing[13]!.link).toMatch(/^'Merton 2017-08-01 calls'!D\d+$/);
    expect(rows.filter((r) => r[0]?.text === "Anomaly").length).toBeGreaterThan(0);
    expect(rows.every((r) => r[13] === null || r[13]!.link!.startsWith("'Merton 2017-08-01"))).toBe(
      true
    );
  });

  test("refreshing reuses the names of earlier generated sheets and removes those no longer produced", () => {
    const first = build(pasted);
    const previous = first.definitions.sheets.filter((s) => s.generated);
    const data = layoutDataSheets({
      tables: pasted.filter((t) => !t.source.startsWith("merton-2017-07")),
      existingSheetNames: [],
      thresholds,
      importedOn: "x",
    });
    const gen = layoutGenerated({
      dataSheets: data.refs,
      issues: [],
      anomalies: [],
      groups: [],
      thresholds,
      existingSheetNames: first.spec.sheets.map((s) => s.name),
      previousGenerated: previous,
    });
    expect(gen.sheets.map((s) => s.name)).toEqual(["Compare 2017-09-05", "Checks", "Summary"]);
    expect(gen.removeSheets).toEqual(["Trend Merton"]);
  });

  test("generated sheets say so in their title", () => {
    const { spec } = build(pasted);
    for (const s of spec.sheets.filter((x) => x.generated && x.visibility !== "veryHidden")) {
      expect(s.blocks[0]!.cells[0]![0]!.text).toMatch(/\(generated\)$/);
    }
  });

  test("a Datastore series long enough gets the core's control-chart signals on its trend sheet", () => {
    const file = path.join(SAMPLES, "datastore/mps-borough-level-crime-2010-04-to-2022-01.csv");
    const read = readDatastore(readFileSync(file, "utf8"), path.basename(file));
    if (!read.ok) throw new Error(read.error.message);
    const months = [
      "2019-12",
      ...Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, "0")}`),
      "2021-01",
    ];
    const tables = months.flatMap((m) => {
      const r = r12Tables(read.file, { period: m, areas: ["Merton"] });
      if (!r.ok) throw new Error(r.error.message);
      return r.tables;
    });
    const anomalies = findAnomalies(tables, thresholds).filter((a) => a.rule.startsWith("spc-"));
    expect(anomalies.length).toBeGreaterThan(0);
    const { spec } = build(tables);
    const trend = spec.sheets.find((s) => s.role === "trend")!;
    expect(trend.name).toBe("Trend Merton DS");
    const section = trend.blocks.find((b) => b.cells[0]?.[0]?.text === "Offences, current R12")!;
    const header = section.cells[1]!.map((c) => c?.text);
    expect(header.slice(2, 4)).toEqual([tables[0]!.periodEnding, tables[1]!.periodEnding]);
    const signalsCol = header.indexOf("Control-chart signals");
    const signalled = section.cells.slice(2).filter((r) => r[signalsCol]?.text);
    expect(signalled.length).toBeGreaterThan(0);
    for (const a of anomalies) {
      const row = section.cells
        .slice(2)
        .find((r) => r[0]?.text === a.category && (r[1]?.text ?? null) === a.subcategory);
      expect(row?.[signalsCol]?.text).toContain(a.message);
    }
  });
});
