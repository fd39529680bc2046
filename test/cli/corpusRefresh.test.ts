// Every table of the corpus (test/fixtures/tables) built into a workbook and refreshed gives
// the same Checks: a refresh reads the data sheet back as the table was printed (its
// percentages among other figures, its decimals, "n/a", its sections) and keeps the notes
// of the lines the paste had that no table took.
import * as path from "path";
import { runBuild } from "../../src/cli/buildCommand";
import { runRefresh } from "../../src/cli/refreshCommand";
import { readXlsx } from "../../src/writers/xlsx/readXlsx";
import { restorePrinted } from "../../src/layout/dataSheet/printedCells";
import type { TableRow } from "../../src/core/model";
import { memoryIo } from "../support/cliIo";
import { TABLES_DIR, TABLE_FILES } from "../support/tablesCorpus";

async function checksOf(bytes: Uint8Array): Promise<unknown[][]> {
  return (await readXlsx(bytes)).sheetValues("Checks")!;
}

describe("a corpus table built, then refreshed", () => {
  it.each(TABLE_FILES)("%s: Checks is the same after the refresh", async (file) => {
    const io = memoryIo();
    expect(await runBuild([path.join(TABLES_DIR, file)], { out: "t.xlsx", area: ["X"] }, io)).toBe(
      0
    );
    const built = await checksOf(io.files.get("t.xlsx") as Uint8Array);
    expect(await runRefresh("t.xlsx", {}, io)).toBe(0);
    expect(await checksOf(io.files.get("t.xlsx") as Uint8Array)).toEqual(built);
  });
});

describe("a printed text recorded for a refresh", () => {
  const row = (values: Record<string, number | null>, raw: Record<string, string>): TableRow => ({
    line: 13,
    category: "Aggravated Assault (Level 3)",
    subcategory: null,
    isTotal: false,
    status: null,
    values,
    raw,
  });

  it("is the text again while the cell holds the figure printed, the section too", () => {
    const r = row({ change: -67 }, { change: "-67.0%" });
    restorePrinted([r], [[13, "change", "-67%"]], [[13, "Person crimes"]]);
    expect(r.raw.change).toBe("-67%");
    expect(r.section).toBe("Person crimes");
  });

  it("gives way to a figure the user has changed, and to one typed where n/a was", () => {
    const edited = row({ change: -66.7 }, { change: "-66.7%" });
    const typed = row({ rate: 4.2 }, { rate: "4.2" });
    restorePrinted(
      [edited, typed],
      [
        [13, "change", "-67%"],
        [13, "rate", "n/a"],
      ],
      []
    );
    expect(edited.raw.change).toBe("-66.7%");
    expect(typed.raw.rate).toBe("4.2");
    const blank = row({ rate: null }, { rate: "" });
    restorePrinted([blank], [[13, "rate", "n/a"]], []);
    expect(blank.raw.rate).toBe("n/a");
  });
});
