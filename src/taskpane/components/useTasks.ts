// Request / progress / success / failure for every slow thing the pane does, in one
// reducer, so every failure reaches the message bar and nothing is swallowed.
import { useCallback, useReducer, useRef } from "react";
import type { Progress } from "../host/workbookHost";
import { TaskCancelled, WorkbookNotKept } from "../host/errors";
import { describeHostError } from "../messages";

export type Intent = "success" | "error" | "warning" | "info";

export interface Notice {
  intent: Intent;
  text: string;
  /**
   * The control the message concerns (its label: "Import", "Build comparison"): the
   * message is shown beside it. Without one (or while that control is off screen) it is
   * shown at the top of the pane.
   */
  at?: string;
}

/** Which messages to take away because they no longer apply: all of them unless narrowed. */
export interface NoticeClear {
  /** Only messages beside these controls. */
  at?: readonly string[];
  /** Only messages of these kinds. */
  intents?: readonly Intent[];
}

export type NoticeChange = Notice | null | { clear: NoticeClear };

/** Clears the message if it is a warning or an error: what it warned of no longer applies. */
export const CLEAR_WARNINGS: { clear: NoticeClear } = { clear: { intents: ["warning", "error"] } };

/** Whether `clear` takes `notice` away. */
export function clears(clear: NoticeClear, notice: Notice): boolean {
  const place = clear.at === undefined || (notice.at !== undefined && clear.at.includes(notice.at));
  return place && (clear.intents === undefined || clear.intents.includes(notice.intent));
}

export interface Busy {
  label: string;
  /** The control whose task this is. */
  at: string;
  fraction?: number;
  /** Offered while the work can still stop with nothing written. */
  cancel?: () => void;
}

export interface TaskState {
  busy: Busy | null;
  notice: Notice | null;
}

type Action =
  | { type: "start"; label: string; at: string }
  | { type: "progress"; progress: Progress }
  | { type: "finish"; notice: Notice | null }
  | { type: "notify"; notice: NoticeChange };

function reduce(state: TaskState, action: Action): TaskState {
  switch (action.type) {
    case "start":
      return { busy: { label: action.label, at: action.at }, notice: null };
    case "progress":
      return state.busy
        ? {
            ...state,
            busy: {
              at: state.busy.at,
              label: action.progress.label,
              fraction: action.progress.fraction,
              cancel: action.progress.cancel,
            },
          }
        : state;
    case "finish":
      return { busy: null, notice: action.notice };
    case "notify":
      if (action.notice === null || !("clear" in action.notice))
        return { ...state, notice: action.notice };
      return state.notice && clears(action.notice.clear, state.notice)
        ? { ...state, notice: null }
        : state;
  }
}

/**
 * `run(action, work)`: shows `action` as progress while `work` runs; `work` returns the
 * success sentence (or null for none). A thrown error becomes "<action> failed: …".
 * One task at a time: a second run while busy is refused with a message. Every message
 * of a task is shown beside the control named `action` (its button's label).
 */
export type RunTask = (
  action: string,
  work: (report: (p: Progress) => void) => Promise<string | null>
) => Promise<boolean>;

export function useTasks(): {
  state: TaskState;
  run: RunTask;
  notify: (notice: NoticeChange) => void;
} {
  const [state, dispatch] = useReducer(reduce, { busy: null, notice: null });
  const busyRef = useRef(false);
  const run = useCallback<RunTask>(async (action, work) => {
    if (busyRef.current) {
      dispatch({
        type: "notify",
        notice: {
          intent: "warning",
          text: `${action} has to wait: another task is still running.`,
          at: action,
        },
      });
      return false;
    }
    busyRef.current = true;
    dispatch({ type: "start", label: `${action}…`, at: action });
    try {
      const text = await work((progress) => dispatch({ type: "progress", progress }));
      dispatch({
        type: "finish",
        notice: text === null ? null : { intent: "success", text, at: action },
      });
      return true;
    } catch (e) {
      const notice: Notice =
        e instanceof TaskCancelled
          ? { intent: "info", text: e.message, at: action }
          : e instanceof WorkbookNotKept
            ? { intent: "warning", text: `${action}: ${e.message}`, at: action }
            : { intent: "error", text: describeHostError(action, e), at: action };
      dispatch({ type: "finish", notice });
      return false;
    } finally {
      busyRef.current = false;
    }
  }, []);
  const notify = useCallback((notice: NoticeChange) => dispatch({ type: "notify", notice }), []);
  return { state, run, notify };
}
