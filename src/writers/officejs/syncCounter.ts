// context.sync() with a count: reports say how many requests an operation took, the
// figure the "small constant number of syncs" promise is checked by.

export interface SyncCounter {
  sync(): Promise<void>;
  readonly count: number;
}

export function countSyncs(context: Excel.RequestContext): SyncCounter {
  let count = 0;
  return {
    async sync() {
      count++;
      await context.sync();
    },
    get count() {
      return count;
    },
  };
}
