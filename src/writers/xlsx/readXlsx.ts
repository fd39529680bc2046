// Reads an .xlsx workbook back: sheet names and ids, the definitions a build left in it,
// and any sheet's values as rows of cells (a formula as its cached result), in the same
// shape the Office.js reader gives, so readDataSheet and parseDefinitions serve both.
// Any writer's workbook is read (Excel, LibreOffice, openpyxl, ExcelJS, ours): see
// ooxml/readPackage.ts. The package stays open as `pkg`, the base a refresh edits.
import { DEFINITIONS_SHEET, parseDefinitions, type Definitions } from "../../layout/definitions";
import { anchorsOf, resolveDefinitions } from "../../layout/definitionsIdentity";
import { sheetKey } from "../../layout/sheetNames";
import {
  local,
  openPackage,
  parseXml,
  type PackageSheet,
  type XlsxPackage,
} from "./ooxml/readPackage";
import { readSheetValues } from "./ooxml/readSheetValues";

export { whyUnreadable } from "./ooxml/readPackage";

export interface XlsxBook {
  /** The package as read: what `editXlsx` refreshes. */
  pkg: XlsxPackage;
  sheetNames: string[];
  /** Every worksheet with its stable `sheetId`, relationship id and visibility. */
  sheets: PackageSheet[];
  definitions: Definitions | null;
  /** The sheet's values, 0-based rows and columns; null for an unknown sheet. */
  sheetValues(name: string): unknown[][] | null;
  /** Every table (ListObject) name in the workbook. */
  tableNames: string[];
}

export async function readXlsx(bytes: Uint8Array): Promise<XlsxBook> {
  return readXlsxSync(bytes);
}

/** readXlsx without the promise: nothing in it waits. */
export function readXlsxSync(bytes: Uint8Array): XlsxBook {
  const pkg = openPackage(bytes);
  const sheetValues = (name: string): unknown[][] | null => {
    const key = sheetKey(name);
    const sheet = pkg.sheets.find((s) => sheetKey(s.name) === key);
    const xml = sheet?.path ? pkg.text(sheet.path) : null;
    return xml === null ? null : readSheetValues(xml, () => pkg.sharedStrings());
  };
  return {
    pkg,
    sheetNames: pkg.sheets.map((s) => s.name),
    sheets: pkg.sheets,
    definitions: definitionsIn(pkg),
    sheetValues,
    tableNames: tableNamesOf(pkg),
  };
}

/**
 * The definitions the package keeps, each recorded sheet under its current name (found by
 * its id, the workbook-scoped name on its A1), or null when it keeps none.
 */
export function definitionsIn(pkg: XlsxPackage): Definitions | null {
  const sheet = pkg.sheets.find((s) => sheetKey(s.name) === sheetKey(DEFINITIONS_SHEET));
  const xml = sheet?.path ? pkg.text(sheet.path) : null;
  const defs =
    xml === null ? null : parseDefinitions(readSheetValues(xml, () => pkg.sharedStrings()));
  if (defs === null) return null;
  const workbookScoped = pkg.definedNames.filter((n) => n.localSheetId === undefined);
  return resolveDefinitions(
    defs,
    anchorsOf(workbookScoped),
    pkg.sheets.map((s) => s.name)
  );
}

/** The names of the tables of every worksheet, found through each sheet's relationships. */
function tableNamesOf(pkg: XlsxPackage): string[] {
  const names: string[] = [];
  for (const sheet of pkg.sheets) {
    if (!sheet.path) continue;
    for (const rel of pkg.relsOf(sheet.path)) {
      const xml = rel.type === "table" && !rel.external ? pkg.text(rel.target) : null;
      if (xml === null) continue;
      let done = false;
      parseXml(xml, {
        open(tag) {
          if (done || local(tag.name) !== "table") return;
          done = true;
          const name = tag.attributes.name ?? tag.attributes.displayName;
          if (name) names.push(name);
        },
      });
    }
  }
  return names;
}
