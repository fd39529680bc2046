// London Datastore import: read a recorded-crime CSV, then R12 tables and monthly series.
export type {
  DatastoreFile,
  DatastoreArea,
  DatastoreCategory,
  DatastoreMajor,
  DatastoreLayout,
  DatastoreWard,
  DatastoreWards,
} from "./types";
export { readDatastore, type ReadDatastoreResult } from "./readDatastore";
export { isDatastoreCsv } from "./recogniseLayout";
export {
  r12Tables,
  R12_COLUMNS,
  R12_TITLE,
  ALL_OFFENCES,
  type R12Options,
  type R12Result,
} from "./r12Tables";
export { monthlySeries, listAreas, listMonths, type MonthValue } from "./series";
export { changePct } from "./changePct";
export { lastDayOfMonth } from "./months";
export {
  readDatastoreSet,
  type DatastoreText,
  type DatastoreSetOptions,
  type DatastoreSetResult,
} from "./readDatastoreSet";
export {
  wardView,
  findWards,
  wardsOfArea,
  listWards,
  type WardsOfArea,
  wardsGroupArea,
  wardsGroupOfTables,
  closestNames,
} from "./wards";
export { wardCoverage } from "./wardCoverage";
