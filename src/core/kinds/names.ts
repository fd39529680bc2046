// The table kinds the product knows. Adding a kind starts here: its name, then its schema
// in this folder and its entry in the registry (index.ts), which the compiler checks is
// complete for every name listed.
export const TABLE_KINDS = ["offences-sds", "calls-asb", "generic", "datastore-r12"] as const;

/** Which table a paste or import was recognised as. */
export type TableKind = (typeof TABLE_KINDS)[number];
