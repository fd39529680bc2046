// R1C1 formulas read back into A1 form at a given cell, as Excel does when a formula is
// set through `formulasR1C1`. Written apart from the writer's converter (which goes the
// other way) so that the round trip checks both. A formula is parsed once into text and
// references, then placed at each cell.

import { FakeOfficeError } from "./errors";
import { colName } from "./a1";

const WORD = /[A-Za-z0-9_.]/;

type Part = { kind: "R" | "C"; abs: boolean; n: number };
type Piece = string | { cell: [Part, Part] } | { range: [Part, Part] };

function part(kind: "R" | "C", spec: string | undefined): Part {
  if (spec === undefined || spec === "") return { kind, abs: false, n: 0 };
  if (spec.startsWith("[")) return { kind, abs: false, n: Number(spec.slice(1, -1)) };
  return { kind, abs: true, n: Number(spec) - 1 };
}

function parse(formula: string): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  const n = formula.length;
  const bad = (): never => {
    throw new FakeOfficeError("InvalidArgument", `There's a problem with this formula: ${formula}`);
  };
  while (i < n) {
    const ch = formula[i] as string;
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < n && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      if (j >= n) bad();
      out.push(formula.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? (formula[i - 1] as string) : "";
    if (prev !== "" && WORD.test(prev)) {
      out.push(ch);
      i++;
      continue;
    }
    const rest = formula.slice(i, i + 40);
    const ref = /^(R(\[-?\d+\]|\d+)?)(C(\[-?\d+\]|\d+)?)(?![A-Za-z0-9_.(])/.exec(rest);
    const rows = /^R(\[-?\d+\]|\d+)?:R(\[-?\d+\]|\d+)?(?![A-Za-z0-9_.(C])/.exec(rest);
    const cols = /^C(\[-?\d+\]|\d+)?:C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_.(])/.exec(rest);
    if (ref) {
      out.push({ cell: [part("R", ref[2]), part("C", ref[4])] });
      i += ref[0].length;
    } else if (cols) {
      out.push({ range: [part("C", cols[1]), part("C", cols[2])] });
      i += cols[0].length;
    } else if (rows) {
      out.push({ range: [part("R", rows[1]), part("R", rows[2])] });
      i += rows[0].length;
    } else {
      const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
      const take = word ? word[0] : ch;
      out.push(take);
      i += take.length;
    }
  }
  return out;
}

const parsed = new Map<string, Piece[]>();

/** `formula` with its "=", at 0-based (row, col); returns the A1 formula with "=". */
export function r1c1ToA1(formula: string, row: number, col: number): string {
  let pieces = parsed.get(formula);
  if (!pieces) {
    pieces = parse(formula);
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(formula, pieces);
  }
  const place = (p: Part): string => {
    const index = p.abs ? p.n : (p.kind === "R" ? row : col) + p.n;
    if (index < 0)
      throw new FakeOfficeError(
        "InvalidArgument",
        `There's a problem with this formula: ${formula}`
      );
    return `${p.abs ? "$" : ""}${p.kind === "R" ? String(index + 1) : colName(index)}`;
  };
  let out = "";
  for (const piece of pieces) {
    if (typeof piece === "string") out += piece;
    else if ("cell" in piece) out += place(piece.cell[1]) + place(piece.cell[0]);
    else out += `${place(piece.range[0])}:${place(piece.range[1])}`;
  }
  return out;
}
