// Where a task's progress and messages appear: beside the control they concern (a slot
// under its button, named by the button's label), so an error is on screen next to what
// was pressed and not at the top of a scrolled pane. A message whose control is not on
// screen (another screen is shown) appears in the slot at the top instead.
// Announced to screen readers: an error appears as an alert (announced at once wherever it
// is inserted); other messages appear in the slot's status region, present from the start
// (a polite live region must exist before its content changes) and taken out of the flow
// while empty, so an unused slot takes no room.
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { NoticeBar } from "./NoticeBar";
import { ProgressNote } from "./ProgressNote";
import type { Busy, Notice, TaskState } from "./useTasks";

const useStyles = makeStyles({
  slot: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  empty: { position: "absolute", width: "1px", height: "1px", overflow: "hidden" },
});

interface TaskView {
  state: TaskState;
  dismiss: () => void;
  /** Slots on screen, by name, with how many of each. */
  shown: ReadonlyMap<string, number>;
  /** Says a slot is on screen; returns what says it has gone. */
  register: (at: string) => () => void;
}

const TaskContext = React.createContext<TaskView | null>(null);

/** False around a screen that is mounted but hidden: its slots do not count as on screen. */
export const ScreenShown = React.createContext(true);

/** Gives the slots below it the pane's task state. */
export function TaskSlots({
  state,
  dismiss,
  children,
}: {
  state: TaskState;
  dismiss: () => void;
  children: React.ReactNode;
}): React.JSX.Element {
  const [shown, setShown] = React.useState<ReadonlyMap<string, number>>(new Map());
  const register = React.useCallback((at: string) => {
    const add = (by: number) =>
      setShown((m) => {
        const next = new Map(m);
        const n = (next.get(at) ?? 0) + by;
        if (n > 0) next.set(at, n);
        else next.delete(at);
        return next;
      });
    add(1);
    return () => add(-1);
  }, []);
  const view = React.useMemo(
    () => ({ state, dismiss, shown, register }),
    [state, dismiss, shown, register]
  );
  return <TaskContext.Provider value={view}>{children}</TaskContext.Provider>;
}

/** The progress and message of the task named `at` (a button's label), shown where it is placed. */
export function TaskSlot({ at }: { at: string }): React.JSX.Element | null {
  const view = React.useContext(TaskContext);
  const onScreen = React.useContext(ScreenShown);
  const register = view?.register;
  React.useEffect(
    () => (register && onScreen ? register(at) : undefined),
    [register, at, onScreen]
  );
  if (!view) return null;
  const { busy, notice } = view.state;
  // On a hidden screen the top slot shows them instead.
  return (
    <SlotOutput
      name={at}
      busy={onScreen && busy?.at === at ? busy : null}
      notice={onScreen && notice?.at === at ? notice : null}
      dismiss={view.dismiss}
    />
  );
}

/** The slot at the top of the pane: what concerns no control, or one not on screen. */
export function TopSlot(): React.JSX.Element | null {
  const view = React.useContext(TaskContext);
  if (!view) return null;
  const { busy, notice } = view.state;
  const away = (item: { at?: string } | null): boolean =>
    item !== null && (item.at === undefined || !view.shown.has(item.at));
  return (
    <SlotOutput
      name="top"
      busy={away(busy) ? busy : null}
      notice={away(notice) ? notice : null}
      dismiss={view.dismiss}
    />
  );
}

function SlotOutput({
  name,
  busy,
  notice,
  dismiss,
}: {
  name: string;
  busy: Busy | null;
  notice: Notice | null;
  dismiss: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const ref = React.useRef<HTMLDivElement>(null);
  // A message that appears below the fold is brought into view (not in every test DOM).
  React.useEffect(() => {
    if (notice) ref.current?.scrollIntoView?.({ block: "nearest" });
  }, [notice]);
  const error = notice?.intent === "error";
  const told = notice && !error ? notice : null;
  return (
    <>
      {busy && <ProgressNote label={busy.label} fraction={busy.fraction} onCancel={busy.cancel} />}
      <div
        role="status"
        aria-atomic="true"
        className={told ? styles.slot : styles.empty}
        data-task-slot={name}
      >
        {told && <NoticeBar notice={told} onDismiss={dismiss} barRef={ref} />}
      </div>
      {notice && error && <NoticeBar notice={notice} onDismiss={dismiss} barRef={ref} />}
    </>
  );
}
