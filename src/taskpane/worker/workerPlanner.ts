// The pane's side of planning an Import in the read worker that keeps a large paste:
// questions to the worker (one at a time, as the pane runs one task at a time) and the
// replies that answer them. A plan's requests arrive one message each, as JSON, so the
// UI thread takes them in turns and never clones hundreds of megabytes at once.
import type { ImportPlanner } from "../host/workbookHost";
import { TaskCancelled } from "../host/errors";
import type { WriteOp } from "../../writers/officejs/planWrites";
import type { WorkerLike, WorkerReply, WorkerRequest } from "./readTypes";

type Answer = Extract<WorkerReply, { kind: "planned" | "spec" }>;

export interface WorkerPlanner {
  planner: ImportPlanner;
  /** A reply about the plan ("planned", "batch", "spec" or "failed"). */
  take(reply: WorkerReply): void;
  /** The worker stopped: the question waiting, if any, fails with this. */
  fail(error: Error): void;
}

export function createWorkerPlanner(
  worker: WorkerLike,
  id: number,
  isEnded: () => boolean,
  end: () => void
): WorkerPlanner {
  let asked: { resolve: (r: Answer) => void; reject: (e: Error) => void } | null = null;
  let planning: { head: Extract<WorkerReply, { kind: "planned" }>; batches: WriteOp[][] } | null =
    null;

  const ask = (request: WorkerRequest): Promise<Answer> =>
    new Promise((resolve, reject) => {
      if (isEnded()) return reject(new Error("the paste was let go: paste it again"));
      if (asked) return reject(new Error("the reader is still busy with the last request"));
      asked = { resolve, reject };
      worker.postMessage(request);
    });
  const answer = (settle: (q: NonNullable<typeof asked>) => void): void => {
    const question = asked;
    asked = null;
    planning = null;
    if (question) settle(question);
  };

  const planner: ImportPlanner = {
    key: `paste ${id}`,
    async plan(request) {
      const reply = await ask({ kind: "plan", id, request });
      if (reply.kind !== "planned") throw new Error("the reader answered the plan with a spec");
      return reply.planned;
    },
    async spec() {
      const reply = await ask({ kind: "spec", id });
      if (reply.kind !== "spec") throw new Error("the reader answered for a spec with a plan");
      return reply.spec;
    },
    cancel() {
      // Planning is one synchronous call in the worker: stopping it means ending the worker.
      end();
      answer((q) =>
        q.reject(
          new TaskCancelled(
            "Import cancelled: nothing was written. Paste the table again to import it."
          )
        )
      );
    },
  };

  return {
    planner,
    take(reply) {
      if (reply.kind === "planned") planning = { head: reply, batches: [] };
      else if (reply.kind === "batch") planning?.batches.push(JSON.parse(reply.json) as WriteOp[]);
      else if (reply.kind === "spec") return answer((q) => q.resolve(reply));
      else if (reply.kind === "failed") return answer((q) => q.reject(new Error(reply.message)));
      if (planning && planning.batches.length === planning.head.batches) {
        const { head, batches } = planning;
        const write = { ...head.planned.write, plan: { ...head.planned.write.plan, batches } };
        answer((q) => q.resolve({ ...head, planned: { ...head.planned, write } }));
      }
    },
    fail(error) {
      answer((q) => q.reject(error));
    },
  };
}
