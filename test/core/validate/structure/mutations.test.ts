// Single-figure alterations of the real published tables of the corpus are found, on the
// right line: each figure that a checked change, share or total is computed from or
// printed in is altered in the text as pasted, the text read and checked again, and a
// finding must name the altered line (or the total row or row of changes it feeds).
import { findDerived, type Relation } from "../../../../src/core/validate/structure";
import { percentRow } from "../../../../src/core/validate/structure/findDerived";
import type { StructuredRow, StructuredTable } from "../../../../src/core/read/structure";
import { TABLE_FILES, observed, tableText } from "../../../support/tablesCorpus";

interface Target {
  line: number;
  printed: string;
  /** Lines where a finding is the right one. */
  expectAt: number[];
}

/** The printed figure with its magnitude altered: counts by a tenth (at least 1), percentages by 3 in their last place. */
function altered(printed: string): string | null {
  const m = /\d[\d,]*(?:\.\d+)?/.exec(printed);
  if (!m) return null;
  const digits = m[0];
  const decimals = digits.includes(".") ? (digits.split(".")[1] ?? "").length : 0;
  const value = Number(digits.replace(/,/g, ""));
  const step =
    decimals > 0 || printed.includes("%")
      ? 3 / 10 ** decimals
      : Math.max(1, Math.round(value * 0.1));
  const next = (value + step).toFixed(decimals);
  const grouped = digits.includes(",") ? next.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : next;
  return printed.slice(0, m.index) + grouped + printed.slice(m.index + digits.length);
}

/** The text with the one occurrence of `printed` on `line` replaced, or null if not exactly one. */
function withFigure(text: string, line: number, printed: string, next: string): string | null {
  const lines = text.split("\n");
  const l = lines[line - 1] ?? "";
  const at: number[] = [];
  for (let i = l.indexOf(printed); i >= 0; i = l.indexOf(printed, i + 1)) {
    const before = l[i - 1] ?? " ";
    const after = l[i + printed.length] ?? " ";
    if (!/[\d.,+-]/.test(before) && !/[\d.,%]/.test(after)) at.push(i);
  }
  if (at.length !== 1) return null;
  const i = at[0] as number;
  lines[line - 1] = l.slice(0, i) + next + l.slice(i + printed.length);
  return lines.join("\n");
}

function cell(r: StructuredRow, j: number): string {
  return (r.cells[j] ?? "").trim();
}

/** Every 1st…nth item, at most `most` of them (bounds the work on long tables). */
function spread<T>(items: T[], most: number): T[] {
  const step = Math.max(1, Math.ceil(items.length / most));
  return items.filter((_, k) => k % step === 0);
}

function targetsOf(t: StructuredTable, rel: Relation): Target[] {
  const rows = t.rows;
  const out: Target[] = [];
  const add = (r: StructuredRow | undefined, j: number, expectAt: number[]) => {
    if (r && cell(r, j) !== "" && /\d/.test(cell(r, j)))
      out.push({ line: r.line, printed: cell(r, j), expectAt });
  };
  switch (rel.kind) {
    case "change":
    case "change-pct":
    case "change-points":
      for (const r of spread(
        rows.filter((x) => !x.changeRow),
        8
      )) {
        add(r, rel.column, [r.line]);
        add(r, rel.to, [r.line]);
      }
      break;
    case "share":
      for (const r of spread(rows, 8)) {
        add(r, rel.column, [r.line]);
        add(r, rel.of, [r.line]);
      }
      break;
    case "total-column":
      // A year to date of percentages is an average, not checked as a sum.
      for (const r of spread(
        rows.filter(
          (x) => !x.changeRow && !(rel.countsOnly && percentRow(x, rel.column, rel.parts))
        ),
        8
      )) {
        add(r, rel.column, [r.line]);
        add(r, rel.parts[0] as number, [r.line]);
      }
      break;
    case "total-row": {
      const total = rows[rel.row] as StructuredRow;
      const cols = t.columns.map((_, j) => j).filter((j) => /^\d[\d,]*$/.test(cell(total, j)));
      for (const j of spread(cols, 4)) {
        add(total, j, [total.line]);
        // A part altered may be found on the total, or on its own line (a change it feeds).
        for (const k of spread(rel.parts, 3))
          add(rows[k], j, [total.line, (rows[k] as StructuredRow).line]);
      }
      break;
    }
    case "change-row": {
      const r = rows[rel.row] as StructuredRow;
      t.columns.forEach((_, j) => {
        add(r, j, [r.line]);
        add(rows[rel.to], j, [r.line]);
      });
      break;
    }
  }
  return out;
}

describe("single-figure alterations of the corpus tables", () => {
  let altered_ = 0;

  it.each(TABLE_FILES)("%s: every altered figure is found on its line", (file) => {
    const text = tableText(file);
    const { read, check } = observed(text);
    // Findings in the published figures themselves (worked out by hand in the expected
    // file) stay; an alteration must add a finding of its own.
    const before = new Set(check.issues.map((i) => `${i.line}\u0000${i.message}`));
    const targets = read.tables.flatMap((t) =>
      findDerived(t).relations.flatMap((rel) => targetsOf(t, rel))
    );
    const missed: string[] = [];
    for (const target of targets) {
      const next = altered(target.printed);
      const changed = next === null ? null : withFigure(text, target.line, target.printed, next);
      if (changed === null || next === null) continue;
      altered_++;
      const lines = observed(changed)
        .check.issues.filter((i) => !before.has(`${i.line}\u0000${i.message}`))
        .map((i) => i.line);
      if (!target.expectAt.some((l) => lines.includes(l)))
        missed.push(
          `line ${target.line}: ${target.printed} → ${next}, findings on ${lines.join(", ") || "no line"}`
        );
    }
    expect(missed).toEqual([]);
  });

  afterAll(() => {
    // The corpus's checked figures give well over a hundred alterations.
    expect(altered_).toBeGreaterThan(150);
  });
});
