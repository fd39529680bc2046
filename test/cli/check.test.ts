// `scrutiny-sheets check`: the JSON document, the readable report and the exit codes.
import * as path from "path";
import { runCheck, type CheckIo } from "../../src/cli/checkCommand";
import { processIO } from "../../src/cli/main";
import { SAMPLES_DIR, SAMPLE_FILES, sampleText, withTabCell } from "../core/read/samples";

function fakeIo(files: Record<string, string>) {
  const out = { stdout: "", stderr: "" };
  const io: CheckIo = {
    readFile: async (p) => {
      const text = files[p];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${p}'`);
      return text;
    },
    stdout: (s) => void (out.stdout += s),
    stderr: (s) => void (out.stderr += s),
  };
  return { io, out };
}

const MERTON = "merton-2017-08-01.txt";

describe("check --json", () => {
  it("prints one JSON document in the documented shape, exit 0 without errors", async () => {
    const { io, out } = fakeIo({ [MERTON]: sampleText(MERTON) });
    expect(await runCheck([MERTON], { json: true }, io)).toBe(0);
    expect(out.stderr).toBe("");
    const doc = JSON.parse(out.stdout);
    expect(Object.keys(doc)).toEqual(["tables", "issues", "anomalies"]);
    expect(doc.tables.map((t: Record<string, unknown>) => Object.keys(t))).toEqual([
      ["source", "kind", "area", "periodEnding", "rows"],
      ["source", "kind", "area", "periodEnding", "rows"],
    ]);
    expect(doc.tables[0]).toMatchObject({
      source: MERTON,
      kind: "offences-sds",
      area: "Merton",
      periodEnding: "2017-08-01",
    });
    expect(doc.tables[0].rows).toHaveLength(27);
    expect(doc.tables[0].rows[0]).toEqual({
      line: 6,
      category: "TNO",
      subcategory: "TNO - State",
      isTotal: false,
      status: "dot",
      values: {
        offencesPrevious: 816,
        offencesCurrent: 910,
        offencesChangePct: 11.5,
        sdsPrevious: 604,
        sdsCurrent: 648,
        sdRatePrevious: 74.0,
        sdRateCurrent: 71.2,
      },
    });
    // An absent value is null; the knife row has no SD figures.
    expect(doc.tables[0].rows[26].values).toMatchObject({ sdsPrevious: null, sdRateCurrent: null });
    expect(doc.tables[1].kind).toBe("calls-asb");
    expect(doc.tables[1].rows[1]).toEqual({
      line: 40,
      category: "ASB Repeat Callers",
      subcategory: null,
      isTotal: false,
      status: null,
      values: { previous: 93, current: null, changePct: null },
    });
    expect(doc.tables[1].rows[2].values).toEqual({
      previous: 91.0,
      current: 90.4,
      changePoints: null,
    });
    expect(doc.issues).toEqual([
      expect.objectContaining({
        rule: "missing-value",
        severity: "warning",
        table: 1,
        line: 40,
        category: "ASB Repeat Callers",
        subcategory: null,
        field: "current",
        reported: null,
        expected: null,
      }),
    ]);
    expect(Object.keys(doc.issues[0])).toEqual([
      "rule",
      "severity",
      "table",
      "line",
      "category",
      "subcategory",
      "field",
      "reported",
      "expected",
      "message",
    ]);
  });

  it("exits 1 and reports the issue when a figure is wrong", async () => {
    const bad = withTabCell(sampleText(MERTON), 14, 5, "34.5%"); // Robbery Total: 258 → 338 is 31.0%
    const { io, out } = fakeIo({ [MERTON]: bad });
    expect(await runCheck([MERTON], { json: true }, io)).toBe(1);
    const doc = JSON.parse(out.stdout);
    expect(doc.issues[0]).toMatchObject({
      rule: "change-mismatch",
      severity: "error",
      table: 0,
      line: 14,
      category: "Robbery",
      subcategory: "Total",
      field: "offencesChangePct",
      reported: 34.5,
      expected: 31.0,
    });
    expect(doc.issues[0].message).toMatch(/34\.5%.*258 → 338.*31\.0%/);
  });

  it("numbers tables across all files, and --area names the area", async () => {
    const other = "borough-c-2017-09-05.pdf-copy.txt";
    const { io, out } = fakeIo({ [MERTON]: sampleText(MERTON), [other]: sampleText(other) });
    expect(await runCheck([other, MERTON], { json: true, area: "Anytown" }, io)).toBe(0);
    const doc = JSON.parse(out.stdout);
    expect(doc.tables.map((t: { source: string; area: string }) => [t.source, t.area])).toEqual([
      [other, "Anytown"],
      [other, "Anytown"],
      [MERTON, "Anytown"],
      [MERTON, "Anytown"],
    ]);
    expect(doc.issues.map((i: { table: number }) => i.table)).toEqual([3]);
  });

  it("takes one --area per file when as many are given", async () => {
    const other = "merton-2017-07-02.txt";
    const { io, out } = fakeIo({ [MERTON]: sampleText(MERTON), [other]: sampleText(other) });
    await runCheck([MERTON, other], { json: true, area: ["Aug", "Jul"] }, io);
    expect(JSON.parse(out.stdout).tables.map((t: { area: string }) => t.area)).toEqual([
      "Aug",
      "Aug",
      "Jul",
      "Jul",
    ]);
  });
});

describe("check exit code 2", () => {
  it("when a file cannot be read: stderr names the file and why", async () => {
    const { io, out } = fakeIo({ [MERTON]: sampleText(MERTON) });
    expect(await runCheck(["missing.txt", MERTON], { json: true }, io)).toBe(2);
    expect(out.stderr).toMatch(/missing\.txt: cannot read the file: ENOENT/);
    // The readable files are still reported.
    expect(JSON.parse(out.stdout).tables).toHaveLength(2);
  });

  it("when a file holds no recognisable table", async () => {
    const { io, out } = fakeIo({
      "letter.txt": "Dear colleague,\nthe figures follow next week.\n",
    });
    expect(await runCheck(["letter.txt"], {}, io)).toBe(2);
    expect(out.stderr).toMatch(/letter\.txt: No table was recognised/);
    expect(out.stdout).toBe("");
  });

  it("when the file is empty, or no file is given", async () => {
    const { io, out } = fakeIo({ "empty.txt": "" });
    expect(await runCheck(["empty.txt"], { json: true }, io)).toBe(2);
    expect(out.stderr).toMatch(/empty\.txt: The paste is empty/);
    expect(await runCheck([], {}, io)).toBe(2);
    expect(out.stderr).toMatch(/no file given/);
  });
});

describe("check without --json", () => {
  it("prints a readable report: each file, its tables and issues, and a summary", async () => {
    const bad = withTabCell(sampleText(MERTON), 6, 9, "72.1%");
    const { io, out } = fakeIo({ [MERTON]: bad });
    expect(await runCheck([MERTON], {}, io)).toBe(1);
    expect(out.stdout).toContain(MERTON);
    expect(out.stdout).toMatch(
      /Table 1: Offences & SDs \(offences-sds\), Merton, period ending 2017-08-01, 27 rows/
    );
    expect(out.stdout).toMatch(
      /ERROR\s+line 6\s+\[rate-mismatch\] SD Rate - Current R12 for TNO – TNO - State \(line 6\) is printed as 72\.1%, but 648 detections of 910 offences is 71\.2%/
    );
    expect(out.stdout).toMatch(/warning\s+line 40\s+\[missing-value\]/);
    expect(out.stdout).toMatch(/2 tables: 1 error, 1 warning, 0 notes, \d+ statistical flags?\./);
  });

  it("says when the area is unknown rather than guessing it", async () => {
    const { io, out } = fakeIo({ "paste.txt": sampleText(MERTON) });
    await runCheck(["paste.txt"], {}, io);
    expect(out.stdout).toMatch(/area unknown \(name it with --area\)/);
  });
});

describe("check on the real files", () => {
  it("reads every sample from disk (bytes decoded) with no error: exit 0", async () => {
    let stdout = "";
    const io: CheckIo = {
      ...processIO,
      stdout: (s) => void (stdout += s),
      stderr: (s) => void (stdout += s),
    };
    const files = SAMPLE_FILES.map((f) => path.join(SAMPLES_DIR, f));
    expect(await runCheck(files, { json: true }, io)).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.tables).toHaveLength(16);
    expect(doc.issues.filter((i: { severity: string }) => i.severity === "error")).toEqual([]);
  });
});

describe("check with anomalies and Datastore files", () => {
  const DATASTORE = path.join(
    __dirname,
    "../../samples/datastore/mps-borough-level-crime-2022-02-to-2024-01.csv"
  );

  function diskIo() {
    const out = { stdout: "", stderr: "" };
    const io: CheckIo = {
      ...processIO,
      stdout: (s) => void (out.stdout += s),
      stderr: (s) => void (out.stderr += s),
    };
    return { io, out };
  }

  it("reports significant changes and small bases as anomalies, with p-values", async () => {
    const { io, out } = fakeIo({ [MERTON]: sampleText(MERTON) });
    await runCheck([MERTON], { json: true }, io);
    const doc = JSON.parse(out.stdout);
    // TNO - Unknown, 14 -> 18: the % change rests on a base below 20.
    const small = doc.anomalies.find(
      (a: { rule: string; subcategory: string }) =>
        a.rule === "small-base" && a.subcategory === "TNO - Unknown"
    );
    expect(small).toMatchObject({ table: 0, line: 8, field: "offencesChangePct" });
    // Robbery Personal Property 230 -> 306 (+33.0%) is far beyond chance.
    const rise = doc.anomalies.find(
      (a: { rule: string; subcategory: string }) =>
        a.rule === "significant-increase" && a.subcategory === "Personal Property"
    );
    expect(rise.line).toBe(13);
    expect(rise.pValue).toBeLessThan(0.01);
    expect(rise.message).toMatch(/230/);
  });

  it("reads a Datastore CSV as R12 tables for the areas and month asked", async () => {
    const { io, out } = diskIo();
    const code = await runCheck(
      [DATASTORE],
      { json: true, area: ["Merton", "sutton"], period: "2024-01" },
      io
    );
    expect(code).toBe(0);
    const doc = JSON.parse(out.stdout);
    expect(
      doc.tables.map((t: { area: string; kind: string; periodEnding: string }) => [
        t.area,
        t.kind,
        t.periodEnding,
      ])
    ).toEqual([
      ["Merton", "datastore-r12", "2024-01-31"],
      ["Sutton", "datastore-r12", "2024-01-31"],
    ]);
    const total = doc.tables[0].rows.find(
      (r: { category: string }) => r.category === "All offences"
    );
    expect(total.values.sdsCurrent).toBeNull();
    expect(total.values.offencesCurrent).toBeGreaterThan(10000);
    // The control-chart flags over each category's 24 months, as a build's Checks and
    // Summary show them, each at its category's total row of the area's table.
    const spc = doc.anomalies.filter((a: { rule: string }) => a.rule.startsWith("spc-"));
    expect(spc.length).toBeGreaterThan(0);
    for (const a of spc as { table: number; line: number; category: string }[]) {
      const row = doc.tables[a.table].rows.find((r: { line: number }) => r.line === a.line);
      expect(row?.category).toBe(a.category);
    }
  });

  it("takes a group preset's areas from a Datastore CSV", async () => {
    const { io, out } = diskIo();
    await runCheck([DATASTORE], { json: true, group: "South West" }, io);
    const doc = JSON.parse(out.stdout);
    expect(doc.tables.map((t: { area: string }) => t.area).sort()).toEqual([
      "Kingston upon Thames",
      "Merton",
      "Richmond upon Thames",
      "Wandsworth",
    ]);
    expect(doc.anomalies.some((a: { rule: string }) => a.rule.startsWith("group-outlier"))).toBe(
      true
    );
  });

  it("exits 2 naming the months held when the end month lacks 24 months of data", async () => {
    const { io, out } = diskIo();
    expect(await runCheck([DATASTORE], { json: true, period: "2023-06" }, io)).toBe(2);
    expect(out.stderr).toMatch(/mps-borough-level-crime-2022-02-to-2024-01\.csv/);
    expect(out.stderr).toMatch(/2022-02 to 2024-01/);
  });
});
