// The two ways applying a workbook can fail. A plan error is found before anything is
// written (a user's sheet in the way, a name Excel refuses, a figure that is not a
// number): the workbook is untouched. A write error happens half-way (Excel refused a
// request, the connection dropped): it names the sheets left incomplete so that running
// the same write again, allowed to replace them, repairs them.

// The plan error is raised by the spec check both writers share; kept importable from here.
export { WorkbookPlanError } from "../../layout/checkSpec";

export interface PartialWrite {
  /** Sheets of the spec that were written completely before the failure. */
  completeSheets: string[];
  /** Sheets of the spec left incomplete or not written at all: rerun with them in `ownedSheets`. */
  incompleteSheets: string[];
  /** Sheets the spec asked to remove that are still there. */
  pendingRemovals: string[];
  /** Syncs made, including the one that failed. */
  syncs: number;
}

/** I/O: Excel refused a request half-way. Sheets the user made were not touched. */
export class WorkbookWriteError extends Error {
  override readonly name = "WorkbookWriteError";
  /** Excel's error code (e.g. "GeneralException", "InvalidOperationInCellEditMode"). */
  readonly code: string;
  constructor(
    readonly partial: PartialWrite,
    override readonly cause: unknown
  ) {
    const code = (cause as { code?: unknown } | null)?.code;
    const why = cause instanceof Error ? cause.message : String(cause);
    super(
      partial.incompleteSheets.length > 0
        ? `Excel stopped the write (${why}). These sheets are incomplete and will be repaired when you run it again: ${partial.incompleteSheets.join(", ")}.`
        : `Excel stopped the write (${why}).`
    );
    this.code = typeof code === "string" ? code : "GeneralException";
  }
}

/** A plan made from facts read earlier no longer fits: the user changed sheets or tables meanwhile. Nothing was written. */
export class StalePlanError extends Error {
  constructor() {
    super(
      "the workbook's sheets or tables changed while the import was being planned; nothing was written"
    );
    this.name = "StalePlanError";
  }
}
