// The registry of table kinds: one schema each, complete for every name (the compiler
// refuses a kind without one). Everything that treats kinds differently asks kindSchema().
import { callsAsb } from "./callsAsb";
import { datastoreR12 } from "./datastoreR12";
import { generic } from "./generic";
import type { TableKind } from "./names";
import { offencesSds } from "./offencesSds";
import type { KindReader } from "./reader";
import type { KindSchema } from "./schema";

const KINDS: Readonly<Record<TableKind, KindSchema>> = {
  "offences-sds": offencesSds,
  "calls-asb": callsAsb,
  generic,
  "datastore-r12": datastoreR12,
};

export function kindSchema(kind: TableKind): KindSchema {
  return KINDS[kind];
}

/** The kinds recognised in pasted text, in the order their headers are tried. */
export const KIND_READERS: readonly KindReader[] = Object.values(KINDS).flatMap((k) =>
  k.reader ? [k.reader] : []
);

export { TABLE_KINDS, type TableKind } from "./names";
export type * from "./schema";
export type * from "./reader";
export * from "./columns";
export { CALLS_CHANGE_FIELD, isPercentRow } from "./callsAsb";
export { OFFENCES_DERIVED } from "./offencesSds";
