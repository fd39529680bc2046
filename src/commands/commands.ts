// The function file of the ribbon. As a function command it registers "refreshComparisons"
// (the manifest's "Refresh comparisons" button), which refreshes every generated sheet
// with the pane closed, shows how it went, and only then tells Office it is done. Opened
// as the notice dialog (its address carries a notice) it shows that notice instead.
import { excelRunner } from "../office/runExcel";
import { noticeFromUrl, renderNotice, showNoticeDialog } from "./notice";
import { runRefreshCommand } from "./refreshComparisons";

async function refreshComparisons(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await runRefreshCommand({
      run: excelRunner(),
      notify: (n) => showNoticeDialog(n, window.location.href),
    });
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    const notice = noticeFromUrl(window.location.href);
    if (notice) renderNotice(document, notice, () => Office.context.ui.messageParent("close"));
    else Office.actions.associate("refreshComparisons", refreshComparisons);
  });
}
