// The task pane as a person sees it: controls found by their visible names (the names are
// part of the product's interface), tasks awaited by the message they end with.
import type { Locator, Page } from "playwright-core";
import { pasteInto, type Clipboard } from "./paste";

export class Pane {
  constructor(readonly page: Page) {}

  button(name: string): Locator {
    return this.page.getByRole("button", { name, exact: true });
  }
  tab(name: string): Locator {
    return this.page.getByRole("tab", { name, exact: true });
  }
  get pasteBox(): Locator {
    return this.page.getByLabel("Paste table", { exact: true });
  }
  get area(): Locator {
    return this.page.getByLabel("Area", { exact: true });
  }
  get period(): Locator {
    return this.page.getByLabel("Period ending", { exact: true });
  }
  /** The line under the title that says which workbook the pane works on. */
  get mode(): Locator {
    return this.page.locator("[data-mode]");
  }
  /** The preview's summary ("Read 2 tables, 31 rows: …"). */
  get summary(): Locator {
    return this.page.getByRole("status").filter({ hasText: /^Read \d+ tables?, / });
  }
  preview(title: string): Locator {
    return this.page.getByRole("region", { name: `Preview: ${title}`, exact: true });
  }

  async paste(clipboard: Clipboard): Promise<string> {
    await pasteInto(this.pasteBox, clipboard);
    await this.summary.waitFor();
    return (await this.summary.textContent()) ?? "";
  }

  /** The text of the message bar once it matches `pattern`, or throws with what it says instead (a failure). */
  async notice(pattern: RegExp, timeout = 30_000): Promise<string> {
    const body = this.page.locator(".fui-MessageBarBody");
    await body
      .filter({ hasText: pattern })
      .or(body.filter({ hasText: / failed: |has to wait/ }))
      .first()
      .waitFor({ timeout });
    const text = (await body.first().textContent()) ?? "";
    if (!pattern.test(text))
      throw new Error(`expected a message matching ${pattern}; the pane says: ${text}`);
    return text;
  }

  /** Clicks a button and waits for the task's message. */
  async press(name: string, pattern: RegExp, timeout?: number): Promise<string> {
    await this.button(name).click();
    return this.notice(pattern, timeout);
  }

  async screen(name: "Paste" | "Compare" | "Monitoring" | "Settings"): Promise<void> {
    await this.tab(name).click();
    await this.page.getByRole("tabpanel").waitFor();
  }

  /** Waits until the standalone pane lists each of these sheets ("Merton 2017-07-02 (data)"); the list follows a write. */
  async waitForSheets(names: string[], timeout = 30_000): Promise<void> {
    const items = this.page
      .getByRole("list", { name: "Sheets in the workbook" })
      .getByRole("listitem");
    for (const name of names) {
      await items
        .filter({ hasText: new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`) })
        .waitFor({ timeout });
    }
  }
}
