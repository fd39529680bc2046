// The README's two commands are the product's front door, and CI runs the second one:
// keep README, .ci/run and package.json saying the same thing.
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const ci = fs.readFileSync(path.join(root, ".ci/run"), "utf8");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  bin: Record<string, string>;
};

const codeBlocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => (m[1] ?? "").trim());

describe("README", () => {
  it("starts with the main job on the samples, then the test command", () => {
    expect(codeBlocks[0]).toBe("npm ci && npm run sample");
    expect(codeBlocks[1]).toBe("npm test");
  });

  it("names the workbook the main job writes", () => {
    const out = /--out (\S+)/.exec(pkg.scripts.sample ?? "")?.[1];
    expect(out).toBeDefined();
    expect(readme).toContain(`\`${out}\``);
  });

  it("main job uses only files bundled in the project", () => {
    const inputs = (pkg.scripts.sample ?? "").split(/\s+/).filter((w) => w.startsWith("samples/"));
    expect(inputs.length).toBeGreaterThan(5);
    for (const f of inputs) expect(fs.existsSync(path.join(root, f))).toBe(true);
  });

  it("is the test command CI runs", () => {
    const commands = ci
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"));
    expect(commands[commands.length - 1]).toBe(codeBlocks[1]);
  });

  it("has a bin entry for the command-line tool", () => {
    expect(pkg.bin["scrutiny-sheets"]).toBe("bin/scrutiny-sheets.js");
    expect(fs.existsSync(path.join(root, pkg.bin["scrutiny-sheets"] ?? ""))).toBe(true);
  });
});
