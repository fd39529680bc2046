// Builds the add-in's web part: the task pane and the ribbon-command page, each its own entry,
// into dist/web/ (dist/cli belongs to `npm run build:cli`, so only dist/web is cleaned).
//
//   npm run build       production bundle, no certificates needed
//   npm run build:dev   development bundle
//   npm run dev-server  https://localhost:3000 with the office-addin-dev-certs certificates
//
// ADDIN_ORIGIN=https://addins.example.gov.uk npm run build rewrites the manifest copied to
// dist/web/ from https://localhost:3000 to that origin (all manifest URLs share one origin;
// `npm run validate` enforces it).
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_ORIGIN = "https://localhost:3000";
const PORT = 3000;
const OUTPUT = path.resolve(__dirname, "dist", "web");

/**
 * Certificates for the https dev server. getHttpsServerOptions() also tries to trust the
 * development CA system-wide; where that needs admin rights it rejects even though the
 * certificate files exist, so fall back to reading them (Office will then warn until the CA
 * in ~/.office-addin-dev-certs/ca.crt is trusted).
 */
async function httpsServerOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { ca, key, cert };
  } catch (err) {
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
    const missing = Object.values(files).filter((f) => !fs.existsSync(path.join(dir, f)));
    if (missing.length > 0) {
      throw new Error(
        `No development certificates in ${dir} (missing ${missing.join(", ")}): ` +
          `run "npx office-addin-dev-certs install" first. (${err.message})`
      );
    }
    console.warn(
      `office-addin-dev-certs could not trust its CA on this machine (${String(err.message).trim()}); serving with ${dir}`
    );
    return Object.fromEntries(
      Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))])
    );
  }
}

function productionOrigin() {
  const origin = process.env.ADDIN_ORIGIN;
  if (!origin) return DEV_ORIGIN;
  const url = new URL(origin);
  if (url.protocol !== "https:" || url.origin !== origin.replace(/\/$/, "")) {
    throw new Error(
      `ADDIN_ORIGIN must be an https origin such as https://addins.example.gov.uk, got "${origin}"`
    );
  }
  return url.origin;
}

module.exports = async (env, argv) => {
  const dev = argv.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const origin = serving ? DEV_ORIGIN : productionOrigin();

  return {
    mode: dev ? "development" : "production",
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval.
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: OUTPUT,
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            configFile: path.resolve(__dirname, "tsconfig.json"),
            onlyCompileBundledFiles: true,
          },
        },
      ],
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              origin === DEV_ORIGIN ? content : content.toString().split(DEV_ORIGIN).join(origin),
          },
        ],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
    ],
    performance: {
      // The pane bundles React, Fluent UI and ExcelJS and is loaded from the local server.
      maxAssetSize: 3_000_000,
      maxEntrypointSize: 3_000_000,
    },
    devServer: serving
      ? {
          port: PORT,
          host: "localhost",
          hot: true,
          static: false,
          server: { type: "https", options: await httpsServerOptions() },
        }
      : undefined,
  };
};
