// A workbook the pane made, recalculated by LibreOffice, checked against the core: every
// % change and SD rate equal to the exact ratio of the counts, rounded to the printed
// precision equal to the printed figure (or to the figure validation expected where the
// paper printed it wrong), every p-value equal to the core's, and no error anywhere.
import type ExcelJS from "exceljs";
import type { CrimeTable, Issue } from "../../../src/core/model";
import type { Definitions, DataSheetInfo } from "../../../src/layout/definitions";
import { printedDecimals } from "../../../src/layout/dataSheet/columns";
import { poissonChangeTest } from "../../../src/core/stats/poissonChangeTest";
import { roundHalfAwayFromZero } from "../../../src/core/round";
import { computed } from "../../support/libreoffice";

const near = (a: unknown, b: number, tol = 1e-12): boolean =>
  typeof a === "number" && Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
const sameArea = (a: string | null, b: string | null): boolean =>
  (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();

export interface RecalcReport {
  /** Rows whose figures were compared. */
  rows: number;
  /** Data sheets checked. */
  sheets: number;
  problems: string[];
}

/** Checks each data sheet of `defs` in the recalculated workbook against the table it holds (from `tables`, validated as `issues`). */
export function checkRecalculated(
  book: ExcelJS.Workbook,
  defs: Definitions,
  tables: CrimeTable[],
  issues: Issue[]
): RecalcReport {
  const report: RecalcReport = { rows: 0, sheets: 0, problems: [] };
  const problem = (s: string): void => void report.problems.push(s);
  for (const def of defs.sheets) {
    if (def.role !== "data" || !def.data) continue;
    const info: DataSheetInfo = def.data;
    const ti = tables.findIndex(
      (t) =>
        t.kind === info.kind && sameArea(t.area, info.area) && t.periodEnding === info.periodEnding
    );
    if (ti < 0) {
      problem(`${def.name}: no input table for ${info.kind} ${info.area} ${info.periodEnding}`);
      continue;
    }
    const table = tables[ti]!;
    const ws = book.getWorksheet(def.name);
    if (!ws) {
      problem(`${def.name}: not in the recalculated workbook`);
      continue;
    }
    report.sheets++;
    const col = (role: string, field?: string): number => {
      const i = info.columns.findIndex(
        (c) => c.role === role && (field === undefined || c.field === field)
      );
      return i < 0 ? -1 : info.firstCol + i;
    };
    const at = (rowIndex: number, c: number): ExcelJS.CellValue =>
      c < 0 ? null : computed(ws.getCell(info.headerRow + 2 + rowIndex, c + 1));
    table.rows.forEach((row, i) => {
      const where = `${def.name} line ${row.line} (${row.category}${row.subcategory ? " / " + row.subcategory : ""})`;
      if (at(i, col("line")) !== row.line)
        return problem(`${where}: row ${i + 1} holds source line ${String(at(i, col("line")))}`);
      const v = row.values;
      if (table.kind === "offences-sds") {
        const p = v.offencesPrevious ?? null;
        const c = v.offencesCurrent ?? null;
        const change = at(i, col("derived", "offencesChangePct"));
        if (p !== null && c !== null && p > 0) {
          if (!near(change, (c - p) / p))
            problem(`${where}: % change ${String(change)}, core ${(c - p) / p}`);
          const printed = v.offencesChangePct ?? null;
          const d = printedDecimals(row.raw.offencesChangePct);
          if (printed !== null && d !== null && typeof change === "number") {
            const wrong = issues.find(
              (x) =>
                x.table === ti &&
                x.line === row.line &&
                x.field === "offencesChangePct" &&
                x.rule === "change-mismatch"
            );
            const want = wrong ? wrong.expected : printed;
            if (roundHalfAwayFromZero(change * 100, d) !== want)
              problem(
                `${where}: % change rounds to ${roundHalfAwayFromZero(change * 100, d)}, core says ${String(want)}`
              );
          }
          const pv = at(i, col("pValue"));
          const core = poissonChangeTest(p, c).pValue;
          if (typeof pv !== "number" || Math.abs(pv - core) > 1e-6)
            problem(`${where}: p-value ${String(pv)}, core ${core}`);
        } else if (p === 0 && change !== "n/a")
          problem(`${where}: % change on a zero base shows ${String(change)}`);
        for (const [rate, sds, off] of [
          ["sdRatePrevious", "sdsPrevious", "offencesPrevious"],
          ["sdRateCurrent", "sdsCurrent", "offencesCurrent"],
        ] as const) {
          const x = v[sds] ?? null;
          const n = v[off] ?? null;
          const got = at(i, col("derived", rate));
          if (x !== null && n !== null && n > 0 && !near(got, x / n))
            problem(`${where}: ${rate} ${String(got)}, core ${x / n}`);
          if (x === null && got !== null && got !== "")
            problem(`${where}: ${rate} without SDs shows ${String(got)}`);
        }
      } else if (table.kind === "calls-asb") {
        const p = v.previous ?? null;
        const c = v.current ?? null;
        const change = at(i, col("derived", "change"));
        if (p !== null && c !== null) {
          const want = row.unit === "percent" ? c - p : p > 0 ? (c - p) / p : null;
          if (want !== null && !near(change, want, 1e-9))
            problem(`${where}: change ${String(change)}, core ${want}`);
        } else if (change !== null && change !== "")
          problem(`${where}: change with a missing figure shows ${String(change)}`);
      }
      report.rows++;
    });
  }
  return report;
}
