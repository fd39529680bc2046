// ESLint 9 flat config for `npm run lint` / `lint:fix` (office-addin-lint 3 runs ESLint with
// the project's eslint.config.mjs when there is one, else its own built-in config).
// - Everywhere in src/ and test/: eslint:recommended, prettier formatting (as error), the
//   typescript-eslint recommended rules and React's rules: office-addins' "react" config.
// - The Office.js rules (load before read, sync before read, no sync in loops, ...) only where
//   Office.js is used: the Office.js writer, the task pane and the ribbon commands. Elsewhere
//   they misfire (ExcelJS's `cell.value` looks like an unloaded Office.js property).
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import tseslint from "typescript-eslint";
import eslintComments from "@eslint-community/eslint-plugin-eslint-comments";

const OFFICE_JS_CODE = [
  "src/writers/officejs/**",
  "src/taskpane/**",
  "src/commands/**",
  "test/writers/officejs/**",
  "test/taskpane/**",
  "test/commands/**",
];
const TS_FILES = ["**/*.{ts,tsx,mts,cts}"];

// eslint-plugin-office-addins bundles an older typescript-eslint; ESLint refuses two plugins
// under one name, so its configs use the project's typescript-eslint plugin and parser instead.
function useProjectTypescriptEslint(config) {
  if (!config.plugins || !config.plugins["@typescript-eslint"]) return config;
  const { "@typescript-eslint": _bundled, ...plugins } = config.plugins;
  const languageOptions = { ...config.languageOptions, parser: tseslint.parser };
  return { ...config, plugins, languageOptions };
}
const officeConfigs = officeAddins.configs.react.map(useProjectTypescriptEslint);

// office-addins' main block lists js/ts files only; split its rules so they also cover .tsx.
const officeBlock = officeConfigs.find(
  (c) => c.rules && "office-addins/load-object-before-read" in c.rules
);
const pickRules = (keep) =>
  Object.fromEntries(Object.entries(officeBlock.rules).filter(([name]) => keep(name)));
const officeJsRules = pickRules((name) => name.startsWith("office-addins/"));
const generalRules = pickRules((name) => !name.startsWith("office-addins/"));
const officeJsRulesOff = Object.fromEntries(Object.keys(officeJsRules).map((n) => [n, "off"]));

export default [
  { ignores: ["dist/**", "coverage/**", "node_modules/**", "bench/results/**"] },
  ...officeConfigs,
  // After the office-addins configs so its TypeScript overrides (no-undef off: the compiler
  // checks names) win over eslint:recommended.
  ...tseslint.configs.recommended,
  // React 17+ JSX transform: components need not import React.
  react.configs.flat["jsx-runtime"],
  {
    files: TS_FILES,
    plugins: officeBlock.plugins,
    languageOptions: { ...officeBlock.languageOptions, ecmaVersion: "latest" },
    rules: {
      ...generalRules,
      // `_`-prefixed names are deliberately unused (placeholders in signatures, destructuring).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  { files: TS_FILES, ignores: OFFICE_JS_CODE, rules: officeJsRulesOff },
  { files: OFFICE_JS_CODE.map((dir) => `${dir}/*.{ts,tsx}`), rules: officeJsRules },
  // Functions stay small: one over 100 lines needs a directive saying why
  // (`// eslint-disable-next-line max-lines-per-function -- the reason`). Tests are exempt:
  // a describe block is a list of cases, not a function to read.
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "@eslint-community/eslint-comments": eslintComments },
    rules: {
      "max-lines-per-function": [
        "error",
        { max: 100, skipBlankLines: true, skipComments: true, IIFEs: true },
      ],
      "@eslint-community/eslint-comments/require-description": "error",
      "@eslint-community/eslint-comments/no-unused-disable": "error",
    },
  },
  // Props are typed; checking them again at run time is TypeScript's job.
  { files: ["**/*.tsx"], rules: { "react/prop-types": "off" } },
];
