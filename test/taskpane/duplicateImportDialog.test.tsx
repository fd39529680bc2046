/** @jest-environment jsdom */
// Issue #19: re-importing a table the workbook holds asks first (replace, keep both,
// cancel). The question is asked about what the use case finds in a real workbook (the
// Merton samples built by the command line, then a corrected August table), answered
// with the keyboard alone, and passes axe; in the pane, over the in-browser workbook, the
// second Import of a paste asks, and each answer does what it says.
import "./jsdomShims";
import { readFileSync } from "fs";
import path from "path";
import * as React from "react";
import { seriousViolations } from "./axeCheck";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { main } from "../../src/cli/main";
import { readPaste } from "../../src/core/read";
import { readXlsx } from "../../src/writers/xlsx/readXlsx";
import { duplicatesOf, startFrom, type DuplicateTable } from "../../src/app/useCases";
import {
  DuplicateImportDialog,
  useDuplicateQuestion,
  type DuplicateAnswer,
} from "../../src/taskpane/components/import/DuplicateImportDialog";
import { createStandaloneHost } from "../../src/taskpane/host/standaloneHost";
import type { WorkbookHost } from "../../src/taskpane/host/workbookHost";
import { analysePaste } from "../../src/taskpane/worker/analysePaste";
import { createInlineReader } from "../../src/taskpane/worker/pasteReader";
import { renderPane } from "./renderPane";
import { memoryIo } from "../support/cliIo";
import { OFFENCES_DIR } from "../support/samples";

let found: DuplicateTable[];

beforeAll(async () => {
  const io = memoryIo();
  const inputs = ["merton-2017-07-02.txt", "merton-2017-08-01.txt"].map((f) =>
    path.join(OFFENCES_DIR, f)
  );
  expect(await main(["build", ...inputs, "--out", "book.xlsx"], io)).toBe(0);
  const book = await readXlsx(io.files.get("book.xlsx") as Uint8Array);
  const text = readFileSync(path.join(OFFENCES_DIR, "merton-2017-08-01.txt"), "utf8").replace(
    "Burglary\tTotal\t\t1,482\t1,392\t-6.1%",
    "Burglary\tTotal\t\t1,482\t1,302\t-12.1%"
  );
  const read = readPaste(text, {
    source: "merton-2017-08-01.txt",
    fileName: "merton-2017-08-01.txt",
  });
  if (!read.ok) throw new Error(read.error.message);
  found = duplicatesOf(startFrom(book, "2026-12-03"), read.tables);
}, 60_000);

function renderDialog(duplicates: DuplicateTable[]): DuplicateAnswer[] {
  const answers: DuplicateAnswer[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <DuplicateImportDialog duplicates={duplicates} onAnswer={(a) => answers.push(a)} />
    </FluentProvider>
  );
  return answers;
}

test("it names each table the workbook holds and the sheet it is on", async () => {
  renderDialog(found);
  const dialog = await screen.findByRole("alertdialog");
  expect(dialog.getAttribute("aria-modal")).toBe("true");
  expect(screen.getByText("These tables are already in the workbook")).toBeTruthy();
  expect(
    screen.getByText(
      "Offences & SDs, Merton, period ending 2017-08-01: on the sheet “Merton 2017-08-01”."
    )
  ).toBeTruthy();
  expect(
    screen.getByText(
      "I & S Calls and ASB, Merton, period ending 2017-08-01: on the sheet “Merton 2017-08-01 calls”."
    )
  ).toBeTruthy();
  expect(await seriousViolations()).toEqual([]);
});

test("the three choices are buttons reached with the keyboard, focus starting inside", async () => {
  const answers = renderDialog(found.slice(0, 1));
  await screen.findByRole("alertdialog");
  expect(screen.getByText("This table is already in the workbook")).toBeTruthy();
  const buttons = ["Replace", "Keep both", "Cancel"].map((name) =>
    screen.getByRole("button", { name })
  );
  // Fluent moves focus into the dialog when it opens.
  expect(screen.getByRole("alertdialog").contains(document.activeElement)).toBe(true);
  for (const b of buttons) {
    b.focus();
    expect(document.activeElement).toBe(b);
  }
  fireEvent.click(buttons[1]!);
  fireEvent.click(buttons[0]!);
  fireEvent.click(buttons[2]!);
  expect(answers).toEqual(["keep", "replace", "cancel"]);
});

test("Escape cancels", async () => {
  const answers = renderDialog(found);
  const dialog = await screen.findByRole("alertdialog");
  fireEvent.keyDown(dialog, { key: "Escape" });
  expect(answers).toEqual(["cancel"]);
});

test("nothing is asked when the workbook holds none of the tables", () => {
  renderDialog([]);
  expect(screen.queryByRole("alertdialog")).toBeNull();
});

/** An Import handler as the pane runs one: ask, then import or not. */
function ImportButton({
  duplicates,
  onImport,
}: {
  duplicates: DuplicateTable[];
  onImport: (answer: DuplicateAnswer) => void;
}): React.JSX.Element {
  const { ask, dialog } = useDuplicateQuestion();
  return (
    <>
      <button onClick={() => void ask(duplicates).then(onImport)}>Import</button>
      {dialog}
    </>
  );
}

test("useDuplicateQuestion resolves with the answer, and closes the dialog", async () => {
  const answers: DuplicateAnswer[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <ImportButton duplicates={found} onImport={(a) => answers.push(a)} />
    </FluentProvider>
  );
  fireEvent.click(screen.getByRole("button", { name: "Import" }));
  await screen.findByRole("alertdialog");
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Replace" }));
  });
  expect(answers).toEqual(["replace"]);
  expect(screen.queryByRole("alertdialog")).toBeNull();
});

test("useDuplicateQuestion answers keep at once when nothing duplicates", async () => {
  const answers: DuplicateAnswer[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <ImportButton duplicates={[]} onImport={(a) => answers.push(a)} />
    </FluentProvider>
  );
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Import" }));
  });
  expect(answers).toEqual(["keep"]);
  expect(screen.queryByRole("alertdialog")).toBeNull();
});

describe("the pane, importing the same paste twice into the in-browser workbook", () => {
  const merton = readFileSync(path.join(OFFENCES_DIR, "merton-2017-08-01.txt"), "utf8");
  const button = (name: string): HTMLElement => screen.getByText(name, { selector: "button" });

  async function importTwice(): Promise<{ host: WorkbookHost; dialog: HTMLElement }> {
    const host = createStandaloneHost(() => "2026-12-03");
    renderPane(host, createInlineReader(analysePaste));
    const box = screen.getByRole("textbox", { name: "Paste table" });
    fireEvent.paste(box, {
      clipboardData: { getData: (type: string) => (type === "text/plain" ? merton : "") },
    });
    await screen.findByText(/^Read 2 tables, 31 rows:/);
    fireEvent.change(screen.getByLabelText("Area"), { target: { value: "Merton" } });
    fireEvent.click(button("Import"));
    await screen.findByText(
      /^Imported: wrote \d+ sheets \(Merton 2017-08-01, Merton 2017-08-01 calls,/
    );
    fireEvent.click(button("Import"));
    return { host, dialog: await screen.findByRole("alertdialog") };
  }

  test("asks first; Replace leaves one sheet per table", async () => {
    const { host, dialog } = await importTwice();
    expect(
      within(dialog).getByText(
        "Offences & SDs, Merton, period ending 2017-08-01: imported earlier in this session."
      )
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByText("Replace", { selector: "button" }));
    await screen.findByText(
      /^Imported: wrote \d+ sheets \(Merton 2017-08-01, Merton 2017-08-01 calls,/
    );
    const data = (await host.listDataSheets()).map((d) => d.sheet);
    expect(data).toEqual(["Merton 2017-08-01", "Merton 2017-08-01 calls"]);
  }, 60_000);

  test("Keep both adds a second sheet for each table", async () => {
    const { host, dialog } = await importTwice();
    fireEvent.click(within(dialog).getByText("Keep both", { selector: "button" }));
    await screen.findByText(
      /^Imported: wrote \d+ sheets \(Merton 2017-08-01 \(2\), Merton 2017-08-01 calls \(2\),/
    );
    expect((await host.listDataSheets()).map((d) => d.sheet)).toHaveLength(4);
  }, 60_000);

  test("Cancel writes nothing and says so", async () => {
    const { host, dialog } = await importTwice();
    fireEvent.keyDown(dialog, { key: "Escape" });
    await screen.findByText("Nothing was imported: the workbook already holds that table.");
    expect((await host.listDataSheets()).map((d) => d.sheet)).toEqual([
      "Merton 2017-08-01",
      "Merton 2017-08-01 calls",
    ]);
  }, 60_000);
});
