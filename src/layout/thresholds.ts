// The thresholds the highlights use, as the sheets show them in cells that their formulas
// reference (so an analyst can change one and every highlight follows): a part of the
// one Settings object, picked out in core/settings.
export { highlightThresholds, type HighlightThresholds } from "../core/settings";
