// The ribbon's "Refresh comparisons": rebuild every generated sheet (comparisons, trends,
// checks) from the data sheets as the user left them, with the pane closed, then say
// what happened. The same use case as the pane's "Refresh all" (app refreshAll); the write goes
// through writeWorkbook, which finishes a write a cell-edit refusal cut half-way.

import { refreshAll, startFromBuilt } from "../app/useCases";
import { today } from "../app/today";
import { readWorkbookState } from "../writers/officejs/readWorkbookState";
import { writeWorkbook, type BatchRunner } from "../writers/officejs/writeWorkbook";
import { WorkbookPlanError, WorkbookWriteError } from "../writers/officejs/errors";
import { isCellEditError } from "../office/runExcel";
import { excelApiSupported } from "../office/host";
import { MESSAGES } from "./messages";
import { reasonOf } from "../app/errors";

export interface Notice {
  kind: "success" | "info" | "error";
  title: string;
  message: string;
}

export interface RefreshOutcome {
  /** Generated sheets rebuilt, in workbook order; empty when there was nothing to refresh. */
  sheets: string[];
  warnings: string[];
  /** False when the workbook has no definitions (nothing built by Scrutiny Sheets yet). */
  built: boolean;
}

/** Reads the workbook, plans every generated sheet, writes them. Throws what Excel or the plan refused. */
export async function refreshGenerated(
  run: BatchRunner,
  clock: () => string = today
): Promise<RefreshOutcome> {
  const book = await run((context) => readWorkbookState(context));
  const built = startFromBuilt(book, clock());
  if (!built.ok) return { sheets: [], warnings: [], built: false };
  const { plan } = refreshAll(built.start);
  await writeWorkbook(run, plan.spec, {
    previous: book.definitions,
    isSetSupported: (v) => excelApiSupported(v),
  });
  return { sheets: plan.written, warnings: plan.warnings, built: true };
}

/** What to tell the user about an outcome or a failure, in plain words. */
export function noticeFor(outcome: RefreshOutcome | { error: unknown }): Notice {
  if ("error" in outcome) {
    const e = outcome.error;
    const why = reasonOf(e);
    if (isCellEditError(e))
      return { kind: "error", title: MESSAGES.failedTitle, message: MESSAGES.cellEdit };
    if (e instanceof WorkbookPlanError)
      return { kind: "error", title: MESSAGES.failedTitle, message: MESSAGES.planRefused(why) };
    if (e instanceof WorkbookWriteError)
      return { kind: "error", title: MESSAGES.failedTitle, message: MESSAGES.incomplete(why) };
    return {
      kind: "error",
      title: MESSAGES.failedTitle,
      message: MESSAGES.other(why.replace(/\.$/, "")),
    };
  }
  if (!outcome.built)
    return { kind: "info", title: MESSAGES.nothingTitle, message: MESSAGES.nothing };
  return {
    kind: "success",
    title: MESSAGES.doneTitle,
    message: MESSAGES.done(outcome.sheets) + MESSAGES.warnings(outcome.warnings),
  };
}

export interface CommandDeps {
  run: BatchRunner;
  /** Shows the notice; resolves once it is shown (or could not be), never waiting on the user. */
  notify: (notice: Notice) => Promise<void>;
  clock?: () => string;
}

/** The whole command: refresh, then report. Never throws: a failure is a notice. */
export async function runRefreshCommand(deps: CommandDeps): Promise<Notice> {
  let notice: Notice;
  try {
    notice = noticeFor(await refreshGenerated(deps.run, deps.clock));
  } catch (error) {
    notice = noticeFor({ error });
  }
  await deps.notify(notice);
  return notice;
}

/**
 * The ribbon's handler: refresh, show the notice, and complete the event, always, as soon
 * as the notice is on screen (not when the user closes it).
 */
export async function handleRefreshEvent(
  event: { completed(): void },
  deps: CommandDeps
): Promise<void> {
  try {
    await runRefreshCommand(deps);
  } finally {
    event.completed();
  }
}
