// `build --out` replaces an existing file only when it is a workbook we built, or with
// --force; it never writes over one of its own inputs.
import path from "path";
import { main } from "../../src/cli/main";
import { memoryIo } from "../support/cliIo";
import { OFFENCES_DIR } from "../support/samples";

const INPUT = path.join(OFFENCES_DIR, "merton-2017-08-01.txt");

describe("build --out over an existing file", () => {
  test("refuses a file it did not make, naming it and the way out", async () => {
    const io = memoryIo();
    io.files.set("notes.xlsx", "the analyst's own notes");
    expect(await main(["build", INPUT, "--out", "notes.xlsx"], io)).toBe(2);
    expect(io.files.get("notes.xlsx")).toBe("the analyst's own notes");
    const err = io.err.join("");
    expect(err).toContain("notes.xlsx");
    expect(err).toContain("--force");
    expect(err).toContain("refresh");
  });

  test("replaces it with --force", async () => {
    const io = memoryIo();
    io.files.set("notes.xlsx", "the analyst's own notes");
    expect(await main(["build", INPUT, "--out", "notes.xlsx", "--force"], io)).toBe(0);
    expect(io.files.get("notes.xlsx")).toBeInstanceOf(Uint8Array);
  });

  test("rebuilds a workbook it built without --force", async () => {
    const io = memoryIo();
    expect(await main(["build", INPUT, "--out", "book.xlsx"], io)).toBe(0);
    const first = io.files.get("book.xlsx");
    expect(await main(["build", INPUT, "--out", "book.xlsx"], io)).toBe(0);
    expect(io.err.join("")).toBe("");
    expect(io.files.get("book.xlsx")).not.toBe(first);
  });

  test("never writes over an input file, even with --force", async () => {
    const io = memoryIo();
    const text = "Crime Category\tOffences\nBurglary\t12\n";
    io.files.set("x.txt", text);
    expect(await main(["build", "x.txt", "--out", "x.txt", "--force"], io)).toBe(2);
    expect(io.files.get("x.txt")).toBe(text);
    expect(io.err.join("")).toContain("x.txt");
  });
});
