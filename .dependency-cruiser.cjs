// The layers' rules, checked by `npm run deps` (part of `npm test`): no import cycles, and
// every import points down the layers: core <- layout <- writers <- app <- surfaces
// (cli, taskpane, commands, office). See docs/architecture.md.
/** A rule forbidding imports from `from` into any of `to`. */
const layer = (name, from, to, comment) => ({
  name,
  comment,
  severity: "error",
  from: { path: from },
  to: { path: to },
});

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "Modules import each other in one direction only (type-only imports included).",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    layer(
      "core-is-pure",
      "^src/core/",
      "^src/(layout|writers|app|cli|taskpane|commands|office|readers)/",
      "The core knows nothing of sheets, Office, the DOM or files."
    ),
    layer(
      "core-no-platform",
      "^src/core/",
      "^(fs|path|os|child_process|react|react-dom|exceljs|office-js)$|node_modules/(react|exceljs)",
      "The core runs anywhere: no Node built-ins, no UI, no workbook library."
    ),
    layer(
      "readers-below-surfaces",
      "^src/readers/",
      "^src/(layout|writers|app|cli|taskpane|commands|office)/",
      "Readers turn a file's bytes (a PDF) into what the core reads; the surfaces call them."
    ),
    layer(
      "layout-is-declarative",
      "^src/layout/",
      "^src/(writers|app|cli|taskpane|commands|office)/",
      "Layout describes sheets; it never writes them or knows who asked."
    ),
    layer(
      "writers-below-use-cases",
      "^src/writers/",
      "^src/(app|cli|taskpane|commands)/",
      "Writers apply a spec; use cases and surfaces call them, not the reverse."
    ),
    layer(
      "use-cases-below-surfaces",
      "^src/app/",
      "^src/(cli|taskpane|commands)/",
      "Use cases are called by the surfaces."
    ),
    layer(
      "surfaces-apart",
      "^src/(cli|commands)/",
      "^src/taskpane/",
      "The CLI and the ribbon command do not reach into the pane."
    ),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "\\.d\\.ts$" },
  },
};
