// How the app layer and the surfaces above it word failures: the problems a use case
// returns (core/result's Problem, as values), and the words for anything thrown.
import type { Problem } from "../core/result";

/** A workbook Scrutiny Sheets did not build (no definitions), asked to be refreshed. */
export type NotBuilt = Problem<"not-built">;

/** What a thrown value says: its message when it is an Error. */
export const reasonOf = (thrown: unknown): string =>
  thrown instanceof Error ? thrown.message : String(thrown);
