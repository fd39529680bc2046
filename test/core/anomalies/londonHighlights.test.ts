// Flags that mean something on the all-London Datastore sample at default settings: few
// rows highlighted, every group flag below its level, and a planted outlier still found.
// Counted through `check --json`, as a user would see them.
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import { runCheck, type CheckIo } from "../../../src/cli/checkCommand";
import { findAnomalies } from "../../../src/core/anomalies";
import { datastoreTables } from "../../support/samples";

const FILE = "mps-borough-level-crime-2022-02-to-2024-01.csv";
const TEXT = fs.readFileSync(path.join(__dirname, "../../../samples/datastore", FILE), "utf8");

interface Doc {
  tables: { area: string; rows: { line: number; category: string; subcategory: string }[] }[];
  anomalies: {
    rule: string;
    table: number;
    line: number;
    category: string;
    subcategory: string | null;
    pValue: number | null;
    message: string;
  }[];
}

async function check(text: string): Promise<Doc> {
  let stdout = "";
  const io: CheckIo = {
    readFile: async () => text,
    stdout: (s) => void (stdout += s),
    stderr: () => undefined,
  };
  await runCheck([FILE], { json: true }, io);
  return JSON.parse(stdout) as Doc;
}

const HIGHLIGHTS = /^(significant-|group-outlier-|rate-)/;

/** The sample with one borough's minor category raised by 60% over its latest twelve months. */
function planted(borough: string, major: string, minor: string): string {
  const parsed = Papa.parse<string[]>(TEXT, { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  const months = header!.length - 3;
  let hits = 0;
  for (const row of rows) {
    if (row[0] !== major || row[1] !== minor || row[2] !== borough) continue;
    hits++;
    for (let c = 3 + months - 12; c < 3 + months; c++)
      row[c] = String(Math.round(Number(row[c]) * 1.6));
  }
  expect(hits).toBe(1);
  return Papa.unparse([header!, ...rows]);
}

describe("the all-London Datastore sample at default settings", () => {
  let doc: Doc;
  beforeAll(async () => {
    doc = await check(TEXT);
  });

  it("highlights at most 15% of rows (a significant change or a group outlier)", () => {
    const rows = doc.tables.reduce((n, t) => n + t.rows.length, 0);
    expect(rows).toBe(2144);
    const highlighted = new Set(
      doc.anomalies.filter((a) => HIGHLIGHTS.test(a.rule)).map((a) => `${a.table}:${a.line}`)
    );
    // Before overdispersion was allowed for: 704 rows (33%).
    expect(highlighted.size / rows).toBeLessThanOrEqual(0.15);
    expect(highlighted.size).toBeGreaterThan(0);
  });

  it("gives every group flag a p-value below its level and states the model", () => {
    const group = doc.anomalies.filter((a) => a.rule.startsWith("group-outlier"));
    expect(group.length).toBeGreaterThan(0);
    for (const a of group) {
      expect(a.pValue).not.toBeNull();
      expect([a.message, a.pValue! < 0.05]).toEqual([a.message, true]);
      expect(a.message).toMatch(
        /overdispersion φ = \d+\.\d\d; additive random effects, τ = |Exact Poisson limits: only \d areas have counts/
      );
    }
    const single = doc.anomalies.filter((a) => a.rule.startsWith("significant-"));
    for (const a of single) expect(a.message).toMatch(/counts divided by \d+\.\d\d|Poisson only/);
  });

  it("still flags a borough whose category rose 60% over the latest twelve months", async () => {
    const raised = await check(planted("Merton", "Burglary", "Domestic Burglary"));
    const merton = raised.tables.findIndex((t) => t.area === "Merton");
    const flags = raised.anomalies.filter(
      (a) => a.table === merton && a.subcategory === "Domestic Burglary"
    );
    expect(flags.map((a) => a.rule)).toContain("group-outlier-high");
    // Unplanted, the same row carries no group flag.
    const before = doc.anomalies.filter(
      (a) => a.table === merton && a.subcategory === "Domestic Burglary" && HIGHLIGHTS.test(a.rule)
    );
    expect(before).toEqual([]);
  });
});

describe("the overdispersion setting", () => {
  const tables = datastoreTables({ period: "2024-01" });
  const highlighted = (overdispersion: number) => {
    const found = findAnomalies(tables, { overdispersion });
    const rows = new Set(
      found
        .filter((a) => HIGHLIGHTS.test(a.rule))
        .map((a) => `${a.table}:${a.line}:${a.category}:${a.subcategory}`)
    );
    return { found, rows: rows.size };
  };

  it("at 0 turns the allowance off: exact Poisson limits and single-area tests, as before", () => {
    const off = highlighted(0);
    expect(off.rows).toBeGreaterThan(650);
    const group = off.found.filter((a) => a.rule.startsWith("group-outlier"));
    for (const a of group)
      expect(a.message).toContain("Exact Poisson limits: overdispersion adjustment is off.");
    for (const a of off.found.filter((x) => x.rule.startsWith("significant-")))
      expect(a.message).toContain("Poisson only");
  });

  it("at 1 widens the limits by φ (multiplicative), flagging fewer than Poisson", () => {
    const mult = highlighted(1);
    const group = mult.found.filter((a) => a.rule.startsWith("group-outlier"));
    expect(group.length).toBeGreaterThan(0);
    for (const a of group) {
      expect(a.pValue!).toBeLessThan(0.05);
      expect(a.message).toMatch(
        /widened by the group's overdispersion φ = \d+\.\d\d \(multiplicative\)|Exact Poisson limits: only/
      );
    }
    expect(mult.rows).toBeLessThan(highlighted(0).rows / 2);
  });
});
