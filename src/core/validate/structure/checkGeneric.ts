// A table of no known kind (a generic table) checked by its structure: its columns' headings
// and figures say which are changes, shares and totals, and each is checked as the
// structure reader's tables are (changes against their period pair, shares against their
// total, totals against their parts). Findings name the table's own field keys.
import type { CrimeTable, Issue } from "../../model";
import type { StructuredTable } from "../../read/structure";
import { isChangeRowLabel, isTotalLabel, roleOfHeading } from "../../read/structure/periods";
import { checkStructured } from "./checkStructured";

/** The generic table as the structure checks read it: its figure columns and printed cells. */
export function structuredOf(table: CrimeTable): { structured: StructuredTable; fields: string[] } {
  const cols = table.columns.filter((c) => c.field !== "category" && c.type !== "text");
  const structured: StructuredTable = {
    title: table.title,
    titleLine: null,
    sectionLines: [],
    headerLines: [],
    labelHeadings: [table.columns[0]?.heading ?? ""],
    columns: cols.map((c) => ({
      heading: c.heading,
      role: roleOfHeading(c.heading) ?? "value",
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

/** Findings on a generic table's changes, shares and totals, in the table's field keys. */
export function checkGenericTable(tableIndex: number, table: CrimeTable): Issue[] {
  if (table.kind !== "generic") return [];
  const { structured, fields } = structuredOf(table);
  const headingField = new Map<string, string>();
  structured.columns.forEach((c, j) =>
    headingField.set(c.heading || `column ${j + 1}`, fields[j] ?? "")
  );
  const { issues } = checkStructured({ tables: [structured], unread: [] });
  return issues.map((i) => ({
    ...i,
    table: tableIndex,
    field: headingField.get(i.field) ?? i.field,
  }));
}
