// The ribbon command completes its event as soon as the notice is shown: Office ends a
// function command's runtime after about five minutes, so nothing waits on the user.
import { showNoticeDialog } from "../../src/commands/notice";
import { handleRefreshEvent } from "../../src/commands/refreshComparisons";
import { FakeExcel } from "../doubles/fakeExcel";
import { OfficeJsClient } from "../doubles/officeJsClient";
import { applyWorkbookSpec } from "../../src/writers/officejs/applyWorkbookSpec";
import { importSpec, mertonAugust } from "../writers/officejs/scenarios";

type Handler = () => void;

/** An Office global whose dialog opens and stays open until `close` is called. */
function officeWithDialog() {
  const handlers: Handler[] = [];
  let closed = false;
  const office = {
    AsyncResultStatus: { Succeeded: "succeeded" },
    EventType: { DialogMessageReceived: "message", DialogEventReceived: "event" },
    context: {
      ui: {
        displayDialogAsync: (_url: string, _o: unknown, cb: (r: unknown) => void) =>
          cb({
            status: "succeeded",
            value: {
              addEventHandler: (type: string, h: Handler) => {
                if (type === "message") handlers.push(h);
              },
              close: () => {
                closed = true;
              },
            },
          }),
      },
    },
  };
  return { office, userCloses: () => handlers.forEach((h) => h()), closed: () => closed };
}

describe("the ribbon command", () => {
  const g = globalThis as { Office?: unknown };
  afterEach(() => delete g.Office);

  it("shows the notice and resolves without waiting for the user; Close still closes it", async () => {
    const dialog = officeWithDialog();
    g.Office = dialog.office;
    const notice = { kind: "info" as const, title: "t", message: "m" };
    await showNoticeDialog(notice, "https://localhost:3000/commands.html");
    expect(dialog.closed()).toBe(false);
    dialog.userCloses();
    expect(dialog.closed()).toBe(true);
  });

  it("completes its event after refreshing, while the dialog is still open", async () => {
    const dialog = officeWithDialog();
    g.Office = dialog.office;
    const excel = new FakeExcel();
    const client = new OfficeJsClient(excel);
    const { spec } = importSpec(mertonAugust(), excel.sheetNames());
    await client.run((ctx) => applyWorkbookSpec(ctx, spec));
    let completed = 0;
    await handleRefreshEvent(
      { completed: () => completed++ },
      {
        run: client.runner,
        notify: (n) => showNoticeDialog(n, "https://localhost:3000/commands.html"),
      }
    );
    expect(completed).toBe(1);
    expect(dialog.closed()).toBe(false);
  });
});
