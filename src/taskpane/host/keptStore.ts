// Where the in-browser workbook is kept between visits: one record in the browser's
// IndexedDB (which takes binary data and hundreds of megabytes, where localStorage takes
// a few megabytes of text). Small on purpose: it is in the pane's first bundle, so the
// pane knows whether a workbook is kept before the workbook code has loaded.

/** One value kept across reloads of the page. */
export interface KeptStore<T> {
  /** The value kept, or undefined when there is none. */
  load(): Promise<T | undefined>;
  /** Whether a value is kept (without reading it). */
  has(): Promise<boolean>;
  /** Keeps `value` (a copy: as `structuredClone` copies it), replacing what was kept. */
  save(value: T): Promise<void>;
  /** Forgets what was kept. */
  clear(): Promise<void>;
}

const STORE = "kept";
const KEY = "workbook";

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`could not open ${name}`));
    request.onblocked = () => reject(new Error("another tab holds an older copy of the pane open"));
  });
}

/** Runs one request in its own transaction; resolves once the transaction has committed. */
function transact<R>(
  db: IDBDatabase,
  mode: IDBTransactionMode,
  act: (store: IDBObjectStore) => IDBRequest<R>
): Promise<R> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    let request: IDBRequest<R>;
    try {
      request = act(tx.objectStore(STORE)); // a value that cannot be copied throws here
    } catch (e) {
      tx.abort();
      reject(e);
      return;
    }
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error ?? request.error ?? new Error("the browser refused"));
    tx.onabort = () => reject(tx.error ?? new Error("the browser stopped keeping it"));
  });
}

/** The value kept in IndexedDB database `name`; null when this browser has no IndexedDB. */
export function indexedDbStore<T>(
  name: string,
  factory: IDBFactory | undefined = globalThis.indexedDB
): KeptStore<T> | null {
  if (!factory) return null;
  let opening: Promise<IDBDatabase> | null = null;
  const db = (): Promise<IDBDatabase> => {
    opening ??= openDatabase(factory, name).catch((e: unknown) => {
      opening = null; // try again next time (the user may free space or leave private mode)
      throw e;
    });
    return opening;
  };
  return {
    load: async () => (await transact(await db(), "readonly", (s) => s.get(KEY))) as T | undefined,
    has: async () => (await transact(await db(), "readonly", (s) => s.count(KEY))) > 0,
    save: async (value) => {
      await transact(await db(), "readwrite", (s) => s.put(value, KEY));
    },
    clear: async () => {
      await transact(await db(), "readwrite", (s) => s.delete(KEY));
    },
  };
}
