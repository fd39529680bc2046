// One shape for every outcome that can fail with something a user must read: success
// carries its payload fields beside `ok: true`; failure carries a Problem (or, where a
// reader collects several, a list of them). Exceptions are kept for programming errors.

/** What went wrong, in a sentence a user can act on, and where. */
export interface Problem<Code extends string = string> {
  /** Stable machine-readable reason ("empty", "no-table", "too-large", ...). */
  code: Code;
  /** Our own sentence, naming the file and line where there is one. */
  message: string;
  file?: string;
  /** 1-based line (or row) of the input the problem is on. */
  line?: number;
  /** 1-based column, where known. */
  column?: number;
}

/**
 * Success with its named payload (`{ ok: true, tables }`), or failure with its problem
 * (`{ ok: false, error }`). Payload fields are named, not wrapped, so a caller reads
 * `result.tables` after testing `result.ok`.
 */
export type Result<T extends object, Failure extends object = { error: Problem }> =
  ({ ok: true } & T) | ({ ok: false } & Failure);

/** The failure half of a Result, for returning it through a caller of another payload. */
export type Failed<R> = R extends { ok: false } ? R : never;

export function problem<Code extends string>(
  code: Code,
  message: string,
  where: Omit<Problem, "code" | "message"> = {}
): Problem<Code> {
  return { code, message, ...where };
}
