// Files read together, as a command line's (core readInputs): a pasted table's file named
// after a ward of the Met's ward-level file read with it (real extract, test/fixtures/wards)
// takes that ward as its area, as does a file named after an area the user gave; a name
// that is neither, or a ward's name without the ward file, gives none.
import { readFileSync } from "fs";
import path from "path";
import { readInputs, type InputText } from "../../src/core/readInput";
import { OFFENCES_DIR } from "../support/samples";

const WARD = "mps-ward-level-crime-2024-01-to-2025-12.extract.csv";
const wardFile: InputText = {
  text: readFileSync(path.join(__dirname, "../fixtures/wards", WARD), "utf8"),
  source: WARD,
};
// A real committee table that names no area itself (its file name is "borough-a-…").
const TABLE = readFileSync(path.join(OFFENCES_DIR, "borough-a-2017-09-05.txt"), "utf8");
const named = (fileName: string): InputText => ({ text: TABLE, source: fileName, fileName });

/** The areas of the tables each input gave (the table file holds two tables). */
function areasRead(inputs: InputText[], areas?: string[]): (string | null)[][] {
  const read = readInputs(inputs, { areas });
  if (!read.ok) throw new Error(read.error.message);
  return read.tables.map((list) => [...new Set(list.map((t) => t.area))]);
}

describe("readInputs: an area from a file name", () => {
  it("takes a ward of the ward-level file read with it", () => {
    const [, forestHill, report] = areasRead(
      [wardFile, named("forest-hill-2017-09-05.txt"), named("committee-report.txt")],
      ["Lewisham"]
    );
    expect(forestHill).toEqual(["Forest Hill"]);
    expect(report).toEqual([null]);
  });

  it("not when the file is read alone", () => {
    expect(areasRead([named("forest-hill-2017-09-05.txt")])).toEqual([[null]]);
  });

  it("takes an area the user gave, when no file holds it", () => {
    const [sydenham, report] = areasRead(
      [named("sydenham.txt"), named("committee-report.txt")],
      ["Forest Hill", "Sydenham"]
    );
    expect(sydenham).toEqual(["Sydenham"]);
    expect(report).toEqual([null]);
  });

  it("says which input a Datastore failure concerns, among all the inputs", () => {
    const read = readInputs([named("forest-hill.txt"), wardFile], { areas: ["Nowhere at all"] });
    expect(read).toMatchObject({ ok: false, input: 1 });
    expect(!read.ok && read.error.message).toContain('"Nowhere at all"');
  });
});
