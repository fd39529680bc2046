// Small rules both hosts share: which group a comparison choice records, and how a write reports.
import type { Group } from "../../core/groups";
import type { ComparisonChoice, WriteReport } from "./workbookHost";

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
