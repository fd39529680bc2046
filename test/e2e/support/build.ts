// The bundles the browser tests load: the production build of the pane (dist/web, built
// here when missing or older than its sources) and the fake Office.js entry (built into a
// temporary folder). Both through webpack's Node API.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import webpack, { type Configuration, type RuleSetRule, type Stats } from "webpack";
import { newest } from "../../support/newest";

export const ROOT = path.resolve(__dirname, "../../..");
export const WEB_DIR = path.join(ROOT, "dist", "web");

/** Why dist/web must be built, or null when it is up to date. */
export function staleReason(): string | null {
  if (process.env.E2E_REBUILD === "1") return "E2E_REBUILD=1";
  const page = path.join(WEB_DIR, "taskpane.html");
  if (!existsSync(page)) return "dist/web/taskpane.html is missing";
  const built = statSync(page).mtimeMs;
  for (const source of ["src", "assets", "manifest.xml", "webpack.config.js", "tsconfig.json"]) {
    const p = path.join(ROOT, source);
    if (existsSync(p) && newest(p) > built) return `${source} changed after the last build`;
  }
  return null;
}

function compile(config: Configuration): Promise<Stats> {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats) return reject(new Error("webpack gave no stats"));
      if (stats.hasErrors()) {
        const errors = stats.toJson({ all: false, errors: true }).errors ?? [];
        return reject(new Error(`webpack failed:\n${errors.map((e) => e.message).join("\n\n")}`));
      }
      resolve(stats);
    });
  });
}

/**
 * ts-loader without its type check: the emitted JavaScript is the same (isolatedModules is
 * on), and type errors are `npm run typecheck`'s job. This halves the build on two cores.
 */
function transpileOnly(config: Configuration): Configuration {
  const rules = (config.module?.rules ?? []).map((rule) => {
    const r = rule as RuleSetRule;
    if (r && r.loader === "ts-loader")
      return { ...r, options: { ...(r.options as object), transpileOnly: true } };
    return rule;
  });
  return { ...config, module: { ...config.module, rules } };
}

type ConfigFactory = (
  env: Record<string, unknown>,
  argv: { mode: string }
) => Promise<Configuration>;

/** Builds dist/web with the project's own webpack configuration (production mode) when stale. */
export async function ensureProductionBuild(): Promise<string> {
  const reason = staleReason();
  if (reason === null) return "dist/web is up to date";
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's CommonJS config
  const factory = require(path.join(ROOT, "webpack.config.js")) as ConfigFactory;
  const config = await factory({}, { mode: "production" });
  await compile({
    ...transpileOnly(config),
    context: ROOT,
    infrastructureLogging: { level: "error" },
  });
  return `built dist/web (${reason})`;
}

/** The fake Office.js (Office + Excel globals over the Excel test double) as one script. */
export async function bundleFakeOffice(): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), "scrutiny-fake-office-"));
  try {
    await compile({
      mode: "development",
      devtool: false, // no eval: the pane's CSP forbids it
      context: ROOT,
      target: "web",
      entry: path.join(__dirname, "..", "fakeOfficeEntry.ts"),
      output: { path: out, filename: "fake-office.js", iife: true },
      resolve: { extensions: [".ts", ".js"] },
      module: {
        rules: [
          {
            test: /\.ts$/,
            exclude: /node_modules/,
            loader: "ts-loader",
            options: { configFile: path.join(ROOT, "tsconfig.json"), transpileOnly: true },
          },
        ],
      },
      infrastructureLogging: { level: "error" },
    });
    return readFileSync(path.join(out, "fake-office.js"), "utf8");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
