// Issue #17: huge input answers instead of crashing. A paste of 87,000 distinct rows
// (5 MB) overflowed the stack after a minute (`out.push(...values)`), in check and in
// build; 200,000 nested divs took a minute to read (htmlparser2's Parser keeps its stack
// top first), and an .html file that held no table was parsed twice. The inputs are
// generated here. How long each takes is measured by bench/huge (bench/results/huge.json),
// not asserted here: a busy machine must not fail a test. A 50 MB paste ran out of memory
// in a 768 MB heap with no message of its own: it is refused, naming the file and the
// limit, before it is read.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { main } from "../../src/cli/main";
import * as readHtml from "../../src/core/read/readHtml";
import { MAX_PASTE_CHARS, readPaste } from "../../src/core/read";
import { analysePaste } from "../../src/taskpane/worker/analysePaste";
import { defaultHighlightSettings } from "../../src/core/settings";
import { memoryIo } from "../support/cliIo";
import { bigPaste } from "../support/bigPaste";
import { CLI, ensureCliBuilt } from "../support/builtCli";
import { distinctRowsPaste, nestedDivs } from "../core/hugeInputs";

const ROWS = 87_000;
const DEPTH = 200_000;

describe("a paste of 87,000 distinct rows", () => {
  const text = distinctRowsPaste(ROWS);

  test("check ends with its report", async () => {
    expect(text.length).toBeGreaterThan(5e6);
    const io = memoryIo();
    io.files.set("big.txt", text);
    const code = await main(["check", "big.txt", "--area", "Merton", "--json"], io);
    expect(io.err.join("")).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(io.out.join("")) as {
      tables: { area: string; rows: unknown[] }[];
      anomalies: unknown[];
    };
    expect(report.tables.map((t) => [t.area, t.rows.length])).toEqual([["Merton", ROWS]]);
    expect(report.anomalies.length).toBeGreaterThan(ROWS / 2);
  }, 60_000);

  test("build writes it: the .xlsx writer streams each sheet, so Excel's row limit is the only limit", async () => {
    const io = memoryIo();
    io.files.set("big.txt", text);
    const code = await main(["build", "big.txt", "--area", "Merton", "--out", "book.xlsx"], io);
    expect(io.err.join("")).toBe("");
    expect(code).toBe(0);
    const zip = unzipSync(io.files.get("book.xlsx") as Uint8Array, {
      filter: (f) => f.name === "xl/worksheets/sheet1.xml",
    });
    const xml = strFromU8(zip["xl/worksheets/sheet1.xml"]!);
    // Every pasted row is a row of the data sheet, after its heading rows.
    const rows = xml.match(/<row r="\d+"/g)?.length ?? 0;
    expect(rows).toBeGreaterThan(ROWS);
    expect(rows).toBeLessThan(ROWS + 40);
  }, 120_000);
});

describe("200,000 nested divs", () => {
  const html = nestedDivs(DEPTH);

  test("are read, to the one cell they hold", () => {
    const grid = readHtml.htmlLines(html);
    expect(grid.lines).toEqual([{ line: 1, cells: ["deep"] }]);
  });

  test("an .html file holding no table is parsed once, and check says so", async () => {
    const parse = jest.spyOn(readHtml, "htmlLines");
    try {
      const read = readPaste(html, { source: "deep.html", html });
      expect(read.ok ? "read" : read.error.code).toBe("no-table");
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
    const io = memoryIo();
    io.files.set("deep.html", html);
    expect(await main(["check", "deep.html"], io)).toBe(2);
    expect(io.err.join("")).toMatch(/no .*table/i);
  });
});

describe("a 50 MB paste", () => {
  /** The heap the README states for `check` of a 20 MB paste. */
  const HEAP_MB = 768;
  const LIMIT = /too large to read \(more than 20,971,520 characters\)/;
  let dir = "";
  let input = "";

  beforeAll(() => {
    ensureCliBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-50mb-"));
    input = path.join(dir, "paste-50MB.txt");
    fs.writeFileSync(input, bigPaste({ bytes: 50e6 }).text);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([
    ["check", ["--json"]],
    ["build", ["--out", "book.xlsx"]],
  ])(
    `%s refuses it within a ${HEAP_MB} MB heap, naming the file and the limit`,
    (command, args) => {
      expect(fs.statSync(input).size).toBeGreaterThan(50e6);
      const run = spawnSync(
        process.execPath,
        [`--max-old-space-size=${HEAP_MB}`, CLI, command, input, "--area", "Merton", ...args],
        { cwd: dir, encoding: "utf8", timeout: 60_000 }
      );
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain("paste-50MB.txt: ");
      expect(run.stderr).toMatch(LIMIT);
      expect(run.stderr).not.toMatch(/heap out of memory/);
      expect(run.status).toBe(2);
      expect(fs.existsSync(path.join(dir, "book.xlsx"))).toBe(false);
    },
    90_000
  );

  test("the pane's reader refuses it with the same sentence, and one character over the limit", () => {
    const text = fs.readFileSync(input, "utf8");
    const outcome = analysePaste({ text, source: "paste" }, defaultHighlightSettings);
    expect(outcome.status === "error" && outcome.error.code).toBe("too-large");
    expect(outcome.status === "error" && outcome.error.message).toMatch(LIMIT);
    const over = readPaste(text.slice(0, MAX_PASTE_CHARS + 1), { source: "paste" });
    expect(over.ok ? "read" : over.error.code).toBe("too-large");
  });
});
