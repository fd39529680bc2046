// What the product ships with: the lock file is committed and no production dependency
// runs an install script (which could download a binary at install time). The sideloading
// tool (office-addin-debugging) is optional: npm ci skips it where its keytar cannot be
// compiled, and nothing of it ships.
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..");

interface LockEntry {
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  hasInstallScript?: boolean;
  license?: string;
}

const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, LockEntry>;
};
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

/** Installed for the product itself: not for development, not an optional tool. */
const production = Object.entries(lock.packages).filter(
  ([name, e]) => name !== "" && !e.dev && !e.optional && !e.devOptional
);

describe("dependencies", () => {
  it("the lock file records every production dependency", () => {
    for (const name of Object.keys(pkg.dependencies))
      expect(lock.packages[`node_modules/${name}`]).toBeDefined();
  });

  it("every optional dependency has a lock entry, so npm ci accepts the lock (scripts/complete-lock.js)", () => {
    const missing: string[] = [];
    for (const [at, e] of Object.entries(lock.packages) as [
      string,
      LockEntry & { optionalDependencies?: Record<string, string> },
    ][])
      for (const dep of Object.keys(e.optionalDependencies ?? {}))
        if (!lock.packages[`node_modules/${dep}`] && !lock.packages[`${at}/node_modules/${dep}`])
          missing.push(`${at} -> ${dep}`);
    expect(missing).toEqual([]);
  });

  it("only the sideloading tool is optional, so npm ci works where it cannot be built", () => {
    expect(Object.keys(pkg.optionalDependencies ?? {})).toEqual(["office-addin-debugging"]);
    expect(lock.packages["node_modules/keytar"]).toMatchObject({ optional: true });
  });

  it("no production dependency has an install script", () => {
    expect(production.length).toBeGreaterThan(10);
    expect(production.filter(([, e]) => e.hasInstallScript).map(([n]) => n)).toEqual([]);
  });

  it("production dependencies carry no copyleft licence (the add-in is distributed)", () => {
    // A dual licence ("MIT OR GPL-3.0-or-later", as jszip has) may be taken under its permissive option.
    const onlyCopyleft = (licence: string) =>
      licence
        .replace(/[()]/g, "")
        .split(/\s+OR\s+/)
        .every((option) => /\bA?GPL/i.test(option));
    const copyleft = production.filter(([, e]) => onlyCopyleft(e.license ?? ""));
    expect(copyleft.map(([n, e]) => `${n} ${e.license}`)).toEqual([]);
  });
});
