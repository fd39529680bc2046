#!/usr/bin/env node
// Entry point of the command-line tool: runs the compiled CLI (built by `npm run build:cli`,
// which `npm ci` runs through `prepare`).
"use strict";
/* global require, process */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS entry point
const { main } = require("../dist/cli/main.js");
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`scrutiny-sheets: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  }
);
