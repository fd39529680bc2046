// Bundled for the browser and injected before the pane's own scripts: defines the globals
// Office.js would (Office, Excel), with the Excel test double behind Excel.run, so the
// pane's add-in path runs in a real browser. The double is exposed as
// window.__scrutinyFakeExcel for the test to inspect the workbook the pane wrote.
import { createFakeExcel } from "../doubles/fakeExcel";

// Excel answers each request with a message, as Office.js does in a browser: the page
// paints and runs its timers between requests.
const fake = createFakeExcel({ roundTrip: () => new Promise((r) => setTimeout(r, 0)) });

/** The API sets ExcelApi 1.1 ... 1.12 answer yes, as Excel on the web did in 2025. */
function isSetSupported(name: string, version?: string): boolean {
  if (name.toLowerCase() !== "excelapi") return false;
  const [major, minor] = (version ?? "1.1").split(".").map(Number);
  return major === 1 && (minor ?? 0) <= 12;
}

const settings = new Map<string, unknown>();
const hostInfo = { host: "Excel", platform: "OfficeOnline" };

const office = {
  HostType: {
    Excel: "Excel",
    Word: "Word",
    PowerPoint: "PowerPoint",
    Outlook: "Outlook",
    OneNote: "OneNote",
    Project: "Project",
    Access: "Access",
  },
  PlatformType: {
    PC: "PC",
    OfficeOnline: "OfficeOnline",
    Mac: "Mac",
    iOS: "iOS",
    Android: "Android",
    Universal: "Universal",
  },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  onReady(callback?: (info: typeof hostInfo) => void): Promise<typeof hostInfo> {
    // Office.js answers asynchronously, after the page's scripts ran.
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(hostInfo);
        resolve(hostInfo);
      }, 0)
    );
  },
  context: {
    host: hostInfo.host,
    platform: hostInfo.platform,
    displayLanguage: "en-GB",
    contentLanguage: "en-GB",
    diagnostics: { host: hostInfo.host, platform: hostInfo.platform, version: "16.0.0.0" },
    requirements: { isSetSupported },
    document: {
      settings: {
        get: (key: string): unknown => settings.get(key) ?? null,
        set: (key: string, value: unknown): void => void settings.set(key, value),
        remove: (key: string): void => void settings.delete(key),
        saveAsync: (callback?: (result: { status: string }) => void): void => {
          setTimeout(() => callback?.({ status: "succeeded" }), 0);
        },
      },
    },
  },
  actions: { associate: (): void => undefined },
};

const page = globalThis as unknown as Record<string, unknown>;
page.Office = office;
page.Excel = fake.asGlobal();
page.__scrutinyFakeExcel = fake;
