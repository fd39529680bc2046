// Every sentence the reader and the validator say to an analyst, in one place.

import type { ReadError } from "./model";

export function readErrorMessage(code: ReadError["code"], detail?: string): string {
  switch (code) {
    case "empty":
      return "The paste is empty: copy the table (including its heading row) and paste again.";
    case "no-table":
      return 'No table was recognised: expected a heading row such as "Crime Category … Offences Previous R12 …" or "Previous R12 / Current R12 / Change %", or rows of a label followed by figures.';
    case "unreadable":
      return detail
        ? `The text could not be read (${detail}).`
        : "The text could not be read: it looks like a binary file or text in an unexpected encoding, not a pasted table.";
    case "too-large":
      return `The paste is too large to read (more than ${detail ?? "the maximum"} characters).`;
    case "unknown-layout":
      return `The table's layout was not recognised${detail ? `: ${detail}` : "."}`;
    case "missing-months":
      return `Months are missing${detail ? `: ${detail}` : "."}`;
    case "truncated-row":
      return `A row is cut short${detail ? `: ${detail}` : "."}`;
    case "unknown-group":
      return `The group is not known${detail ? `: ${detail}` : "."}`;
  }
}

/** Why tables read from a paste are refused all the same: the reader's own sentences. */
export const readProblemMessages = {
  impossibleDate: (printed: string, why: string) =>
    `The reporting period ends on ${q(printed)}, a date that does not exist: ${why}. Correct the date and read the table again.`,
  textTooLong: (text: string, most: number) =>
    `A cell holds ${text.length.toLocaleString("en-GB")} characters (${q(text)}), more than the ${most.toLocaleString("en-GB")} an Excel cell can hold: shorten it, or check that this is the table meant.`,
};

/** "Robbery – Total (line 14)": where a figure is, as an analyst finds it in the paste. */
export function rowName(category: string, subcategory: string | null, line: number): string {
  const name =
    subcategory && subcategory !== category
      ? `${category || "(no category)"} – ${subcategory}`
      : category || "(no label)";
  return `${name} (line ${line})`;
}

function q(text: string): string {
  return `"${text.length > 40 ? text.slice(0, 40) + "…" : text}"`;
}

export const issueMessages = {
  changeMismatch: (
    where: string,
    heading: string,
    printed: string,
    expected: string,
    prev: string,
    cur: string
  ) =>
    `${heading} for ${where} is printed as ${printed}, but ${prev} → ${cur} is a change of ${expected}.`,
  pointsMismatch: (
    where: string,
    heading: string,
    printed: string,
    expected: string,
    prev: string,
    cur: string
  ) =>
    `${heading} for ${where} is printed as ${printed}, but ${prev} → ${cur} is a change of ${expected} percentage points.`,
  rateMismatch: (
    where: string,
    heading: string,
    printed: string,
    expected: string,
    part: string,
    whole: string
  ) =>
    `${heading} for ${where} is printed as ${printed}, but ${part} detections of ${whole} offences is ${expected}.`,
  totalMismatch: (
    where: string,
    heading: string,
    printed: string,
    expected: string,
    count: number
  ) =>
    `${heading} on the total row ${where} is ${printed}, but its ${count} sub-categories add up to ${expected}.`,
  detectionsExceed: (
    where: string,
    sdsHeading: string,
    sds: string,
    offHeading: string,
    off: string
  ) =>
    `${sdsHeading} (${sds}) is more than ${offHeading} (${off}) for ${where}: a detection rate above 100% is possible but unusual; check the figures.`,
  negativeCount: (where: string, heading: string, printed: string) =>
    `${heading} for ${where} is ${printed}: a count cannot be negative.`,
  missingValue: (where: string, heading: string) =>
    `${heading} for ${where} is blank: the figure is missing, so nothing derived from it can be checked.`,
  unavailableValue: (where: string, heading: string, printed: string) =>
    `${heading} for ${where} is marked ${q(printed)} (not available), so nothing derived from it can be checked.`,
  notANumber: (where: string, heading: string, printed: string, wanted: string) =>
    `${heading} for ${where} holds ${q(printed)} where ${wanted} belongs.`,
  changeUndefined: (where: string, heading: string, printed: string | null) =>
    printed === null
      ? `${heading} for ${where}: the previous figure is 0, so the change is undefined (correctly left without a figure).`
      : `${heading} for ${where} is printed as ${printed}, but the previous figure is 0, so the change is undefined.`,
};

/** Sentences of the checks of tables read by their structure (core/validate/structure). */
export const structureMessages = {
  columnNotChecked: (column: string, why: string) =>
    `${column} looks derived but was not checked: ${why}.`,
  lineNotRead: (line: number, text: string, why: string) =>
    `Line ${line} is in no table (${why}): "${text.length > 80 ? `${text.slice(0, 77)}...` : text}".`,
  shareMismatch: (
    where: string,
    heading: string,
    printed: string,
    expected: string,
    part: string,
    whole: string
  ) => `${heading} for ${where} is printed as ${printed}, but ${part} of ${whole} is ${expected}.`,
  shareAgainstOthers: (
    where: string,
    heading: string,
    printed: string,
    expected: string,
    part: string,
    others: string,
    sum: string
  ) =>
    `${heading} for ${where} is printed as ${printed}: the other rows' shares point to a total of about ${others}, of which ${part} is ${expected}; the counts add up to ${sum}, so this row's count or share is wrong.`,
  totalRowMismatch: (
    where: string,
    heading: string,
    printed: string,
    expected: string,
    count: number
  ) =>
    `${heading} on the total row ${where} is ${printed}, but the ${count} rows it totals add up to ${expected}.`,
  totalColumnMismatch: (
    where: string,
    heading: string,
    printed: string,
    expected: string,
    parts: string
  ) => `${heading} for ${where} is printed as ${printed}, but ${parts} add up to ${expected}.`,
  changeRowMismatch: (
    where: string,
    heading: string,
    printed: string,
    expected: string,
    from: string,
    to: string
  ) =>
    `${heading} on ${where} is printed as ${printed}, but ${from} → ${to} is a change of ${expected}.`,
  changeUndefined: (where: string, heading: string, printed: string) =>
    `${heading} for ${where} is printed as ${printed}, but a change from 0 is undefined.`,
  ragMismatch: (
    where: string,
    heading: string,
    printed: string,
    expected: string,
    figures: string,
    rule: string
  ) =>
    `${heading} for ${where} is printed as ${q(printed)}, but ${figures} rates ${expected} (${rule}).`,
  directionMismatch: (
    where: string,
    heading: string,
    printed: string,
    expected: string,
    from: string,
    to: string
  ) => `${heading} for ${where} is printed as ${q(printed)}, but ${from} → ${to} is ${expected}.`,
};

const count = (n: number): string => n.toLocaleString("en-GB");
const share = (part: number, whole: number): string =>
  whole === 0 ? "" : ` (${((100 * part) / whole).toFixed(1)}%)`;

/** What a Datastore ward-level file leaves out of a borough's figures. */
export const wardMessages = {
  inNoWard: (
    where: string,
    borough: string,
    months: string,
    files: { ward: string; borough: string },
    current: { wards: number; borough: number },
    previous: { wards: number; borough: number }
  ) =>
    `${where}, ${months}: the wards of ${borough} in ${files.ward} hold ${count(current.wards)} of the ${count(current.borough)} offences in ${files.borough}; ` +
    `${count(current.borough - current.wards)}${share(current.borough - current.wards, current.borough)} are in no ward ` +
    `(the 12 months before: ${count(previous.wards)} of ${count(previous.borough)}).`,
  otherMonths: (
    borough: string,
    wardFile: string,
    boroughFile: string,
    months: string,
    holds: string
  ) =>
    `The wards of ${borough} in ${wardFile} cannot be set against ${boroughFile}: it holds ${holds}, not the ${months}. ` +
    `Give files of the same months (or --period) to see how much of the borough its wards hold.`,
  summedFromWards: (borough: string, wardFile: string) =>
    `${borough}'s figures are the sums of its wards in ${wardFile}: offences the police place in no ward are not in that file, ` +
    `so these can be below the borough's own. Give the borough-level file as well to see how many.`,
};
