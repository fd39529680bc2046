// One statistic, two places: the sample workbook (the pasted boroughs and Merton, and the
// all-London Datastore file, whose 32 boroughs let the core allow for overdispersion)
// recalculated by LibreOffice; every p-value and every flag of every data sheet row must
// be the core's: the same test, sidedness, small-count branch (Fisher), dispersion φ,
// rate rise and drop, and small-base suppression.
import type ExcelJS from "exceljs";
import type { CrimeTable } from "../../../src/core/model";
import { validateTables } from "../../../src/core/validate";
import { defaultAnomalyOptions, findAnomalies, rowDispersions } from "../../../src/core/anomalies";
import {
  changeFunnel,
  poissonChangeTest,
  rateFunnel,
  twoProportionTest,
  type FunnelPosition,
} from "../../../src/core/stats";
import { FLAG_TEXT } from "../../../src/layout/dataSheet/layout";
import { computed, describeWithLibreOffice, errorCells } from "../../support/libreoffice";
import { laidOut, recalculated } from "../../support/laidOutData";
import {
  datastoreTables,
  MERTON_PERIODS,
  SEPTEMBER_BOROUGHS,
  sampleTables,
} from "../../support/samples";

describeWithLibreOffice("data sheets recalculated in LibreOffice agree with the core", () => {
  const tables: CrimeTable[] = [
    ...[...SEPTEMBER_BOROUGHS, ...MERTON_PERIODS].flatMap(sampleTables),
    ...datastoreTables({ period: "2024-01" }),
  ];
  const anomalies = findAnomalies(tables, defaultAnomalyOptions);
  const dispersions = rowDispersions(tables, { ...defaultAnomalyOptions });
  const { spec, dataDefs } = laidOut(tables, validateTables(tables), anomalies, "2026-12-03");
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    book = await recalculated(spec, "agree");
  }, 300000);

  /** Each data row of each offences table: its recalculated cells by role and its core flags. */
  function* rows() {
    for (const [ti, t] of tables.entries()) {
      if (t.kind !== "offences-sds" && t.kind !== "datastore-r12") continue;
      const def = dataDefs[ti]!;
      const ws = book.getWorksheet(def.name)!;
      const col = (role: string) => def.data.columns.findIndex((c) => c.role === role) + 1;
      for (const [i, row] of t.rows.entries()) {
        const r = ws.getRow(def.data.headerRow + 2 + i);
        const at = (role: string) => (col(role) > 0 ? computed(r.getCell(col(role))) : undefined);
        const rules = new Set(
          anomalies
            .filter(
              (a) =>
                a.table === ti &&
                a.line === row.line &&
                a.category === row.category &&
                a.subcategory === row.subcategory
            )
            .map((a) => a.rule)
        );
        yield { sheet: def.name, row, at, rules };
      }
    }
  }

  test("no cell evaluates to an error", () => {
    expect(errorCells(book)).toEqual([]);
  });

  test("overdispersion is in play: most London rows are tested on deflated counts", () => {
    const london = tables.filter((t) => t.kind === "datastore-r12").flatMap((t) => t.rows);
    const deflated = london.filter((r) => (dispersions.get(r) ?? 1) > 1).length;
    expect(deflated / london.length).toBeGreaterThan(0.5);
  });

  test("every count and rate p-value is the core's", () => {
    let counts = 0;
    let fisher = 0;
    for (const { sheet, row, at } of rows()) {
      const v = row.values;
      const [p, c] = [v.offencesPrevious, v.offencesCurrent];
      if (typeof p === "number" && typeof c === "number" && p + c > 0) {
        const core = poissonChangeTest(p, c, dispersions.get(row)).pValue;
        const got = at("pValue");
        expect({ sheet, line: row.line, close: Math.abs(Number(got) - core) < 1e-6 }).toEqual({
          sheet,
          line: row.line,
          close: true,
        });
        counts++;
      }
      const [x1, x2] = [v.sdsPrevious, v.sdsCurrent];
      if (
        typeof x1 === "number" &&
        typeof x2 === "number" &&
        typeof p === "number" &&
        typeof c === "number" &&
        p > 0 &&
        c > 0
      ) {
        const test = twoProportionTest(x1, p, x2, c);
        const got = Number(at("ratePValue"));
        const close = Math.abs(got - test.pValue) < 1e-9 || (got < 1e-12 && test.pValue < 1e-12);
        expect({ sheet, line: row.line, method: test.method, close }).toEqual({
          sheet,
          line: row.line,
          method: test.method,
          close: true,
        });
        if (test.method === "fisher") fisher++;
      }
    }
    expect(counts).toBeGreaterThan(2000);
    expect(fisher).toBeGreaterThan(3);
  });

  test("every flag in the Flag column is the core's", () => {
    const seen = { rise: 0, fall: 0, smallBase: 0, rateDrop: 0, rateRise: 0 };
    for (const { sheet, row, at, rules } of rows()) {
      const flag = String(at("flag") ?? "");
      const sheetSays = {
        rise: flag.includes(FLAG_TEXT.rise),
        fall: flag.includes(FLAG_TEXT.fall),
        smallBase: flag.includes(FLAG_TEXT.smallBase),
        rateDrop: flag.includes(FLAG_TEXT.rateDrop),
        rateRise: flag.includes(FLAG_TEXT.rateRise),
      };
      const coreSays = {
        rise: rules.has("significant-increase"),
        fall: rules.has("significant-decrease"),
        smallBase: rules.has("small-base"),
        rateDrop: rules.has("rate-drop"),
        rateRise: rules.has("rate-rise"),
      };
      expect({ sheet, line: row.line, flag, ...sheetSays }).toEqual({
        sheet,
        line: row.line,
        flag,
        ...coreSays,
      });
      for (const k of Object.keys(seen) as (keyof typeof seen)[]) if (coreSays[k]) seen[k]++;
    }
    expect(seen.rise).toBeGreaterThan(50);
    expect(seen.fall).toBeGreaterThan(20);
    expect(seen.smallBase).toBeGreaterThan(100);
    expect(seen.rateDrop + seen.rateRise).toBeGreaterThan(3);
  });

  /** A comparison section's cells by "category|sub-category" and heading. */
  function section(ws: ExcelJS.Worksheet, title: string) {
    let top = 0;
    ws.eachRow((row, r) => {
      if (top === 0 && computed(row.getCell(1)) === title) top = r;
    });
    const header: string[] = [];
    ws.getRow(top + 1).eachCell((c, k) => {
      header[k - 1] = String(computed(c) ?? "");
    });
    const rows = new Map<string, ExcelJS.Row>();
    for (let r = top + 2; ws.getRow(r).getCell(1).value; r++) {
      const row = ws.getRow(r);
      rows.set(
        `${String(computed(row.getCell(1)))}|${String(computed(row.getCell(2)) ?? "")}`,
        row
      );
    }
    return (key: string, heading: string) => {
      const row = rows.get(key);
      return row ? computed(row.getCell(header.indexOf(heading) + 1)) : undefined;
    };
  }

  const MARK: Record<FunnelPosition, string> = {
    "above-99.8": "▲▲",
    "above-95": "▲",
    inside: "",
    "below-95": "▼",
    "below-99.8": "▼▼",
  };

  test("the comparison's funnel markers are the core's: random effects across London, exact binomial for four boroughs", () => {
    const london = tables.filter((t) => t.kind === "datastore-r12");
    const ws = book.worksheets.find((w) => w.name.startsWith("Compare 2024-01-31"))!;
    const at = section(ws, "Offences % change (current vs previous R12)");
    let checked = 0;
    let outside = 0;
    for (const row of london[0]!.rows) {
      const k = `${row.category}|${row.subcategory ?? ""}`;
      const found = london.map((t) =>
        t.rows.find((r) => r.category === row.category && r.subcategory === row.subcategory)
      );
      if (found.some((r) => r === undefined)) continue;
      const pairs = found.map((r) => ({
        previous: r!.values.offencesPrevious!,
        current: r!.values.offencesCurrent!,
      }));
      const gp = pairs.reduce((s, p) => s + p.previous, 0);
      const gc = pairs.reduce((s, p) => s + p.current, 0);
      if (gp === 0 || gc === 0) continue;
      const funnel = changeFunnel(pairs, { model: "additive" });
      const label = { poisson: "Poisson", additive: "random effects", multiplicative: "" };
      expect(at(k, "Funnel model")).toBe(label[funnel.model]);
      london.forEach((t, i) => {
        const p = pairs[i]!;
        const want = p.previous < 20 ? "" : MARK[funnel.members[i]!.position];
        expect({ k, area: t.area, mark: at(k, `Outlier: ${t.area}`) ?? "" }).toEqual({
          k,
          area: t.area,
          mark: want,
        });
        if (want) outside++;
      });
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
    expect(outside).toBeGreaterThan(20);

    const boroughs = tables.filter(
      (t) => t.kind === "offences-sds" && t.periodEnding === "2017-09-05"
    );
    const cmp = book.worksheets.find((w) => w.name.startsWith("Compare 2017-09-05"))!;
    const rate = section(cmp, "SD rate, current R12 (SDs / offences)");
    let rates = 0;
    for (const row of boroughs[0]!.rows) {
      const k = `${row.category}|${row.subcategory ?? ""}`;
      const found = boroughs.map((t) =>
        t.rows.find((r) => r.category === row.category && r.subcategory === row.subcategory)
      );
      const members = found.map((r) => ({
        successes: r?.values.sdsCurrent,
        n: r?.values.offencesCurrent,
      }));
      if (members.some((m) => typeof m.successes !== "number" || !m.n)) continue;
      const funnel = rateFunnel(members as { successes: number; n: number }[], {
        model: "additive",
      });
      if (funnel.groupRate === 0 || funnel.groupRate === 1) continue;
      expect(funnel.model).toBe("poisson");
      boroughs.forEach((t, i) => {
        const want = members[i]!.n! < 20 ? "" : MARK[funnel.members[i]!.position];
        expect({ k, area: t.area, mark: rate(k, `Outlier: ${t.area}`) ?? "" }).toEqual({
          k,
          area: t.area,
          mark: want,
        });
      });
      rates++;
    }
    expect(rates).toBeGreaterThan(15);
  });
});
