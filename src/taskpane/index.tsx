// Task-pane entry: decide (once Office has answered, or not) whether the pane drives the
// live Excel workbook or an in-browser one, then render the app inside Fluent's provider.
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { detectHost } from "../office/host";
import type { WorkbookHost } from "./host/workbookHost";
import { lazyOfficeHost, lazyStandaloneHost } from "./host/lazyHost";
import { indexedDbStore } from "./host/keptStore";
import type { KeptWorkbook } from "./host/standaloneHost";
import {
  createLazyInlineReader,
  createSizedReader,
  createWorkerReader,
} from "./worker/pasteReader";
import { createReadWorker } from "./worker/createReadWorker";
import { GROUP_PRESETS } from "../core/groups";

/** The IndexedDB database that keeps the in-browser workbook. */
const KEPT_DATABASE = "scrutiny-sheets";

async function chooseHost(): Promise<{ host: WorkbookHost; note?: string; keeps?: boolean }> {
  const detected = await detectHost();
  // Each host is its own chunk: the .xlsx writer (ExcelJS) is only loaded standalone.
  if (detected.ready) {
    const host = lazyOfficeHost(async () => {
      const { createOfficeHost } = await import(
        /* webpackChunkName: "office-host" */ "./host/officeHost"
      );
      return createOfficeHost();
    });
    return { host };
  }
  // The in-browser workbook's code (with the .xlsx writer) loads on first use, after the
  // pane is on screen and taking a paste; a workbook kept from an earlier visit is
  // restored from the browser's storage.
  const store = indexedDbStore<KeptWorkbook>(KEPT_DATABASE);
  const host = lazyStandaloneHost(
    async () => {
      const { createStandaloneHost } = await import(
        /* webpackChunkName: "standalone-host" */ "./host/standaloneHost"
      );
      return createStandaloneHost(undefined, store);
    },
    async () => (await store?.has()) === true
  );
  // Inside Office but unable to use it (an old Excel, another Office app): say why.
  return {
    host,
    note: detected.host !== null ? detected.reason : undefined,
    keeps: store !== null,
  };
}

async function start(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  try {
    const { host, note, keeps } = await chooseHost();
    const reader = createSizedReader(
      createLazyInlineReader(async () => {
        const { analysePaste } = await import(
          /* webpackChunkName: "scrutiny-read-inline" */ "./worker/analysePaste"
        );
        return analysePaste;
      }),
      createWorkerReader(createReadWorker)
    );
    root.render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} reader={reader} groups={GROUP_PRESETS} note={note} keeps={keeps} />
      </FluentProvider>
    );
  } catch (e) {
    // The pane must never fail silently: show what went wrong in the page itself.
    const detail = e instanceof Error ? e.message : String(e);
    root.render(
      <FluentProvider theme={webLightTheme}>
        <p role="alert">Scrutiny Sheets could not start: {detail}. Reload the pane to try again.</p>
      </FluentProvider>
    );
    throw e;
  }
}

const container = document.getElementById("container");
if (container) void start(container);
