/** @jest-environment jsdom */
// A message that no longer applies goes: "Paste a table first" leaves once a table is read.
import "./jsdomShims";
import * as fs from "fs";
import * as path from "path";
import { fireEvent, screen } from "@testing-library/react";
import { FakeHost } from "./fakeHost";
import { renderPane } from "./renderPane";
import { analysePaste } from "../../src/taskpane/worker/analysePaste";
import { createInlineReader } from "../../src/taskpane/worker/pasteReader";

const FIRST = "Paste a table into “Paste table” first: nothing has been read yet.";

test("'Paste a table first' is cleared once a paste is read", async () => {
  renderPane(new FakeHost(), createInlineReader(analysePaste));
  fireEvent.click(screen.getByText("Import", { selector: "button" }));
  expect(await screen.findByText(FIRST)).toBeTruthy();
  const text = fs.readFileSync(
    path.join(__dirname, "../../samples/offences-sds/merton-2017-08-01.txt"),
    "utf8"
  );
  fireEvent.paste(screen.getByRole("textbox", { name: "Paste table" }), {
    clipboardData: { getData: (type: string) => (type === "text/plain" ? text : "") },
  });
  await screen.findByText(/^Read 2 tables, 31 rows:/);
  expect(screen.queryByText(FIRST)).toBeNull();
});
