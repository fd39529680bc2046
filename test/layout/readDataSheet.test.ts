import { layoutDataSheet } from "../../src/layout/dataSheet/layout";
import { readDataSheet } from "../../src/layout/dataSheet/read";
import type { SheetSpec } from "../../src/layout/spec";
import type { CrimeTable } from "../../src/core/model";
import {
  sampleTables,
  datastoreTables,
  SEPTEMBER_BOROUGHS,
  MERTON_PERIODS,
} from "../support/samples";

/** The values a writer would read back (formulas not computed: null). */
function valuesOf(sheet: SheetSpec): unknown[][] {
  const grid: unknown[][] = [];
  for (const b of sheet.blocks) {
    b.cells.forEach((row, i) => {
      row.forEach((c, j) => {
        const r = (grid[b.row + i] ??= []);
        r[b.col + j] =
          c === null
            ? null
            : c.formula !== undefined
              ? null
              : (c.text ?? c.number ?? c.bool ?? null);
      });
    });
  }
  return Array.from(grid, (r) => Array.from(r ?? [], (v) => v ?? null));
}

const layout = (t: CrimeTable) =>
  layoutDataSheet(t, {
    sheetName: "Data",
    tableName: "T",
    importedOn: "2026-11-22",
    thresholds: { alpha: 0.05, minBase: 20 },
  });

/** What a table means, without the source's own formatting of raw text. */
const meaning = (t: CrimeTable) =>
  t.rows.map((r) => ({
    line: r.line,
    category: r.category,
    subcategory: r.subcategory,
    isTotal: r.isTotal,
    status: r.status,
    unit: r.unit,
    values: Object.fromEntries(Object.entries(r.values).filter(([, v]) => v !== null)),
  }));

describe("reading a data sheet back", () => {
  const all = [
    ...SEPTEMBER_BOROUGHS,
    ...MERTON_PERIODS,
    "borough-c-2017-09-05.pdf-copy.txt",
    "borough-d-2017-09-05.html",
  ].flatMap(sampleTables);

  test.each(all.map((t) => [`${t.source} ${t.kind}`, t] as const))(
    "%s round-trips to the same table",
    (_name, table) => {
      const l = layout(table);
      const back = readDataSheet(valuesOf(l.sheet), l.info, "Data");
      if (!back.ok) throw new Error(back.error);
      expect(meaning(back.table)).toEqual(meaning(table));
      expect(back.table.area).toBe(table.area);
      expect(back.table.periodEnding).toBe(table.periodEnding);
      expect(back.table.columns).toEqual(table.columns);
    }
  );

  test("a Datastore table round-trips with its % change recomputed and SD fields absent", () => {
    const [t] = datastoreTables({ areas: ["Merton"] });
    const l = layout(t!);
    const back = readDataSheet(valuesOf(l.sheet), l.info);
    if (!back.ok) throw new Error(back.error);
    expect(meaning(back.table)).toEqual(meaning(t!));
  });

  test("reads the sheet as the user left it: a corrected count, moved rows, an added row, a column moved", () => {
    const [table] = sampleTables("merton-2017-08-01.txt");
    const l = layout(table!);
    const values = valuesOf(l.sheet);
    const header = l.info.headerRow;
    const headers = values[header]!;
    const cur = headers.indexOf("Offences Current R12");
    // Correct a count.
    values[header + 1]![cur] = 999;
    // Insert two rows above the table and a row at its end.
    values.splice(header, 0, [], ["a note the user typed"]);
    const h = header + 2;
    const added = Array(headers.length).fill(null);
    added[0] = "Burglary";
    added[1] = "Residential";
    added[cur] = 12;
    added[cur - 1] = 10;
    values.splice(h + 1 + table!.rows.length, 0, added);
    // Move the Target column to the end of every row.
    const target = headers.indexOf("Target");
    for (let r = h; r < values.length; r++) {
      const row = values[r]!;
      if (row.length > target) row.push(row.splice(target, 1)[0] ?? null);
    }
    const back = readDataSheet(values, l.info);
    if (!back.ok) throw new Error(back.error);
    expect(back.headerRow).toBe(h);
    expect(back.table.rows[0]!.values.offencesCurrent).toBe(999);
    expect(back.table.rows[0]!.values.offencesPrevious).toBe(
      table!.rows[0]!.values.offencesPrevious
    );
    const last = back.table.rows[back.table.rows.length - 1]!;
    expect(last).toMatchObject({
      category: "Burglary",
      subcategory: "Residential",
      values: { offencesPrevious: 10, offencesCurrent: 12 },
    });
    expect(back.table.rows).toHaveLength(table!.rows.length + 1);
  });

  test("a sheet whose headings are gone is a clear error", () => {
    const [table] = sampleTables("merton-2017-08-01.txt");
    const l = layout(table!);
    const back = readDataSheet([["nothing here"]], l.info, "Merton 2017-08-01");
    expect(back).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^Merton 2017-08-01: no header row with the columns "Crime Category"/
      ),
    });
  });
});
