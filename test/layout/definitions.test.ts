import {
  DEFINITIONS_CHUNK,
  DEFINITIONS_MARKER,
  DEFINITIONS_SHEET,
  parseDefinitions,
  writeDefinitions,
  type Definitions,
} from "../../src/layout/definitions";

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

  test("anything else is null, never an exception", () => {
    expect(parseDefinitions([])).toBeNull();
    expect(parseDefinitions([["something else"], ["{}"]])).toBeNull();
    expect(parseDefinitions([[DEFINITIONS_MARKER], ["{not json"]])).toBeNull();
    expect(parseDefinitions([[DEFINITIONS_MARKER], [JSON.stringify({ version: 2 })]])).toBeNull();
  });
});
