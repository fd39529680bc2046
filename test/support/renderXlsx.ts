// Judging .xlsx parts from outside: the OOXML schemas through xmllint, and LibreOffice
// rendering a workbook to PDF and then to images (poppler's pdftoppm), with the pixels
// read back so a test can tell a drawn chart from a blank page.
import { execFile, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { promisify } from "util";

const run = promisify(execFile);

/** The vendored ECMA-376 transitional schemas (see schemas/ooxml/README.md). */
export const OOXML_SCHEMAS = path.join(__dirname, "schemas/ooxml");

/** xmllint's verdict on one part against a schema file of OOXML_SCHEMAS. */
export function schemaErrors(xml: string, xsd: string): string[] {
  const r = spawnSync("xmllint", ["--noout", "--schema", path.join(OOXML_SCHEMAS, xsd), "-"], {
    input: xml,
    encoding: "utf8",
  });
  if (r.error) throw r.error;
  if (r.status === 0) return [];
  return (r.stderr ?? "").split("\n").filter((l) => l.trim() !== "" && !/validates$/.test(l));
}

let profileDir: string | undefined;

/** A LibreOffice profile of this test process, so runs never share one. */
function profile(): string {
  profileDir ??= mkdtempSync(path.join(tmpdir(), "scrutiny-lo-render-"));
  return profileDir;
}

/** Converts workbooks to `format` ("pdf", "xlsx") in one soffice run; the outputs in order. */
export async function convertWorkbooks(files: string[], format: string): Promise<string[]> {
  const outDir = mkdtempSync(path.join(tmpdir(), "scrutiny-lo-conv-"));
  await run(
    "soffice",
    [
      `-env:UserInstallation=file://${profile()}`,
      "--headless",
      "--norestore",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      ...files,
    ],
    { timeout: 300000 }
  );
  return files.map((f) => {
    const out = path.join(outDir, `${path.basename(f).replace(/\.[^.]+$/, "")}.${format}`);
    if (!existsSync(out)) throw new Error(`LibreOffice did not convert ${f} to ${format}`);
    return out;
  });
}

/** An RGB image: width, height and 3 bytes a pixel, row by row. */
export interface Pixels {
  width: number;
  height: number;
  rgb: Uint8Array;
}

/** Reads a binary PPM (P6, maxval 255), the form pdftoppm writes by default. */
function readPpm(file: string): Pixels {
  const buf = readFileSync(file);
  const header: string[] = [];
  let at = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[at]!))) at++;
    const start = at;
    while (!/\s/.test(String.fromCharCode(buf[at]!))) at++;
    header.push(buf.subarray(start, at).toString("ascii"));
  }
  at++; // the single whitespace after maxval
  if (header[0] !== "P6" || header[3] !== "255") throw new Error(`${file}: not a P6 PPM`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, rgb: new Uint8Array(buf.subarray(at, at + width * height * 3)) };
}

/** The text of each page of a PDF (poppler's pdftotext), whitespace runs as one space. */
export async function pageTexts(pdf: string): Promise<string[]> {
  const { stdout } = await run("pdftotext", [pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 26 });
  return stdout.split("\f").map((t) => t.replace(/\s+/g, " "));
}

/**
 * Page `page` (from 1) of a PDF as a PNG kept at `pngPath` (for people to look at) and
 * as pixels (for the test to judge), both at `dpi`.
 */
export async function renderPage(
  pdf: string,
  page: number,
  pngPath: string,
  dpi = 60
): Promise<Pixels> {
  const work = mkdtempSync(path.join(tmpdir(), "scrutiny-render-"));
  const args = ["-f", String(page), "-l", String(page), "-r", String(dpi), "-singlefile", pdf];
  await run("pdftoppm", [...args, path.join(work, "page")]);
  await run("pdftoppm", ["-png", ...args, path.join(work, "page")]);
  mkdirSync(path.dirname(pngPath), { recursive: true });
  writeFileSync(pngPath, readFileSync(path.join(work, "page.png")));
  return readPpm(path.join(work, "page.ppm"));
}

/** How many pixels are within `tolerance` (per channel) of the colour "#RRGGBB". */
export function countColour(img: Pixels, hex: string, tolerance = 24): number {
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let p = 0; p < img.rgb.length; p += 3) {
    if (
      Math.abs(img.rgb[p]! - want[0]!) <= tolerance &&
      Math.abs(img.rgb[p + 1]! - want[1]!) <= tolerance &&
      Math.abs(img.rgb[p + 2]! - want[2]!) <= tolerance
    )
      n++;
  }
  return n;
}

/** The share of pixels that are not (near) white. */
export function inkShare(img: Pixels): number {
  let ink = 0;
  for (let p = 0; p < img.rgb.length; p += 3)
    if (img.rgb[p]! < 235 || img.rgb[p + 1]! < 235 || img.rgb[p + 2]! < 235) ink++;
  return ink / (img.width * img.height);
}
