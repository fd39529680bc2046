// Formulas filled down a column: one cell of the spec stands for every row.
import { formulaAt, shiftRows } from "../../src/layout/formulaRows";

describe("shiftRows", () => {
  it("moves relative rows only, outside strings", () => {
    expect(shiftRows('IF($C5>A$1,"B5",Sheet1!C5+$D$2)', 3)).toBe('IF($C8>A$1,"B5",Sheet1!C8+$D$2)');
  });

  it("leaves function names with digits and dotted names alone", () => {
    expect(shiftRows("LOG10($D5)+BINOM.DIST($D5,$E5,0.5,TRUE)+ATAN2(1,2)", 10)).toBe(
      "LOG10($D15)+BINOM.DIST($D15,$E15,0.5,TRUE)+ATAN2(1,2)"
    );
  });
});

describe("formulaAt", () => {
  const cell = { formula: 'IF($D14=0,"n/a",$E14/$D14-1)+$A$3', formulaRow: 13 };

  it("gives a filled-down cell's formula as it stands in each row", () => {
    expect(formulaAt(cell, 13)).toBe(cell.formula);
    expect(formulaAt(cell, 14)).toBe('IF($D15=0,"n/a",$E15/$D15-1)+$A$3');
    expect(formulaAt(cell, 150_012)).toBe('IF($D150013=0,"n/a",$E150013/$D150013-1)+$A$3');
  });

  it("gives other formulas as written, and nothing for cells without one", () => {
    expect(formulaAt({ formula: "SUM(B2:B9)" }, 40)).toBe("SUM(B2:B9)");
    expect(formulaAt({ text: "=SUM(B2:B9)" }, 40)).toBeUndefined();
    expect(formulaAt(null, 1)).toBeUndefined();
  });
});
