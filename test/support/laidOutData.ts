// Tables laid out as a workbook for a recalculation test: the spec, each data sheet's
// definition (in table order), and the workbook written and recalculated by LibreOffice.
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import type ExcelJS from "exceljs";
import type { Anomaly, CrimeTable, Issue } from "../../src/core/model";
import { defaultAnomalyOptions } from "../../src/core/anomalies";
import { layoutWorkbook } from "../../src/layout/layoutWorkbook";
import type { WorkbookSpec } from "../../src/layout/spec";
import { writeXlsx } from "../../src/writers/xlsx/writeXlsx";
import type { DataSheetInfo, Definitions } from "../../src/layout/definitions";
import { recalculate } from "./libreoffice";

export type DataSheetDefinition = Definitions["sheets"][number] & { data: DataSheetInfo };

export function laidOut(
  tables: CrimeTable[],
  issues: Issue[],
  anomalies: Anomaly[],
  importedOn: string
): { spec: WorkbookSpec; dataDefs: DataSheetDefinition[] } {
  const { spec, definitions } = layoutWorkbook({
    tables,
    issues,
    anomalies,
    groups: [],
    thresholds: { ...defaultAnomalyOptions },
    existingSheetNames: [],
    importedOn,
  });
  const dataDefs = definitions.sheets.filter((s) => s.role === "data") as DataSheetDefinition[];
  return { spec, dataDefs };
}

/** The spec written to a temporary .xlsx and recalculated by LibreOffice. */
export async function recalculated(spec: WorkbookSpec, name: string): Promise<ExcelJS.Workbook> {
  const dir = mkdtempSync(path.join(tmpdir(), `scrutiny-${name}-`));
  const file = path.join(dir, `${name}.xlsx`);
  writeFileSync(file, await writeXlsx(spec));
  return recalculate(file);
}
