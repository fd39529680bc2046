// The check report written in pieces is the same text as one JSON.stringify.
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { jsonChunks, writeInPieces } from "../../src/cli/jsonChunks";
import { reportJson, reportLines, reportText } from "../../src/cli/checkCommand";
import { readPaste } from "../../src/core/read";
import { validateTables } from "../../src/core/validate";
import { findAnomalies } from "../../src/core/anomalies";

const SAMPLES = path.join(__dirname, "../../samples/offences-sds");

describe("jsonChunks", () => {
  it("joins to JSON.stringify(value, null, 2) for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect([...jsonChunks(value)].join("")).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 500 }
    );
  });

  it("leaves out undefined members and writes undefined array items as null, as JSON does", () => {
    const value = { a: [1, undefined, { b: undefined, c: [] }], d: undefined, e: {} };
    expect([...jsonChunks(value)].join("")).toBe(JSON.stringify(value, null, 2));
  });

  it("gives the check report of every sample table as one stringify would, in many pieces", async () => {
    const tables = fs.readdirSync(SAMPLES).flatMap((file) => {
      const read = readPaste(fs.readFileSync(path.join(SAMPLES, file), "utf8"), { source: file });
      if (!read.ok) throw new Error(`${file}: ${read.error.message}`);
      return read.tables;
    });
    const report = { tables, issues: validateTables(tables), anomalies: findAnomalies(tables) };
    const doc = reportJson(report);
    const writes: string[] = [];
    await writeInPieces(jsonChunks(doc), (s) => void writes.push(s), 4096);
    expect(writes.length).toBeGreaterThan(10);
    expect(writes.slice(0, -1).every((w) => w.length >= 4096)).toBe(true);
    expect(writes.join("")).toBe(JSON.stringify(doc, null, 2));
    // The readable report too: one line per piece, the same text.
    expect([...reportLines(report)].length).toBeGreaterThan(tables.length);
    expect(reportText(report)).toContain(`${tables.length} tables: 0 errors`);
  });
});
