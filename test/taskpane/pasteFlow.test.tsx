/** @jest-environment jsdom */
// Paste → preview → Import, with the real reader and anomaly core on the sample tables,
// against a fake host that records what it was asked to write.
import "./jsdomShims";
import * as fs from "fs";
import * as path from "path";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { FakeHost } from "./fakeHost";
import { renderPane } from "./renderPane";
import { analysePaste } from "../../src/taskpane/worker/analysePaste";
import { createInlineReader } from "../../src/taskpane/worker/pasteReader";

const sample = (name: string): string =>
  fs.readFileSync(path.join(__dirname, "../../samples/offences-sds", name), "utf8");
const reader = createInlineReader(analysePaste);

/** A paste event as a browser (or Excel on the web) delivers it: only clipboardData, no navigator.clipboard. */
function paste(target: HTMLElement, data: { plain?: string; html?: string }): void {
  const types: Record<string, string | undefined> = {
    "text/plain": data.plain,
    "text/html": data.html,
  };
  fireEvent.paste(target, { clipboardData: { getData: (type: string) => types[type] ?? "" } });
}

/** A button by its exact visible name (getByRole over a document holding big grids is slow in jsdom; names are checked by role in a11y.test). */
const button = (name: string): HTMLElement => screen.getByText(name, { selector: "button" });
const pasteBox = (): HTMLElement => screen.getByRole("textbox", { name: "Paste table" });
const field = (name: string): HTMLInputElement => screen.getByLabelText(name) as HTMLInputElement;

test("a tab-separated paste is previewed with its period filled in; Import asks for the area, then writes", async () => {
  const host = new FakeHost();
  renderPane(host, reader);
  const text = sample("merton-2017-08-01.txt");
  paste(pasteBox(), { plain: text });

  const summary = await screen.findByText(/^Read 2 tables, 31 rows:/);
  expect(summary.textContent).toContain("Nothing is written until you press Import.");
  expect((pasteBox() as HTMLTextAreaElement).value).toBe(text);
  expect(field("Period ending").value).toBe("2017-08-01");
  expect(field("Area").value).toBe(""); // the paper does not name the borough: never guessed

  const grid = screen.getByRole("grid", { name: "Preview of Offences & SDs" });
  expect(headingsOf(grid)).toEqual(
    expect.arrayContaining([
      "Line",
      "Crime Category",
      "Sub Category",
      "Offences Previous R12",
      "Offences % Change",
      "SD Rate - Current R12",
    ])
  );
  const robbery = rowsOf(grid).find((r) => r.textContent?.includes("Personal Property"));
  expect(robbery?.textContent).toContain("230");
  expect(robbery?.textContent).toContain("33.0%");

  fireEvent.click(button("Import"));
  expect(
    await screen.findByText(
      "Enter the area (borough) these figures are for: the paste does not say."
    )
  ).toBeTruthy();
  expect(document.activeElement).toBe(field("Area"));
  expect(host.imports).toHaveLength(0);

  fireEvent.change(field("Area"), { target: { value: "merton" } });
  fireEvent.click(button("Import"));
  await screen.findByText(
    "Imported: wrote 4 sheets (Merton 2017-08-01, Merton 2017-08-01 calls, Checks, Summary)."
  );
  const call = host.imports[0];
  expect(call?.tables.map((t) => [t.kind, t.area, t.periodEnding, t.rows.length])).toEqual([
    ["offences-sds", "Merton", "2017-08-01", 27],
    ["calls-asb", "Merton", "2017-08-01", 4],
  ]);
  expect(call?.settings).toEqual(host.settings);
  // The highlights written are those the preview showed.
  expect(
    call?.anomalies.some(
      (a) => a.rule === "significant-increase" && a.subcategory === "Personal Property"
    )
  ).toBe(true);
});

test("an HTML paste is read from text/html, and the area typed by the user wins", async () => {
  const host = new FakeHost();
  renderPane(host, reader);
  const html = sample("borough-d-2017-09-05.html");
  // Browsers put a flattened text/plain beside the HTML; the HTML is the faithful one.
  paste(pasteBox(), { html, plain: "Offences & SDs flattened without tabs" });
  await screen.findByText(/^Read 2 tables, 31 rows:/);
  expect(field("Period ending").value).toBe("2017-09-05");
  fireEvent.change(field("Area"), { target: { value: "Borough D" } });
  fireEvent.change(field("Period ending"), { target: { value: "2017-09-06" } });
  fireEvent.click(button("Import"));
  await screen.findByText(/^Imported: wrote 4 sheets/);
  expect(host.imports[0]?.tables.map((t) => [t.area, t.periodEnding])).toEqual([
    ["Borough D", "2017-09-06"],
    ["Borough D", "2017-09-06"],
  ]);
});

test("highlights are marked on their cells with an icon and words, before anything is written", async () => {
  const host = new FakeHost();
  renderPane(host, reader);
  paste(pasteBox(), { plain: sample("merton-2017-08-01.txt") });
  await screen.findByRole("grid", { name: "Preview of Offences & SDs" });
  const change = cellOf("Preview of Offences & SDs", "Personal Property", "Offences % Change");
  expect(change?.textContent).toBe("33.0%significant rise (p = 0.001)");
  expect(change?.querySelector("svg[aria-hidden='true']")).not.toBeNull();
  // The same finding in full, saying where it is: highlights alone are folded away until asked for.
  const details = screen
    .getByText("21 issues and highlights in words")
    .closest("details") as HTMLDetailsElement;
  expect(details.open).toBe(false);
  fireEvent.click(screen.getByText("21 issues and highlights in words"));
  details.open = true; // jsdom does not toggle <details> on a click; browsers do
  const list = screen.getByRole("list", { name: "Issues and highlights in Offences & SDs" });
  expect(
    within(list).getByText(
      /^Highlight at line 13, column “Offences % Change”: Robbery \(Personal Property\): Offences rose from 230 to 306/
    )
  ).toBeTruthy();
  expect(host.imports).toHaveLength(0);
});

test("a paste that holds no table says so in plain words and Import writes nothing", async () => {
  const host = new FakeHost();
  renderPane(host, reader);
  // A table first, whose area and period fill the fields...
  paste(pasteBox(), { plain: sample("merton-2017-08-01.txt") });
  await screen.findByText(/^Read 2 tables/);
  expect((screen.getByLabelText("Period ending") as HTMLInputElement).value).toBe("2017-08-01");
  // ...then a paste that is no table: its fields are empty, not the last table's.
  paste(pasteBox(), { plain: "Dear colleagues,\nplease find the figures attached.\n" });
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toMatch(/^No table was recognised/);
  fireEvent.click(button("Import"));
  expect(await screen.findByText(/Paste a table into “Paste table” first/)).toBeTruthy();
  expect((screen.getByLabelText("Period ending") as HTMLInputElement).value).toBe("");
  expect((screen.getByLabelText("Area") as HTMLInputElement).value).toBe("");
  expect(host.imports).toHaveLength(0);
});

test("typing into the box is read after a pause, like a paste", async () => {
  jest.useFakeTimers();
  try {
    const host = new FakeHost();
    renderPane(host, reader);
    fireEvent.change(pasteBox(), { target: { value: sample("borough-e-2017-09-05.txt") } });
    expect(screen.queryByText(/^Read 2 tables/)).toBeNull();
    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    await act(async () => {
      jest.runOnlyPendingTimers();
    });
    expect(screen.getByText(/^Read 2 tables, 31 rows:/)).toBeTruthy();
  } finally {
    jest.useRealTimers();
  }
});

test("a write that fails is reported and the preview stays for another try", async () => {
  const host = new FakeHost();
  host.failNext.set("importTables", new Error("sheet “Merton 2017-08-01” is protected"));
  renderPane(host, reader);
  paste(pasteBox(), { plain: sample("merton-2017-08-01.txt") });
  await screen.findByText(/^Read 2 tables/);
  fireEvent.change(field("Area"), { target: { value: "Merton" } });
  fireEvent.click(button("Import"));
  expect((await screen.findByRole("alert")).textContent).toContain(
    "Import failed: sheet “Merton 2017-08-01” is protected"
  );
  fireEvent.click(button("Import"));
  await screen.findByText(/^Imported:/);
  expect(host.imports).toHaveLength(1);
});

test("Import selection reads what the host selected into the preview (Excel only)", async () => {
  const host = new FakeHost("office");
  host.selection = { text: sample("borough-a-2017-09-05.txt"), source: "selection Sheet1!A1:K40" };
  renderPane(host, reader);
  fireEvent.click(button("Import selection"));
  await screen.findByText(/^Read 2 tables, 31 rows:/);
  expect(field("Period ending").value).toBe("2017-09-05");
  expect(host.imports).toHaveLength(0);
});

test("standalone, Import selection is shown but explains it needs Excel", async () => {
  renderPane(new FakeHost("standalone"), reader);
  const selection = button("Import selection");
  expect(selection.getAttribute("aria-disabled")).toBe("true");
  expect(selection.getAttribute("aria-describedby")).toBe("import-selection-hint");
  await waitFor(() =>
    expect(document.getElementById("import-selection-hint")?.textContent).toMatch(/needs Excel/)
  );
});

// Grid internals are found with selectors: role queries over a whole grid are slow in jsdom.
const rowsOf = (grid: HTMLElement): HTMLElement[] => [
  ...grid.querySelectorAll<HTMLElement>('[role="row"]'),
];
const cellsOf = (row: HTMLElement): HTMLElement[] => [
  ...row.querySelectorAll<HTMLElement>('[role="gridcell"]'),
];
const headingsOf = (grid: HTMLElement): (string | null)[] =>
  [...grid.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent);

/** The grid cell of a row (found by its label) under a column heading. */
function cellOf(gridName: string, rowLabel: string, heading: string): HTMLElement {
  const grid = screen.getByRole("grid", { name: gridName });
  const row = rowsOf(grid).find((r) => cellsOf(r).some((c) => c.textContent === rowLabel));
  if (!row) throw new Error(`no row ${rowLabel}`);
  const cell = cellsOf(row)[headingsOf(grid).indexOf(heading)];
  if (!cell) throw new Error(`no column ${heading}`);
  return cell;
}

test("validation issues are marked on their cells (icon and words) and listed with line and column", async () => {
  const host = new FakeHost();
  renderPane(host, reader);
  // The paper's own gap (ASB Repeat Callers has no current figure), plus two figures
  // altered here: a % change that disagrees with its counts, and a Total that is not the sum.
  const text = sample("merton-2017-08-01.txt")
    .replace("230\t306\t33.0%", "230\t306\t34.0%")
    .replace("Total\t\t258\t338", "Total\t\t259\t338");
  paste(pasteBox(), { plain: text });
  // Four: the gap, the altered % change, the Total that is not the sum, and that Total's
  // own % change (31.0% printed, 259 → 338 is 30.5%).
  await screen.findByText(/^Read 2 tables, 31 rows: 4 issues/);

  const change = cellOf("Preview of Offences & SDs", "Personal Property", "Offences % Change");
  expect(change.textContent).toContain("34.0%Error: expected 33.0%");
  expect(change.querySelector("svg[aria-hidden='true']")).not.toBeNull();
  // Previous R12 of Robbery's Total row: the sum of its parts is 28 + 230.
  const robberyTotal = rowsOf(screen.getByRole("grid", { name: "Preview of Offences & SDs" })).find(
    (r) => r.textContent?.includes("259")
  );
  expect(robberyTotal?.textContent).toContain("259Error: expected 258");
  expect(robberyTotal?.textContent).toContain("31.0%Error: expected 30.5%");
  const missing = cellOf("Preview of I & S Calls and ASB", "ASB Repeat Callers", "Current R12");
  expect(missing.textContent).toBe("Warning: missing");

  const list = screen.getByRole("list", { name: "Issues and highlights in I & S Calls and ASB" });
  expect(
    within(list).getByText(
      /^Warning at line 40, column “Current R12”: Current R12 for ASB Repeat Callers \(line 40\) is blank/
    )
  ).toBeTruthy();
  const offences = screen.getByRole("list", { name: "Issues and highlights in Offences & SDs" });
  expect(
    within(offences).getAllByText(/^Error at line 13, column “Offences % Change”: /)
  ).toHaveLength(1);
});
