/** @jest-environment jsdom */
// Every message the pane shows stands beside the control it concerns, is announced (an
// alert for an error, a live region for the rest), and goes once it no longer applies:
// "Paste a table first" after a paste, "Nothing is written" after Import, an error after
// the fix (a field filled in, a new choice, a corrected table, an edited setting).
import "./jsdomShims";
import * as fs from "fs";
import * as path from "path";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { FakeHost, offencesSheet } from "./fakeHost";
import { renderPane } from "./renderPane";
import { analysePaste } from "../../src/taskpane/worker/analysePaste";
import { createInlineReader } from "../../src/taskpane/worker/pasteReader";

const FIRST = "Paste a table into “Paste table” first: nothing has been read yet.";
const reader = createInlineReader(analysePaste);

const sample = (file: string): string =>
  fs.readFileSync(path.join(__dirname, "../../samples", file), "utf8");

const button = (name: string): HTMLElement => screen.getByRole("button", { name });

function paste(label: string, text: string): void {
  fireEvent.paste(screen.getByRole("textbox", { name: label }), {
    clipboardData: { getData: (type: string) => (type === "text/plain" ? text : "") },
  });
}

/** The control (slot name) a message other than an error is shown beside, and how it is announced. */
function placeOf(text: string | RegExp): { at: string | null; announced: string | null } {
  const body = screen.getByText(text);
  return {
    at: body.closest("[data-task-slot]")?.getAttribute("data-task-slot") ?? null,
    announced: body.closest('[role="alert"]')
      ? "alert"
      : body.closest('[role="status"]')
        ? "status"
        : null,
  };
}

/** The error (an alert) shown right after the slot of the control `name`, or null. */
function errorBeside(name: string): string | null {
  const slot = document.querySelector(`[data-task-slot="${name}"]`);
  const next = slot?.nextElementSibling;
  return next?.getAttribute("role") === "alert" ? next.textContent : null;
}

test("'Paste a table first' stands beside Import and is cleared once a paste is read", async () => {
  renderPane(new FakeHost(), reader);
  fireEvent.click(button("Import"));
  expect(await screen.findByText(FIRST)).toBeTruthy();
  expect(placeOf(FIRST)).toEqual({ at: "Import", announced: "status" });
  paste("Paste table", sample("offences-sds/merton-2017-08-01.txt"));
  await screen.findByText(/^Read 2 tables, 31 rows:/);
  expect(screen.queryByText(FIRST)).toBeNull();
});

test("after Import the preview no longer says 'Nothing is written'; a new paste says it again", async () => {
  const host = new FakeHost();
  renderPane(host, reader);
  paste("Paste table", sample("offences-sds/merton-2017-08-01.txt"));
  const summary = await screen.findByText(/^Read 2 tables, 31 rows:/);
  expect(summary.textContent).toMatch(/Nothing is written until you press Import\.$/);
  fireEvent.change(screen.getByRole("textbox", { name: "Area" }), { target: { value: "Merton" } });
  fireEvent.click(button("Import"));
  await screen.findByText(/^Imported: wrote 4 sheets/);
  expect(placeOf(/^Imported: wrote 4 sheets/)).toEqual({ at: "Import", announced: "status" });
  expect(screen.getByText(/^Read 2 tables, 31 rows:/).textContent).toMatch(
    /Imported into the workbook\.$/
  );
  expect(screen.queryByText(/Nothing is written/)).toBeNull();

  // New thresholds re-check the paste shown: it is still the one imported.
  fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
  fireEvent.change(await screen.findByRole("textbox", { name: "Minimum base" }), {
    target: { value: "25" },
  });
  fireEvent.click(button("Save settings"));
  await screen.findByText(/^Settings saved/);
  fireEvent.click(screen.getByRole("tab", { name: "Paste" }));
  await waitFor(() => expect(host.settings.minimumBase).toBe(25));
  await screen.findByText(/^Read 2 tables, 31 rows:.*Imported into the workbook\.$/);

  paste("Paste table", sample("offences-sds/borough-a-2017-09-05.txt"));
  await screen.findByText(/Nothing is written until you press Import\.$/);
  // "Imported: …" was about the last paste.
  expect(screen.queryByText(/^Imported:/)).toBeNull();
  expect(host.imports).toHaveLength(1);
});

test("an error from Import is an alert beside Import, and a new paste takes it away", async () => {
  const host = new FakeHost();
  host.failNext.set("importTables", new Error("sheet “Merton 2017-08-01” is protected"));
  renderPane(host, reader);
  paste("Paste table", sample("offences-sds/merton-2017-08-01.txt"));
  await screen.findByText(/^Read 2 tables/);
  fireEvent.change(screen.getByRole("textbox", { name: "Area" }), { target: { value: "Merton" } });
  fireEvent.click(button("Import"));
  await screen.findByText(/^Import failed: sheet “Merton 2017-08-01” is protected/);
  expect(errorBeside("Import")).toMatch(/^Import failed: /);
  // Not at the top of the pane.
  expect(errorBeside("top")).toBeNull();

  paste("Paste table", sample("offences-sds/borough-a-2017-09-05.txt"));
  await screen.findByText(/^Read 2 tables/);
  expect(screen.queryByText(/^Import failed/)).toBeNull();
  expect(screen.queryByRole("alert")).toBeNull();
});

test("the Area field's error is announced beside it and goes once the area is typed", async () => {
  renderPane(new FakeHost(), reader);
  paste("Paste table", sample("offences-sds/merton-2017-08-01.txt"));
  await screen.findByText(/^Read 2 tables/);
  fireEvent.click(button("Import"));
  const problem = await screen.findByText(/^Enter the area/);
  expect(problem.getAttribute("role")).toBe("alert");
  // Fluent's Field ties it to its input: a screen reader reads it with the field.
  const area = screen.getByRole("textbox", { name: "Area" });
  expect(area.getAttribute("aria-describedby") ?? "").toContain(problem.id);
  expect(document.activeElement).toBe(area);
  fireEvent.change(area, { target: { value: "Merton" } });
  expect(screen.queryByText(/^Enter the area/)).toBeNull();
  expect(area.getAttribute("aria-invalid")).not.toBe("true");
});

test("a Compare refusal is an alert under the areas, gone once the choice changes", async () => {
  const host = new FakeHost();
  host.dataSheets.push(
    offencesSheet("Merton", "2017-08-01"),
    offencesSheet("Sutton", "2017-08-01")
  );
  renderPane(host, reader);
  fireEvent.click(screen.getByRole("tab", { name: "Compare" }));
  await screen.findByRole("checkbox", { name: /^Merton/ });
  fireEvent.click(button("Build comparison"));
  const refusal = await screen.findByRole("alert");
  expect(refusal.textContent).toMatch(/^Choose at least two areas/);
  expect(screen.getByRole("group", { name: "Areas" }).getAttribute("aria-describedby")).toContain(
    refusal.id
  );
  fireEvent.click(screen.getByRole("checkbox", { name: /^Merton/ }));
  expect(screen.queryByRole("alert")).toBeNull();
  fireEvent.click(screen.getByRole("checkbox", { name: /^Sutton/ }));
  fireEvent.click(button("Build comparison"));
  await screen.findByText(/^Built: wrote 2 sheets \(Compare 2017-09-05, Summary\)/);
  expect(placeOf(/^Built: wrote 2 sheets \(Compare 2017-09-05, Summary\)/)).toEqual({
    at: "Build comparison",
    announced: "status",
  });
});

test("Monitoring: 'Paste an indicator table first' and 'has N problems' go once the table is pasted or corrected", async () => {
  const host = new FakeHost();
  renderPane(host, reader);
  fireEvent.click(screen.getByRole("tab", { name: "Monitoring" }));
  fireEvent.click(button("Build monitoring sheet"));
  const first = await screen.findByText(/^Paste an indicator table/);
  expect(placeOf(first.textContent!)).toEqual({
    at: "Build monitoring sheet",
    announced: "status",
  });

  const table = sample("monitoring/indicators-2016-17.txt");
  const bad = table.replace("Lower is better\t1,400", "Sideways\t1,400");
  paste("Paste indicator table", bad);
  expect(screen.queryByText(/^Paste an indicator table/)).toBeNull();
  fireEvent.click(button("Build monitoring sheet"));
  await screen.findByText(/^The indicator table has 1 problem/);
  expect(errorBeside("Build monitoring sheet")).toMatch(/^The indicator table has 1 problem/);

  paste("Paste indicator table", table);
  await waitFor(() => expect(screen.queryByText(/^The indicator table has/)).toBeNull());
  expect(screen.queryByRole("alert")).toBeNull();
  fireEvent.click(button("Build monitoring sheet"));
  await screen.findByText("Built: wrote 2 sheets (Monitoring, Summary).");
  expect(host.monitoring).toHaveLength(1);
});

test("Settings: a field's error goes when it is edited, and 'Settings saved' when any field changes again", async () => {
  renderPane(new FakeHost(), reader);
  fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
  const base = await screen.findByRole("textbox", { name: "Minimum base" });
  fireEvent.change(base, { target: { value: "0" } });
  fireEvent.click(button("Save settings"));
  expect((await screen.findByText(/^Enter a whole number/)).getAttribute("role")).toBe("alert");
  fireEvent.change(base, { target: { value: "25" } });
  expect(screen.queryByText(/^Enter a whole number/)).toBeNull();
  fireEvent.click(button("Save settings"));
  await screen.findByText(/^Settings saved in the workbook/);
  expect(placeOf(/^Settings saved/)).toEqual({ at: "Save settings", announced: "status" });
  fireEvent.change(base, { target: { value: "30" } });
  expect(screen.queryByText(/^Settings saved/)).toBeNull();
});

test("a message whose control is on another screen is shown at the top until that screen is back", async () => {
  const host = new FakeHost();
  renderPane(host, reader);
  fireEvent.click(button("Import"));
  await screen.findByText(FIRST);
  fireEvent.click(screen.getByRole("tab", { name: "Compare" }));
  await waitFor(() => expect(placeOf(FIRST).at).toBe("top"));
  fireEvent.click(screen.getByRole("tab", { name: "Paste" }));
  await waitFor(() => expect(placeOf(FIRST).at).toBe("Import"));
});
