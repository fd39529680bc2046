// Excel holds at most 65,530 hyperlinks on a worksheet (Excel's specifications and
// limits), and each native link costs an operation. Links past the limit are written as
// HYPERLINK formulas, as the .xlsx writer writes every internal link: the cell shows its
// text and still takes the reader there.

import type { BlockSpec, CellSpec, SheetSpec } from "../../layout/spec";
import { stringLiteral } from "../../layout/a1";

/** Hyperlinks Excel allows on one worksheet. */
export const MAX_LINKS_PER_SHEET = 65_530;
/** Excel limits a string inside a formula to 255 characters. */
const MAX_FORMULA_STRING = 255;
/** True when `s` holds a control character, which a formula string cannot hold as typed. */
const hasControl = (s: string): boolean =>
  [...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

/** The cell as a HYPERLINK formula, or as plain text when its text cannot sit in one. */
function asFormula(cell: CellSpec): CellSpec {
  const { link, text, ...rest } = cell;
  const shown = text ?? "";
  const target = `#${link ?? ""}`;
  if (shown.length > MAX_FORMULA_STRING || hasControl(shown) || hasControl(target))
    return { ...rest, text: shown };
  return { ...rest, formula: `HYPERLINK(${stringLiteral(target)},${stringLiteral(shown)})` };
}

/** The sheet with every link after the first `limit` as a HYPERLINK formula (the same sheet when none is). */
export function linksAsFormulas(sheet: SheetSpec, limit = MAX_LINKS_PER_SHEET): SheetSpec {
  let seen = 0;
  let changed = false;
  const blocks = sheet.blocks.map((block): BlockSpec => {
    let cells: BlockSpec["cells"] | null = null;
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell?.link) return;
        seen++;
        if (seen <= limit) return;
        cells ??= block.cells.map((x) => [...x]);
        (cells[r] as (CellSpec | null)[])[c] = asFormula(cell);
      })
    );
    if (!cells) return block;
    changed = true;
    return { ...block, cells };
  });
  return changed ? { ...sheet, blocks } : sheet;
}
