// Comparison and trend layouts: formulas whose size does not grow with the number of areas,
// one R1C1 form per column (the look-ups read the row's own label cells), and, recalculated
// by LibreOffice, look-ups that still find each category when its name holds SUMIFS
// wildcards or comparison operators and when a data sheet's rows are in another order.
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import ExcelJS from "exceljs";
import type { CrimeTable } from "../../src/core/model";
import { validateTables } from "../../src/core/validate";
import { defaultAnomalyOptions, findAnomalies } from "../../src/core/anomalies";
import { changeFunnel } from "../../src/core/stats";
import { layoutWorkbook } from "../../src/layout/layoutWorkbook";
import type { BlockSpec, SheetSpec, WorkbookSpec } from "../../src/layout/spec";
import { toR1C1 } from "../../src/writers/officejs/toR1C1";
import { writeXlsx } from "../../src/writers/xlsx/writeXlsx";
import { applyWorkbookSpec } from "../../src/writers/officejs/applyWorkbookSpec";
import { DEFAULT_MAX_REQUEST_BYTES } from "../../src/writers/officejs/requestBudget";
import { FakeExcel } from "../doubles/fakeExcel";
import { readFileSync } from "fs";
import { readDatastore, r12Tables } from "../../src/core/datastore";
import { SAMPLES, datastoreTables, sampleTables } from "../support/samples";
import { computed, describeWithLibreOffice, errorCells, recalculate } from "../support/libreoffice";

const thresholds = { ...defaultAnomalyOptions };
const SOUTH_WEST = ["Kingston upon Thames", "Merton", "Richmond upon Thames", "Wandsworth"];

/** R12 tables of the 2010-2022 Datastore file (the 2022-2024 file ends one R12 period only). */
function olderTables(period: string, areas?: string[]): CrimeTable[] {
  const file = path.join(SAMPLES, "datastore/mps-borough-level-crime-2010-04-to-2022-01.csv");
  const read = readDatastore(readFileSync(file, "utf8"), path.basename(file));
  if (!read.ok) throw new Error(read.error.message);
  const r = r12Tables(read.file, { period, areas });
  if (!r.ok) throw new Error(r.error.message);
  return r.tables;
}
function build(tables: CrimeTable[]) {
  return layoutWorkbook({
    tables,
    issues: validateTables(tables),
    anomalies: findAnomalies(tables, thresholds),
    groups: [],
    thresholds,
    existingSheetNames: [],
    importedOn: "2026-11-22",
  }).spec;
}

/** The body rows (below title and header) of each section block of a generated sheet. */
function sections(sheet: SheetSpec): BlockSpec[] {
  return sheet.blocks.filter((b) => b.cells[1]?.[0]?.text === "Category");
}

/** A formula with every column letter made one letter: its length then counts terms, not columns. */
const oneLetterColumns = (f: string): string => f.replace(/\$?[A-Z]{1,3}(\$?\d+)/g, "C$1");

const longest = (sheets: SheetSpec[]): number =>
  Math.max(
    ...sheets.flatMap((s) => [
      ...s.blocks.flatMap((b) =>
        b.cells.flat().map((c) => (c?.formula ? oneLetterColumns(c.formula).length : 0))
      ),
      ...s.conditionalFormats.map((f) => oneLetterColumns(f.formula).length),
    ])
  );

describe("comparison and trend formulas for every London area", () => {
  // Every area of the 2022-2024 file, and two earlier periods so each area has a trend.
  const all = [...datastoreTables({ period: "2024-01" }), ...olderTables("2022-01")];
  const areas = [...new Set(all.map((t) => t.area))];
  const two = all.filter((t) => t.area === areas[0] || t.area === areas[1]);
  const many = build(all);
  const few = build(two);
  const generated = (spec: typeof many, role: string) => spec.sheets.filter((s) => s.role === role);

  test("the sample has every borough, and each period gets a comparison of all of them", () => {
    expect(areas.length).toBeGreaterThanOrEqual(32);
    const cmp = generated(many, "comparison");
    expect(cmp).toHaveLength(2);
    expect(generated(many, "trend")).toHaveLength(areas.length);
    expect(cmp[0]!.blocks[0]!.cells[2]![0]!.text).toContain(areas[areas.length - 1]!);
  });

  test("no formula grows with the number of areas", () => {
    for (const role of ["comparison", "trend"]) {
      const a = longest(generated(few, role));
      const b = longest(generated(many, role));
      // Only sheet names and column letters differ, never the number of terms.
      expect({ role, grows: b > a + 40 }).toEqual({ role, grows: false });
      expect(b).toBeLessThan(1000);
    }
  });

  test("every column of a section is one formula in R1C1 form", () => {
    let columns = 0;
    for (const sheet of [...generated(many, "comparison"), ...generated(many, "trend")]) {
      for (const block of sections(sheet)) {
        const body = block.cells.slice(2);
        const width = Math.max(...body.map((r) => r.length));
        for (let c = 0; c < width; c++) {
          const forms = new Set<string | null>();
          body.forEach((row, i) => {
            const f = row[c]?.formula;
            if (f !== undefined) forms.add(toR1C1(f, block.row + 2 + i, block.col + c));
          });
          if (forms.size === 0) continue;
          columns++;
          expect({ sheet: sheet.name, row: block.row, col: c, forms: forms.size }).toEqual({
            sheet: sheet.name,
            row: block.row,
            col: c,
            forms: 1,
          });
          expect(forms.has(null)).toBe(false);
        }
      }
    }
    expect(columns).toBeGreaterThan(400);
  });

  test("look-ups read the category and sub-category from the row's own label cells", () => {
    const cmp = generated(many, "comparison")[0]!;
    const block = sections(cmp).find((b) => b.cells[0]![0]!.text === "Offences, current R12")!;
    const row = block.cells[2]!;
    const r = block.row + 3;
    expect(row[2]!.formula).toContain(`SUBSTITUTE($A${r},"~","~~")`);
    expect(row[2]!.formula).toContain(`SUBSTITUTE($B${r},"~","~~")`);
    // No category name is baked into any formula.
    const literals = new Set<string>();
    for (const s of [...generated(many, "comparison"), ...generated(many, "trend")])
      for (const b of s.blocks)
        for (const c of b.cells.flat())
          for (const m of c?.formula?.matchAll(/"((?:[^"]|"")+)"/g) ?? [])
            literals.add(m[1]!.replace(/""/g, '"').replace(/^=/, ""));
    const names = all.flatMap((t) => t.rows.flatMap((x) => [x.category, x.subcategory ?? ""]));
    expect(names.filter((n) => literals.has(n))).toEqual([]);
  });

  test("through Office.js (the Excel double), every area's comparison and trend sheets take the reads of two and only the writes their size needs", async () => {
    const write = async (spec: WorkbookSpec) => {
      const excel = new FakeExcel();
      const apply = (sheets: SheetSpec[]) =>
        excel.run((ctx) => applyWorkbookSpec(ctx as unknown as Excel.RequestContext, { sheets }));
      await apply(spec.sheets.filter((x) => x.role === "data"));
      const report = await apply(
        spec.sheets.filter((x) => x.role === "comparison" || x.role === "trend")
      );
      expect(excel.problems).toEqual([]);
      return report;
    };
    const [a, b] = [await write(few), await write(many)];
    // Reads are a constant number of requests; writes are cut by their size as sent, so
    // all London may take more requests than two areas, but no more than its bytes need.
    expect(b.readSyncs).toBe(a.readSyncs);
    const bytes = b.requests.reduce((sum, r) => sum + r.bytes, 0);
    expect(b.requests.length).toBeLessThanOrEqual(
      // Requests are packed in order (next fit): two in a row always exceed the budget.
      a.requests.length + 2 * Math.ceil(bytes / DEFAULT_MAX_REQUEST_BYTES)
    );
    expect(b.syncs).toBe(b.readSyncs + b.requests.length);
  });
});

/** Rows of a recalculated section: "category|sub" -> values by header. */
function section(ws: ExcelJS.Worksheet, title: string) {
  let top = 0;
  ws.eachRow((row, r) => {
    if (top === 0 && computed(row.getCell(1)) === title) top = r;
  });
  if (top === 0) throw new Error(`no section "${title}"`);
  const header: string[] = [];
  ws.getRow(top + 1).eachCell((c, k) => {
    header[k - 1] = String(computed(c) ?? "");
  });
  const rows = new Map<string, ExcelJS.Row>();
  for (let r = top + 2; ws.getRow(r).getCell(1).value; r++) {
    const row = ws.getRow(r);
    rows.set(`${String(computed(row.getCell(1)))}|${String(computed(row.getCell(2)) ?? "")}`, row);
  }
  return {
    header,
    keys: [...rows.keys()],
    at: (key: string, heading: string) => {
      const col = header.indexOf(heading);
      if (col < 0) throw new Error(`no column "${heading}" in "${title}"`);
      const row = rows.get(key);
      return row ? computed(row.getCell(col + 1)) : undefined;
    },
  };
}

describeWithLibreOffice("look-ups recalculated in LibreOffice", () => {
  // Four areas over two periods, with category names full of SUMIFS wildcards and
  // comparison operators (each beside a decoy an unescaped pattern would also match),
  // and one data sheet in reverse order.
  const RENAME = new Map([
    ["Arson and Criminal Damage", "Theft * all"],
    ["Burglary", "Theft X all"],
    ["Drug Offences", "<Robbery?"],
    ["Miscellaneous Crimes Against Society", "<RobberyX"],
    ["Possession of Weapons", '=Burglary ~ "old"'],
    ["Public Order Offences", '=Burglary X "old"'],
  ]);
  const STAR_SUB = "*";
  const source = [
    ...olderTables("2022-01", SOUTH_WEST),
    ...datastoreTables({ period: "2024-01", areas: SOUTH_WEST }),
  ];
  const starred = source[0]!.rows.find((r) => r.category === "Theft" && !r.isTotal)!.subcategory;
  const tables: CrimeTable[] = source.map((t, i) => {
    const rows = t.rows.map((r) => ({
      ...r,
      category: RENAME.get(r.category) ?? r.category,
      subcategory: r.category === "Theft" && r.subcategory === starred ? STAR_SUB : r.subcategory,
    }));
    return { ...t, rows: i === 1 || i === 6 ? rows.reverse() : rows };
  });
  const key = (r: { category: string; subcategory: string | null }) =>
    `${r.category}|${r.subcategory ?? ""}`;
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "scrutiny-lookup-")), "lookup.xlsx");
    writeFileSync(file, await writeXlsx(build(tables)));
    book = await recalculate(file);
  }, 300000);

  test("the names are really there, and nothing evaluates to an error", () => {
    const renamed = new Set(tables[0]!.rows.map((r) => r.category));
    for (const name of RENAME.values()) expect(renamed).toContain(name);
    expect(tables[0]!.rows.some((r) => r.subcategory === STAR_SUB)).toBe(true);
    expect(errorCells(book)).toEqual([]);
  });

  test("every comparison cell is the area's own count, and the group's the summed counts", () => {
    for (const period of ["2022-01-31", "2024-01-31"]) {
      const members = tables.filter((t) => t.periodEnding === period);
      const ws = book.worksheets.find((w) => w.name.startsWith(`Compare ${period}`))!;
      const cur = section(ws, "Offences, current R12");
      const prev = section(ws, "Counts used: offences, previous R12");
      const chg = section(ws, "Offences % change (current vs previous R12)");
      expect(cur.keys.length).toBe(members[0]!.rows.length);
      for (const row of members[0]!.rows) {
        const k = key(row);
        let op = 0;
        let oc = 0;
        for (const t of members) {
          const v = t.rows.find((x) => key(x) === k)!.values;
          expect({ k, area: t.area, v: cur.at(k, t.area!) }).toEqual({
            k,
            area: t.area,
            v: v.offencesCurrent,
          });
          expect(prev.at(k, t.area!)).toBe(v.offencesPrevious);
          op += v.offencesPrevious!;
          oc += v.offencesCurrent!;
        }
        expect(cur.at(k, `All 4 areas (group)`)).toBe(oc);
        if (op > 0) expect(chg.at(k, `All 4 areas (group)`)).toBeCloseTo((oc - op) / op, 12);
      }
    }
  });

  test("outliers are marked per area as the core's funnel places them (exact Poisson for 4 areas), and counted in the Outliers column", () => {
    const members = tables.filter((t) => t.periodEnding === "2024-01-31");
    const ws = book.worksheets.find((w) => w.name.startsWith("Compare 2024-01-31"))!;
    const chg = section(ws, "Offences % change (current vs previous R12)");
    const MARK = {
      "above-99.8": "▲▲",
      "above-95": "▲",
      inside: "",
      "below-95": "▼",
      "below-99.8": "▼▼",
    } as const;
    let marked = 0;
    for (const row of members[0]!.rows) {
      const k = key(row);
      const counts = members.map((t) => t.rows.find((x) => key(x) === k)!.values);
      const pairs = counts.map((v) => ({
        previous: v.offencesPrevious!,
        current: v.offencesCurrent!,
      }));
      const gp = pairs.reduce((s, v) => s + v.previous, 0);
      const gc = pairs.reduce((s, v) => s + v.current, 0);
      const funnel = gp > 0 ? changeFunnel(pairs, { model: "additive" }) : null;
      expect(funnel?.model ?? "poisson").toBe("poisson");
      const expected = pairs.map((p, i) =>
        !funnel || p.previous < thresholds.minBase || p.previous === 0 || gc === 0
          ? ""
          : MARK[funnel.members[i]!.position]
      );
      const got = members.map((t) => chg.at(k, `Outlier: ${t.area}`) ?? "");
      expect({ k, got }).toEqual({ k, got: expected });
      const up = expected.filter((m) => m.startsWith("▲")).length;
      const down = expected.filter((m) => m.startsWith("▼")).length;
      expect(chg.at(k, "Outliers (outside funnel)") ?? "").toBe(
        up + down === 0 ? "" : `${up} higher, ${down} lower`
      );
      // No previous offences in the group: no funnel at all.
      expect(chg.at(k, "Funnel model") ?? null).toBe(gp > 0 ? "Poisson" : null);
      marked += up + down;
    }
    expect(marked).toBeGreaterThan(5);
  });

  test("the trend sheets find each period's figures too", () => {
    for (const area of ["Merton", "Wandsworth"]) {
      const ws = book.worksheets.find((w) => w.name.startsWith(`Trend ${area}`))!;
      const cur = section(ws, "Offences, current R12");
      for (const t of tables.filter((x) => x.area === area))
        for (const row of t.rows)
          expect(cur.at(key(row), t.periodEnding!)).toBe(row.values.offencesCurrent);
    }
  });
});

describe("a comparison a councillor can read", () => {
  const tables = datastoreTables({ period: "2024-01", areas: SOUTH_WEST });
  const sheet = build(tables).sheets.find((s) => s.role === "comparison")!;
  const change = sections(sheet).find(
    (b) => b.cells[0]![0]!.text === "Offences % change (current vs previous R12)"
  )!;
  const header = change.cells[1]!.map((c) => c?.text ?? "");

  test("the main view comes first: areas, group, each area's mark and their count; details beside", () => {
    expect(header.slice(0, 12)).toEqual([
      "Category",
      "Sub-category",
      ...SOUTH_WEST,
      "All 4 areas (group)",
      ...SOUTH_WEST.map((a) => `Outlier: ${a}`),
      "Outliers (outside funnel)",
    ]);
    expect(header).toEqual(
      expect.arrayContaining(["Rank (1 = lowest): Merton", "Funnel model", "φ", "τ"])
    );
    const rate = build(
      sampleTables("borough-a-2017-09-05.txt").concat(
        ...["borough-c-2017-09-05.txt", "borough-d-2017-09-05.txt"].map(sampleTables)
      )
    ).sheets.find((s) => s.role === "comparison")!;
    const sd = sections(rate).find(
      (b) => b.cells[0]![0]!.text === "SD rate, current R12 (SDs / offences)"
    )!;
    expect(sd.cells[1]!.map((c) => c?.text)).toContain("Rank (1 = highest): Borough A");
  });

  test("rises and falls are coloured apart and the legend says in words what each means", () => {
    const words = sheet.blocks.flatMap((b) => b.cells.flat().map((c) => c?.text ?? ""));
    expect(words).toEqual(
      expect.arrayContaining(["▲ / ▲▲ higher than the group", "▼ / ▼▼ lower than the group"])
    );
    const fills = new Set(sheet.conditionalFormats.map((f) => f.format.fill));
    expect(fills.size).toBeGreaterThanOrEqual(3);
    expect(sheet.conditionalFormats.some((f) => f.formula.includes('="▲"'))).toBe(true);
    expect(sheet.conditionalFormats.some((f) => f.formula.includes('="▼"'))).toBe(true);
  });

  test("no formula needs Excel 2019 (TEXTJOIN, CONCAT, IFS)", () => {
    const formulas = sheet.blocks.flatMap((b) => b.cells.flat().map((c) => c?.formula ?? ""));
    expect(formulas.filter((f) => /\b(TEXTJOIN|CONCAT|IFS|MAXIFS|MINIFS)\(/.test(f))).toEqual([]);
  });

  test("labels are whole and it prints landscape, one page wide, with the title repeated", () => {
    const longestLabel = Math.max(...tables[0]!.rows.map((r) => (r.subcategory ?? "").length));
    expect(sheet.columnWidths![1]).toBeGreaterThanOrEqual(Math.min(60, longestLabel + 2));
    expect(sheet.print).toMatchObject({
      orientation: "landscape",
      fitToWidth: 1,
      repeatRows: { first: 0, last: 0 },
      footer: ["scrutiny-sheets", "", "Page {page} of {pages}"],
    });
  });

  test("its chart prints: below the main view, inside the print area, from column A", () => {
    const area = sheet.print!.area!;
    const lastRow = Math.max(...sheet.blocks.map((b) => b.row + b.cells.length));
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0]!;
    expect(chart.col).toBe(0);
    expect(chart.row).toBeGreaterThanOrEqual(lastRow);
    expect(chart.row + chart.height).toBeLessThanOrEqual(area.row + area.rows);
    expect(chart.col + chart.width).toBeLessThanOrEqual(area.col + area.cols);
    // Wide enough to read, narrower than the printed table.
    const widths = sheet.columnWidths!.slice(0, chart.width);
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(100);
  });
});
