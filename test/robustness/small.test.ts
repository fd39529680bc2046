// Issue #17, "Smaller": what is too long for a cell, a file that is no workbook, and a
// date that does not exist each reach the user as our own sentence naming the file (and
// the line), never as a crash, a library's text or a silent "no reporting period found".
import { main } from "../../src/cli/main";
import { memoryIo } from "../support/cliIo";

async function run(args: string[], files: Record<string, string | Uint8Array>) {
  const io = memoryIo();
  for (const [name, body] of Object.entries(files)) io.files.set(name, body);
  const code = await main(args, io);
  return { code, err: io.err.join(""), out: io.out.join(""), io };
}

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
