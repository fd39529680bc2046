/** Tests live in test/, mirror src/, and run TypeScript through ts-jest (CommonJS). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", moduleResolution: "node10", jsx: "react-jsx" }, diagnostics: { warnOnly: false } },
    ],
  },
  testTimeout: 60000,
};
