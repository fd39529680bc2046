// Validating crime tables: derived figures, totals and cells, as typed issues.
export { validateTables } from "./validateTables";
export { totalGroups } from "./checkTotals";
export {
  genericChanges,
  genericCoverage,
  genericFiguresChecked,
  type GenericChange,
} from "./structure/checkGeneric";
