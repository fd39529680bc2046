// Formulas in the file format name the functions Excel added after 2007 with an "_xlfn."
// prefix ("_xlfn.BINOM.DIST"); Office.js and the layouts use the plain names. Without the
// prefix Excel shows #NAME? for these.

const FUTURE_FUNCTIONS = [
  "BINOM.DIST",
  "BINOM.INV",
  "NORM.S.DIST",
  "NORM.S.INV",
  "NORM.DIST",
  "NORM.INV",
  "POISSON.DIST",
  "CHISQ.DIST",
  "CHISQ.DIST.RT",
  "T.DIST",
  "T.DIST.2T",
  "STDEV.S",
  "STDEV.P",
  "RANK.EQ",
  "RANK.AVG",
  "IFS",
  "MAXIFS",
  "MINIFS",
  "CONCAT",
  "TEXTJOIN",
  "IFNA",
  "XLOOKUP",
];

const PATTERN = new RegExp(
  `(?<![A-Za-z0-9_.])(${FUTURE_FUNCTIONS.map((f) => f.replace(/\./g, "\\.")).join("|")})\\(`,
  "gi"
);

/** The formula as the file format stores it; text inside string literals is left alone. */
export function toFileFormula(formula: string): string {
  // Split on string literals ("..." with "" escapes) and only rewrite outside them.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(PATTERN, (_m, name: string) => `_xlfn.${name.toUpperCase()}(`)
    )
    .join("");
}

/** The formula as Office.js and the layouts write it (prefixes removed). */
export function fromFileFormula(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/_xlfn\./gi, "")))
    .join("");
}
