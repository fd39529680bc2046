// Generated pastes for the fuzz test (run in a worker by fuzz.worker.js, so that a hang can
// be stopped): random bytes and text, mangled samples in every format, 5,000-column rows,
// huge numbers, 1e308, NaN text, BOMs, CRLF, mixed encodings and tag soup. Each is read and
// validated; any exception, untyped failure or malformed result is a failure.

import fc from "fast-check";
import { OFFENCES_FIELDS } from "../../src/core/model";
import { decodeText, readPaste } from "../../src/core/read";
import { validateTables } from "../../src/core/validate";

export interface FuzzInput {
  text: string;
  html?: string;
  fileName?: string;
  area?: string;
}

const CODES = new Set([
  "empty",
  "no-table",
  "unreadable",
  "unknown-layout",
  "missing-months",
  "truncated-row",
  "too-large",
]);
const KINDS = new Set(["offences-sds", "calls-asb", "generic", "datastore-r12"]);
const RULES = new Set([
  "change-mismatch",
  "rate-mismatch",
  "total-mismatch",
  "detections-exceed-offences",
  "negative-count",
  "missing-value",
  "not-a-number",
  "change-undefined",
  "ward-coverage",
  "line-not-read",
  "column-not-checked",
  "rag-mismatch",
  "direction-mismatch",
]);
const SEVERITIES = new Set(["error", "warning", "info"]);

/** Cell contents that have broken parsers before: numbers at the edges, words, formulas. */
const NASTY = [
  "1e308",
  "-1e308",
  "NaN",
  "nan",
  "Infinity",
  "-Infinity",
  "9".repeat(40),
  "9".repeat(400),
  "0.0000000000000000001",
  "1,234,567,890,123,456,789",
  "(3)",
  "((3))",
  "(",
  ")",
  "−5",
  "--5",
  "+-5",
  "1,23",
  "12.25%",
  "-0.0%",
  "%%",
  "%",
  "50 %",
  "",
  " ",
  "-",
  "n/a",
  "*",
  "..",
  "●",
  "•",
  "â—",
  "=1+2",
  '=HYPERLINK("http://x","y")',
  "@SUM(A1)",
  "+1",
  "\u0000",
  "\ufeff",
  "\ufffd",
  "\u200b",
  "Total",
  "total",
  "Crime Category",
  "Sub Category",
  "Offences Previous R12",
  "Previous R12",
  "Current R12",
  "Change %",
  "SD Rate - Current R12",
  "Reporting Period Ending: 31 February 2017",
  "Reporting Period Ending: 1 August 2017",
  "Borough: Merton",
  "<td>",
  "</table>",
  '"',
  '""',
  "'",
  ",",
  "\\",
  "\u202e",
  "𝟙𝟚",
  "١٢٣",
];

const HEADINGS = [
  "Crime Category",
  "Sub Category",
  "Target",
  "Offences Previous R12",
  "Offences Current R12",
  "Offences % Change",
  "SDs Previous R12",
  "SDs Current R12",
  "SD Rate - Previous R12",
  "SD Rate - Current R12",
  "Previous R12",
  "Current R12",
  "Change %",
];

/**
 * Any code point, surrogate halves included (fast-check's "binary" unit builds a reverse
 * table of all 1.1 million code points on first use, which costs seconds).
 */
const anyChar = fc
  .integer({ min: 0, max: 0x10ffff })
  .map((cp) => (cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp)));
const anyString = (maxLength: number) => fc.string({ unit: anyChar, maxLength });

const textPart = fc.oneof(
  fc.constantFrom(...NASTY),
  anyString(12),
  fc.integer().map(String),
  fc.double().map(String)
);

type Mutation = (s: string) => string;

function mutation(): fc.Arbitrary<Mutation> {
  const at = (s: string, n: number) => (s.length === 0 ? 0 : n % (s.length + 1));
  const onLine = (f: (line: string, a: number, b: string) => string) =>
    fc.tuple(fc.nat(), fc.nat(), textPart).map(([i, a, b]): Mutation => (s) => {
      const lines = s.split("\n");
      const k = i % lines.length;
      lines[k] = f(lines[k] ?? "", a, b);
      return lines.join("\n");
    });
  return fc.oneof(
    fc.nat().map(
      (n): Mutation =>
        (s) =>
          s.slice(0, at(s, n))
    ),
    fc.tuple(fc.nat(), textPart).map(
      ([n, t]): Mutation =>
        (s) =>
          s.slice(0, at(s, n)) + t + s.slice(at(s, n))
    ),
    fc.nat().map(
      (n): Mutation =>
        (s) =>
          s.slice(0, at(s, n)) + "\ufeff" + s.slice(at(s, n))
    ),
    fc.constant<Mutation>((s) => s.replace(/\n/g, "\r\n")),
    fc.constant<Mutation>((s) => s.replace(/\n/g, "\r")),
    fc.constant<Mutation>((s) => s.replace(/\t/g, " ")),
    fc.constant<Mutation>((s) => s.replace(/\t/g, ",")),
    fc.constant<Mutation>((s) => Buffer.from(s, "utf8").toString("latin1")),
    fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (s) => {
      // Mixed encodings: one stretch read through the wrong code page.
      const x = at(s, a);
      const y = at(s, b);
      const [from, to] = x < y ? [x, y] : [y, x];
      return (
        s.slice(0, from) + Buffer.from(s.slice(from, to), "utf8").toString("latin1") + s.slice(to)
      );
    }),
    // Wrong column counts: cells dropped or added.
    onLine((line, a) =>
      line
        .split("\t")
        .slice(0, a % 12)
        .join("\t")
    ),
    onLine((line, a, b) => line + `\t${b}`.repeat((a % 30) + 1)),
    // One cell replaced by something nasty.
    onLine((line, a, b) => {
      const cells = line.split("\t");
      cells[a % cells.length] = b;
      return cells.join("\t");
    }),
    // A line deleted or repeated.
    fc.nat().map((i): Mutation => (s) => {
      const lines = s.split("\n");
      lines.splice(i % lines.length, 1);
      return lines.join("\n");
    }),
    fc.nat().map((i): Mutation => (s) => {
      const lines = s.split("\n");
      const k = i % lines.length;
      lines.splice(k, 0, lines[k] ?? "");
      return lines.join("\n");
    }),
    // A number turned huge.
    fc.tuple(fc.nat(), fc.integer({ min: 16, max: 400 })).map(([i, n]): Mutation => (s) => {
      let k = 0;
      return s.replace(/\d[\d,]*/g, (m) => (k++ === i % 200 ? "9".repeat(n) : m));
    })
  );
}

function mangled(samples: string[]): fc.Arbitrary<FuzzInput> {
  return fc
    .tuple(fc.constantFrom(...samples), fc.array(mutation(), { maxLength: 5 }), fc.boolean())
    .map(([text, ms, asHtml]) => {
      const out = ms.reduce((s, m) => m(s), text);
      return asHtml && /<table/i.test(text) ? { text: "", html: out } : { text: out };
    });
}

function wideRows(): fc.Arbitrary<FuzzInput> {
  // Mostly wide, sometimes the full 5,000 columns (each of those takes tens of milliseconds).
  const width = fc.oneof(
    { arbitrary: fc.integer({ min: 2, max: 400 }), weight: 5 },
    { arbitrary: fc.constant(5000), weight: 1 }
  );
  return fc
    .tuple(width, fc.integer({ min: 1, max: 3 }), fc.constantFrom("\t", ",", " "), fc.boolean())
    .map(([cols, rows, sep, headed]) => {
      const lines: string[] = [];
      if (headed)
        lines.push(Array.from({ length: cols }, (_, j) => HEADINGS[j % HEADINGS.length]).join(sep));
      for (let r = 0; r < rows; r++)
        lines.push(
          Array.from({ length: cols }, (_, j) =>
            j === 0 ? `Row ${r}` : String((j * 7919 + r) % 100000)
          ).join(sep)
        );
      return { text: lines.join("\n") };
    });
}

function tableish(): fc.Arbitrary<FuzzInput> {
  const cell = fc.oneof(
    fc.constantFrom(...HEADINGS),
    fc.constantFrom(...NASTY),
    fc.integer({ min: -100000, max: 100000 }).map((n) => n.toLocaleString("en-GB")),
    fc.double({ min: -1000, max: 1000 }).map((x) => `${x.toFixed(1)}%`)
  );
  return fc
    .tuple(
      fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 40 }),
      fc.constantFrom("\t", ",", " "),
      fc.constantFrom("\n", "\r\n", "\r")
    )
    .map(([rows, sep, eol]) => ({ text: rows.map((r) => r.join(sep)).join(eol) }));
}

function tagSoup(): fc.Arbitrary<FuzzInput> {
  const tags = [
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th>",
    "</th>",
    "<td colspan=99999>",
    "<td rowspan=1000000>",
    "<td colspan=-3>",
    "<td rowspan=abc>",
    "<p>",
    "</p>",
    "<h3>",
    "</h3>",
    "<br>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "&amp;",
    "&#xFFFF;",
    "&nbsp;",
    "<table><tr><td><table><tr><td>",
    "</td></tr></table>",
    "<html><body>",
  ];
  const part = fc.oneof(
    fc.constantFrom(...tags),
    fc.constantFrom(...HEADINGS),
    fc.constantFrom(...NASTY),
    fc.integer({ min: 0, max: 99999 }).map(String)
  );
  return fc.tuple(fc.array(part, { maxLength: 200 }), fc.boolean()).map(([parts, asHtml]) => {
    const s = "<table>" + parts.join("");
    return asHtml ? { text: "", html: s } : { text: s };
  });
}

export function pasteArbitrary(samples: string[]): fc.Arbitrary<FuzzInput> {
  const bytes = fc.uint8Array({ maxLength: 3000 });
  return fc.oneof(
    { arbitrary: anyString(2000).map((text) => ({ text })), weight: 2 },
    { arbitrary: bytes.map((b) => ({ text: decodeText(b) })), weight: 1 },
    { arbitrary: bytes.map((b) => ({ text: Buffer.from(b).toString("latin1") })), weight: 1 },
    { arbitrary: bytes.map((b) => ({ text: Buffer.from(b).toString("utf16le") })), weight: 1 },
    { arbitrary: mangled(samples), weight: 8 },
    { arbitrary: tableish(), weight: 4 },
    { arbitrary: tagSoup(), weight: 2 },
    { arbitrary: wideRows(), weight: 1 },
    {
      arbitrary: fc
        .tuple(mangled(samples), fc.option(fc.string({ maxLength: 40 })), fc.option(anyString(40)))
        .map(([p, area, fileName]) => ({
          ...p,
          area: area ?? undefined,
          fileName: fileName ?? undefined,
        })),
      weight: 1,
    }
  );
}

function isFiniteOrNull(v: unknown): boolean {
  return v === null || (typeof v === "number" && Number.isFinite(v));
}

/** Reads and validates one input; returns what went wrong, or null. */
export function checkInput(input: FuzzInput): { failure: string | null; code: string } {
  let result: ReturnType<typeof readPaste>;
  try {
    result = readPaste(input.text, {
      source: "fuzz",
      html: input.html,
      area: input.area,
      fileName: input.fileName,
    });
  } catch (err) {
    return {
      failure: `readPaste threw: ${err instanceof Error ? err.stack : String(err)}`,
      code: "threw",
    };
  }
  if (!result.ok) {
    const { code, message } = result.error;
    if (!CODES.has(code)) return { failure: `unknown error code ${code}`, code };
    if (typeof message !== "string" || message.trim() === "")
      return { failure: "error without a message", code };
    if (/internal error/.test(message))
      return { failure: `the reader's safety net caught a bug: ${message}`, code };
    return { failure: null, code };
  }
  if (result.tables.length === 0) return { failure: "ok result without tables", code: "ok" };
  for (const t of result.tables) {
    if (!KINDS.has(t.kind) || !Array.isArray(t.rows) || !Array.isArray(t.columns))
      return { failure: `malformed table ${t.kind}`, code: "ok" };
    if (t.periodEnding !== null && !/^\d{4}-\d{2}-\d{2}$/.test(t.periodEnding))
      return { failure: `bad period ${t.periodEnding}`, code: "ok" };
    for (const r of t.rows) {
      if (!Number.isInteger(r.line) || r.line < 1)
        return { failure: `bad line ${r.line}`, code: "ok" };
      if (
        typeof r.category !== "string" ||
        (r.subcategory !== null && typeof r.subcategory !== "string")
      )
        return { failure: "label not text", code: "ok" };
      if (r.status !== null && r.status !== "dot")
        return { failure: `bad status ${String(r.status)}`, code: "ok" };
      for (const [k, v] of Object.entries(r.values))
        if (!isFiniteOrNull(v)) return { failure: `value ${k} is ${String(v)}`, code: "ok" };
      if (t.kind === "offences-sds" && OFFENCES_FIELDS.some((f) => !(f in r.values)))
        return { failure: "offences row lacks a field", code: "ok" };
    }
  }
  let issues: ReturnType<typeof validateTables>;
  try {
    issues = validateTables(result.tables);
  } catch (err) {
    return {
      failure: `validateTables threw: ${err instanceof Error ? err.stack : String(err)}`,
      code: "threw",
    };
  }
  for (const i of issues) {
    if (!RULES.has(i.rule) || !SEVERITIES.has(i.severity))
      return { failure: `bad issue ${i.rule}/${i.severity}`, code: "ok" };
    if (
      !(i.table >= 0 && i.table < result.tables.length) ||
      !Number.isInteger(i.line) ||
      i.line < 1
    )
      return { failure: "issue points nowhere", code: "ok" };
    if (typeof i.message !== "string" || i.message === "")
      return { failure: "issue without a message", code: "ok" };
    if (
      !(i.reported === null || typeof i.reported === "string" || Number.isFinite(i.reported)) ||
      !isFiniteOrNull(i.expected)
    )
      return { failure: "issue figure not finite", code: "ok" };
  }
  return { failure: null, code: "ok" };
}

export interface FuzzSummary {
  runs: number;
  failure: string | null;
  codes: Record<string, number>;
  slowestMs: number;
  slowestInput: string;
}

/** Runs the property; `onInput` is told of each input before it is read (for the watchdog). */
export function runFuzz(opts: {
  numRuns: number;
  seed: number;
  samples: string[];
  onInput: (i: number, preview: string) => void;
}): FuzzSummary {
  const codes: Record<string, number> = {};
  let runs = 0;
  let slowestMs = 0;
  let slowestInput = "";
  const details = fc.check(
    fc.property(pasteArbitrary(opts.samples), (input) => {
      const preview = JSON.stringify({
        ...input,
        text: input.text.slice(0, 300),
        html: input.html?.slice(0, 300),
      });
      opts.onInput(runs, preview);
      const start = performance.now();
      const { failure, code } = checkInput(input);
      const ms = performance.now() - start;
      runs++;
      codes[code] = (codes[code] ?? 0) + 1;
      if (ms > slowestMs) {
        slowestMs = ms;
        slowestInput = preview;
      }
      if (failure) throw new Error(failure);
    }),
    { numRuns: opts.numRuns, seed: opts.seed }
  );
  return {
    runs,
    failure: details.failed ? (fc.defaultReportMessage(details) ?? "failed") : null,
    codes,
    slowestMs,
    slowestInput,
  };
}
