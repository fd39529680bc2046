// An unknown group is refused, by check as by build, with the names that are known: never a
// silent fallback to every borough (a typo in a group must not pass for a comparison with
// all of London).
import path from "path";
import { main } from "../../src/cli/main";
import { memoryIo } from "../support/cliIo";

const ROOT = path.join(__dirname, "../..");
const DATASTORE = path.join(
  ROOT,
  "samples/datastore/mps-borough-level-crime-2022-02-to-2024-01.csv"
);
const BOROUGH_A = path.join(ROOT, "samples/offences-sds/borough-a-2017-09-05.txt");

async function run(args: string[]) {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.out.join(""), err: io.err.join(""), files: io.files };
}

describe("unknown groups", () => {
  it.each([["check"], ["build"]])(
    "%s refuses a preset that does not exist, listing the presets",
    async (cmd) => {
      const args = [cmd, DATASTORE, "--group", "Merton neighbours"];
      const r = await run(cmd === "build" ? [...args, "--out", "book.xlsx"] : [...args, "--json"]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('unknown group "Merton neighbours"');
      expect(r.err).toContain("South West");
      expect(r.out).toBe("");
      expect(r.files.size).toBe(0);
    }
  );

  it.each([["check"], ["build"]])(
    "%s refuses a group naming an area no input holds",
    async (cmd) => {
      const args = [cmd, DATASTORE, "--group", "Mine=Merton,Suton"];
      const r = await run(cmd === "build" ? [...args, "--out", "book.xlsx"] : [...args, "--json"]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('"Suton"');
      expect(r.files.size).toBe(0);
    }
  );

  it("check takes a known preset's areas only", async () => {
    const r = await run(["check", DATASTORE, "--group", "South West", "--json"]);
    expect(r.code).toBe(0);
    const areas = new Set(JSON.parse(r.out).tables.map((t: { area: string }) => t.area));
    expect([...areas].sort()).toEqual([
      "Kingston upon Thames",
      "Merton",
      "Richmond upon Thames",
      "Wandsworth",
    ]);
  });

  it("a group of pasted areas is still a group for the pasted tables", async () => {
    const r = await run([
      "check",
      BOROUGH_A,
      DATASTORE,
      "--group",
      "Mine=Borough A,Merton",
      "--json",
    ]);
    expect(r.err).toBe("");
    expect(r.code).not.toBe(2);
  });
});
