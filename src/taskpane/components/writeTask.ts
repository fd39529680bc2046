// What every screen that writes the workbook is handed by the pane, and the one way such a
// screen runs a write: as a task, telling the other screens, and saying what was written.
import type { Progress, WorkbookHost, WriteReport } from "../host/workbookHost";
import { describeWrite } from "../messages";
import type { NoticeChange, RunTask } from "./useTasks";

export interface PanelProps {
  host: WorkbookHost;
  run: RunTask;
  notify: (notice: NoticeChange) => void;
  /** Called after a write so other panels can re-list the workbook. */
  onWritten: () => void;
  busy: boolean;
}

/**
 * Runs `write` as the task `action`; once it has written, calls `onWritten` and reports
 * "<verb>: wrote N sheets (…)".
 */
export function runWrite(
  { run, onWritten }: Pick<PanelProps, "run" | "onWritten">,
  action: string,
  verb: string,
  write: (report: (progress: Progress) => void) => Promise<WriteReport>
): void {
  void run(action, async (report) => {
    const written = await write(report);
    onWritten();
    return describeWrite(verb, written);
  });
}
