// The pane's area for a spreadsheet opened or dropped: its file name names the area only
// when the name is a known area (a London borough); "Book1.ods" names none, so the pane
// asks for it rather than calling the area "Book1".
import * as fs from "fs";
import * as path from "path";
import { analyseSpreadsheet } from "../../../src/taskpane/worker/analyseSpreadsheet";
import { defaultHighlightSettings } from "../../../src/core/settings";

const ODS = fs.readFileSync(
  path.join(
    __dirname,
    "../../fixtures/tables/spreadsheets/hansard-2007-sexual-offences-by-force.ods"
  )
);

async function areasOf(name: string, knownAreas?: string[]): Promise<(string | null)[]> {
  const out = await analyseSpreadsheet(
    name,
    new Uint8Array(ODS),
    defaultHighlightSettings,
    knownAreas
  );
  if (out.status !== "ok") throw new Error(out.error.message);
  return out.analysis.tables.map((t) => t.area);
}

describe("a spreadsheet opened in the pane", () => {
  it("takes no area from a file name that is no area", async () => {
    const areas = await areasOf("Book1.ods");
    expect(areas.length).toBeGreaterThan(0);
    expect(areas.every((a) => a === null)).toBe(true);
  });

  it("takes the area from a file name that is a London borough", async () => {
    expect(await areasOf("lambeth-2007.ods")).toContain("Lambeth");
  });

  it("takes the area from a file name that is a ward of a ward-level file read before in the pane", async () => {
    expect(await areasOf("forest-hill.ods")).toEqual(expect.arrayContaining([null]));
    const areas = await areasOf("forest-hill.ods", ["Forest Hill", "Perry Vale"]);
    expect(areas.length).toBeGreaterThan(0);
    expect(areas.every((a) => a === "Forest Hill")).toBe(true);
  });
});
