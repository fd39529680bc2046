// The Summary sheet, which the workbook opens on: what was imported (areas, periods,
// sources), how many printed figures were recalculated and which did not agree (each
// linked to its cell and to its row of Checks), the headline changes as sentences for a
// committee report (summaryHeadlines.ts), and a contents list linking every sheet.
import type { Anomaly, CrimeTable, Issue } from "../core/model";
import { kindSchema } from "../core/kinds";
import { genericFiguresChecked } from "../core/validate";
import type { CellSpec, SheetRole, SheetSpec } from "./spec";
import { a1, sheetRef, stringLiteral, wholeColumn } from "./a1";
import { findingRows, type CellLocator } from "./layoutChecks";
import { bannerRow, pageSetup } from "./printSetup";
import { datePhrase, headlineChanges } from "./summaryHeadlines";
import { supersededSentence, type Superseded } from "./sameTables";

export const SUMMARY_TITLE = "Summary: what this workbook holds (generated)";

/** A sheet the contents list links to. */
export interface ContentsEntry {
  name: string;
  role: SheetRole;
  /** What it holds, in a few words (its title). */
  about: string;
}

export interface SummaryInput {
  name: string;
  /** The tables checked, by the index issues and flags refer to. */
  tables: CrimeTable[];
  /** Data sheet of each table (by index). */
  sheetOf: (table: number) => string | null;
  issues: Issue[];
  anomalies: Anomaly[];
  checksSheet: string;
  locate: CellLocator;
  contents: ContentsEntry[];
  /** Most headline sentences shown. @default 12 */
  maxHeadlines?: number;
  /** Most figures that did not check out listed (the rest are on Checks). @default 40 */
  maxProblems?: number;
  /** Data sheets a later import of the same table supersedes: named, and kept out of the headlines. */
  superseded?: Superseded[];
}

/** Columns of the sheet (the widest section: figures that did not check out). */
const COLS = 8;
const WIDTHS = [24, 16, 22, 30, 12, 12, 80, 26];

const header = (texts: string[]): CellSpec[] =>
  texts.map((text) => (text ? { text, style: "header" } : { style: "header" }));
const sub = (text: string): CellSpec[] => [{ text, style: "subtitle" }];
const note = (text: string): CellSpec[] => [{ text, style: "note" }];
const plural = (n: number, word: string) =>
  `${n.toLocaleString("en-GB")} ${word}${n === 1 ? "" : "s"}`;

/** A text cell, or none for no text (an empty text cell would still be text to a writer). */
const textCell = (text: string | null | undefined): CellSpec | null => (text ? { text } : null);

/** A link to a sheet's first cell, shown as the sheet's name. */
const sheetLink = (name: string): CellSpec => ({
  text: name,
  link: `${sheetRef(name)}A1`,
  style: "link",
});
/** A link to a cell ("'Sheet'!F14"), shown as "Sheet!F14". */
const cellLink = (target: string | null): CellSpec | null =>
  target
    ? {
        text: target.replace(/^'(.*)'!/, (_m, s: string) => `${s.replace(/''/g, "'")}!`),
        link: target,
        style: "link",
      }
    : null;

/** Printed derived figures a table's kind recalculates from its counts (0 when it prints none). */
export function figuresRecalculated(table: CrimeTable): number {
  const schema = kindSchema(table.kind);
  // A table read by its structure: the changes, shares, totals and ratings its checks found.
  if (table.kind === "generic") return genericFiguresChecked(table);
  if (!schema.printsDerived) return 0;
  let n = 0;
  for (const row of table.rows)
    for (const d of schema.derived)
      if ((d.appliesTo?.(row) ?? true) && typeof row.values[d.field] === "number") n++;
  return n;
}

/** An issue a reader must look at: errors and warnings (notes such as a change from 0 are not). */
const isProblem = (i: Issue) => i.severity !== "info";

/** One row per data sheet: what it holds and whether its figures checked out. */
function importedRows(input: SummaryInput): (CellSpec | null)[][] {
  return input.tables.map((t, i) => {
    const sheet = input.sheetOf(i);
    // Live from the Checks sheet: errors and warnings listed against this data sheet.
    const problems: CellSpec = sheet
      ? {
          formula:
            `COUNTIFS(${wholeColumn(input.checksSheet, 0)},"Issue",${wholeColumn(input.checksSheet, 3)},` +
            `${stringLiteral(sheet)},${wholeColumn(input.checksSheet, 1)},"<>info")`,
          numFmt: "#,##0",
        }
      : {
          number: input.issues.filter((x) => x.table === i && isProblem(x)).length,
          numFmt: "#,##0",
        };
    return [
      sheet ? sheetLink(sheet) : null,
      textCell(t.area),
      textCell(t.periodEnding ? datePhrase(t.periodEnding) : null),
      { text: t.title ?? kindSchema(t.kind).defaultTitle },
      { number: t.rows.length, numFmt: "#,##0" },
      { number: figuresRecalculated(t), numFmt: "#,##0" },
      problems,
      { text: t.source },
    ];
  });
}

/** The figures that did not check out, each linked to its cell and its row of Checks. */
function problemRows(input: SummaryInput, checkRow: number[]): (CellSpec | null)[][] {
  const max = input.maxProblems ?? 40;
  const out: (CellSpec | null)[][] = [];
  input.issues.forEach((x, i) => {
    if (!isProblem(x) || out.length >= max) return;
    const t = input.tables[x.table];
    out.push([
      textCell(t?.area),
      { text: x.severity },
      { text: x.category },
      textCell(x.subcategory),
      typeof x.reported === "number" ? { number: x.reported } : textCell(x.reported),
      x.expected === null ? null : { number: x.expected },
      { text: x.message },
      cellLink(input.locate(x.table, x, x.field, true)) ??
        cellLink(`${sheetRef(input.checksSheet)}${a1(checkRow[i]!, 0)}`),
    ]);
  });
  return out;
}

/** The section on checking: how many figures agreed, and the list of those that did not. */
function checksSection(input: SummaryInput, issueRow: number[]): (CellSpec | null)[][] {
  const recalculated = input.tables.reduce((n, t) => n + figuresRecalculated(t), 0);
  const problems = input.issues.filter(isProblem);
  const mismatched = new Set(
    problems
      .filter((x) => x.rule.endsWith("-mismatch"))
      .map((x) => `${x.table}|${x.line}|${x.field}`)
  ).size;
  const lines: (CellSpec | null)[][] = [
    sub("Checks"),
    note(
      `${plural(recalculated, "printed figure")} recalculated from the counts they come from: ` +
        `${(recalculated - mismatched).toLocaleString("en-GB")} agree, ${mismatched.toLocaleString("en-GB")} do not. ` +
        `${problems.length.toLocaleString("en-GB")} ${problems.length === 1 ? "error or warning" : "errors or warnings"} in all` +
        (problems.length > 0 ? "; each is listed below with a link to its cell." : ".")
    ),
  ];
  if (problems.length === 0) return lines;
  lines.push(
    header([
      "Area",
      "Severity",
      "Category",
      "Sub-category",
      "Printed",
      "Recalculated",
      "Message",
      "Go to cell",
    ]),
    ...problemRows(input, issueRow)
  );
  const more = problems.length - (input.maxProblems ?? 40);
  if (more > 0) lines.push(note(`${plural(more, "more")} on the Checks sheet.`));
  return lines;
}

/** The headline changes, one sentence each, with links to the flagged cell and its row of Checks. */
function headlinesSection(input: SummaryInput, anomalyRow: number[]): (CellSpec | null)[][] {
  // A superseded table's flags are on Checks; the headlines speak of the table in use.
  const left = new Set((input.superseded ?? []).map((s) => s.older));
  const { headlines, considered } = headlineChanges(
    input.tables,
    input.anomalies,
    input.maxHeadlines ?? 12,
    left
  );
  const cautions = input.anomalies.filter((a) => a.rule === "small-base").length;
  const rest = input.anomalies.length - headlines.length;
  const lines: (CellSpec | null)[][] = [
    sub("Headline changes"),
    note(
      headlines.length === 0
        ? "No statistically significant change or control-chart signal on a category total."
        : `The ${plural(headlines.length, "change")} on category totals that matter most, of ${considered.toLocaleString("en-GB")} ` +
            `statistically significant changes and control-chart signals: concerns first, then changes over the period, against the group, ` +
            `in detection rates and in the monthly counts, each by strength of evidence. ` +
            `${plural(rest, "further flag")} (${plural(cautions, "small-base caution")}) are on the Checks sheet.`
    ),
  ];
  if (headlines.length === 0) return lines;
  lines.push(header(["Direction", "Headline", "", "", "", "", "", "Go to flag"]));
  for (const h of headlines)
    lines.push([
      { text: h.concern ? "Concern" : "Improvement" },
      { text: h.sentence },
      null,
      null,
      null,
      null,
      null,
      cellLink(`${sheetRef(input.checksSheet)}${a1(anomalyRow[h.index]!, 0)}`),
    ]);
  return lines;
}

/** The contents list: every sheet, linked, with what it holds. */
function contentsSection(input: SummaryInput): (CellSpec | null)[][] {
  return [
    sub("Contents"),
    header(["Sheet", "Kind", "What it holds"]),
    ...input.contents.map((c) => [sheetLink(c.name), { text: c.role }, { text: c.about }]),
  ];
}

/** "Borough A, Merton; periods ending 5 September 2017 to …; from 7 files." */
function importedNote(tables: CrimeTable[]): string {
  const areas = [...new Set(tables.map((t) => t.area).filter((a): a is string => !!a))];
  const periods = [
    ...new Set(tables.map((t) => t.periodEnding).filter((p): p is string => !!p)),
  ].sort();
  const sources = new Set(tables.map((t) => t.source)).size;
  const span =
    periods.length === 0
      ? "no reporting period"
      : periods.length === 1
        ? `period ending ${datePhrase(periods[0]!)}`
        : `periods ending ${datePhrase(periods[0]!)} to ${datePhrase(periods[periods.length - 1]!)}`;
  return `${plural(tables.length, "table")} for ${plural(areas.length, "area")} (${areas.join(", ")}); ${span}; from ${plural(sources, "source")}.`;
}

export function layoutSummary(input: SummaryInput): SheetSpec {
  const { issueRow, anomalyRow } = findingRows(input.issues, input.anomalies);
  const cells: (CellSpec | null)[][] = [
    [{ text: SUMMARY_TITLE, style: "title" }],
    bannerRow(
      "Generated by scrutiny-sheets: refresh rebuilds this sheet from the data sheets, so edits here are lost.",
      COLS
    ),
    note(importedNote(input.tables)),
    [],
    sub("What was imported"),
    header([
      "Sheet",
      "Area",
      "Period ending",
      "Table",
      "Rows",
      "Figures recalculated",
      "Errors and warnings",
      "Source",
    ]),
    ...importedRows(input),
    ...(input.superseded ?? []).map((s) => note(supersededSentence(s))),
    [],
    ...checksSection(input, issueRow),
    [],
    ...headlinesSection(input, anomalyRow),
    [],
    ...contentsSection(input),
  ];
  const periods = [
    ...new Set(input.tables.map((t) => t.periodEnding).filter((p): p is string => !!p)),
  ].sort();
  return {
    name: input.name,
    role: "summary",
    generated: true,
    columnWidths: WIDTHS,
    blocks: [{ row: 0, col: 0, cells }],
    tables: [],
    conditionalFormats: [],
    charts: [],
    tabColor: "#1F3864",
    print: pageSetup({
      title: "Summary",
      period:
        periods.length > 0 ? `Periods ending ${periods[0]} to ${periods[periods.length - 1]}` : "",
      source: `${plural(new Set(input.tables.map((t) => t.source)).size, "source")}`,
      wide: true,
    }),
  };
}
