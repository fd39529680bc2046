// The written workbook recalculated by an independent engine (LibreOffice): no errors,
// every % change, rate and p-value equal to the core's, every comparison cell equal to the
// figure computed here from the model's summed counts, and after a count is changed in a
// data sheet the comparison and the highlights follow.
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import ExcelJS from "exceljs";
import type { CrimeTable } from "../../../src/core/model";
import { validateTables } from "../../../src/core/validate";
import { defaultAnomalyOptions, findAnomalies } from "../../../src/core/anomalies";
import { poissonChangeTest } from "../../../src/core/stats/poissonChangeTest";
import { layoutWorkbook } from "../../../src/layout/layoutWorkbook";
import { writeXlsx } from "../../../src/writers/xlsx/writeXlsx";
import type { Definitions, DataSheetInfo } from "../../../src/layout/definitions";
import { FLAG_TEXT } from "../../../src/layout/dataSheet/layout";
import {
  describeWithLibreOffice,
  recalculateMany,
  errorCells,
  computed,
} from "../../support/libreoffice";
import {
  sampleTables,
  datastoreTables,
  SEPTEMBER_BOROUGHS,
  MERTON_PERIODS,
} from "../../support/samples";

type Grid = unknown[][];

function gridOf(ws: ExcelJS.Worksheet): Grid {
  const g: Grid = [];
  ws.eachRow((row, r) => {
    const out: unknown[] = [];
    row.eachCell((cell, c) => {
      out[c - 1] = computed(cell);
    });
    g[r - 1] = out;
  });
  return Array.from(g, (r) => r ?? []);
}

const near = (a: unknown, b: number, tol = 1e-12) =>
  typeof a === "number" && Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

/** Rows of a comparison or trend section: title row text -> { header, rows by "category|sub" }. */
function section(g: Grid, title: string) {
  const top = g.findIndex((r) => r[0] === title);
  if (top < 0) throw new Error(`no section "${title}"`);
  const header = g[top + 1]!.map((v) => (v === null || v === undefined ? "" : String(v)));
  const rows = new Map<string, unknown[]>();
  for (
    let r = top + 2;
    r < g.length && g[r]![0] !== undefined && g[r]![0] !== null && g[r]![0] !== "";
    r++
  ) {
    rows.set(`${g[r]![0]}|${g[r]![1] ?? ""}`, g[r]!);
  }
  return {
    header,
    rows,
    at: (key: string, heading: string) => rows.get(key)?.[header.indexOf(heading)],
  };
}

const rowKey = (category: string, sub: string | null) => `${category}|${sub ?? ""}`;

describeWithLibreOffice("workbook recalculated in LibreOffice", () => {
  const pasted = [...SEPTEMBER_BOROUGHS, ...MERTON_PERIODS].flatMap(sampleTables);
  const southWest = datastoreTables({ period: "2024-01", group: "South West" });
  const tables: CrimeTable[] = [...pasted, ...southWest];
  const issues = validateTables(tables);
  const anomalies = findAnomalies(tables, defaultAnomalyOptions);
  const { spec, definitions } = layoutWorkbook({
    tables,
    issues,
    anomalies,
    groups: [
      {
        name: "South West",
        areas: ["Kingston upon Thames", "Merton", "Richmond upon Thames", "Wandsworth"],
      },
    ],
    thresholds: { ...defaultAnomalyOptions, changeThreshold: 20 },
    existingSheetNames: [],
    importedOn: "2026-11-22",
  });
  const dataDefs = definitions.sheets.filter(
    (s) => s.role === "data"
  ) as (Definitions["sheets"][number] & { data: DataSheetInfo })[];
  const sheetOfTable = (t: CrimeTable) => dataDefs[tables.indexOf(t)]!;
  const boroughA = pasted.find((t) => t.area === "Borough A" && t.kind === "offences-sds")!;
  const victim = boroughA.rows.findIndex((r) => r.subcategory === "TNO - Victim");
  const EDITED = 35000;

  let main: ExcelJS.Workbook;
  let edited: ExcelJS.Workbook;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "scrutiny-recalc-"));
    const mainPath = path.join(dir, "main.xlsx");
    writeFileSync(mainPath, await writeXlsx(spec));
    // The analyst corrects a count on Borough A's data sheet.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(mainPath);
    const def = sheetOfTable(boroughA);
    const col = def.data.columns.findIndex(
      (c) => c.field === "offencesCurrent" && c.role === "value"
    );
    wb.getWorksheet(def.name)!.getCell(def.data.headerRow + 2 + victim, col + 1).value = EDITED;
    const editedPath = path.join(dir, "edited.xlsx");
    await wb.xlsx.writeFile(editedPath);
    const books = await recalculateMany([mainPath, editedPath]);
    main = books[0]!;
    edited = books[1]!;
  }, 300000); // one soffice run for both files; slow when the machine is busy

  test("has the sheets of the main job", () => {
    expect(main.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining([
        "Compare 2017-09-05",
        "Compare South West 2024-01-31",
        "Trend Merton",
        "Checks",
      ])
    );
  });

  test("no cell evaluates to an error, before or after the edit", () => {
    expect(errorCells(main)).toEqual([]);
    expect(errorCells(edited)).toEqual([]);
  });

  test("every recalculated % change, SD rate and p-value equals the core's", () => {
    let checked = 0;
    tables.forEach((t, ti) => {
      if (t.kind !== "offences-sds" && t.kind !== "datastore-r12") return;
      const def = dataDefs[ti]!;
      const g = gridOf(main.getWorksheet(def.name)!);
      const col = (role: string, field?: string) =>
        def.data.columns.findIndex(
          (c) => c.role === role && (field === undefined || c.field === field)
        );
      t.rows.forEach((row, i) => {
        const cells = g[def.data.headerRow + 1 + i]!;
        const v = row.values;
        const p = v.offencesPrevious ?? null;
        const c = v.offencesCurrent ?? null;
        const change = cells[col("derived", "offencesChangePct")];
        if (p === null || c === null) expect([null, ""]).toContain(change ?? null);
        else if (p === 0) expect(change).toBe("n/a");
        else expect(near(change, (c - p) / p)).toBe(true);
        if (p !== null && c !== null && p + c > 0) {
          const pv = cells[col("pValue")];
          // jstat's incomplete beta is good to about 1e-7 for counts in the tens of thousands
          // (27,373 -> 27,346: exact 0.91149858696, core 0.91149848117, LibreOffice exact).
          const core = poissonChangeTest(p, c).pValue;
          expect({ p, c, close: Math.abs((pv as number) - core) < 1e-6 }).toEqual({
            p,
            c,
            close: true,
          });
        }
        for (const [rate, sds, off] of [
          ["sdRatePrevious", "sdsPrevious", "offencesPrevious"],
          ["sdRateCurrent", "sdsCurrent", "offencesCurrent"],
        ] as const) {
          const ci = col("derived", rate);
          if (ci < 0) continue;
          const x = v[sds] ?? null;
          const n = v[off] ?? null;
          const got = cells[ci];
          if (x === null || n === null) expect([null, ""]).toContain(got ?? null);
          else if (n === 0) expect(got).toBe("n/a");
          else expect(near(got, x / n)).toBe(true);
        }
        checked++;
      });
    });
    expect(checked).toBeGreaterThan(200);
  });

  test("the live check flags exactly the printed figures the core's validation finds wrong", () => {
    tables.forEach((t, ti) => {
      if (t.kind !== "offences-sds") return;
      const def = dataDefs[ti]!;
      const g = gridOf(main.getWorksheet(def.name)!);
      const checkCol = def.data.columns.findIndex((c) => c.role === "check");
      t.rows.forEach((row, i) => {
        const sheetSays = String(g[def.data.headerRow + 1 + i]![checkCol] ?? "").startsWith("✗");
        const coreSays = issues.some(
          (x) =>
            x.table === ti &&
            x.line === row.line &&
            (x.rule === "change-mismatch" || x.rule === "rate-mismatch")
        );
        expect({ sheet: def.name, line: row.line, mismatch: sheetSays }).toEqual({
          sheet: def.name,
          line: row.line,
          mismatch: coreSays,
        });
      });
    });
  });

  test("the Flag column's significant rises and falls are the core's; notable ones pass the change threshold", () => {
    let notableSeen = 0;
    tables.forEach((t, ti) => {
      if (t.kind !== "offences-sds" && t.kind !== "datastore-r12") return;
      const def = dataDefs[ti]!;
      const g = gridOf(main.getWorksheet(def.name)!);
      const flagCol = def.data.columns.findIndex((c) => c.role === "flag");
      t.rows.forEach((row, i) => {
        const flag = String(g[def.data.headerRow + 1 + i]![flagCol] ?? "");
        const rule = (r: string) =>
          anomalies.some(
            (a) =>
              a.table === ti &&
              a.line === row.line &&
              a.category === row.category &&
              a.subcategory === row.subcategory &&
              a.rule === r &&
              a.field.startsWith("offences")
          );
        const p = row.values.offencesPrevious;
        const c = row.values.offencesCurrent;
        const significant = rule("significant-increase") || rule("significant-decrease");
        const notable =
          significant &&
          typeof p === "number" &&
          typeof c === "number" &&
          p >= 20 &&
          Math.abs((c - p) / p) >= 0.2;
        expect({
          line: row.line,
          rise: flag.includes(FLAG_TEXT.rise),
          fall: flag.includes(FLAG_TEXT.fall),
          notable: flag.includes(FLAG_TEXT.notable),
        }).toEqual({
          line: row.line,
          rise: rule("significant-increase"),
          fall: rule("significant-decrease"),
          notable,
        });
        if (notable) notableSeen++;
      });
    });
    expect(notableSeen).toBeGreaterThan(3);
  });

  /** The comparison expected from the model: each area's figure and the group's from summed counts. */
  function expectComparison(g: Grid, members: CrimeTable[], groupHeading: string, withSd: boolean) {
    const cur = section(g, "Offences, current R12");
    const chg = section(g, "Offences % change (current vs previous R12)");
    const rate = withSd ? section(g, "SD rate, current R12 (SDs / offences)") : null;
    const rateChg = withSd ? section(g, "SD-rate change (percentage points)") : null;
    let checked = 0;
    for (const row of members[0]!.rows) {
      const k = rowKey(row.category, row.subcategory);
      const sums = { op: 0, oc: 0, sp: 0, sc: 0 };
      let complete = true;
      for (const t of members) {
        const r = t.rows.find((x) => rowKey(x.category, x.subcategory) === k);
        const v = r?.values ?? {};
        const area = t.area!;
        expect(cur.at(k, area)).toBe(v.offencesCurrent ?? "n/a");
        const op = v.offencesPrevious ?? null;
        const oc = v.offencesCurrent ?? null;
        if (op === null || oc === null) complete = false;
        else {
          sums.op += op;
          sums.oc += oc;
          if (op === 0) expect(chg.at(k, area)).toBe("n/a");
          else expect(near(chg.at(k, area), (oc - op) / op)).toBe(true);
        }
        if (rate && rateChg) {
          const sp = v.sdsPrevious ?? null;
          const sc = v.sdsCurrent ?? null;
          if (sc === null || oc === null || oc === 0) expect(rate.at(k, area)).toBe("n/a");
          else expect(near(rate.at(k, area), sc / oc)).toBe(true);
          if (sp !== null && sc !== null && op && oc)
            expect(near(rateChg.at(k, area), (sc / oc - sp / op) * 100, 1e-9)).toBe(true);
          sums.sp += sp ?? 0;
          sums.sc += sc ?? 0;
        }
        checked++;
      }
      if (complete) {
        expect(cur.at(k, groupHeading)).toBe(sums.oc);
        if (sums.op > 0)
          expect(near(chg.at(k, groupHeading), (sums.oc - sums.op) / sums.op)).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(40);
  }

  test("every comparison cell equals the figure from the model's summed counts", () => {
    const september = SEPTEMBER_BOROUGHS.map((f) =>
      pasted.find((t) => t.source === f && t.kind === "offences-sds")!
    );
    expectComparison(
      gridOf(main.getWorksheet("Compare 2017-09-05")!),
      september,
      "All 4 areas (group)",
      true
    );
    expectComparison(
      gridOf(main.getWorksheet("Compare South West 2024-01-31")!),
      southWest,
      "South West (group)",
      false
    );
  });

  test("the trend sheet shows each period's figures", () => {
    const g = gridOf(main.getWorksheet("Trend Merton")!);
    const cur = section(g, "Offences, current R12");
    for (const t of pasted.filter((x) => x.area === "Merton" && x.kind === "offences-sds")) {
      for (const row of t.rows)
        expect(cur.at(rowKey(row.category, row.subcategory), t.periodEnding!)).toBe(
          row.values.offencesCurrent ?? "n/a"
        );
    }
  });

  test("after a count is corrected on a data sheet, the comparison and the highlights follow", () => {
    const k = rowKey("TNO", "TNO - Victim");
    const before = section(
      gridOf(main.getWorksheet("Compare 2017-09-05")!),
      "Offences, current R12"
    );
    const after = section(
      gridOf(edited.getWorksheet("Compare 2017-09-05")!),
      "Offences, current R12"
    );
    expect(before.at(k, "Borough A")).toBe(27346);
    expect(after.at(k, "Borough A")).toBe(EDITED);
    expect(after.at(k, "All 4 areas (group)")).toBe(
      (before.at(k, "All 4 areas (group)") as number) - 27346 + EDITED
    );
    const chg = section(
      gridOf(edited.getWorksheet("Compare 2017-09-05")!),
      "Offences % change (current vs previous R12)"
    );
    expect(near(chg.at(k, "Borough A"), (EDITED - 27373) / 27373)).toBe(true);

    const def = sheetOfTable(boroughA);
    const flagCol = def.data.columns.findIndex((c) => c.role === "flag");
    const flagBefore = String(
      gridOf(main.getWorksheet(def.name)!)[def.data.headerRow + 1 + victim]![flagCol] ?? ""
    );
    const flagAfter = String(
      gridOf(edited.getWorksheet(def.name)!)[def.data.headerRow + 1 + victim]![flagCol] ?? ""
    );
    expect(flagBefore).not.toContain(FLAG_TEXT.rise);
    expect(flagAfter).toContain(FLAG_TEXT.rise);
    // The printed -0.1% no longer matches the corrected counts.
    expect(flagAfter).toContain(FLAG_TEXT.mismatch);
  });
});
