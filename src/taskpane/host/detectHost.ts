// The one place that asks whether the pane runs inside Excel. Office.js comes from
// Microsoft's CDN; when it did not load, or the page is not inside Office, the pane
// runs standalone and says so instead of failing silently.
import type { HostMode } from "./workbookHost";

/** The lowest Excel API set the add-in needs (the manifest's Requirements say the same). */
export const EXCEL_API = { name: "ExcelApi", version: "1.7" } as const;

export interface Detected {
  mode: HostMode;
  /** Why the pane is standalone, when it is: for the report and the console, never shown as an error. */
  reason?: string;
}

/** How long to wait for Office.onReady before deciding the page is not inside Office. */
const READY_TIMEOUT_MS = 10_000;

export async function detectHost(): Promise<Detected> {
  if (typeof Office === "undefined") return { mode: "standalone", reason: "Office.js is not loaded" };
  const info = await Promise.race([
    Office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), READY_TIMEOUT_MS)),
  ]);
  if (info === null) return { mode: "standalone", reason: "Office did not answer" };
  if (info.host !== Office.HostType.Excel) return { mode: "standalone", reason: "not inside Excel" };
  if (!Office.context.requirements.isSetSupported(EXCEL_API.name, EXCEL_API.version))
    return { mode: "standalone", reason: `this Excel does not support ${EXCEL_API.name} ${EXCEL_API.version}` };
  return { mode: "office" };
}
