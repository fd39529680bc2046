// Recognises the header row of a known table kind, from cells (tab, CSV, HTML) or from a
// line whose tabs became spaces (PDF copy), by asking each kind's reader in turn.

import { KIND_READERS, kindSchema, type HeaderSchema, type KindReader } from "../kinds";
import type { SourceLine } from "./sourceLines";

export type TableSchema = HeaderSchema;

/** A header row given as cells. */
export function matchCelledHeader(l: SourceLine): TableSchema | null {
  const filled = l.cells.filter((c) => c !== "").length;
  if (filled < 2 || filled > 200) return null;
  for (const reader of KIND_READERS) {
    // Cheap test first, so data rows cost little.
    if (!l.cells.some((c) => reader.headerHint.test(c))) continue;
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
