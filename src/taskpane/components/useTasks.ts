// Request / progress / success / failure for every slow thing the pane does, in one
// reducer, so every failure reaches the message bar and nothing is swallowed.
import { useCallback, useReducer, useRef } from "react";
import type { Progress } from "../host/workbookHost";
import { TaskCancelled } from "../host/errors";
import { describeHostError } from "../messages";

export type Intent = "success" | "error" | "warning" | "info";

export interface Notice {
  intent: Intent;
  text: string;
}

/** Clears the message if it is a warning or an error: what it warned of no longer applies. */
export const CLEAR_WARNINGS = "clear-warnings";
export type NoticeChange = Notice | null | typeof CLEAR_WARNINGS;

export interface Busy {
  label: string;
  fraction?: number;
  /** Offered while the work can still stop with nothing written. */
  cancel?: () => void;
}

export interface TaskState {
  busy: Busy | null;
  notice: Notice | null;
}

type Action =
  | { type: "start"; label: string }
  | { type: "progress"; progress: Progress }
  | { type: "finish"; notice: Notice | null }
  | { type: "notify"; notice: NoticeChange };

function reduce(state: TaskState, action: Action): TaskState {
  switch (action.type) {
    case "start":
      return { busy: { label: action.label }, notice: null };
    case "progress":
      return state.busy
        ? {
            ...state,
            busy: {
              label: action.progress.label,
              fraction: action.progress.fraction,
              cancel: action.progress.cancel,
            },
          }
        : state;
    case "finish":
      return { busy: null, notice: action.notice };
    case "notify":
      if (action.notice !== CLEAR_WARNINGS) return { ...state, notice: action.notice };
      return state.notice?.intent === "warning" || state.notice?.intent === "error"
        ? { ...state, notice: null }
        : state;
  }
}

/**
 * `run(action, work)`: shows `action` as progress while `work` runs; `work` returns the
 * success sentence (or null for none). A thrown error becomes "<action> failed: …".
 * One task at a time: a second run while busy is refused with a message.
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
        },
      });
      return false;
    }
    busyRef.current = true;
    dispatch({ type: "start", label: `${action}…` });
    try {
      const text = await work((progress) => dispatch({ type: "progress", progress }));
      dispatch({ type: "finish", notice: text === null ? null : { intent: "success", text } });
      return true;
    } catch (e) {
      const notice: Notice =
        e instanceof TaskCancelled
          ? { intent: "info", text: e.message }
          : { intent: "error", text: describeHostError(action, e) };
      dispatch({ type: "finish", notice });
      return false;
    } finally {
      busyRef.current = false;
    }
  }, []);
  const notify = useCallback((notice: NoticeChange) => dispatch({ type: "notify", notice }), []);
  return { state, run, notify };
}
