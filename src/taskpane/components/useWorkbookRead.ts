// Reading something from the workbook when a screen opens and again after every write:
// the answer is dropped once the screen has gone (or a newer read has started), and a
// failure reaches the message bar as "<action> failed: …".
import * as React from "react";
import type { WorkbookHost } from "../host/workbookHost";
import { describeHostError } from "../messages";
import type { NoticeChange } from "./useTasks";

export interface WorkbookReadProps {
  host: WorkbookHost;
  notify: (notice: NoticeChange) => void;
  /** Changes whenever the workbook was written: read again. */
  version: number;
}

/** `read` and `onRead` must keep their identity (module functions, state setters, callbacks). */
export function useWorkbookRead<T>(
  { host, notify, version }: WorkbookReadProps,
  action: string,
  read: (host: WorkbookHost) => Promise<T>,
  onRead: (value: T) => void
): void {
  /** Whether the last read failed: its message goes once a read works. */
  const failed = React.useRef(false);
  React.useEffect(() => {
    let live = true;
    read(host).then(
      (value) => {
        if (!live) return;
        onRead(value);
        if (failed.current) notify({ clear: { at: [action] } });
        failed.current = false;
      },
      (e: unknown) => {
        if (!live) return;
        failed.current = true;
        notify({ intent: "error", text: describeHostError(action, e), at: action });
      }
    );
    return () => {
      live = false;
    };
  }, [host, version, notify, action, read, onRead]);
}
