// Issue #17: huge input answers instead of crashing. A paste of 87,000 distinct rows
// (5 MB) overflowed the stack after a minute (`out.push(...values)`), in check and in
// build; 200,000 nested divs took a minute to read (htmlparser2's Parser keeps its stack
// top first), and an .html file that held no table was parsed twice. The inputs are
// generated here. How long each takes is measured by bench/huge (bench/results/huge.json),
// not asserted here: a busy machine must not fail a test.
import { strFromU8, unzipSync } from "fflate";
import { main } from "../../src/cli/main";
import * as readHtml from "../../src/core/read/readHtml";
import { readPaste } from "../../src/core/read";
import { memoryIo } from "../support/cliIo";
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
