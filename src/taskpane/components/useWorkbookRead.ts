// Reading something from the workbook when a screen opens and again after every write:
// the answer is dropped once the screen has gone (or a newer read has started), and a
// failure reaches the message bar as "<action> failed: …".
import * as React from "react";
import type { WorkbookHost } from "../host/workbookHost";
import { describeHostError } from "../messages";
import type { Notice } from "./useTasks";

export interface WorkbookReadProps {
  host: WorkbookHost;
  notify: (notice: Notice | null) => void;
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
  React.useEffect(() => {
    let live = true;
    read(host).then(
      (value) => live && onRead(value),
      (e: unknown) => live && notify({ intent: "error", text: describeHostError(action, e) })
    );
    return () => {
      live = false;
    };
  }, [host, version, notify, action, read, onRead]);
}
