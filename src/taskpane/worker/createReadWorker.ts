// Starts the read worker. Kept apart because `import.meta.url` (how webpack 5 finds and
// bundles a worker) exists only in the browser bundle, not in the CommonJS tests.
import type { WorkerLike } from "./readTypes";

export function createReadWorker(): WorkerLike {
  // The Worker's handler types are wider than WorkerLike's; the messages are ours.
  return new Worker(new URL("./readWorker.ts", import.meta.url), {
    name: "scrutiny-read",
  }) as unknown as WorkerLike;
}
