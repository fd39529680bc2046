// A long paste of real figures, for tests and benchmarks of huge input: the Merton
// sample's heading (5 lines) and its 27 crime rows repeated, as one table.
import * as fs from "fs";
import * as path from "path";

const MERTON = path.join(__dirname, "../../samples/offences-sds/merton-2017-08-01.txt");
/** Crime rows in one copy of the body. */
export const ROWS_PER_COPY = 27;

export interface BigPaste {
  text: string;
  /** Table rows the paste holds. */
  rows: number;
}

/** `copies` copies of the body, or as many as reach `bytes` characters. */
export function bigPaste(size: { copies: number } | { bytes: number }): BigPaste {
  const lines = fs.readFileSync(MERTON, "utf8").split("\n");
  const head = lines.slice(0, 5).join("\n");
  const body = lines.slice(5, 5 + ROWS_PER_COPY).join("\n");
  const copies =
    "copies" in size
      ? size.copies
      : Math.max(0, Math.ceil((size.bytes - head.length) / (body.length + 1)));
  return {
    text: [head, ...Array<string>(copies).fill(body)].join("\n"),
    rows: copies * ROWS_PER_COPY,
  };
}
