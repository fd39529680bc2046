// The picker's ticks for what was read: all ticked for each new read; Import and the
// preview see only the tables ticked.
import * as React from "react";
import type { PasteAnalysis } from "../../worker/pasteReader";
import type { NoticeChange } from "../useTasks";
import { pickTables } from "./pickTables";
import type { ReadState } from "./usePasteRead";

export interface PastePick {
  /** What was read, all of it (null before a read). */
  analysis: PasteAnalysis | null;
  /** The tables ticked, with their findings (null before a read). */
  picked: PasteAnalysis | null;
  ticked: boolean[];
  tick: (index: number, ticked: boolean) => void;
  /** The read state with the picked analysis, for Import. */
  read: ReadState;
  /** Whether anything is ticked to import; if not, says so. */
  ready: (notify: (n: NoticeChange) => void) => boolean;
}

/** No ticks changed: every table ticked (one array, so the memoised preview is not redrawn). */
const ALL_TICKED: boolean[] = [];

export function usePastePick(read: ReadState): PastePick {
  const analysis = read.status === "read" ? read.analysis : null;
  // Ticks belong to one analysis: a new read (or a re-check) starts with all ticked.
  const [ticks, setTicks] = React.useState<{ of: PasteAnalysis | null; ticked: boolean[] }>({
    of: null,
    ticked: ALL_TICKED,
  });
  const ticked = ticks.of === analysis ? ticks.ticked : ALL_TICKED;
  const picked = React.useMemo(
    () => (analysis ? pickTables(analysis, ticked) : null),
    [analysis, ticked]
  );
  const tick = (index: number, on: boolean): void => {
    const next = [...ticked];
    next[index] = on;
    setTicks({ of: analysis, ticked: next });
  };
  const ready = (notify: (n: NoticeChange) => void): boolean => {
    if (!picked || picked.tables.length > 0) return true;
    notify({
      intent: "warning",
      text: "Tick at least one table to import: none is ticked.",
      at: "Import",
    });
    return false;
  };
  return {
    analysis,
    picked,
    ticked,
    tick,
    read: read.status === "read" && picked ? { ...read, analysis: picked } : read,
    ready,
  };
}
