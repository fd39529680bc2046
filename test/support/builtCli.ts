// The command-line tool as users run it (bin/scrutiny-sheets.js on dist/cli), for tests
// that need a process of its own (a memory limit). `npm ci` builds dist through
// `prepare`; a copy older than the sources is built again first.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { newest } from "./newest";

export const ROOT = path.join(__dirname, "../..");
export const CLI = path.join(ROOT, "bin/scrutiny-sheets.js");
const BUILT = path.join(ROOT, "dist/cli/main.js");
const SOURCES = ["src/cli", "src/app", "src/core", "src/layout", "src/readers", "src/writers/xlsx"];

export function ensureCliBuilt(): void {
  const built = fs.existsSync(BUILT) ? fs.statSync(BUILT).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((d) => newest(path.join(ROOT, d))));
  if (built >= sources) return;
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
    { cwd: ROOT, stdio: "pipe" }
  );
}
