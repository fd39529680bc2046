// Small rules both hosts share: which group a comparison choice records, how a write
// reports, and which recorded sheets the pane lists as data sheets.
import type { Group } from "../../core/groups";
import type { SheetDefinition } from "../../layout/definitions";
import type { ComparisonChoice, ListedDataSheet, WriteReport } from "./workbookHost";

/** The report of a write: its sheets, and warnings only when there are some. */
export const reportOf = (sheets: string[], warnings: string[]): WriteReport => ({
  sheets,
  ...(warnings.length > 0 ? { warnings } : {}),
});

/**
 * The group a choice adds to the workbook's definitions: a preset by its name, chosen
 * areas named after them. One area needs no group: its trend sheet is built anyway.
 */
export function groupForChoice(choice: ComparisonChoice): Group | null {
  if (choice.kind === "group") return { name: choice.group, areas: [...choice.areas] };
  if (choice.areas.length < 2) return null;
  return { name: choice.areas.join(", "), areas: [...choice.areas] };
}

/** The data sheets among these definitions that name an area and a period. */
export const listedDataSheets = (sheets: SheetDefinition[]): ListedDataSheet[] =>
  sheets.flatMap((d) =>
    d.role === "data" && d.data?.area && d.data.periodEnding
      ? [{ sheet: d.name, area: d.data.area, periodEnding: d.data.periodEnding, kind: d.data.kind }]
      : []
  );
