#!/usr/bin/env node
// Writes the PDFs of test/fixtures/pdf/ with LibreOffice Writer (see its README). The
// documents are described in test/support/pdfPaper.ts.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");
const ts = require("typescript");

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

async function main() {
  const out = path.join(__dirname, "../test/fixtures/pdf");
  const paper = require("../test/support/pdfPaper.ts");
  const { htmlToPdf } = require("../test/support/pdfDocuments.ts");
  await htmlToPdf(
    [
      { name: "paper", html: paper.paperHtml() },
      { name: "split-table", html: paper.splitTableHtml() },
      { name: "landscape-unruled", html: paper.landscapeHtml() },
      { name: "misaligned", html: paper.misalignedHtml() },
    ],
    out
  );
  // A scan: page 3 of the split-table paper (its table) as a picture, in a PDF of its own.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-scan-"));
  execFileSync("pdftoppm", [
    "-f",
    "3",
    "-l",
    "3",
    "-r",
    "80",
    "-png",
    "-singlefile",
    path.join(out, "split-table.pdf"),
    path.join(tmp, "page"),
  ]);
  await htmlToPdf([{ name: "scanned", html: paper.scannedHtml(path.join(tmp, "page.png")) }], out);
  // A wide table as Calc prints it: its columns split across pages, labels on the first.
  const csv = path.join(tmp, "calc-split-wide.csv");
  fs.copyFileSync(path.join(__dirname, "../samples/offences-sds/borough-e-2017-09-05.txt"), csv);
  execFileSync("soffice", [
    `-env:UserInstallation=file://${fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-lo-calc-"))}`,
    "--headless",
    "--norestore",
    "--infilter=CSV:9,34,76,1",
    "--convert-to",
    "pdf:calc_pdf_Export",
    "--outdir",
    out,
    csv,
  ]);
  for (const f of fs.readdirSync(out).filter((f) => f.endsWith(".pdf")))
    console.log(f, fs.statSync(path.join(out, f)).size, "bytes");
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
