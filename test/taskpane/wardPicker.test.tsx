/** @jest-environment jsdom */
// A ward-level London Datastore CSV pasted in the pane: read for its boroughs at first,
// then for the wards chosen in "Wards" (re-read through the read worker, run in-process
// with its messages cloned as postMessage clones them), previewed and imported one table
// per ward. Expected figures are summed here from the raw CSV, not by the product.
import "./jsdomShims";
import * as fs from "fs";
import * as path from "path";
import { deserialize, serialize } from "v8";
import Papa from "papaparse";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { FakeHost } from "./fakeHost";
import { renderPane } from "./renderPane";
import { createReadServer } from "../../src/taskpane/worker/serveRead";
import { analysePaste } from "../../src/taskpane/worker/analysePaste";
import { flaggedRows, marksOfRows } from "../../src/taskpane/components/PreviewGrid";
import { defaultSettings } from "../../src/taskpane/host/workbookHost";
import {
  createWorkerReader,
  type WorkerLike,
  type WorkerReply,
  type WorkerRequest,
} from "../../src/taskpane/worker/pasteReader";

const WARD_CSV = path.join(
  __dirname,
  "../fixtures/wards/mps-ward-level-crime-2024-01-to-2025-12.extract.csv"
);
const wardText = fs.readFileSync(WARD_CSV, "utf8");

/** The raw rows: MajorText, MinorText, WardName, WardCode, LookUp_BoroughName, 24 months (202401…202512). */
const rawRows = Papa.parse<string[]>(wardText.trim(), { delimiter: "," }).data.slice(1);

/** A ward's offences of one sub-category over months [from, to) (0 = January 2024), from the CSV. */
function rawSum(ward: string, borough: string, minor: string, from: number, to: number): number {
  let sum = 0;
  for (const r of rawRows)
    if (r[2] === ward && r[4] === borough && r[1] === minor)
      for (let m = from; m < to; m++) sum += Number(r[5 + m]);
  return sum;
}

/** The wards of a borough as the CSV lists them, in order first met. */
const rawWards = (borough: string): string[] => [
  ...new Set(rawRows.filter((r) => r[4] === borough).map((r) => r[2]!)),
];

/** postMessage's structured clone (jsdom has none; v8's serializer is the same algorithm). */
const clone = <T,>(value: T): T => deserialize(serialize(value)) as T;

/** The read worker's own code, answering each message asynchronously as a browser worker does. */
class InProcessWorker implements WorkerLike {
  static requests: WorkerRequest[] = [];
  onmessage: ((event: { data: WorkerReply }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  private terminated = false;
  private serve = createReadServer((reply) =>
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: clone(reply) });
    }, 0)
  );
  postMessage(message: WorkerRequest): void {
    InProcessWorker.requests.push(clone(message));
    this.serve(clone(message));
  }
  terminate(): void {
    this.terminated = true;
  }
}

beforeEach(() => {
  InProcessWorker.requests = [];
});

const reader = createWorkerReader(() => new InProcessWorker());

function paste(text: string): void {
  const box = screen.getByRole("textbox", { name: "Paste table" });
  fireEvent.paste(box, {
    clipboardData: { getData: (type: string) => (type === "text/plain" ? text : "") },
  });
}

/** The preview's tables: each section's heading ("<title> — <area>, period ending <date>"). */
const previewHeadings = (): string[] =>
  screen
    .queryAllByRole("region", { name: /^Preview: / })
    .map((s) => s.querySelector("h3")?.textContent ?? "");

/** A preview section by its area, and the figure under `heading` on the row of sub-category `minor`. */
function previewFigure(area: string, minor: string, heading: string): string {
  const section = screen
    .getAllByRole("region", { name: /^Preview: / })
    .find((s) => s.querySelector("h3")?.textContent?.includes(` — ${area},`));
  if (!section) throw new Error(`no preview of ${area}`);
  const grid = within(section).getByRole("grid");
  const headings = [...grid.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent);
  const row = [...grid.querySelectorAll<HTMLElement>('[role="row"]')].find((r) =>
    [...r.querySelectorAll('[role="gridcell"]')].some(
      (c) => c.textContent?.toUpperCase() === minor.toUpperCase()
    )
  );
  if (!row) throw new Error(`no row ${minor} in ${area}`);
  const cell = row.querySelectorAll('[role="gridcell"]')[headings.indexOf(heading)];
  return cell?.textContent ?? "";
}

/** Opens "Wards" and clicks one of its options (a multiselect list's options are check items). */
async function choose(option: string): Promise<void> {
  const wards = screen.getByRole("combobox", { name: "Wards" });
  if (wards.getAttribute("aria-expanded") !== "true") fireEvent.click(wards); // stays open between choices
  fireEvent.click(await screen.findByRole("menuitemcheckbox", { name: option }));
}

const count = (n: number): string => n.toLocaleString("en-GB");

test("two wards of Lewisham chosen in Wards: the preview and Import hold exactly their tables, with the CSV's figures", async () => {
  const host = new FakeHost();
  renderPane(host, reader);
  paste(wardText);

  // As before: every borough, summed from its wards.
  await screen.findByText(/^Read 3 tables,/);
  expect(previewHeadings().map((h) => h.split(" — ")[1])).toEqual([
    "Barking and Dagenham, period ending 2025-12-31",
    "Lewisham, period ending 2025-12-31",
    "Merton, period ending 2025-12-31",
  ]);
  const wards = screen.getByRole("combobox", { name: "Wards" });
  expect(
    screen.getByText("None chosen: each borough is read, summed from its wards.")
  ).toBeTruthy();

  // The list is the file's wards by borough, each borough first offering all its wards.
  fireEvent.click(wards);
  const lewisham = await screen.findByRole("group", { name: "Lewisham" });
  expect(
    within(lewisham)
      .getAllByRole("menuitemcheckbox")
      .map((o) => o.textContent)
  ).toEqual(["All wards of Lewisham", ...rawWards("Lewisham")]);
  fireEvent.click(within(lewisham).getByRole("menuitemcheckbox", { name: "Forest Hill" }));
  await screen.findByText(/^Read 1 table,/);
  await choose("Perry Vale");
  await screen.findByText(/^Read 2 tables,/);
  expect(screen.getByText("Reading Forest Hill, Perry Vale: one table per ward.")).toBeTruthy();

  const title = "Recorded offences, rolling 12 months (London Datastore): a ward of Lewisham";
  expect(previewHeadings()).toEqual([
    `${title} — Forest Hill, period ending 2025-12-31`,
    `${title} — Perry Vale, period ending 2025-12-31`,
  ]);
  // Each ward's 12 months to December 2025 and the 12 before, summed from its CSV rows.
  for (const ward of ["Forest Hill", "Perry Vale"])
    for (const minor of [
      "CRIMINAL DAMAGE",
      "BURGLARY BUSINESS AND COMMUNITY",
      "THEFT FROM A VEHICLE",
    ]) {
      const current = rawSum(ward, "Lewisham", minor, 12, 24);
      const previous = rawSum(ward, "Lewisham", minor, 0, 12);
      expect(current).toBeGreaterThan(0);
      expect(previewFigure(ward, minor, "Offences Current R12")).toBe(count(current));
      expect(previewFigure(ward, minor, "Offences Previous R12")).toBe(count(previous));
    }
  // The choice crossed to the worker as typed read options.
  expect(InProcessWorker.requests.at(-1)).toMatchObject({
    kind: "read",
    input: { datastore: { areas: ["Forest Hill", "Perry Vale"], groups: [] } },
  });

  fireEvent.click(screen.getByText("Import", { selector: "button" }));
  await screen.findByText(/^Imported: wrote/);
  const imported = host.imports[0]!.tables;
  expect(imported.map((t) => [t.area, t.ward?.borough, t.periodEnding])).toEqual([
    ["Forest Hill", "Lewisham", "2025-12-31"],
    ["Perry Vale", "Lewisham", "2025-12-31"],
  ]);
  const damage = imported[1]!.rows.find((r) => r.subcategory?.toUpperCase() === "CRIMINAL DAMAGE");
  expect(damage?.values.offencesCurrent).toBe(
    rawSum("Perry Vale", "Lewisham", "CRIMINAL DAMAGE", 12, 24)
  );
});

test('"All wards of Lewisham" gives one table per ward of Lewisham, and the wards imported can be compared', async () => {
  const host = new FakeHost();
  renderPane(host, reader);
  paste(wardText);
  await screen.findByText(/^Read 3 tables,/);

  await choose("All wards of Lewisham");
  const expected = rawWards("Lewisham");
  expect(expected).toHaveLength(19);
  await screen.findByText(new RegExp(`^Read ${expected.length} tables,`));
  expect(previewHeadings().map((h) => /— (.+), period ending/.exec(h)?.[1])).toEqual(expected);
  expect(screen.getByText("Reading Lewisham wards: one table per ward.")).toBeTruthy();
  const minor = "RES BURGLARY OF A HOME";
  for (const ward of [expected[0]!, expected[expected.length - 1]!])
    expect(previewFigure(ward, minor, "Offences Current R12")).toBe(
      count(rawSum(ward, "Lewisham", minor, 12, 24))
    );

  fireEvent.click(screen.getByText("Import", { selector: "button" }));
  await screen.findByText(/^Imported: wrote/);
  expect(host.imports[0]!.tables.map((t) => t.area)).toEqual(expected);

  // The existing Compare screen lists the wards imported, and builds their comparison.
  fireEvent.click(screen.getByRole("tab", { name: "Compare" }));
  fireEvent.click(await screen.findByRole("checkbox", { name: /^Forest Hill/ }));
  fireEvent.click(screen.getByRole("checkbox", { name: /^Perry Vale/ }));
  fireEvent.click(screen.getByRole("button", { name: "Build comparison" }));
  await screen.findByText(/^Built:/);
  expect(host.comparisons).toEqual([{ kind: "areas", areas: ["Forest Hill", "Perry Vale"] }]);
}, 150_000); // 19 preview grids rendered in jsdom: some 40 s on a loaded 2-core machine

test("choosing no ward again reads every borough, as a paste of the file does", async () => {
  renderPane(new FakeHost(), reader);
  paste(wardText);
  await screen.findByText(/^Read 3 tables,/);
  await choose("Forest Hill");
  await screen.findByText(/^Read 1 table,/);
  await choose("Forest Hill"); // ticked off
  await screen.findByText(/^Read 3 tables,/);
  await act(async () => undefined);
  expect(
    screen.getByText("None chosen: each borough is read, summed from its wards.")
  ).toBeTruthy();
});

/** The Lewisham wards' tables read from the ward-level file, with their findings. */
function lewishamWards() {
  const input = { text: wardText, source: "ward.csv", datastore: { groups: ["Lewisham wards"] } };
  const outcome = analysePaste(input, defaultSettings);
  if (outcome.status !== "ok") throw new Error("not read");
  return outcome.analysis;
}

/** The findings of table i. */
const ofTable =
  (i: number) =>
  <T extends { table: number }>(xs: T[]): T[] =>
    xs.filter((x) => x.table === i);

test("in a ward's preview each issue and highlight marks the one row it is about, a total apart from the part read from the same line", () => {
  const { tables, issues, anomalies } = lewishamWards();
  let onSharedLines = 0;
  tables.forEach((table, i) => {
    const own = ofTable(i);
    const marks = marksOfRows(table.rows, own(issues), own(anomalies));
    for (const f of [...own(issues), ...own(anomalies)]) {
      const marked = table.rows.filter((r) => {
        const m = marks(r, f.field);
        return [...(m?.issues ?? []), ...(m?.anomalies ?? [])].some((x) => x === f);
      });
      expect(marked.map((r) => [r.category, r.subcategory])).toEqual([[f.category, f.subcategory]]);
      if (table.rows.filter((r) => r.line === f.line).length > 1) onSharedLines++;
    }
  });
  expect(onSharedLines).toBeGreaterThan(100); // totals read from their first part's line
});

test("'Show only rows with issues or highlights' keeps the rows findings name, not the other row read from the same line", () => {
  const { tables, issues, anomalies } = lewishamWards();
  let twinsLeftOut = 0;
  tables.forEach((table, i) => {
    const own = ofTable(i);
    const findings = [...own(issues), ...own(anomalies)];
    const named = (r: (typeof table.rows)[number]) =>
      findings.some(
        (f) => f.line === r.line && f.category === r.category && f.subcategory === r.subcategory
      );
    const shown = flaggedRows(table.rows, own(issues), own(anomalies));
    expect(shown).toEqual(table.rows.filter(named));
    twinsLeftOut += table.rows.filter(
      (r) => !named(r) && findings.some((f) => f.line === r.line)
    ).length;
  });
  expect(twinsLeftOut).toBeGreaterThan(0); // a total or part on a flagged line, itself unflagged
});

/** Opens a text file in the pane ("Open a file…"), as the browser hands it over. */
async function openTextFile(container: HTMLElement, name: string, text: string): Promise<void> {
  const input = container.querySelector(
    'input[type="file"]:not([accept^=".xlsx"])'
  ) as HTMLInputElement;
  const file = new File([text], name, { type: "text/plain" });
  // jsdom's File lacks text(); the browser's has it.
  Object.defineProperty(file, "text", { value: async () => text });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
}

test("a table opened from a file named after a borough, or a ward of a ward-level file read before, takes that area", async () => {
  const merton = fs.readFileSync(
    path.join(__dirname, "../../samples/offences-sds/merton-2017-08-01.txt"),
    "utf8"
  );
  const { container } = renderPane(new FakeHost(), reader);
  await openTextFile(container, "merton-2017-08-01.txt", merton);
  await screen.findByText(/^Read 2 tables,/);
  expect(previewHeadings().every((h) => h.includes(" — Merton,"))).toBe(true);

  // Before any ward-level file, "forest-hill.txt" names no known area: the pane asks.
  await openTextFile(container, "forest-hill.txt", merton);
  await screen.findByText(/^Read 2 tables,/);
  expect(previewHeadings().some((h) => h.includes(" — "))).toBe(false);

  paste(wardText);
  await screen.findByText(/^Read 3 tables,/);
  await openTextFile(container, "forest-hill.txt", merton);
  await screen.findByText(/^Read 2 tables,/);
  expect(previewHeadings().every((h) => h.includes(" — Forest Hill,"))).toBe(true);
}, 60_000);
