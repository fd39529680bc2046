// Recognises the header row of a known table kind, from cells (tab, CSV, HTML) or from a
// line whose tabs became spaces (PDF copy), by asking each kind's reader in turn.

import { KIND_READERS, kindSchema, type HeaderSchema, type KindReader } from "../kinds";
import { filledCount, type SourceLine } from "./sourceLines";

export type TableSchema = HeaderSchema;

/** A header row given as cells. */
export function matchCelledHeader(l: SourceLine): TableSchema | null {
  const filled = filledCount(l);
  if (filled < 2 || filled > 200) return null;
  // Cheap test first, so data rows cost little: each distinct hint scans the cells once.
  const hinted = new Map<RegExp, boolean>();
  const passes = (hint: RegExp): boolean => {
    let yes = hinted.get(hint);
    if (yes === undefined) hinted.set(hint, (yes = l.cells.some((c) => hint.test(c))));
    return yes;
  };
  for (const reader of KIND_READERS) {
    if (!passes(reader.headerHint)) continue;
    const match = reader.matchCelled(l);
    if (match.schema) return match.schema;
    if (!match.othersMayTry) return null;
  }
  return null;
}

/** A header line whose cell boundaries were lost (single spaces). */
export function matchSpacedHeader(l: SourceLine): TableSchema | null {
  for (const reader of KIND_READERS) {
    const schema = reader.matchSpaced(l);
    if (schema) return schema;
  }
  return null;
}

/** The reader of the kind a recognised header belongs to. */
export function readerOf(schema: TableSchema): KindReader {
  const reader = kindSchema(schema.kind).reader;
  if (!reader) throw new Error(`${schema.kind} tables are not read from pasted text`);
  return reader;
}
