// The pane's host layer's own failures, in one module.

/** Something the in-browser workbook cannot do (there is no selection outside Excel, say). */
export class StandaloneHostError extends Error {
  override name = "StandaloneHostError";
}

/**
 * A change made to the in-browser workbook that the browser would not keep (storage full
 * or turned off): the change holds until the page closes. Shown as a warning, not a failure.
 */
export class WorkbookNotKept extends Error {
  override name = "WorkbookNotKept";
}

/** A task the user cancelled before anything was written. */
export class TaskCancelled extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TaskCancelled";
  }
}
