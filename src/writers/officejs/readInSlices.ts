// Reads a block of a sheet in row slices that keep every response under the size Excel on
// the web returns; a slice that is still too large is halved. One home for both readers
// (the workbook state and "Import selection").

export interface Block {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export function isTooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/** Loads `props` of each slice of `block` and hands each loaded slice to `take`, in order. */
export async function readInSlices(
  sheet: Excel.Worksheet,
  block: Block,
  props: string,
  sliceCells: number,
  sync: () => Promise<void>,
  take: (slice: Excel.Range) => void
): Promise<void> {
  let step = Math.max(1, Math.floor(sliceCells / Math.max(1, block.columnCount)));
  for (let r = 0; r < block.rowCount;) {
    const n = Math.min(step, block.rowCount - r);
    const slice = sheet
      .getRangeByIndexes(block.rowIndex + r, block.columnIndex, n, block.columnCount)
      .load(props);
    try {
      await sync();
    } catch (e) {
      if (!isTooLarge(e) || step === 1) throw e;
      step = Math.max(1, Math.floor(step / 2));
      continue;
    }
    // Excel answers a read above its cell limits with null: a smaller slice, as when too large.
    if (answeredNull(slice, props)) {
      if (step === 1) throw new Error(`Excel answered ${props} of one row with nothing.`);
      step = Math.max(1, Math.floor(step / 2));
      continue;
    }
    take(slice);
    r += n;
  }
}

/** True when a loaded cell-array property of the slice came back null. */
function answeredNull(slice: Excel.Range, props: string): boolean {
  const record = slice as unknown as Record<string, unknown>;
  return props
    .split(",")
    .map((p) => p.trim())
    .some(
      (p) =>
        ["values", "formulas", "text", "numberFormat", "valueTypes"].includes(p) &&
        record[p] === null
    );
}
