// A write that Excel cut half-way is finished by the next one, so running it again
// repairs it. This keeps what is left of such a write, for a spec and for a worker's plan.
import type { Definitions } from "../../layout/definitions";
import type { WorkbookSpec } from "../../layout/spec";
import {
  specToRepair,
  type ApplyOptions,
  type ApplyProgress,
  type ApplyReport,
} from "../../writers/officejs/applyWorkbookSpec";
import { writeWorkbook, type BatchRunner } from "../../writers/officejs/writeWorkbook";
import { WorkbookWriteError } from "../../writers/officejs/errors";
import type { HostCallOptions } from "./workbookHost";

/** A write that Excel cut half-way: what is left of it, to finish before anything else. */
export interface Pending {
  spec: WorkbookSpec;
  previous: Definitions | null;
  owned: string[];
  /** Which import it was, so running the same import again finishes it instead of importing twice. */
  importKey?: string;
}

const writingProgress = (p: ApplyProgress) => ({
  label: `Writing ${p.label}`,
  fraction: p.done / Math.max(1, p.total),
});

export interface PendingWrites {
  /** Runs a write; when Excel stops it half-way, keeps what is left of `spec()` for the next one. */
  keepingWhatIsLeft(
    job: Omit<Pending, "spec">,
    spec: () => Promise<WorkbookSpec>,
    options: HostCallOptions | undefined,
    write: (options: ApplyOptions) => Promise<ApplyReport>
  ): Promise<string[]>;
  /** Applies a spec; when Excel stops it half-way, keeps what is left for the next write. */
  apply(job: Pending, options?: HostCallOptions): Promise<string[]>;
  /** Finishes a write Excel cut half-way; its sheets when it was the import `importKey` names. */
  finish(options?: HostCallOptions, importKey?: string): Promise<string[] | null>;
}

export function pendingWrites(excel: BatchRunner): PendingWrites {
  let pending: Pending | null = null;
  const writes: PendingWrites = {
    async keepingWhatIsLeft(job, spec, options, write) {
      try {
        const report = await write({
          previous: job.previous,
          ownedSheets: job.owned,
          onProgress: (p) => options?.onProgress?.(writingProgress(p)),
        });
        return report.sheets;
      } catch (e) {
        if (e instanceof WorkbookWriteError) {
          pending = {
            ...job,
            spec: specToRepair(await spec(), e.partial),
            owned: [...job.owned, ...e.partial.incompleteSheets],
          };
        }
        throw e;
      }
    },
    apply(job, options) {
      return writes.keepingWhatIsLeft(
        job,
        async () => job.spec,
        options,
        (o) => writeWorkbook(excel, job.spec, o)
      );
    },
    async finish(options, importKey) {
      if (!pending) return null;
      const job = pending;
      pending = null;
      options?.onProgress?.({ label: "Finishing the write Excel interrupted" });
      const finished = await writes.apply(job, options);
      return importKey !== undefined && job.importKey === importKey ? finished : null;
    },
  };
  return writes;
}
