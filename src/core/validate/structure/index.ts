// Checks of tables read by their structure: changes, shares, totals.
export { checkStructured, type StructureCheck, type TableCoverage } from "./checkStructured";
export { findDerived, type Relation, type Unchecked } from "./findDerived";
