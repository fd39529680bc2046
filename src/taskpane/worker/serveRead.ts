// The worker's side of the read protocol, apart from the worker global so it can be
// exercised directly: one request in, progress messages and one outcome out.
import { analysePaste } from "./analysePaste";
import type { WorkerReply, WorkerRequest } from "./pasteReader";

export function serveRead(request: WorkerRequest, post: (reply: WorkerReply) => void): void {
  const { id, input, settings } = request;
  let outcome;
  try {
    outcome = analysePaste(input, settings, (progress) => post({ id, kind: "progress", progress }));
  } catch (e) {
    // The core returns bad data as values; a throw here is a bug, reported rather than hung on.
    const detail = e instanceof Error ? e.message : String(e);
    outcome = {
      status: "error" as const,
      error: { code: "unreadable" as const, message: `The paste could not be read: ${detail}` },
    };
  }
  post({ id, kind: "done", outcome });
}
