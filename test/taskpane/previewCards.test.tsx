/** @jest-environment jsdom */
// The preview at task-pane width: one card per row with every figure and every check in
// it, nothing in a column off to the right; axe finds nothing serious in it.
import "./jsdomShims";
import * as fs from "fs";
import * as path from "path";
import { seriousViolations } from "./axeCheck";
import { render, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { readPaste } from "../../src/core/read";
import { validateTables } from "../../src/core/validate";
import { findAnomalies } from "../../src/core/anomalies";
import { PreviewGrid } from "../../src/taskpane/components/PreviewGrid";
import { shortIssueText } from "../../src/taskpane/messages";

const file = "merton-2017-08-01.txt";
const text = fs.readFileSync(path.join(__dirname, "../../samples/offences-sds", file), "utf8");
const read = readPaste(text, { source: file, fileName: file });
if (!read.ok) throw new Error(read.error.message);
const tables = read.tables;
const issues = validateTables(tables);
const anomalies = findAnomalies(tables);

function renderCards(t: number) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PreviewGrid
        table={tables[t]!}
        issues={issues.filter((i) => i.table === t)}
        anomalies={anomalies.filter((a) => a.table === t)}
        limit={500}
        onlyFlagged={false}
        label="Preview of the table"
        layout="cards"
      />
    </FluentProvider>
  );
}

test("every row is a card holding each of its figures as printed, with its heading", () => {
  const table = tables[0]!;
  renderCards(0);
  const cards = within(document.body).getAllByRole("listitem");
  expect(cards).toHaveLength(table.rows.length);
  const figures = table.columns.filter((c) => c.type !== "text" && c.field !== "status");
  table.rows.forEach((row, i) => {
    const card = cards[i]!;
    expect(card.textContent).toContain(`Line ${row.line}`);
    for (const c of figures) {
      expect(card.textContent).toContain(c.heading);
      const printed = row.raw[c.field];
      if (printed) expect(card.textContent).toContain(printed);
    }
  });
  expect(document.querySelector("[role=grid]")).toBeNull();
});

test("each check is in the card of its row, in words", async () => {
  const t = tables.findIndex((_, i) => issues.some((x) => x.table === i));
  expect(t).toBeGreaterThanOrEqual(0);
  const table = tables[t]!;
  renderCards(t);
  const cards = within(document.body).getAllByRole("listitem");
  for (const issue of issues.filter((x) => x.table === t)) {
    const card = cards[table.rows.findIndex((r) => r.line === issue.line)]!;
    const column = table.columns.find((c) => c.field === issue.field)!;
    expect(card.textContent).toContain(shortIssueText(issue, column));
  }
  expect(await seriousViolations()).toEqual([]);
});
