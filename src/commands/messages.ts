// Every word the ribbon command shows, in one place.

export const MESSAGES = {
  doneTitle: "Comparisons refreshed",
  done: (sheets: string[]) =>
    sheets.length === 0
      ? "Nothing needed rebuilding."
      : `Rebuilt ${sheets.length} sheet${sheets.length === 1 ? "" : "s"} from the data sheets as they are now: ${sheets.join(", ")}.`,
  warnings: (w: string[]) => (w.length ? ` Note: ${w.join(" ")}` : ""),
  nothingTitle: "Nothing to refresh yet",
  nothing:
    "This workbook has no data sheets from Scrutiny Sheets. Open Scrutiny Sheets from the Home tab and import a table first.",
  failedTitle: "Refresh did not finish",
  cellEdit:
    "Excel is busy while you are editing a cell. Press Enter or Esc to finish editing, then click Refresh comparisons again.",
  planRefused: (why: string) => `Nothing was changed. ${why}`,
  incomplete: (why: string) => `${why} Your own sheets were not touched.`,
  other: (why: string) =>
    `Excel stopped the refresh: ${why}. Nothing of yours was changed; click Refresh comparisons again, or open Scrutiny Sheets for details.`,
  close: "Close",
} as const;
