// A KeptStore in memory that copies as IndexedDB does (structured clone), so a value the
// browser could not keep (a function, a class instance's methods) fails here too.
import type { KeptStore } from "../../../src/taskpane/host/keptStore";

export interface MemoryStore<T> extends KeptStore<T> {
  /** What is kept now (a copy). */
  peek(): T | undefined;
  /** Makes every later save fail with this error (a full or refused store). */
  refuse(error: Error | null): void;
}

export function memoryStore<T>(): MemoryStore<T> {
  let kept: T | undefined;
  let refusal: Error | null = null;
  return {
    load: async () => (kept === undefined ? undefined : structuredClone(kept)),
    has: async () => kept !== undefined,
    save: async (value) => {
      if (refusal) throw refusal;
      kept = structuredClone(value);
    },
    clear: async () => {
      kept = undefined;
    },
    peek: () => (kept === undefined ? undefined : structuredClone(kept)),
    refuse: (error) => {
      refusal = error;
    },
  };
}
