import {
  DEFINITIONS_CHUNK,
  DEFINITIONS_MARKER,
  DEFINITIONS_SHEET,
  parseDefinitions,
  writeDefinitions,
  type Definitions,
} from "../../src/layout/definitions";
import {
  claimProblem,
  DAMAGED,
  DefinitionsError,
  holdsGenerated,
} from "../../src/layout/definitionsSchema";
import { readFileSync } from "fs";
import path from "path";
import { layoutWorkbook } from "../../src/layout/layoutWorkbook";
import { layoutMonitoring } from "../../src/layout/layoutMonitoring";
import type { SheetSpec } from "../../src/layout/spec";
import { validateTables } from "../../src/core/validate";
import { defaultAnomalyOptions, findAnomalies } from "../../src/core/anomalies";
import { readIndicators } from "../../src/core/monitor/readIndicators";
import { MERTON_PERIODS, SAMPLES, SEPTEMBER_BOROUGHS, sampleTables } from "../support/samples";

const defs = (n: number): Definitions => ({
  version: 1,
  areas: ["Merton", "Borough A"],
  periods: ["2017-08-01"],
  groups: [{ name: "South West", areas: ["Merton", "Wandsworth"] }],
  thresholds: { alpha: 0.05, minBase: 20 },
  sheets: Array.from({ length: n }, (_, i) => ({
    name: `Sheet ${i} "quoted" ünïcode`,
    role: "comparison" as const,
    generated: true,
    periodEnding: "2017-09-05",
  })),
});

/** The values a writer reads back from the sheet spec (column A). */
const valuesOf = (d: Definitions): unknown[][] =>
  writeDefinitions(d).blocks[0]!.cells.map((row) => row.map((c) => c?.text ?? null));

describe("definitions sheet", () => {
  test("is very hidden, named _ScrutinyDefinitions, marked in A1, and round-trips", () => {
    const sheet = writeDefinitions(defs(3));
    expect(sheet.name).toBe(DEFINITIONS_SHEET);
    expect(sheet.visibility).toBe("veryHidden");
    expect(sheet.blocks[0]!.cells[0]![0]!.text).toBe(DEFINITIONS_MARKER);
    expect(parseDefinitions(valuesOf(defs(3)))).toEqual(defs(3));
  });

  test("long JSON is split into chunks that fit a cell and joined again", () => {
    const big = defs(2000);
    const values = valuesOf(big);
    expect(values.length).toBeGreaterThan(3);
    for (const row of values.slice(1))
      expect(String(row[0]).length).toBeLessThanOrEqual(DEFINITIONS_CHUNK);
    expect(parseDefinitions(values)).toEqual(big);
  });

  test("a sheet without the marker is not ours: null", () => {
    expect(parseDefinitions([])).toBeNull();
    expect(parseDefinitions([["something else"], ["{}"]])).toBeNull();
  });

  test("marked definitions that do not parse, or are of the wrong shape, throw a DefinitionsError naming the problem", () => {
    const damaged = (json: string) => () => parseDefinitions([[DEFINITIONS_MARKER], [json]]);
    expect(damaged("{not json")).toThrow(DefinitionsError);
    expect(damaged("{not json")).toThrow(/definitions are damaged: they are not readable JSON/);
    const shapes: [unknown, string][] = [
      [{ version: 2 }, "definitions.version is 2"],
      [null, "definitions is null, not an object"],
      [{ ...defs(1), areas: "Merton" }, 'definitions.areas is "Merton", not a list'],
      [{ ...defs(1), groups: [{ name: 3, areas: [] }] }, "definitions.groups[0].name is 3"],
      [{ ...defs(1), sheets: [null] }, "definitions.sheets[0] is null"],
      [{ ...defs(1), sheets: [{ name: "", role: "checks", generated: true }] }, ".name"],
      [{ ...defs(1), sheets: [{ name: "X", role: "checks", generated: "yes" }] }, ".generated"],
      [
        {
          ...defs(1),
          sheets: [{ name: "X", role: "trend", generated: true, extent: { rows: -1, cols: 2 } }],
        },
        "definitions.sheets[0].extent.rows is -1, not a whole number",
      ],
      [
        {
          ...defs(1),
          sheets: [{ name: "X", role: "data", generated: false, data: { kind: "made-up" } }],
        },
        "definitions.sheets[0].data.kind",
      ],
      [
        {
          ...defs(1),
          sheets: [
            {
              name: "M",
              role: "monitoring",
              generated: false,
              monitoring: { inputs: {}, options: {} },
            },
          ],
        },
        "definitions.sheets[0].monitoring.inputs.indicators",
      ],
      [{ ...defs(1), thresholds: [] }, "definitions.thresholds is [], not an object"],
      [{ ...defs(1), thresholds: { minBase: null } }, "definitions.thresholds.minBase is null"],
    ];
    for (const [shape, problem] of shapes) {
      expect(damaged(JSON.stringify(shape))).toThrow(DefinitionsError);
      expect(damaged(JSON.stringify(shape))).toThrow(`${DAMAGED}: `);
      expect(damaged(JSON.stringify(shape))).toThrow(problem);
    }
  });

  test("fields a later version may add are ignored, and optional fields may be absent", () => {
    const d = { ...defs(1), later: true, thresholds: { alpha: 0.05, somethingNew: "x" } };
    expect(parseDefinitions(valuesOf(d as Definitions))).toEqual(d);
  });
});

/** A sheet's values as a writer reads them back: each cell's text or number, A1 anchored. */
function valuesOfSheet(sheet: SheetSpec): unknown[][] {
  const rows: unknown[][] = [];
  for (const b of sheet.blocks)
    b.cells.forEach((row, r) =>
      row.forEach((c, k) => {
        (rows[b.row + r] ??= [])[b.col + k] = c?.text ?? c?.number ?? null;
      })
    );
  return Array.from(rows, (r) => r ?? []);
}

describe("what a sheet a refresh replaces must hold", () => {
  const tables = [...SEPTEMBER_BOROUGHS, ...MERTON_PERIODS].flatMap(sampleTables);
  const spec = layoutWorkbook({
    tables,
    issues: validateTables(tables),
    anomalies: findAnomalies(tables, defaultAnomalyOptions),
    groups: [{ name: "Pair", areas: ["Borough A", "Borough C"] }],
    thresholds: defaultAnomalyOptions,
    existingSheetNames: [],
    importedOn: "2026-11-22",
  }).spec;
  const indicators = readIndicators(
    readFileSync(path.join(SAMPLES, "monitoring/indicators-2016-17.txt"), "utf8"),
    "indicators-2016-17.txt"
  );
  if (!indicators.ok) throw new Error("sample indicators");
  const sheets = [
    ...spec.sheets,
    layoutMonitoring(indicators.indicators, { title: "My own title" }, "Monitoring").sheet,
  ];

  test("every sheet a refresh rebuilds, as its layout writes it, holds its role's title and banner", () => {
    const roles = new Set<string>();
    for (const s of sheets.filter((x) => x.generated && x.role !== "definitions")) {
      roles.add(s.role);
      expect([s.name, holdsGenerated(s.role, valuesOfSheet(s))]).toEqual([s.name, true]);
    }
    expect([...roles].sort()).toEqual(["checks", "comparison", "monitoring", "summary", "trend"]);
  });

  test("a data sheet, a user's sheet, or a generated sheet of another role does not", () => {
    const of = (role: string) => sheets.find((s) => s.role === role)!;
    expect(holdsGenerated("checks", valuesOfSheet(of("data")))).toBe(false);
    expect(holdsGenerated("comparison", [["My notes"], ["Why did burglary rise?"]])).toBe(false);
    expect(holdsGenerated("trend", [])).toBe(false);
    expect(holdsGenerated("checks", valuesOfSheet(of("comparison")))).toBe(false);
    expect(holdsGenerated("comparison", valuesOfSheet(of("trend")))).toBe(false);
    expect(holdsGenerated("monitoring", valuesOfSheet(of("checks")))).toBe(false);
    expect(holdsGenerated("data", valuesOfSheet(of("data")))).toBe(false);
  });

  test("claimProblem names the sheet and what the definitions claim it is", () => {
    const checks = { name: "Notes", role: "checks" as const, generated: true };
    const data = { name: "Notes", role: "data" as const, generated: false };
    expect(claimProblem("Notes", [checks], [["Notes"]])).toMatch(
      /“Notes” as the Checks sheet, but it does not hold one/
    );
    expect(claimProblem("Notes", [checks, data], null)).toMatch(
      /as the Checks sheet but also as a data sheet/
    );
    expect(claimProblem("Notes", [], null)).toMatch(/which its definitions do not record/);
    // Not read (the add-in reads only the data and monitoring sheets): taken as recorded.
    expect(claimProblem("Notes", [checks], null)).toBeNull();
    const real = sheets.find((s) => s.role === "checks")!;
    expect(
      claimProblem(real.name, [{ ...checks, name: real.name }], valuesOfSheet(real))
    ).toBeNull();
  });
});
