// Refresh of an .xlsx package: the spec's sheets written over the workbook `base`.
import ExcelJS from "exceljs";
import type { WorkbookSpec } from "../../../layout/spec";
import { writeXlsx } from "../writeXlsx";

/** The workbook `base` with the spec applied: its sheets replaced or added, `removeSheets` gone. */
export async function editXlsx(base: Uint8Array, spec: WorkbookSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(base as unknown as ArrayBuffer);
  return writeXlsx(spec, wb);
}
