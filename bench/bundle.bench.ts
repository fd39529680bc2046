// The task pane's download size: builds the production bundle with the project's webpack
// configuration into a temporary folder and records, gzipped, what taskpane.html loads at
// start (its entry chunks) and what it loads only on demand (the host, reader-worker and
// workbook-writer chunks). Aim: at most 300 KB gzipped at start (issue #19), in both modes (one entry).
import * as fs from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import webpack from "webpack";

interface Stats {
  entrypoints: Record<string, { assets: { name: string }[] }>;
  assets: { name: string }[];
}

export async function run(): Promise<Record<string, unknown>> {
  const out = path.join(__dirname, "..", ".tmp", "bundle-bench");
  fs.rmSync(out, { recursive: true, force: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS.
  const makeConfig = require("../webpack.config.js") as (
    env: Record<string, unknown>,
    argv: { mode: string }
  ) => Promise<webpack.Configuration>;
  const config = await makeConfig({}, { mode: "production" });
  config.output = { ...config.output, path: out };
  const started = Date.now();
  const stats = await new Promise<Stats>((resolve, reject) =>
    webpack(config, (err, result) => {
      if (err || !result || result.hasErrors())
        reject(err ?? new Error(result?.toString("errors-only") ?? "webpack failed"));
      else resolve(result.toJson({ all: false, entrypoints: true, assets: true }) as Stats);
    })
  );
  const buildMs = Date.now() - started;
  const gz = (name: string) => gzipSync(fs.readFileSync(path.join(out, name)), { level: 9 }).length;
  const js = (name: string) => name.endsWith(".js");
  const initial = (stats.entrypoints.taskpane?.assets ?? []).map((a) => a.name).filter(js);
  const commands = (stats.entrypoints.commands?.assets ?? []).map((a) => a.name).filter(js);
  const onDemand = stats.assets
    .map((a) => a.name)
    .filter((n) => js(n) && !initial.includes(n) && !commands.includes(n));
  const sizes = (names: string[]) => Object.fromEntries(names.map((n) => [n, gz(n)]));
  const sum = (names: string[]) => names.reduce((t, n) => t + gz(n), 0);
  const figures = {
    buildMs,
    taskpaneInitialGzipBytes: sum(initial),
    taskpaneInitialGzipKB: Math.round(sum(initial) / 1024),
    targetKB: 300,
    initial: sizes(initial),
    onDemandGzipBytes: sum(onDemand),
    onDemand: sizes(onDemand),
    commandsGzipBytes: sum(commands),
  };
  fs.rmSync(out, { recursive: true, force: true });
  return figures;
}
