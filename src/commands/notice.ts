// Telling the user how the ribbon command went. A function command has no page of its
// own, so the notice opens in a small Office dialog: this same commands.html, which shows
// the notice named in its address (plain DOM, text only) and closes on "Close".

import type { Notice } from "./refreshComparisons";
import { MESSAGES } from "./messages";

const PARAM = "notice";

/** The address of the notice page for `notice`, beside the current page. */
export function noticeUrl(base: string, notice: Notice): string {
  const url = new URL(base);
  url.search = "";
  url.hash = "";
  url.searchParams.set(PARAM, JSON.stringify(notice));
  return url.toString();
}

/** The notice a page address carries, or null (the function file itself carries none). */
export function noticeFromUrl(href: string): Notice | null {
  const raw = new URL(href).searchParams.get(PARAM);
  if (!raw) return null;
  try {
    const n = JSON.parse(raw) as Partial<Notice>;
    if (
      (n.kind === "success" || n.kind === "info" || n.kind === "error") &&
      typeof n.title === "string" &&
      typeof n.message === "string"
    ) {
      return { kind: n.kind, title: n.title, message: n.message };
    }
  } catch {
    // A malformed address shows nothing rather than guessing.
  }
  return null;
}

/** Fills the dialog page with the notice: text content only, never markup. */
export function renderNotice(doc: Document, notice: Notice, onClose: () => void): void {
  const main = doc.createElement("main");
  main.setAttribute("role", notice.kind === "error" ? "alert" : "status");
  main.className = `notice ${notice.kind}`;
  const h = doc.createElement("h1");
  h.textContent = notice.title;
  const p = doc.createElement("p");
  p.textContent = notice.message;
  const button = doc.createElement("button");
  button.type = "button";
  button.textContent = MESSAGES.close;
  button.addEventListener("click", onClose);
  main.append(h, p, button);
  doc.body.replaceChildren(main);
  button.focus();
}

/**
 * Opens the notice in an Office dialog and resolves as soon as it is shown (or could not
 * be): the ribbon command then completes its event at once, never waiting on the user
 * (Office ends a function command's runtime after about five minutes). The dialog closes
 * itself when the user presses Close, for as long as this page is there to hear it.
 */
export function showNoticeDialog(notice: Notice, pageUrl: string): Promise<void> {
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(
      noticeUrl(pageUrl, notice),
      { height: 30, width: 30, displayInIframe: true },
      (result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) {
          const dialog = result.value;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
        }
        // Shown, or not (e.g. a dialog already open): either way the command completes now.
        resolve();
      }
    );
  });
}
