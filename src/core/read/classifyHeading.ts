// Column headings of the police tables, recognised by their words rather than their exact
// text: any case, extra spaces, and minor wording changes ("Offences Prev R12",
// "Sanction Detections - Current", "SD Rate (Previous 12 months)").

import type { OffencesField } from "../model";

export type OffencesHeading = "category" | "subcategory" | "target" | OffencesField;
export type CallsHeading = "previous" | "current" | "change";

/** Every header of the police tables names a category or a period (a cheap first test). */
export const POLICE_HEADER_HINT = /prev|curr|categ/i;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/%/g, " % ")
    .replace(/sub-?categor/g, "sub categor")
    .split(/[^a-z0-9%]+/)
    .filter((w) => w !== "");
}

const CATEGORY = /^(?:categor(?:y|ies)|type)$/;
const TARGET = /^targets?$/;
const OFFENCES = /^(?:offences?|offs|crimes|notifiable)$/;
const DETECTIONS = /^(?:sds?|sanction|sanctioned|detections?|detected)$/;
const PREVIOUS = /^(?:prev|previous|prior|last|earlier|before)$/;
const CURRENT = /^(?:curr|cur|current|this|latest|now)$/;
const CHANGE = /^(?:change|chg|diff|difference|variance)$/;

interface HeadingWords {
  sub: boolean;
  /** "sub" not followed by "category": part of some other heading. */
  strayWords: boolean;
  category: number;
  target: number;
  offences: number;
  detections: number;
  rate: boolean;
  percent: boolean;
  previous: number;
  current: number;
  change: number;
}

function describe(text: string): HeadingWords {
  const w = words(text);
  const count = (re: RegExp) => w.filter((x) => re.test(x)).length;
  const subAt = w.indexOf("sub");
  return {
    sub: subAt >= 0 && CATEGORY.test(w[subAt + 1] ?? ""),
    strayWords:
      (subAt >= 0 && !CATEGORY.test(w[subAt + 1] ?? "")) || w.filter((x) => x === "sub").length > 1,
    category: count(CATEGORY),
    target: count(TARGET),
    offences: count(OFFENCES),
    detections:
      count(DETECTIONS) -
      (w.includes("sanction") && w.some((x) => /^detections?$/.test(x)) ? 1 : 0),
    rate: w.includes("rate"),
    percent: w.includes("%"),
    previous: count(PREVIOUS),
    current: count(CURRENT),
    change: count(CHANGE),
  };
}

/** Heads are the nouns that say which figure a column holds; a heading names one. */
function headCount(d: HeadingWords): number {
  return d.category + d.target + d.offences + d.detections;
}

/** The field an "Offences & SDs" heading names, or null (unknown, or names two). */
export function classifyOffencesHeading(text: string): OffencesHeading | null {
  const d = describe(text);
  if (d.strayWords || headCount(d) !== 1 || d.previous + d.current > 1 || d.change > 1) return null;
  const period = d.previous ? "previous" : d.current ? "current" : null;
  if (d.category) {
    if (period || d.change || d.rate) return null;
    return d.sub ? "subcategory" : "category";
  }
  if (d.sub) return null;
  if (d.target) return period || d.change || d.rate ? null : "target";
  if (d.detections) {
    if (d.change) return null;
    if (d.rate || d.percent)
      return period === "previous"
        ? "sdRatePrevious"
        : period === "current"
          ? "sdRateCurrent"
          : null;
    return period === "previous" ? "sdsPrevious" : period === "current" ? "sdsCurrent" : null;
  }
  // Offences
  if (d.rate) return null;
  if (d.change || d.percent) return period ? null : "offencesChangePct";
  return period === "previous"
    ? "offencesPrevious"
    : period === "current"
      ? "offencesCurrent"
      : null;
}

/** The field an "I & S Calls and ASB" heading names ("Previous R12", "Change %"), or null. */
export function classifyCallsHeading(text: string): CallsHeading | null {
  const d = describe(text);
  if (d.strayWords || headCount(d) !== 0 || d.sub || d.rate) return null;
  if (
    d.previous + d.current + d.change !== 1 &&
    !(d.percent && d.previous + d.current + d.change === 0)
  )
    return null;
  if (d.previous) return d.percent ? null : "previous";
  if (d.current) return d.percent ? null : "current";
  return "change";
}

/** Whether some word of the heading names a figure (used to reject data rows as headers). */
export function hasHeadingWords(text: string): boolean {
  const d = describe(text);
  return headCount(d) + d.previous + d.current + d.change > 0 || d.sub || d.rate;
}
