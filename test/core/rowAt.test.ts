// Placing a finding on its row: by line and names, through an index built once per table.
import * as fs from "fs";
import * as path from "path";
import { readDatastore, r12Tables } from "../../src/core/datastore";
import { rowIndexAt } from "../../src/core/rowAt";
import { readPaste } from "../../src/core/read";

const SAMPLES = path.join(__dirname, "../../samples");

describe("rowIndexAt", () => {
  it("finds every row of a pasted table by its line and names", () => {
    const text = fs.readFileSync(path.join(SAMPLES, "offences-sds/merton-2017-08-01.txt"), "utf8");
    const read = readPaste(text, { source: "merton-2017-08-01.txt" });
    if (!read.ok) throw new Error(read.error.message);
    for (const table of read.tables)
      table.rows.forEach((row, i) => expect(rowIndexAt(table, row)).toBe(i));
  });

  it("tells apart rows that share a line by their names, spacing and case aside", () => {
    const csv = fs.readFileSync(
      path.join(SAMPLES, "datastore/mps-borough-level-crime-2022-02-to-2024-01.csv"),
      "utf8"
    );
    const data = readDatastore(csv, "mps-borough-level-crime-2022-02-to-2024-01.csv");
    if (!data.ok) throw new Error(data.error.message);
    const r12 = r12Tables(data.file, { period: "2024-01", areas: ["Merton"] });
    if (!r12.ok) throw new Error(r12.error.message);
    const [table] = r12.tables;
    // A category's Total carries the line of its first sub-category.
    const shared = table!.rows.findIndex((r) => r.isTotal && r.subcategory === "Total");
    const first = table!.rows.findIndex((r) => r.line === table!.rows[shared]!.line);
    expect(first).toBeLessThan(shared);
    const row = table!.rows[shared]!;
    expect(rowIndexAt(table!, row)).toBe(shared);
    expect(
      rowIndexAt(table!, {
        line: row.line,
        category: `  ${row.category.toUpperCase()} `,
        subcategory: row.subcategory,
      })
    ).toBe(shared);
    // An unknown name on a known line: the first row of that line; an unknown line: none.
    expect(rowIndexAt(table!, { line: row.line, category: "Nothing", subcategory: null })).toBe(
      first
    );
    expect(rowIndexAt(table!, { line: 10_000_000, category: "", subcategory: null })).toBe(-1);
  });
});
