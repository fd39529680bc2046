/** @jest-environment jsdom */
// Every screen of the pane: axe finds no serious or critical violation (contrast needs a
// real browser: the browser tests check it), every control has a name a screen reader
// reads, can take keyboard focus, and the screens are reached with the arrow keys.
import "./jsdomShims";
import * as fs from "fs";
import * as path from "path";
import { fireEvent, screen } from "@testing-library/react";
import { FakeHost, offencesSheet } from "./fakeHost";
import { renderPane } from "./renderPane";
import { seriousViolations } from "./axeCheck";
import { analysePaste } from "../../src/taskpane/worker/analysePaste";
import { createInlineReader } from "../../src/taskpane/worker/pasteReader";

const merton = fs.readFileSync(
  path.join(__dirname, "../../samples/offences-sds/merton-2017-08-01.txt"),
  "utf8"
);
const indicators = fs.readFileSync(
  path.join(__dirname, "../../samples/monitoring/indicators-2016-17.txt"),
  "utf8"
);

const ROLES = ["button", "textbox", "checkbox", "radio", "combobox", "tab", "switch"] as const;

/** Controls without a spoken name, or that cannot take focus. */
function unreachable(): string[] {
  const problems: string[] = [];
  for (const role of ROLES) {
    const all = screen.queryAllByRole(role);
    const named = new Set(screen.queryAllByRole(role, { name: /\S/ }));
    for (const el of all) {
      if (!named.has(el)) problems.push(`${role} without a name: ${el.outerHTML.slice(0, 120)}`);
      if ((el as HTMLButtonElement).disabled) continue; // disabled while busy, said by its state
      el.focus();
      if (document.activeElement !== el && !el.contains(document.activeElement))
        problems.push(`${role} cannot take focus: ${el.textContent}`);
    }
  }
  for (const summary of document.querySelectorAll<HTMLElement>("summary")) {
    summary.focus();
    if (document.activeElement !== summary)
      problems.push(`summary cannot take focus: ${summary.textContent}`);
  }
  return problems;
}

async function paneWithData(): Promise<FakeHost> {
  const host = new FakeHost();
  host.dataSheets.push(
    offencesSheet("Merton", "2017-08-01"),
    offencesSheet("Sutton", "2017-08-01")
  );
  renderPane(host, createInlineReader(analysePaste));
  return host;
}

test("Paste screen, with a preview holding issues and highlights", async () => {
  await paneWithData();
  const box = screen.getByRole("textbox", { name: "Paste table" });
  fireEvent.paste(box, {
    clipboardData: { getData: (t: string) => (t === "text/plain" ? merton : "") },
  });
  await screen.findByText(/^Read 2 tables/);
  fireEvent.click(screen.getByText("Import", { selector: "button" })); // no area yet: a field error is shown
  await screen.findByText(/Enter the area/);
  expect(await seriousViolations()).toEqual([]);
  expect(unreachable()).toEqual([]);
});

test("Paste screen, with a ward-level Datastore file and its Wards list open", async () => {
  await paneWithData();
  const wards = fs.readFileSync(
    path.join(__dirname, "../fixtures/wards/mps-ward-level-crime-2024-01-to-2025-12.extract.csv"),
    "utf8"
  );
  fireEvent.paste(screen.getByRole("textbox", { name: "Paste table" }), {
    clipboardData: { getData: (t: string) => (t === "text/plain" ? wards : "") },
  });
  await screen.findByText(/^Read 3 tables/);
  fireEvent.click(screen.getByRole("combobox", { name: "Wards" }));
  fireEvent.click(await screen.findByRole("menuitemcheckbox", { name: "Forest Hill" }));
  await screen.findByText(/^Read 1 table,/);
  expect(await seriousViolations()).toEqual([]);
  expect(unreachable()).toEqual([]);
});

test("Compare screen, by areas and by group", async () => {
  await paneWithData();
  fireEvent.click(screen.getByRole("tab", { name: "Compare" }));
  await screen.findByRole("checkbox", { name: "Merton (1 period)" });
  expect(await seriousViolations()).toEqual([]);
  expect(unreachable()).toEqual([]);
  fireEvent.click(screen.getByRole("radio", { name: "A group preset" }));
  expect(await seriousViolations()).toEqual([]);
  expect(unreachable()).toEqual([]);
});

test("Monitoring screen, with results and with a problem list", async () => {
  await paneWithData();
  fireEvent.click(screen.getByRole("tab", { name: "Monitoring" }));
  const box = screen.getByRole("textbox", { name: "Paste indicator table" });
  fireEvent.change(box, { target: { value: indicators } });
  await screen.findByRole("list", { name: "Indicators" });
  expect(await seriousViolations()).toEqual([]);
  fireEvent.change(box, { target: { value: indicators.replace("Lower is better", "Sideways") } });
  await screen.findByRole("list", { name: "Problems in the indicator table" });
  expect(await seriousViolations()).toEqual([]);
  expect(unreachable()).toEqual([]);
});

test("Settings screen, with field errors", async () => {
  await paneWithData();
  fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
  fireEvent.change(screen.getByRole("textbox", { name: "Minimum base" }), {
    target: { value: "none" },
  });
  fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
  await screen.findByText(/Enter a whole number/);
  expect(await seriousViolations()).toEqual([]);
  expect(unreachable()).toEqual([]);
});

test("each screen is a tab: a native button, named, controlling the labelled panel it shows", async () => {
  // Arrow-key movement between tabs is tabster's and needs layout: the browser tests press the keys.
  await paneWithData();
  for (const name of ["Paste", "Compare", "Monitoring", "Settings"]) {
    const tab = screen.getByRole("tab", { name });
    expect(tab.tagName).toBe("BUTTON");
    fireEvent.click(tab);
    const panel = screen.getByRole("tabpanel", { name });
    expect(panel.id).toBe(tab.getAttribute("aria-controls"));
  }
});

test("the preview grid is reached from the keyboard", async () => {
  await paneWithData();
  const box = screen.getByRole("textbox", { name: "Paste table" });
  fireEvent.paste(box, {
    clipboardData: { getData: (t: string) => (t === "text/plain" ? merton : "") },
  });
  const grid = await screen.findByRole("grid", { name: "Preview of Offences & SDs" });
  // Keyboard users enter the grid at its first heading; the arrow keys then move between cells.
  const first = grid.querySelector<HTMLElement>('[role="columnheader"]');
  expect(first?.tabIndex).toBe(0);
  first?.focus();
  expect(document.activeElement).toBe(first);
  expect(grid.querySelectorAll('[role="gridcell"]').length).toBeGreaterThan(27 * 3);
});
