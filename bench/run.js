#!/usr/bin/env node
// Runs the benchmarks in bench/*.bench.ts (all, or those whose name contains an argument)
// one after another in this process. TypeScript is compiled on the fly with the project's
// own compiler, so no extra runner is needed. Each benchmark writes its figures to
// bench/results/<name>.json and prints a summary.
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

require.extensions[".ts"] = require.extensions[".tsx"] = function (module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const out = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      jsx: ts.JsxEmit.ReactJSX,
      esModuleInterop: true,
    },
  });
  module._compile(out.outputText, filename);
};

async function main() {
  const filters = process.argv.slice(2);
  const dir = __dirname;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  if (files.length === 0) {
    console.error("no benchmark matched");
    process.exitCode = 1;
    return;
  }
  fs.mkdirSync(path.join(dir, "results"), { recursive: true });
  for (const f of files) {
    const mod = require(path.join(dir, f));
    if (typeof mod.run !== "function") throw new Error(`${f} exports no run()`);
    const name = f.replace(/\.bench\.ts$/, "");
    console.log(`# ${name}`);
    const figures = await mod.run();
    const record = {
      benchmark: name,
      date: new Date().toISOString(),
      node: process.version,
      ...figures,
    };
    fs.writeFileSync(
      path.join(dir, "results", `${name}.json`),
      JSON.stringify(record, null, 2) + "\n"
    );
    console.log(JSON.stringify(figures, null, 2));
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
