// A table of no known kind (a generic table) checked by its structure: its columns' headings
// and figures say which are changes, shares and totals, and each is checked as the
// structure reader's tables are (changes against their period pair, shares against their
// total, totals against their parts). Findings name the table's own field keys.
import { figureWithWords } from "../../read/parseNumber";
import type { ColumnInfo, CrimeTable, Issue } from "../../model";
import type { ColumnRole, StructuredTable } from "../../read/structure";
import { statedRule } from "./statedRule";
import { isChangeRowLabel, isTotalLabel, roleOfHeading } from "../../read/structure/periods";
import { checkStructured, type TableCoverage } from "./checkStructured";
import { findDerived } from "./findDerived";
import type { RecalculatedHow } from "../../kinds";
import { issueMessages, structureMessages } from "../../messages";
import { cellOf, headingOf, makeIssue, whereOf } from "../figures";

const MONITORING_WORDS: readonly string[] = ["rag", "direction", "polarity", "tolerance"];

/** What a column holds: as the reader found it, else as its heading says. */
const roleOf = (c: ColumnInfo): ColumnRole => c.role ?? roleOfHeading(c.heading) ?? "value";

/** The generic table as the structure checks read it: its figure columns and printed cells. */
export function structuredOf(table: CrimeTable): { structured: StructuredTable; fields: string[] } {
  // Words are read where their heading says they are a rating, a direction or a polarity.
  const cols = table.columns.filter(
    (c) => c.field !== "category" && (c.type !== "text" || MONITORING_WORDS.includes(roleOf(c)))
  );
  const structured: StructuredTable = {
    title: table.title,
    titleLine: null,
    sectionLines: [],
    headerLines: [],
    labelHeadings: [table.columns[0]?.heading ?? ""],
    columns: cols.map((c) => ({
      heading: c.heading,
      role: roleOf(c),
      footnotes: [],
    })),
    rows: table.rows.map((r) => ({
      line: r.line,
      labels: [r.category],
      section: r.section ?? null,
      cells: cols.map((c) => r.raw[c.field] ?? ""),
      totalLabel: r.isTotal || isTotalLabel(r.category),
      changeRow: isChangeRowLabel(r.category),
      footnotes: [],
    })),
    layout: "tab",
  };
  return { structured, fields: cols.map((c) => c.field) };
}

type GenericCheck = { issues: Issue[]; coverage: TableCoverage; changes: GenericChange[] };

// Validation and the check report both ask for a table's checks: they are made once per
// table (tables are not changed once read).
const checkedTables = new WeakMap<CrimeTable, GenericCheck>();

/** A generic table's checks in its own terms: the findings and which derived columns were checked. */
function checkedGeneric(table: CrimeTable): GenericCheck {
  let checked = checkedTables.get(table);
  if (!checked) {
    checked = checkGeneric(table);
    checkedTables.set(table, checked);
  }
  return checked;
}

function checkGeneric(table: CrimeTable): GenericCheck {
  const { structured, fields } = structuredOf(table);
  const headingField = new Map<string, string>();
  structured.columns.forEach((c, j) =>
    headingField.set(c.heading || `column ${j + 1}`, fields[j] ?? "")
  );
  // A rule stated beside the table in the paste (a line no table took) is the rule.
  const stated = statedRule(table.unreadLines ?? []);
  const derived = findDerived(structured, stated);
  const read = { tables: [structured], unread: [] };
  const { issues, coverage } = checkStructured(read, stated, [derived]);
  return {
    issues: issues.map((i) => ({ ...i, field: headingField.get(i.field) ?? i.field })),
    coverage: coverage[0] ?? { table: 0, checked: [], unchecked: [], figures: 0 },
    changes: derived.relations.flatMap((r): GenericChange[] =>
      r.kind === "change" || r.kind === "change-pct" || r.kind === "change-points"
        ? [{ field: fields[r.column]!, how: r.kind, from: fields[r.from]!, to: fields[r.to]! }]
        : []
    ),
  };
}

/** A generic table's printed column of changes, and the two columns it is recalculated from. */
export interface GenericChange {
  field: string;
  how: RecalculatedHow;
  from: string;
  to: string;
}

/**
 * The change, % change and points columns of a generic table with the pair of columns the
 * checks found each agrees with, by field (none for other kinds): what its data sheet
 * recalculates as formulas, as the checks do.
 */
export function genericChanges(table: CrimeTable): GenericChange[] {
  return table.kind === "generic" ? checkedGeneric(table).changes : [];
}

/** How many of a generic table's printed figures were recalculated (0 for other kinds). */
export function genericFiguresChecked(table: CrimeTable): number {
  return table.kind === "generic" ? checkedGeneric(table).coverage.figures : 0;
}

/**
 * Which of a generic table's derived columns and rows were recognised and checked, and
 * which were read but could not be checked (null for tables of a known kind, whose
 * checks their kind fixes).
 */
export function genericCoverage(
  table: CrimeTable
): Pick<TableCoverage, "checked" | "unchecked"> | null {
  if (table.kind !== "generic") return null;
  const { checked, unchecked } = checkedGeneric(table).coverage;
  return { checked, unchecked };
}

/** A note on a table: no figure of its own, only a line and a sentence. */
function note(
  tableIndex: number,
  rule: Issue["rule"],
  line: number,
  field: string,
  message: string
): Issue {
  return {
    rule,
    severity: "info",
    table: tableIndex,
    line,
    category: "",
    subcategory: null,
    field,
    reported: null,
    expected: null,
    message,
  };
}

/**
 * Findings on a generic table's changes, shares and totals, in the table's field keys, and
 * a note for each column that looks derived but could not be checked.
 */
export function checkGenericTable(tableIndex: number, table: CrimeTable): Issue[] {
  if (table.kind !== "generic") return [];
  const { issues, coverage } = checkedGeneric(table);
  const firstLine = table.rows[0]?.line ?? 0;
  return [
    ...issues.map((i) => ({ ...i, table: tableIndex })),
    ...coverage.unchecked.map((u) =>
      note(
        tableIndex,
        "column-not-checked",
        firstLine,
        u.column,
        structureMessages.columnNotChecked(u.column, u.why)
      )
    ),
  ];
}

/**
 * A note for each cell of a generic table that holds no figure where its row has others
 * ("n/a", "-", a blank): it is left out of the checks, and the reader is told so.
 */
export function notFigureNotes(tableIndex: number, table: CrimeTable): Issue[] {
  if (table.kind !== "generic") return [];
  const fields = table.columns
    .filter((c) => c.field !== "category" && c.type !== "text")
    .map((c) => c.field);
  const out: Issue[] = [];
  for (const row of table.rows) {
    const cells = fields.map((f) => cellOf(row, f));
    // A figure printed with words ("40,861 (3%)") is a figure of the row too.
    const figure = (c: (typeof cells)[number]) =>
      c.kind === "number" || (c.kind === "text" && figureWithWords(c.text) !== null);
    if (!cells.some(figure)) continue;
    cells.forEach((cell, j) => {
      if (cell.kind !== "blank" && cell.kind !== "unavailable") return;
      const field = fields[j]!;
      const printed = row.raw?.[field] ?? "";
      const heading = headingOf(table, field);
      const message =
        cell.kind === "blank"
          ? issueMessages.missingValue(whereOf(row), heading)
          : issueMessages.unavailableValue(whereOf(row), heading, printed);
      out.push(
        makeIssue(tableIndex, row, {
          rule: "missing-value",
          severity: "info",
          field,
          reported: printed === "" ? null : printed,
          expected: null,
          message,
        })
      );
    });
  }
  return out;
}

/** A note for each line near the table that no table took: nothing is dropped without a word. */
export function unreadLineNotes(tableIndex: number, table: CrimeTable): Issue[] {
  return (table.unreadLines ?? []).map((u) =>
    note(
      tableIndex,
      "line-not-read",
      u.line,
      "",
      structureMessages.lineNotRead(u.line, u.text, u.why)
    )
  );
}
