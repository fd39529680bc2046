// The words of a published monitoring table: a printed RAG rating ("Red", "G", "On target"),
// a printed direction of travel ("Improving", "Worse", "▲", "Up", "No change"), and whether
// an indicator is better higher or lower (its polarity cell, or the verb its name starts
// with: "Reduce …", "Increase …").

import { parsePolarity } from "../../monitor/readIndicators";
import type { Rag } from "../../monitor/types";

const RAG_WORDS: [RegExp, Rag][] = [
  // "Above target" and "below target" as Hart District Council's key has them: better and
  // worse than target, whichever way the indicator runs.
  [
    /^(?:g|green|on target|on track|above target|achieved|met|target met|target achieved)$/,
    "Green",
  ],
  [/^(?:a|amber|yellow|close to target|near target|within tolerance)$/, "Amber"],
  [
    /^(?:r|red|off target|off track|below target|not achieved|not met|missed|target missed)$/,
    "Red",
  ],
];

/** The rating a cell prints, or null when it prints none (blank, "n/a", a word of its own). */
export function ragOf(text: string): Rag | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  return RAG_WORDS.find(([re]) => re.test(t))?.[1] ?? null;
}

export type Movement = "up" | "down" | "same";
export type Judgement = "better" | "worse" | "same";

/**
 * What a direction-of-travel cell says. Words say a judgement ("Improving") or a movement
 * ("Increase"); an arrow alone says one or the other, as the report's key has it, so it is
 * kept apart and the table's figures tell which.
 */
export interface DirectionCell {
  movement: Movement | null;
  judgement: Judgement | null;
  /** An arrow with no word: up, down or level. */
  arrow: Movement | null;
}

const SAME = /\b(?:same|no change|unchanged|stable|static|maintained|steady|similar)\b|^level$/;
const BETTER = /\b(?:better|improv\w*|positive)\b/;
const WORSE = /\b(?:worse|deteriorat\w*|declin\w*|negative|poorer)\b/;
const UP = /\b(?:up|increas\w*|ris(?:e|es|ing)|higher)\b/;
const DOWN = /\b(?:down|decreas\w*|fall(?:s|ing)?|lower|reduc\w*)\b/;
const UP_ARROW = /[▲↑⬆↗△]/;
const DOWN_ARROW = /[▼↓⬇↘▽]/;
const LEVEL_ARROW = /[►→↔⇔◄◆●=]/;

export function directionOf(text: string): DirectionCell | null {
  const t = text.trim().toLowerCase();
  if (t === "") return null;
  const same = SAME.test(t);
  const judgement: Judgement | null = BETTER.test(t)
    ? "better"
    : WORSE.test(t)
      ? "worse"
      : same
        ? "same"
        : null;
  const movement: Movement | null = UP.test(t)
    ? "up"
    : DOWN.test(t)
      ? "down"
      : same
        ? "same"
        : null;
  const arrow: Movement | null =
    judgement || movement
      ? null
      : UP_ARROW.test(t)
        ? "up"
        : DOWN_ARROW.test(t)
          ? "down"
          : LEVEL_ARROW.test(t)
            ? "same"
            : null;
  if (!judgement && !movement && !arrow) return null;
  // "▲ up, better": both said; an arrow beside words repeats them.
  return { movement: movement ?? (judgement ? arrowOf(t) : null), judgement, arrow };
}

function arrowOf(t: string): Movement | null {
  if (UP_ARROW.test(t)) return "up";
  if (DOWN_ARROW.test(t)) return "down";
  return null;
}

/** +1 when lower is better, −1 when higher is better, null when the table does not say. */
export type Sign = 1 | -1;

/** The polarity a row states: its polarity cell, or the verb its indicator's name starts with. */
export function polarityOf(polarityCell: string | null, labels: string[]): Sign | null {
  if (polarityCell !== null) {
    const p = parsePolarity(polarityCell);
    if (p) return p === "lower-is-better" ? 1 : -1;
  }
  // The indicator's name may sit beside its reference ("SNH01 | % Reduction in …").
  for (const label of labels) {
    const l = label
      .trim()
      .toLowerCase()
      .replace(/^[a-z]{1,6}\d{1,3}[a-z]?\.?\s+/, "");
    if (/^(?:to )?(?:reduc|decreas|cut\b|lower\b|minimi[sz])/.test(l)) return 1;
    if (/^(?:to )?(?:increas|improv|rais|maximi[sz]|grow)/.test(l)) return -1;
    // "% reduction in burglary": the reduction is the figure, so higher is better.
    if (/^(?:%|per ?cent(?:age)?)?\s*(?:reduction|decrease|fall|cut) in\b/.test(l)) return -1;
  }
  const l = labels.join(" ").toLowerCase();
  // "% of incidents fixed within 8 hours": a share done in time is better higher.
  if (/(?:^|\s)(?:%|percentage of)\s.*\b(?:within|on time|in time)\b/.test(l)) return -1;
  // A count of harm is better lower, a count of the police's or council's results higher;
  // a name that speaks of both ("detections of burglary") or of neither says nothing.
  const good = GOOD_NOUNS.test(l);
  const harm = HARM_NOUNS.test(l);
  if (good !== harm) return harm ? 1 : -1;
  return null;
}

const HARM_NOUNS =
  /\b(?:crimes?|offences?|offending|burglar(?:y|ies)|robber(?:y|ies)|theft|assaults?|violen(?:ce|t)|asb|anti-?social|victims?|incidents|arson|damage|killed|injur(?:y|ies|ed)|homicides?|fly-?tipping|fatalit(?:y|ies)|deaths|complaints|sickness|absence|missed|waiting|time taken|average time|days lost)\b/;
const GOOD_NOUNS =
  /\b(?:detect\w*|sanction\w*|satisf\w*|confiden\w*|solved|charged?|answered|responded|response|within|on time|recycl\w*|collected|attendance|engage\w*|prevent\w*|completed|resolved|outcomes?|uptime|availability|accura\w*|paid|processed|determined|decided|delivered|implemented)\b/;
