// The Summary sheet of the sample workbook (`npm run sample`): it opens first, links
// every sheet, lists the figures that did not check out, and its headline sentences are
// the flags `check --json` reports on the same files.
import { readFileSync } from "fs";
import path from "path";
import { loadInputs, resolveGroups } from "../../src/cli/loadInputs";
import { runCheck } from "../../src/cli/checkCommand";
import { loadIndicators } from "../../src/cli/monitorCommand";
import { buildWorkbook } from "../../src/app/useCases";
import type { WorkbookPlan } from "../../src/app/planWorkbook";
import type { Anomaly, CrimeTable, Issue } from "../../src/core/model";
import type { CellSpec, SheetSpec } from "../../src/layout/spec";
import { SUMMARY_TITLE } from "../../src/layout/layoutSummary";
import { datePhrase, headlineChanges, printedP } from "../../src/layout/summaryHeadlines";
import { memoryIo } from "../support/cliIo";
import { writeXlsx } from "../../src/writers/xlsx/writeXlsx";
import { computed, describeWithLibreOffice, errorCells, recalculate } from "../support/libreoffice";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";

const ROOT = path.join(__dirname, "../..");

/** The files and options of `npm run sample`, read from package.json. */
function sampleArgs(): { files: string[]; group: string[]; monitor: string[] } {
  const script = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts
    .sample as string;
  const words = [...script.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
  const args = words.slice(words.indexOf("build") + 1);
  const out = { files: [] as string[], group: [] as string[], monitor: [] as string[] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--group") out.group.push(args[++i]!);
    else if (a === "--monitor") out.monitor.push(path.join(ROOT, args[++i]!));
    else if (a === "--out") i++;
    else out.files.push(path.join(ROOT, a));
  }
  return out;
}

/** Every cell of a sheet by 0-based row, blocks placed. */
function grid(sheet: SheetSpec): (CellSpec | null)[][] {
  const rows: (CellSpec | null)[][] = [];
  for (const b of sheet.blocks)
    b.cells.forEach((cells, r) => {
      const row = (rows[b.row + r] ??= []);
      cells.forEach((c, k) => (row[b.col + k] = c));
    });
  return rows;
}

/** The rows under a subtitle, up to the next empty row. */
function section(rows: (CellSpec | null)[][], title: string): (CellSpec | null)[][] {
  const start = rows.findIndex((r) => r?.[0]?.text === title);
  expect(start).toBeGreaterThanOrEqual(0);
  const out: (CellSpec | null)[][] = [];
  for (let r = start + 1; r < rows.length && (rows[r]?.length ?? 0) > 0; r++) out.push(rows[r]!);
  return out;
}

const UP = new Set(["significant-increase", "group-outlier-high", "rate-rise"]);
const DOWN = new Set(["significant-decrease", "group-outlier-low", "rate-drop"]);

/**
 * Where a headline disagrees with its flag, or null: the way its figures went ("from A to
 * B" in the core's message), the verb, and the judgement (detection rates are better
 * higher, offences and calls lower; a control-chart signal as the core judged it).
 */
function disagreement(flag: Anomaly, sentence: string, concern: boolean): string | null {
  if (flag.rule.startsWith("spc-"))
    return concern === /special cause of concern/.test(flag.message) ? null : `judged: ${sentence}`;
  const up = UP.has(flag.rule);
  if (!up && !DOWN.has(flag.rule)) return `not a headline rule: ${flag.rule}`;
  const number = (t: string) => Number(t.replace(/[,%]/g, ""));
  const fromTo = /from ([\d,.]+%?) to ([\d,.]+%?)/.exec(flag.message);
  if (fromTo && number(fromTo[2]!) > number(fromTo[1]!) !== up) return `figures: ${flag.message}`;
  if (!(up ? /\b(rose|higher|rise)\b/ : /\b(fell|lower|fall)\b/).test(sentence))
    return `verb: ${sentence}`;
  if ((up ? /\b(fell|fall)\b/ : /\b(rose|rise)\b/).test(sentence)) return `verb: ${sentence}`;
  const aboutDetections = /rate/i.test(flag.field);
  return concern === (up !== aboutDetections) ? null : `judged: ${sentence}`;
}

describe("the Summary sheet of the sample workbook", () => {
  let checkedTables: CrimeTable[] = [];
  const flagsTables = () => checkedTables;
  let plan: WorkbookPlan;
  let flags: {
    anomalies: Anomaly[];
    issues: Issue[];
    tables: { area: string | null; periodEnding: string | null }[];
  };
  let summary: SheetSpec;

  beforeAll(async () => {
    const { files, group, monitor } = sampleArgs();
    const io = memoryIo();
    const loaded = await loadInputs(files, { group }, io);
    if (!loaded.ok) throw new Error(loaded.error.message);
    checkedTables = loaded.tables;
    const groups = resolveGroups(group, loaded.tables);
    if (!groups.ok) throw new Error(groups.error.message);
    const indicators = await loadIndicators(monitor, io);
    plan = buildWorkbook(loaded.tables, groups.groups, indicators.indicators, "2026-12-03");
    const checkIo = memoryIo();
    await runCheck(files, { group, json: true }, checkIo);
    flags = JSON.parse(checkIo.out.join(""));
    summary = plan.spec.sheets.find((s) => s.role === "summary")!;
  }, 60_000);

  test("the workbook opens on its Summary, written after the Checks its formulas name", () => {
    expect(summary.name).toBe("Summary");
    expect(plan.spec.activeSheet).toBe("Summary");
    const order = plan.spec.sheets.map((s) => s.role);
    expect(order.indexOf("summary")).toBeGreaterThan(order.indexOf("checks"));
    expect(grid(summary)[0]![0]!.text).toBe(SUMMARY_TITLE);
    expect(plan.definitions.sheets.find((d) => d.role === "summary")).toMatchObject({
      name: "Summary",
      generated: true,
    });
  });

  test("the contents list links every sheet of the workbook but the hidden definitions", () => {
    const contents = section(grid(summary), "Contents").slice(1);
    const visible = plan.spec.sheets.filter((s) => s.visibility !== "veryHidden" && s !== summary);
    expect(contents.map((r) => r[0]!.text)).toEqual(
      expect.arrayContaining(visible.map((s) => s.name))
    );
    expect(contents).toHaveLength(visible.length);
    for (const r of contents) expect(r[0]!.link).toBe(`'${r[0]!.text!.replace(/'/g, "''")}'!A1`);
    expect(contents.map((r) => r[1]!.text)).toContain("monitoring");
  });

  test("what was imported: one row per data sheet, errors and warnings counted live from Checks", () => {
    const imported = section(grid(summary), "What was imported").slice(1);
    const data = plan.spec.sheets.filter((s) => s.role === "data");
    expect(imported.map((r) => r[0]!.text)).toEqual(data.map((s) => s.name));
    const merton = imported.find((r) => r[0]!.text === "Merton 2017-08-01")!;
    expect(merton[2]!.text).toBe("1 August 2017");
    expect(merton[6]!.formula).toBe(
      "COUNTIFS('Checks'!$A:$A,\"Issue\",'Checks'!$D:$D,\"Merton 2017-08-01\",'Checks'!$B:$B,\"<>info\")"
    );
  });

  test("the figures that did not check out are the core's errors and warnings, each linked", () => {
    const problems = flags.issues.filter((i) => i.severity !== "info");
    expect(problems.length).toBeGreaterThan(0);
    const rows = section(grid(summary), "Checks");
    expect(rows[0]![0]!.text).toMatch(new RegExp(`${problems.length} errors? or warnings? in all`));
    const listed = rows.slice(2);
    expect(listed.map((r) => r[6]!.text)).toEqual(problems.map((p) => p.message));
    for (const r of listed) expect(r[7]!.link).toMatch(/^'.+'![A-Z]+\d+$/);
  });

  test("every headline sentence is a flag check --json reports, with its figures and p-value", () => {
    const rows = section(grid(summary), "Headline changes").slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.length).toBeLessThanOrEqual(12);
    const checks = grid(plan.spec.sheets.find((s) => s.role === "checks")!);
    for (const r of rows) {
      const sentence = r[1]!.text!;
      // The link goes to the flag's row of Checks, whose message the sentence restates.
      const at = /!A(\d+)$/.exec(r[7]!.link!)![1]!;
      const message = checks[Number(at) - 1]![12]!.text!;
      const flag = flags.anomalies.find((a) => a.message === message);
      expect(flag).toBeDefined();
      expect(flag!.rule).not.toBe("small-base");
      const t = flags.tables[flag!.table]!;
      const area = flag!.area ?? t.area!;
      expect(sentence.startsWith(`${area}, period ending ${datePhrase(t.periodEnding!)}. `)).toBe(
        true
      );
      // Its first figures and its p-value, as the core printed them.
      const figures =
        /from ([\d,.%]+) to ([\d,.%]+)/.exec(message) ?? /by ([+-][\d.]+%)/.exec(message);
      for (const f of figures!.slice(1)) expect(sentence).toContain(f);
      expect(sentence).toContain(`(${printedP(message)})`);
      expect(r[0]!.text).toMatch(/^(Concern|Improvement)$/);
    }
    // Concerns come first.
    const kinds = rows.map((r) => r[0]!.text);
    expect(
      kinds.indexOf("Improvement") === -1 ||
        !kinds.slice(kinds.indexOf("Improvement")).includes("Concern")
    ).toBe(true);
  });

  // A sentence that said "rose" of a fall, or called a fall in detections an improvement,
  // would still hold its flag's figures and p-value: direction and judgement are checked
  // here against the flag itself, on the sheet's rows and on every headline the sample gives.
  test("each headline goes the way its flag's figures went, and is a concern or an improvement as they read", () => {
    const rows = section(grid(summary), "Headline changes").slice(2);
    const checks = grid(plan.spec.sheets.find((s) => s.role === "checks")!);
    for (const r of rows) {
      const at = /!A(\d+)$/.exec(r[7]!.link!)![1]!;
      const message = checks[Number(at) - 1]![12]!.text!;
      const flag = flags.anomalies.find((a) => a.message === message)!;
      expect(disagreement(flag, r[1]!.text!, r[0]!.text === "Concern")).toBeNull();
      expect(r[0]!.text).toMatch(/^(Concern|Improvement)$/);
    }
    const all = headlineChanges(flagsTables(), flags.anomalies, 1000).headlines;
    for (const h of all) expect(disagreement(h.anomaly, h.sentence, h.concern)).toBeNull();
    // Both judgements, and both directions, are exercised.
    expect(new Set(all.map((h) => h.concern))).toEqual(new Set([true, false]));
    expect(
      all.some((h) => UP.has(h.anomaly.rule)) && all.some((h) => DOWN.has(h.anomaly.rule))
    ).toBe(true);
  });

  test("a group outlier reads as the core's verdict on it, once", () => {
    const { headlines } = headlineChanges(flagsTables(), flags.anomalies, 1000);
    const outliers = headlines.filter((h) => h.anomaly.rule.startsWith("group-outlier"));
    expect(outliers.length).toBeGreaterThan(0);
    for (const h of outliers) {
      expect(h.sentence).toMatch(
        /(higher|lower) than the group's by more than .* would explain \(p [<=] [0-9.]+\)\.$/
      );
      expect(h.sentence.match(/would explain/g)).toHaveLength(1);
      expect(h.sentence).not.toMatch(/95% CI|from summed counts/);
    }
  });

  test("headlines are total rows only and the strongest evidence among concerns comes first", () => {
    const rows = section(grid(summary), "Headline changes").slice(2);
    expect(rows[0]![1]!.text).toMatch(/rose|higher|above/);
    for (const r of rows) expect(r[1]!.text).not.toMatch(/unreliable/);
  });
});

describeWithLibreOffice("the Summary sheet recalculated by LibreOffice", () => {
  test("each data sheet's errors and warnings, counted from Checks, are the core's", async () => {
    const { files, group } = sampleArgs();
    const io = memoryIo();
    const loaded = await loadInputs(files, { group }, io);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const groups = resolveGroups(group, loaded.tables);
    if (!groups.ok) throw new Error(groups.error.message);
    const plan = buildWorkbook(loaded.tables, groups.groups, undefined, "2026-12-03");
    const dir = mkdtempSync(path.join(tmpdir(), "summary-"));
    try {
      const file = path.join(dir, "sample.xlsx");
      writeFileSync(file, await writeXlsx(plan.spec));
      const wb = await recalculate(file);
      expect(errorCells(wb).filter((c) => c.startsWith("Summary!"))).toEqual([]);
      const ws = wb.getWorksheet("Summary")!;
      const counted = new Map<string, number>();
      ws.eachRow((row) => {
        const f = row.getCell(7);
        if (f.type === 6 /* formula */)
          counted.set(String(computed(row.getCell(1))), Number(computed(f)));
      });
      const data = plan.definitions.sheets.filter((d) => d.role === "data");
      expect([...counted.keys()]).toEqual(data.map((d) => d.name));
      const issues = [...plan.spec.sheets.find((s) => s.role === "checks")!.blocks[0]!.cells]
        .slice(5)
        .filter((r) => r[0]?.text === "Issue" && r[1]?.text !== "info");
      expect([...counted.values()].reduce((a, b) => a + b, 0)).toBe(issues.length);
      for (const [sheet, n] of counted)
        expect(n).toBe(issues.filter((r) => r[3]?.text === sheet).length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
