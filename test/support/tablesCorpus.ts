// The corpus of real published tables (test/fixtures/tables): each table as a user pastes
// it, its source in a sidecar (*.source.md), and the reading and findings worked out by
// hand (*.expected.json).
import * as fs from "fs";
import * as path from "path";
import { readStructured, type StructuredRead } from "../../src/core/read/structure";
import { checkStructured, type StructureCheck } from "../../src/core/validate/structure";

export const TABLES_DIR = path.join(__dirname, "../fixtures/tables");

/** The table files of the corpus (not their sidecars). */
export const TABLE_FILES = fs
  .readdirSync(TABLES_DIR, { withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => e.name)
  .filter((f) => !f.endsWith(".source.md") && !f.endsWith(".expected.json"))
  .sort();

export function tableText(name: string): string {
  return fs.readFileSync(path.join(TABLES_DIR, name), "utf8");
}

export function expectedPath(name: string): string {
  return path.join(TABLES_DIR, name.replace(/\.[a-z]+$/, ".expected.json"));
}

export interface ExpectedTable {
  title: string | null;
  layout: string;
  headerLines: number[];
  labelHeadings: string[];
  columns: { heading: string; role: string }[];
  rowLines: number[];
  sections: string[];
  totalRows: number[];
  checked: { what: string; how: string }[];
  unchecked: { column: string; why: string }[];
}

export interface Expected {
  tables: ExpectedTable[];
  issues: { rule: string; line: number; field: string }[];
  unread: { line: number; why: string }[];
}

/** What the reader and the checks make of a text, in the shape of an expected file. */
export function observed(text: string): {
  read: StructuredRead;
  check: StructureCheck;
  summary: Expected;
} {
  const read = readStructured(text);
  const check = checkStructured(read);
  const summary: Expected = {
    tables: read.tables.map((t, i) => ({
      title: t.title,
      layout: t.layout,
      headerLines: t.headerLines,
      labelHeadings: t.labelHeadings,
      columns: t.columns.map((c) => ({ heading: c.heading, role: c.role })),
      rowLines: t.rows.map((r) => r.line),
      sections: [...new Set(t.rows.map((r) => r.section).filter((s): s is string => s !== null))],
      totalRows: (check.coverage[i]?.checked ?? [])
        .filter((c) => c.how.startsWith("total of"))
        .map((c) => Number(c.what.replace("line ", ""))),
      checked: check.coverage[i]?.checked ?? [],
      unchecked: check.coverage[i]?.unchecked ?? [],
    })),
    issues: check.issues.map((i) => ({ rule: i.rule, line: i.line, field: i.field })),
    unread: read.unread.map((u) => ({ line: u.line, why: u.why })),
  };
  return { read, check, summary };
}
