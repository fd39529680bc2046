// A1 -> R1C1 (the writer) and R1C1 -> A1 (the double, written separately): every formula
// the layouts write survives the round trip unchanged, and per-row formulas of a column
// become one R1C1 formula.
import { convert, shiftedDown, toR1C1 } from "../../../src/writers/officejs/toR1C1";
import { r1c1ToA1 } from "../../doubles/fakeExcel/r1c1";
import {
  importSpec,
  mertonAugust,
  mertonJuly,
  dataStage,
  generatedStage,
  datastoreAreas,
} from "./scenarios";

describe("toR1C1", () => {
  it.each([
    ["$E14-$D14", 13, 5, "RC5-RC4"],
    ["E14-D14", 13, 5, "RC[-1]-RC[-2]"],
    ["C158<$A$9", 156, 2, "R[1]C<R9C1"],
    ["SUM(C5:D5)", 4, 4, "SUM(RC[-2]:RC[-1])"],
    [
      "COUNTIFS('Merton 2017-08-01'!$A:$A,\"=Burglary\",'O''Brien'!B:B,\"x\")",
      9,
      3,
      "COUNTIFS('Merton 2017-08-01'!C1:C1,\"=Burglary\",'O''Brien'!C[-2]:C[-2],\"x\")",
    ],
    ["SUM(3:3)+SUM($5:$6)", 2, 0, "SUM(R:R)+SUM(R5:R6)"],
    ["LOG10(A1)+ATAN2(1,2)+1E5+0.5", 0, 1, "LOG10(RC[-1])+ATAN2(1,2)+1E5+0.5"],
    ['IF(A1="B2",TRUE,FALSE)', 1, 1, 'IF(R[-1]C[-1]="B2",TRUE,FALSE)'],
    ["Data!B3*2", 2, 2, "Data!RC[-1]*2"],
    [
      "BINOM.DIST(MIN($D9,$E9),$D9+$E9,0.5,TRUE)",
      8,
      6,
      "BINOM.DIST(MIN(RC4,RC5),RC4+RC5,0.5,TRUE)",
    ],
  ])("%s at (%i, %i) is %s", (a1, row, col, r1c1) => {
    expect(toR1C1(a1, row, col)).toBe(r1c1);
  });

  it("recognises the formula one row down without converting it again, and nothing else", () => {
    const a = convert('IF($D9=0,"Row 9",(E9-$D9)/$D$2)+SUM(3:4)', 8, 5)!;
    expect(
      shiftedDown(
        'IF($D9=0,"Row 9",(E9-$D9)/$D$2)+SUM(3:4)',
        a.rows,
        'IF($D10=0,"Row 9",(E10-$D10)/$D$2)+SUM(4:5)'
      )
    ).not.toBeNull();
    expect(convert('IF($D10=0,"Row 9",(E10-$D10)/$D$2)+SUM(4:5)', 9, 5)!.text).toBe(a.text);
    for (const other of [
      'IF($D10=0,"Row 10",(E10-$D10)/$D$2)+SUM(4:5)', // text changed
      'IF($D10=0,"Row 9",(E10-$D10)/$D$3)+SUM(4:5)', // absolute row changed
      'IF($D10=0,"Row 9",(E11-$D10)/$D$2)+SUM(4:5)', // moved by two
      'IF($D10=1,"Row 9",(E10-$D10)/$D$2)+SUM(4:5)', // a constant changed
      'IF($D10=0,"Row 9",(E10-$D10)/$D$2)+SUM(4:5)+1', // longer
    ]) {
      expect(shiftedDown('IF($D9=0,"Row 9",(E9-$D9)/$D$2)+SUM(3:4)', a.rows, other)).toBeNull();
    }
  });

  it("gives up (null) on what it cannot read safely", () => {
    expect(toR1C1('"unclosed', 0, 0)).toBeNull();
    expect(toR1C1("'Sheet'A1", 0, 0)).toBeNull();
  });

  it("round-trips every formula of the real layouts through the double's R1C1 reader", () => {
    const specs = [importSpec(mertonAugust(), []).spec, importSpec(mertonJuly(), []).spec];
    const data = dataStage(datastoreAreas(3), []);
    specs.push(
      data.spec,
      generatedStage(
        data.refs,
        data.refs.map((r) => r.def.name),
        data.definitions
      ).spec
    );
    let checked = 0;
    for (const spec of specs) {
      for (const sheet of spec.sheets) {
        for (const b of sheet.blocks) {
          b.cells.forEach((row, i) =>
            row.forEach((cell, j) => {
              if (!cell?.formula) return;
              const r1c1 = toR1C1(cell.formula, b.row + i, b.col + j);
              expect(r1c1).not.toBeNull();
              expect(r1c1ToA1(`=${r1c1}`, b.row + i, b.col + j)).toBe(`=${cell.formula}`);
              checked++;
            })
          );
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
