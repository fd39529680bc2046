// Small rules both hosts share: which group a comparison choice records, and today's date.
import type { Group } from "../../layout/layoutWorkbook";
import type { ComparisonChoice } from "./workbookHost";

/** Today as YYYY-MM-DD in the user's own calendar (the "Imported" date of new data sheets). */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The group a choice adds to the workbook's definitions: a preset by its name, chosen
 * areas named after them. One area needs no group: its trend sheet is built anyway.
 */
export function groupForChoice(choice: ComparisonChoice): Group | null {
  if (choice.kind === "group") return { name: choice.group, areas: [...choice.areas] };
  if (choice.areas.length < 2) return null;
  return { name: choice.areas.join(", "), areas: [...choice.areas] };
}

/** The groups with `group` added, replacing one of the same name (ignoring case). */
export function upsertGroup(groups: Group[], group: Group): Group[] {
  const key = group.name.toLowerCase();
  return [...groups.filter((g) => g.name.toLowerCase() !== key), group];
}
