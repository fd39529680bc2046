// The positioned text of PDFs as src/readers/pdf reads it, in a Node process of its own:
// PDF.js is an ES module, which jest's CommonJS module system cannot load (Node loads it
// natively). The reader's TypeScript is compiled on the fly as bench/run.js does.
import { execFileSync } from "child_process";
import path from "path";
import type { PdfText } from "../../src/core/read/pdf";

const ROOT = path.join(__dirname, "../..");

/** Script text that lets a child Node process require our TypeScript sources. */
export const REQUIRE_TS = `
const fs = require("fs");
const ts = require("typescript");
require.extensions[".ts"] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
  });
  module._compile(out.outputText, filename);
};
`;

const SCRIPT = `
${REQUIRE_TS}const { extractPdfText } = require("./src/readers/pdf/extractPdfText.ts");
(async () => {
  const out = [];
  for (const f of JSON.parse(process.argv[1])) out.push(await extractPdfText(new Uint8Array(fs.readFileSync(f))));
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
`;

/** The text of each PDF, in order. */
export function extractPdfTexts(files: string[]): PdfText[] {
  const out = execFileSync(process.execPath, ["-e", SCRIPT, JSON.stringify(files)], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out) as PdfText[];
}

export const PDF_FIXTURES = path.join(ROOT, "test/fixtures/pdf");
