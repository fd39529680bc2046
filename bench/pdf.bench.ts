// Reading a long committee paper: a 100-odd-page PDF made by LibreOffice Writer from the
// sample tables (the 30-page paper's sections five times over, test/support/pdfPaper.ts),
// its text read by PDF.js and its tables found and read; then `scrutiny-sheets check` on
// it as a user runs it (its own process, startup included).
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { readPdfTables } from "../src/core/read/pdf";
import { validateTables } from "../src/core/validate";
import { extractPdfText } from "../src/readers/pdf/extractPdfText";
import { htmlToPdf } from "../test/support/pdfDocuments";
import { paperHtml } from "../test/support/pdfPaper";

const ROOT = path.join(__dirname, "..");

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(tmpdir(), "scrutiny-pdf-bench-"));
  const [file] = await htmlToPdf([{ name: "long-paper", html: paperHtml(5) }], dir);
  const bytes = new Uint8Array(readFileSync(file as string));
  await extractPdfText(bytes); // PDF.js loaded and warmed once
  const t0 = performance.now();
  const text = await extractPdfText(bytes);
  const t1 = performance.now();
  const read = readPdfTables(text, { source: "long-paper.pdf" });
  const t2 = performance.now();
  if (!read.ok) throw new Error(read.error.message);
  const errors = validateTables(read.tables).filter((x) => x.severity === "error").length;
  const c0 = performance.now();
  const cli = spawnSync(
    process.execPath,
    [path.join(ROOT, "bin/scrutiny-sheets.js"), "check", file as string],
    {
      encoding: "utf8",
    }
  );
  const c1 = performance.now();
  return {
    pages: text.pageCount,
    bytes: bytes.length,
    tables: read.tables.length,
    unreadableTables: read.unreadable.length,
    errorIssues: errors,
    extractMs: Math.round(t1 - t0),
    findTablesMs: Math.round(t2 - t1),
    readMs: Math.round(t2 - t0),
    msPerPage: Number(((t2 - t0) / text.pageCount).toFixed(1)),
    cliCheckMs: Math.round(c1 - c0),
    cliCheckExit: cli.status,
  };
}
