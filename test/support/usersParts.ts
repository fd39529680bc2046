// What a refresh must keep of a workbook saved by another tool: the parts that belong to
// the user's sheets (their own and the data sheets), and the notes the fixtures typed
// beside the generated content (test/fixtures/workbooks/make-fixtures.py).
import { readFileSync } from "fs";
import path from "path";
import type { XlsxBook } from "../../src/writers/xlsx/readXlsx";
import { relsPath } from "../../src/writers/xlsx/ooxml/readPackage";
import { sheetKey } from "../../src/layout/sheetNames";
import { DEFINITIONS_SHEET } from "../../src/layout/definitions";

export const FIXTURES = path.join(__dirname, "../fixtures/workbooks");
export const NOTE = "Ask the analyst about this";
export const fixture = (name: string): Uint8Array => readFileSync(path.join(FIXTURES, name));

/** The user's sheets (theirs and the data sheets), with every part they lead to. */
export function usersParts(book: XlsxBook): string[] {
  const ours = new Set(
    book.definitions!.sheets.filter((s) => s.generated).map((s) => sheetKey(s.name))
  );
  ours.add(sheetKey(DEFINITIONS_SHEET));
  const parts = new Set<string>();
  const visit = (part: string): void => {
    if (parts.has(part)) return;
    parts.add(part);
    if (book.pkg.entries[relsPath(part)]) parts.add(relsPath(part));
    for (const rel of book.pkg.relsOf(part)) if (!rel.external) visit(rel.target);
  };
  for (const s of book.sheets) if (!ours.has(sheetKey(s.name)) && s.path) visit(s.path);
  return [...parts].sort();
}

/** The parts of `before`'s user that `after` no longer holds byte for byte. */
export function changedUsersParts(before: XlsxBook, after: XlsxBook): string[] {
  return usersParts(before).filter((part) => {
    const now = after.pkg.entries[part];
    return !now || !Buffer.from(now).equals(Buffer.from(before.pkg.entries[part]!));
  });
}

export interface TypedNote {
  sheet: string;
  row: number;
  col: number;
  text: string;
}

/** Notes two columns right of each generated sheet's extent, and two rows below it. */
export function notesOf(book: XlsxBook): TypedNote[] {
  return book.definitions!.sheets.flatMap((s) => {
    if (!s.generated || !s.extent || s.role === "definitions") return [];
    return [
      { sheet: s.name, row: 2, col: s.extent.cols + 1, text: NOTE },
      { sheet: s.name, row: s.extent.rows + 1, col: 1, text: `${NOTE} (${s.name})` },
    ];
  });
}

/** The notes of `notes` that `book` no longer holds where they were typed. */
export function lostNotes(book: XlsxBook, notes: TypedNote[]): TypedNote[] {
  return notes.filter((n) => book.sheetValues(n.sheet)?.[n.row]?.[n.col] !== n.text);
}
