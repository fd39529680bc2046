// The one place that asks Office where we run and what the host supports. Office.js comes
// from Microsoft's CDN; outside Office, or when the CDN did not load, callers get a plain
// answer with the reason instead of an exception.

/** The lowest Excel API set the add-in needs (the manifest's Requirements say the same):
 * custom conditional formats and suspendApiCalculationUntilNextSync (1.6), hyperlinks,
 * freeze panes, getRangeByIndexes and chart series ranges (1.7). */
export const REQUIRED_EXCEL_API = "1.7";

/** Optional features, by the API set that brings them. */
export const EXCEL_FEATURES = {
  /** Excel.run waits while the user edits a cell instead of failing. */
  delayForCellEdit: "1.11",
  /** Cell notes (worksheet.notes). */
  notes: "1.18",
  /** Page setup: orientation, fit to width, print titles and area, header and footer. */
  pageLayout: "1.9",
} as const;

export type ExcelFeature = keyof typeof EXCEL_FEATURES;

/** The part of the Office global this module uses (a test passes its own). */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
  context: { requirements: { isSetSupported(name: string, minVersion?: string): boolean } };
  HostType: { Excel: unknown };
}

export interface HostInfo {
  /** True when running inside Excel with the API set the add-in needs. */
  ready: boolean;
  host: string | null;
  platform: string | null;
  /** Why the add-in cannot use Excel, in plain words, when it cannot. */
  reason?: string;
}

function officeGlobal(): OfficeLike | null {
  return typeof Office === "undefined" ? null : (Office as unknown as OfficeLike);
}

/** Why the add-in cannot use Excel here, with what is known of the host. */
const notReady = (
  reason: string,
  host: string | null = null,
  platform: string | null = null
): HostInfo => ({ ready: false, host, platform, reason });

/** Waits for Office (at most `timeoutMs`) and says whether the add-in can use Excel here. */
export async function detectHost(
  options: { office?: OfficeLike | null; timeoutMs?: number } = {}
): Promise<HostInfo> {
  const office = options.office === undefined ? officeGlobal() : options.office;
  if (!office)
    return notReady(
      "Office.js did not load (no connection to Microsoft's CDN, or this page is not inside Office)."
    );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const info = await Promise.race([
    office.onReady(),
    new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), options.timeoutMs ?? 10_000);
    }),
  ]).finally(() => clearTimeout(timer));
  if (info === null)
    return notReady("Office did not answer: this page is not running inside Office.");
  const host = info.host === null || info.host === undefined ? null : String(info.host);
  const platform =
    info.platform === null || info.platform === undefined ? null : String(info.platform);
  if (host === null) return notReady("This page is not running inside Office.", host, platform);
  if (info.host !== office.HostType.Excel)
    return notReady(`Scrutiny Sheets works in Excel, not in ${host}.`, host, platform);
  if (!office.context.requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API))
    return notReady(
      `This version of Excel is too old for Scrutiny Sheets (it needs Excel API ${REQUIRED_EXCEL_API}: Excel 2019, Microsoft 365 or Excel on the web).`,
      host,
      platform
    );
  return { ready: true, host, platform };
}

/** Whether this Excel has an optional feature (false outside Office). */
export function supports(
  feature: ExcelFeature,
  office: OfficeLike | null = officeGlobal()
): boolean {
  try {
    return (
      office?.context.requirements.isSetSupported("ExcelApi", EXCEL_FEATURES[feature]) ?? false
    );
  } catch {
    return false; // Office loaded but not initialised: treat as absent
  }
}

/**
 * Whether this Excel has ExcelApi `version` (false outside Office): what the Office.js
 * writer's `isSetSupported` option takes, so members above the manifest's 1.7 are used
 * only where Excel has them.
 */
export function excelApiSupported(
  version: string,
  office: OfficeLike | null = officeGlobal()
): boolean {
  try {
    return office?.context.requirements.isSetSupported("ExcelApi", version) ?? false;
  } catch {
    return false; // Office loaded but not initialised: treat as absent
  }
}
