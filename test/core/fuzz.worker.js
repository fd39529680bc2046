// Worker thread of the fuzz test: compiles the TypeScript on the fly (as bench/run.js does)
// and runs the property, telling the test of each input so that a hang can be caught.
/* global require, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS worker script, run by Node directly */
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");
const { parentPort, workerData } = require("worker_threads");

require.extensions[".ts"] = function (module, filename) {
  const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
    },
  });
  module._compile(out.outputText, filename);
};

const { runFuzz } = require("./fuzzCases.ts");
const dir = path.join(__dirname, "../../samples/offences-sds");
const samples = fs
  .readdirSync(dir)
  .sort()
  .map((f) => fs.readFileSync(path.join(dir, f), "utf8"));

try {
  const summary = runFuzz({
    numRuns: workerData.numRuns,
    seed: workerData.seed,
    samples,
    onInput: (i, preview) => parentPort.postMessage({ type: "input", i, preview }),
  });
  parentPort.postMessage({ type: "done", summary });
} catch (err) {
  parentPort.postMessage({ type: "crash", message: err && err.stack ? err.stack : String(err) });
}
