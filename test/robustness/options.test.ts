// --version, and an unknown option reported as unknown (not as a missing --out).
import { readFileSync } from "fs";
import path from "path";
import { main } from "../../src/cli/main";
import { memoryIo } from "../support/cliIo";

const pkg = JSON.parse(readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as {
  version: string;
};

test("--version prints the package version and exits 0", async () => {
  const io = memoryIo();
  expect(await main(["--version"], io)).toBe(0);
  expect(io.out.join("")).toBe(`${pkg.version}\n`);
});

test("an unknown option is named as unknown", async () => {
  const io = memoryIo();
  expect(await main(["build", "x.txt", "--output", "book.xlsx"], io)).toBe(2);
  const err = io.err.join("");
  expect(err).toContain("unknown option '--output'");
  expect(err).not.toContain("required option");
  expect(io.files.size).toBe(0);
});

test("build without --out still says --out is required", async () => {
  const io = memoryIo();
  expect(await main(["build", "x.txt"], io)).toBe(2);
  expect(io.err.join("")).toContain("--out");
});
