// First-run answers that must be right: a missing latest figure is never passed off by an
// older one, and a comparison names the group's areas it could not include.
import path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { memoryIo } from "../support/cliIo";

const SAMPLES = path.join(__dirname, "../../samples/offences-sds");

describe("monitor on a police table whose current figure is blank", () => {
  it("reports the table's month with no figure, not last year's figure as the latest", async () => {
    // merton-2017-08-01 prints ASB Repeat Callers' previous R12 (93) but no current figure.
    const io = memoryIo();
    expect(await main(["monitor", path.join(SAMPLES, "merton-2017-08-01.txt"), "--json"], io)).toBe(
      0
    );
    const indicators = JSON.parse(io.out.join("")).indicators as {
      name: string;
      asOf: string;
      fytd: { actual: number | null; previous: number | null };
    }[];
    const repeat = indicators.find((i) => i.name === "ASB Repeat Callers")!;
    expect(repeat.asOf).toBe("2017-08");
    expect(repeat.fytd).toMatchObject({ actual: null, previous: 93 });
  });
});

describe("a group comparison missing one of its areas", () => {
  it("says which area it left out and why", async () => {
    // Merton's tables are for July and August 2017; the other boroughs' for 5 September.
    const io = memoryIo();
    const files = ["borough-a-2017-09-05.txt", "borough-c-2017-09-05.txt", "merton-2017-08-01.txt"];
    const args = ["build", ...files.map((f) => path.join(SAMPLES, f))];
    expect(
      await main([...args, "--group", "Mine=Borough A,Borough C,Merton", "--out", "b.xlsx"], io)
    ).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(io.files.get("b.xlsx") as Uint8Array as unknown as ArrayBuffer);
    const sheet = wb.worksheets.find((s) => s.name.startsWith("Compare Mine"))!;
    const texts: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((c) => void (typeof c.value === "string" && texts.push(c.value)))
    );
    const note = texts.find((t) => t.startsWith("Areas: "))!;
    expect(note).toContain("Areas: Borough A, Borough C.");
    expect(note).toContain(
      "Left out of the group: Merton (no table for period ending 2017-09-05)."
    );
  });
});
