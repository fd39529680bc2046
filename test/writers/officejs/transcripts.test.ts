// What the add-in sends to Excel, kept in the repository: the requests of one import and
// of one Refresh all, as Office.js serialised them (test/doubles/transcript.ts prints one
// statement per action), compared here, so a change in what crosses the wire shows in
// review. UPDATE_TRANSCRIPTS=1 writes them anew. The README's "Office.js requests and
// transcripts" says how to record the same in real Excel and replay it on the double.
import { existsSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { FakeExcel } from "../../doubles/fakeExcel";
import { OfficeJsClient } from "../../doubles/officeJsClient";
import { renderTranscript } from "../../doubles/transcript";
import { applyWorkbookSpec } from "../../../src/writers/officejs/applyWorkbookSpec";
import { refreshGenerated } from "../../../src/commands/refreshComparisons";
import { importSpec, mertonAugust, mertonJuly, IMPORTED_ON } from "./scenarios";

const DIR = path.join(__dirname, "../../fixtures/officejs-transcripts");

function compare(name: string, text: string): void {
  const file = path.join(DIR, name);
  if (process.env.UPDATE_TRANSCRIPTS === "1" || !existsSync(file)) writeFileSync(file, text);
  expect(text).toBe(readFileSync(file, "utf8"));
}

async function importedWorkbook() {
  const excel = new FakeExcel();
  excel.addSheet("My notes", [["Figures for the committee"]]);
  const client = new OfficeJsClient(excel);
  const first = importSpec(mertonJuly(), excel.sheetNames());
  await client.run((ctx) => applyWorkbookSpec(ctx, first.spec));
  return { excel, client, first };
}

describe("transcripts of what the add-in sends", () => {
  it("an import of one pasted table", async () => {
    const { excel, client, first } = await importedWorkbook();
    const start = client.requests.length;
    const second = importSpec(mertonAugust(), excel.sheetNames(), first.definitions, first.refs);
    await client.run((ctx) => applyWorkbookSpec(ctx, second.spec, { previous: first.definitions }));
    compare("import.txt", renderTranscript(client.requests.slice(start)));
  });

  it("a Refresh all", async () => {
    const { client } = await importedWorkbook();
    const start = client.requests.length;
    await refreshGenerated(client.runner, () => IMPORTED_ON);
    compare("refresh-all.txt", renderTranscript(client.requests.slice(start)));
  });

  it("replays recorded requests on the double to the same workbook", async () => {
    const { excel, client } = await importedWorkbook();
    const recorded = client.requests.map((r) => ({ body: r.body, results: r.results }));
    const again = new FakeExcel();
    again.addSheet("My notes", [["Figures for the committee"]]);
    const answers = await new OfficeJsClient(again).replay(recorded);
    expect(answers).toHaveLength(recorded.length);
    expect(again.sheetNames()).toEqual(excel.sheetNames());
    for (const name of excel.sheetNames()) expect(again.snapshot(name)).toBe(excel.snapshot(name));
  });
});
