// Issue #17, "Smaller": what is too long for a cell, a file that is no workbook, and a
// date that does not exist each reach the user as our own sentence naming the file (and
// the line), never as a crash, a library's text or a silent "no reporting period found".
import { readFileSync } from "fs";
import path from "path";
import { main } from "../../src/cli/main";
import { memoryIo } from "../support/cliIo";
import { OFFENCES_DIR } from "../support/samples";

const merton = (): string => readFileSync(path.join(OFFENCES_DIR, "merton-2017-08-01.txt"), "utf8");

async function run(args: string[], files: Record<string, string | Uint8Array>) {
  const io = memoryIo();
  for (const [name, body] of Object.entries(files)) io.files.set(name, body);
  const code = await main(args, io);
  return { code, err: io.err.join(""), out: io.out.join(""), io };
}

describe("a text longer than an Excel cell holds", () => {
  // "Theft Person" is on line 18 of the sample.
  const long = merton().replace("Theft Person", "x".repeat(5_000_000));

  test("check refuses it, naming the file and line and the cell's limit", async () => {
    const r = await run(["check", "long.txt"], { "long.txt": long });
    expect(r.code).toBe(2);
    expect(r.err).toContain("long.txt (line 18)");
    expect(r.err).toContain("5,000,000 characters");
    expect(r.err).toContain("32,767");
    expect(r.err.length).toBeLessThan(1000);
  });

  test("build writes nothing, and says why instead of crashing", async () => {
    const r = await run(["build", "long.txt", "--out", "long.xlsx"], { "long.txt": long });
    expect(r.code).toBe(2);
    expect(r.err).toContain("long.txt (line 18)");
    expect(r.io.files.has("long.xlsx")).toBe(false);
  });

  test("a label of 32,767 characters is still read", async () => {
    const text = merton().replace("Theft Person", "x".repeat(32767));
    const r = await run(["check", "ok.txt", "--json"], { "ok.txt": text });
    expect(r.code).toBeLessThan(2);
    const doc = JSON.parse(r.out) as { tables: { rows: { subcategory: string | null }[] }[] };
    expect(doc.tables[0]!.rows.some((x) => x.subcategory?.length === 32767)).toBe(true);
  });
});

describe("refresh of a file that is not an .xlsx workbook", () => {
  test.each([
    ["a text file", "Crime Category\tOffences\nBurglary\t12\n"],
    ["an empty file", ""],
    ["a cut-short zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0])],
  ])("%s named book.xlsx gets our own sentence naming it", async (_what, body) => {
    const r = await run(["refresh", "book.xlsx"], { "book.xlsx": body });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/book\.xlsx: not a readable \.xlsx workbook \(.+\)\n$/);
    expect(r.err).not.toMatch(/jszip|https?:|central directory|Corrupted|End of data/i);
  });
});

describe("a reporting period ending on a date that does not exist", () => {
  test.each([
    ["31 February 2017", /February 2017 has 28 days/],
    ["31/02/2017", /February 2017 has 28 days/],
    ["29 February 2018", /February 2018 has 28 days/],
    ["31 April 2017", /April 2017 has 30 days/],
    ["05/13/2017", /there is no month 13/],
  ])("%s is refused, naming its line and saying the date does not exist", async (date, why) => {
    const text = merton().replaceAll("1 August 2017", date);
    const r = await run(["check", "feb.txt"], { "feb.txt": text });
    expect(r.code).toBe(2);
    expect(r.err).toContain("feb.txt (line 3)");
    expect(r.err).toContain(`"${date}", a date that does not exist`);
    expect(r.err).toMatch(why);
    expect(r.err).not.toContain("no reporting period found");
  });

  test("only the period line that is wrong is named, even when another is right", async () => {
    const text = merton().replace("1 August 2017", "31 February 2017");
    const r = await run(["check", "feb.txt"], { "feb.txt": text });
    expect(r.code).toBe(2);
    expect(r.err).toContain("feb.txt (line 3)");
  });

  test("29 February of a leap year exists", async () => {
    const text = merton().replaceAll("1 August 2017", "29 February 2016");
    const r = await run(["check", "leap.txt"], { "leap.txt": text });
    expect(r.code).toBeLessThan(2);
    expect(r.out).toContain("period ending 2016-02-29");
  });
});

describe("a Datastore CSV with a name longer than a cell holds", () => {
  it("is refused with the file named, as a paste is", async () => {
    const csv = readFileSync(
      path.join(
        __dirname,
        "../../samples/datastore/mps-borough-level-crime-2022-02-to-2024-01.csv"
      ),
      "utf8"
    ).split("\n");
    // A category name of 40,000 characters on the file's first data row.
    const first = csv[1]!.split(",");
    first[0] = "x".repeat(40000);
    csv[1] = first.join(",");
    const io = memoryIo();
    io.files.set("long.csv", csv.join("\n"));
    expect(await main(["check", "long.csv", "--json"], io)).toBe(2);
    expect(io.err.join("")).toContain("32,767");
  });
});
