// The area a file name gives: only a known area (a London borough, an area or ward of a
// loaded file, a name the user gave, a borough the analyst named by letter), never the
// words of any file name ("committee-report.txt" is no area called "Committee Report").
import { areaFromFileName, readPaste } from "../../../src/core/read";
import { runCheck, type CheckIo } from "../../../src/cli/checkCommand";
import { runBuild } from "../../../src/cli/buildCommand";
import { readXlsx } from "../../../src/writers/xlsx/readXlsx";
import { memoryIo } from "../../support/cliIo";
import { tableText } from "../../support/tablesCorpus";
import * as fs from "fs";
import * as path from "path";

const MERTON = fs.readFileSync(
  path.join(__dirname, "../../../samples/offences-sds/merton-2017-08-01.txt"),
  "utf8"
);

describe("the area a file name gives", () => {
  it.each([
    ["merton-2017-08-01.txt", "Merton"],
    ["kingston_20170801.csv", "Kingston upon Thames"],
    ["hammersmith-&-fulham.txt", "Hammersmith and Fulham"],
    ["borough-c-2017-09-05.pdf-copy.txt", "Borough C"],
    ["lambeth-2007.ods", "Lambeth"],
    ["merton-2016-17.xlsx", "Merton"],
    ["committee-report.txt", null],
    ["Book1.html", null],
    ["copeland-pq-2015.txt", null],
    ["agenda-item-6-appendix.pdf", null],
  ])("%s → %s", (file, area) => {
    expect(areaFromFileName(file)).toBe(area);
  });

  it("is a ward or area of a loaded file, or a name the user gave, when one matches", () => {
    expect(areaFromFileName("forest-hill.txt", ["Forest Hill", "Lee Green"])).toBe("Forest Hill");
    expect(areaFromFileName("forest-hill.txt")).toBeNull();
  });

  it("names a pasted table's area only when the name is known", () => {
    const area = (fileName: string) => {
      const read = readPaste(MERTON, { source: fileName, fileName });
      if (!read.ok) throw new Error(read.error.message);
      return read.tables.map((t) => t.area);
    };
    expect(area("merton-2017-08-01.txt")[0]).toBe("Merton");
    expect(area("committee-report.txt").every((a) => a === null)).toBe(true);
  });

  it("check reports the area as unknown for a file name that is no area", async () => {
    let stdout = "";
    const io: CheckIo = {
      readFile: async () => tableText("copeland-pq-2015.txt"),
      stdout: (s) => void (stdout += s),
      stderr: () => undefined,
    };
    await runCheck(["committee-report.txt"], { json: true }, io);
    const doc = JSON.parse(stdout) as { tables: { area: string | null }[] };
    expect(doc.tables.length).toBeGreaterThan(0);
    expect(doc.tables.every((t) => t.area === null)).toBe(true);
  });

  it("build names no sheet after a file name that is no area, and one that is", async () => {
    const io = memoryIo();
    io.files.set("committee-report.txt", MERTON);
    io.files.set("merton-2017-08-01.txt", MERTON);
    const code = await runBuild(
      ["committee-report.txt", "merton-2017-08-01.txt"],
      { out: "b.xlsx", force: true },
      io
    );
    expect(code).toBe(0);
    const book = await readXlsx(io.files.get("b.xlsx") as Uint8Array);
    const names = book.sheetNames.join(" | ");
    expect(names).toContain("Merton 2017-08-01");
    expect(names).not.toMatch(/Committee Report/);
  });
});
