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

/** A box on a PDF page, in points from the top-left corner. */
export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/**
 * Where `text` is printed on page `page` (from 1): the box around its words, found as a
 * run of consecutive words (poppler's pdftotext -bbox), or null.
 */
export async function textBox(pdf: string, page: number, text: string): Promise<Box | null> {
  const p = String(page);
  const { stdout } = await run("pdftotext", ["-f", p, "-l", p, "-bbox", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const unescape = (w: string): string =>
    w
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
  const words = [
    ...stdout.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/g
    ),
  ].map((m) => ({
    box: { xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]! },
    word: unescape(m[5]!),
  }));
  const wanted = text.split(/\s+/);
  for (let i = 0; i + wanted.length <= words.length; i++) {
    const run = words.slice(i, i + wanted.length);
    if (run.every((w, j) => w.word === wanted[j]))
      return {
        xMin: Math.min(...run.map((w) => w.box.xMin)),
        yMin: Math.min(...run.map((w) => w.box.yMin)),
        xMax: Math.max(...run.map((w) => w.box.xMax)),
        yMax: Math.max(...run.map((w) => w.box.yMax)),
      };
  }
  return null;
}

/** The part of an image inside `box` (in points, for an image rendered at `dpi`). */
export function crop(img: Pixels, box: Box, dpi: number): Pixels {
  const px = (pt: number, limit: number): number =>
    Math.max(0, Math.min(limit, Math.round((pt * dpi) / 72)));
  const x0 = px(box.xMin, img.width);
  const x1 = px(box.xMax, img.width);
  const y0 = px(box.yMin, img.height);
  const y1 = px(box.yMax, img.height);
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    rgb.set(
      img.rgb.subarray(((y0 + y) * img.width + x0) * 3, ((y0 + y) * img.width + x1) * 3),
      y * width * 3
    );
  return { width, height, rgb };
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
