import { promises as fs } from "fs";
import path from "path";
import { runMonitor } from "../../src/cli/monitorCommand";

const samples = path.join(__dirname, "../../samples");

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      readFile: (p: string) =>
        p.startsWith("inline:") ? Promise.resolve(p.slice(7)) : fs.readFile(p, "utf8"),
      stdout: (s: string) => void out.push(s),
      stderr: (s: string) => void err.push(s),
    },
  };
}

test("prints each indicator's figures, RAG and directions", async () => {
  const c = capture();
  const code = await runMonitor(
    [path.join(samples, "monitoring/indicators-2016-17.txt")],
    {},
    c.io
  );
  expect(code).toBe(0);
  const text = c.out.join("");
  expect(text.split("\n")[0]).toBe(
    "Of the 6 indicators 3 (50.0%) are Red, 1 (16.7%) is Amber and 2 (33.3%) are Green"
  );
  expect(text).toContain("MOPAC 7 neighbourhood crimes (count, lower is better, tolerance 10%)");
  expect(text).toContain(
    "  Year to date 2016-17 Q1–Q3: 4,734 against target 4,200 (12.7% worse than target)"
  );
  expect(text).toContain(
    "  Previous corresponding period 2015-16 Q1–Q3: 4,529; change +205 (+4.5%)"
  );
  expect(text).toContain(
    "  Direction of travel: 2016-17 Q3 1,575; short term vs 2016-17 Q2 1,603: ▼ down, better; long term vs 2015-16 Q3 1,489: ▲ up, worse"
  );
  expect(text).toContain("  Year to date 2016-17 Q1–Q3: £1,308,750 against target £1,219,000");
  expect(text).toContain("  Previous corresponding period 2015-16 Q1–Q3: 18.6%; change -1.8 pts");
  // A percentage is off target in points, as a council report says; a count in percent.
  expect(text).toContain(
    "  Year to date 2016-17 Q1–Q3: 16.9% against target 20.0% (3.1 points worse than target)"
  );
  expect(text).toContain("long term vs 2015-16 Q3 n/a: n/a");
  expect(c.err).toEqual([]);
});

test("--json prints one document with every indicator", async () => {
  const c = capture();
  expect(
    await runMonitor(
      [path.join(samples, "monitoring/indicators-2016-17.txt")],
      { json: true },
      c.io
    )
  ).toBe(0);
  const doc = JSON.parse(c.out.join(""));
  expect(doc.ok).toBe(true);
  expect(doc.counts).toEqual({ Red: 3, Amber: 1, Green: 2, none: 0 });
  expect(doc.indicators.map((i: { rag: string }) => i.rag)).toEqual([
    "Red",
    "Amber",
    "Green",
    "Red",
    "Green",
    "Red",
  ]);
  expect(doc.indicators[0].fytd.actual).toBe(4734);
  expect(doc.indicators[4].dotLong).toBe("n/a");
});

test("police crime tables give their measures; successive periods form a series", async () => {
  const c = capture();
  const files = ["merton-2017-07-02.txt", "merton-2017-08-01.txt"].map((f) =>
    path.join(samples, "offences-sds", f)
  );
  expect(await runMonitor(files, { json: true }, c.io)).toBe(0);
  const doc = JSON.parse(c.out.join(""));
  const tno = doc.indicators.find((i: { name: string }) => i.name === "All offences (TNO)");
  expect(tno.fytd).toMatchObject({ actual: 13452, previous: 13081 });
  expect(tno.rag).toBeNull(); // the papers carry no targets
  expect(doc.summary).toMatch(/have no rating$/);
});

test("a bad file: exit 2, each error named with file, line and column; nothing on stdout without --json", async () => {
  const c = capture();
  const code = await runMonitor(
    ["inline:Indicator\tPolarity\t2016-04\nASB\tsideways\tlots\n", "/no/such/file.txt"],
    {},
    c.io
  );
  expect(code).toBe(2);
  expect(c.out).toEqual([]);
  expect(c.err.join("")).toContain('Line 2, column 2: polarity "sideways"');
  expect(c.err.join("")).toContain('Line 2, column 3: "lots" is not a number');
  expect(c.err.join("")).toContain("cannot read /no/such/file.txt");
  const j = capture();
  expect(
    await runMonitor(
      ["inline:Indicator\tPolarity\t2016-04\nASB\tsideways\t1\n"],
      { json: true },
      j.io
    )
  ).toBe(2);
  expect(JSON.parse(j.out.join("")).errors[0]).toMatchObject({
    code: "bad-polarity",
    line: 2,
    column: 2,
  });
});
