// The function file of the ribbon. As a function command it registers "refreshComparisons"
// (the manifest's "Refresh comparisons" button), which refreshes every generated sheet
// with the pane closed, shows how it went, and tells Office it is done as soon as the
// notice is on screen (never waiting for the user to close it). Opened
// as the notice dialog (its address carries a notice) it shows that notice instead.
import { excelRunner } from "../office/runExcel";
import { noticeFromUrl, renderNotice, showNoticeDialog } from "./notice";
import { handleRefreshEvent } from "./refreshComparisons";

function refreshComparisons(event: Office.AddinCommands.Event): Promise<void> {
  return handleRefreshEvent(event, {
    run: excelRunner(),
    notify: (n) => showNoticeDialog(n, window.location.href),
  });
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    const notice = noticeFromUrl(window.location.href);
    if (notice) renderNotice(document, notice, () => Office.context.ui.messageParent("close"));
    else Office.actions.associate("refreshComparisons", refreshComparisons);
  });
}
