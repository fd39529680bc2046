// What the fault-injection test and benchmark share: seeded kill points and the sheets of
// a workbook a killed refresh left.
import ExcelJS from "exceljs";

/** mulberry32: a small seeded generator, so the kill points repeat from run to run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sheet names of a workbook's bytes (throws when they are no workbook). */
export async function sheetNames(bytes: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((w) => w.name);
}
