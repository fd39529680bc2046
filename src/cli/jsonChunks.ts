// A JSON document written in pieces: the same text as JSON.stringify(value, null, 2), but
// arrays and the objects that hold them are walked element by element, so a report on a
// 150,000-row paste never exists as one string of hundreds of megabytes.

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" &&
  v !== null &&
  !Array.isArray(v) &&
  Object.getPrototypeOf(v) === Object.prototype;

/** True when `v` holds an array somewhere worth walking (else one JSON.stringify does). */
const holdsArray = (v: Record<string, unknown>): boolean =>
  Object.values(v).some((x) => Array.isArray(x) || (isPlainObject(x) && holdsArray(x)));

const written = (v: unknown): boolean =>
  v !== undefined && typeof v !== "function" && typeof v !== "symbol";

/** The pieces of JSON.stringify(value, null, 2), nested at `indent`. */
export function* jsonChunks(value: unknown, indent = ""): Generator<string> {
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.length > 0) {
    yield "[";
    for (let i = 0; i < value.length; i++) {
      yield `${i > 0 ? "," : ""}\n${inner}`;
      const item: unknown = value[i];
      yield* jsonChunks(written(item) ? item : null, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  if (isPlainObject(value) && holdsArray(value)) {
    const keys = Object.keys(value).filter((k) => written(value[k]));
    yield "{";
    for (const [i, k] of keys.entries()) {
      yield `${i > 0 ? "," : ""}\n${inner}${JSON.stringify(k)}: `;
      yield* jsonChunks(value[k], inner);
    }
    yield `\n${indent}}`;
    return;
  }
  // Newlines inside strings are escaped by JSON, so every newline here is layout.
  yield (JSON.stringify(value, null, 2) ?? "null").replace(/\n/g, `\n${indent}`);
}

/** Writes `pieces` in writes of about `size` characters, waiting for each. */
export async function writeInPieces(
  pieces: Iterable<string>,
  write: (s: string) => void | Promise<void>,
  size = 1 << 16
): Promise<void> {
  let buffer = "";
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= size) {
      await write(buffer);
      buffer = "";
    }
  }
  if (buffer.length > 0) await write(buffer);
}
