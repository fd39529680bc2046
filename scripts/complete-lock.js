#!/usr/bin/env node
// Usage: node scripts/complete-lock.js package-lock.json   (after any `npm install`)
//
// The registry reachable here lacks the other platforms' prebuilt bindings of
// unrs-resolver (jest 30), so npm cannot record them; npm ci then refuses the lock.
// Record them as optional, platform-bound entries: npm skips them on this platform.
"use strict";
const fs = require("fs");
const file = process.argv[2];
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const platform = {
  "android-arm-eabi": ["android", "arm"], "android-arm64": ["android", "arm64"],
  "darwin-arm64": ["darwin", "arm64"], "darwin-x64": ["darwin", "x64"], "freebsd-x64": ["freebsd", "x64"],
  "linux-arm-gnueabihf": ["linux", "arm"], "linux-arm-musleabihf": ["linux", "arm"],
  "linux-loong64-gnu": ["linux", "loong64"], "linux-loong64-musl": ["linux", "loong64"],
  "linux-ppc64-gnu": ["linux", "ppc64"], "linux-riscv64-gnu": ["linux", "riscv64"],
  "linux-riscv64-musl": ["linux", "riscv64"], "linux-s390x-gnu": ["linux", "s390x"],
  "openharmony-arm64": ["openharmony", "arm64"], "win32-arm64-msvc": ["win32", "arm64"],
  "win32-ia32-msvc": ["win32", "ia32"], "win32-x64-msvc": ["win32", "x64"],
};
let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies || {})) {
    const at = "node_modules/" + dep;
    if (lock.packages[at]) continue;
    const m = /^@unrs\/resolver-binding-(.+)$/.exec(dep);
    if (!m || !platform[m[1]]) { console.error("unknown missing optional dependency", dep); process.exitCode = 1; continue; }
    const [os, cpu] = platform[m[1]];
    lock.packages[at] = { version, cpu: [cpu], dev: true, license: "MIT", optional: true, os: [os] };
    added++;
  }
}
if (process.env.SORT) { const sorted = {};
for (const k of Object.keys(lock.packages).sort((a, b) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b)))) sorted[k] = lock.packages[k];
lock.packages = sorted; }
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log("added", added);
