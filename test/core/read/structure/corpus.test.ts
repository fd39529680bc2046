// The corpus of real published tables reads as worked out by hand: the tables, their
// columns' roles, which derived columns were checked and which not, the findings, and
// every line not read into a table with its line number and why.
import * as fs from "fs";
import * as path from "path";
import { cellGrid } from "../../../../src/core/read/structure";
import {
  TABLES_DIR,
  TABLE_FILES,
  expectedPath,
  observed,
  tableText,
  type Expected,
} from "../../../support/tablesCorpus";

describe("the corpus of real published tables", () => {
  it("holds at least 25 tables, each file with its source and date", () => {
    let tables = 0;
    for (const f of TABLE_FILES) {
      const sidecar = path.join(TABLES_DIR, f.replace(/\.[a-z]+$/, ".source.md"));
      const source = fs.readFileSync(sidecar, "utf8");
      expect(source).toMatch(/^Source: https?:\/\//m);
      expect(source).toMatch(/^Date: .*\d{4}/m);
      tables += observed(tableText(f)).read.tables.length;
    }
    expect(TABLE_FILES.length).toBeGreaterThanOrEqual(20);
    expect(tables).toBeGreaterThanOrEqual(25);
  });

  describe.each(TABLE_FILES)("%s", (file) => {
    const text = tableText(file);
    const { read, summary } = observed(text);

    it("reads as worked out by hand", () => {
      const expected = JSON.parse(fs.readFileSync(expectedPath(file), "utf8")) as Expected;
      expect(summary).toEqual(expected);
    });

    it("reads every non-blank line into a table or reports it with why", () => {
      const accounted = new Set<number>();
      for (const t of read.tables) {
        if (t.titleLine !== null) accounted.add(t.titleLine);
        for (const l of t.titleAlsoLines ?? []) accounted.add(l);
        const rowLines = t.rows.flatMap((r) => [r.line, ...(r.alsoLines ?? [])]);
        for (const l of [...t.headerLines, ...t.sectionLines, ...rowLines]) accounted.add(l);
      }
      for (const u of read.unread) {
        expect(u.why).not.toBe("");
        for (const l of [u.line, ...(u.alsoLines ?? [])]) accounted.add(l);
      }
      // Lines as the reader numbers them: a text's lines, or an HTML paste's rows and blocks,
      // with the lines joined into them (a Word cell broken over lines).
      for (const l of cellGrid(text).lines) {
        const blank = l.cells.join("|").replace(/[|\-\s]/g, "") === "";
        if (blank) continue;
        for (const line of [l.line, ...(l.alsoLines ?? [])])
          expect({ line, accounted: accounted.has(line) }).toEqual({ line, accounted: true });
      }
    });
  });
});
