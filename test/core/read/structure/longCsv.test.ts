// Long CSVs lose no line: every line of the GLA's older Datastore file is read into a table
// (one per measure column) or reported with its line and why, numeric and "#N/A" codes
// included; the CLI's check reads the file.
import { readStructured } from "../../../../src/core/read/structure";
import { runCheck, type CheckIo } from "../../../../src/cli/checkCommand";
import { tableText } from "../../../support/tablesCorpus";

const FILE = "gla-recorded-crime-rates-1999-2017.csv";

describe("the older Datastore long CSV", () => {
  const text = tableText(FILE);
  const read = readStructured(text);

  it("reads every line into the table of each measure or reports it with why", () => {
    const body = text.trimEnd().split("\n").length - 1;
    expect(body).toBe(666);
    for (const t of read.tables) {
      const inTable = t.rows.flatMap((r) => [r.line, ...(r.alsoLines ?? [])]);
      const name = t.title?.split(", ").pop() ?? "";
      const reported = read.unread.filter((u) => u.why.startsWith(`its ${name} `));
      expect(new Set([...inTable, ...reported.map((u) => u.line)]).size).toBe(body);
      expect(inTable.length + reported.length).toBe(body);
    }
  });

  it("keeps a numeric code and a code printed #N/A as labels", () => {
    const numbers = read.tables[1]!;
    expect(numbers.title).toBe("All recorded offences, Number_of_offences");
    const labels = numbers.rows.map((r) => r.labels);
    expect(labels).toContainEqual(["727", "England and Wales"]);
    expect(labels).toContainEqual(["#N/A", "Heathrow"]);
    const heathrow = numbers.rows.find((r) => r.labels[1] === "Heathrow")!;
    expect(heathrow.cells[0]).toBe("6,717");
    expect(read.unread.find((u) => u.line === 38)?.why).toBe('its Rate is "n/a", not a figure');
  });

  it("is read by check, which exits 0 on the published figures", async () => {
    let stdout = "";
    const io: CheckIo = {
      readFile: async () => text,
      stdout: (s) => void (stdout += s),
      stderr: () => undefined,
    };
    expect(await runCheck([FILE], { json: true }, io)).toBe(0);
    const doc = JSON.parse(stdout) as { tables: unknown[] };
    expect(doc.tables.length).toBeGreaterThanOrEqual(2);
  });
});
