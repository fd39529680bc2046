// A paste as the browser delivers one: a ClipboardEvent whose DataTransfer carries
// text/plain and, when the source offered it, text/html, dispatched on the focused box.
import type { Locator } from "playwright-core";

export interface Clipboard {
  text: string;
  html?: string;
}

export async function pasteInto(box: Locator, clipboard: Clipboard): Promise<void> {
  await box.focus();
  await box.evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data.text);
    if (data.html !== undefined) transfer.setData("text/html", data.html);
    el.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true })
    );
  }, clipboard);
}
