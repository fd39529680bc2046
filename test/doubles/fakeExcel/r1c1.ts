// R1C1 formulas read back into A1 form at a given cell, as Excel does when a formula is
// set through `formulasR1C1`. Written apart from the writer's converter (which goes the
// other way) so that the round trip checks both.

import { FakeOfficeError } from "./errors";
import { colName } from "./a1";

const WORD = /[A-Za-z0-9_.]/;

function part(
  kind: "R" | "C",
  spec: string | undefined,
  host: number
): { index: number; abs: boolean } {
  if (spec === undefined || spec === "") return { index: host, abs: false };
  if (spec.startsWith("[")) return { index: host + Number(spec.slice(1, -1)), abs: false };
  return { index: Number(spec) - 1, abs: true };
}

function colText(c: { index: number; abs: boolean }): string {
  return `${c.abs ? "$" : ""}${colName(c.index)}`;
}

function rowText(r: { index: number; abs: boolean }): string {
  return `${r.abs ? "$" : ""}${r.index + 1}`;
}

/** `formula` with its "=", at 0-based (row, col); returns the A1 formula with "=". */
export function r1c1ToA1(formula: string, row: number, col: number): string {
  let out = "";
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
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? (formula[i - 1] as string) : "";
    if (prev !== "" && WORD.test(prev)) {
      out += ch;
      i++;
      continue;
    }
    const rest = formula.slice(i);
    const ref = /^(R(\[-?\d+\]|\d+)?)(C(\[-?\d+\]|\d+)?)(?![A-Za-z0-9_.(])/.exec(rest);
    const rows = /^R(\[-?\d+\]|\d+)?:R(\[-?\d+\]|\d+)?(?![A-Za-z0-9_.(C])/.exec(rest);
    const cols = /^C(\[-?\d+\]|\d+)?:C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_.(])/.exec(rest);
    if (ref) {
      const r = part("R", ref[2], row);
      const c = part("C", ref[4], col);
      if (r.index < 0 || c.index < 0) bad();
      out += `${colText(c)}${rowText(r)}`;
      i += ref[0].length;
    } else if (cols) {
      const a = part("C", cols[1], col);
      const b = part("C", cols[2], col);
      out += `${colText(a)}:${colText(b)}`;
      i += cols[0].length;
    } else if (rows) {
      const a = part("R", rows[1], row);
      const b = part("R", rows[2], row);
      out += `${rowText(a)}:${rowText(b)}`;
      i += rows[0].length;
    } else {
      const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
      const take = word ? word[0] : ch;
      out += take;
      i += take.length;
    }
  }
  return out;
}
