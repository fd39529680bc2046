// Tells category from sub-category in labels copied from a PDF ("Robbery Business Property"),
// mainly by the table's structure: a category with sub-categories ends with a "Total" row,
// a single-row category is "<name> Total", sub-categories often repeat the category's first
// word ("TNO TNO - State") or share leading words with their siblings ("TNO - Victim").
// A list of known category names is one cue among these, never the only one.

/** Category names of the police tables and of MPS recorded-crime data, as one cue. */
export const KNOWN_CATEGORIES = [
  "TNO",
  "Burglary",
  "Criminal Damage",
  "Robbery",
  "Robbery - Mobile Phone",
  "Theft and Handling",
  "Theft Person - Mobile Phone",
  "VWI",
  "Domestic Abuse",
  "Sexual Offences",
  "Total Gun Crime",
  "Lethal-barrelled Gun Discharges",
  "Total Knife Crime",
  "Knife Injury Victims (U25 Non DA)",
  "Violence Against the Person",
  "Violence with Injury",
  "Theft",
  "Vehicle Offences",
  "Drug Offences",
  "Possession of Weapons",
  "Public Order Offences",
  "Arson and Criminal Damage",
  "Miscellaneous Crimes Against Society",
  "Hate Crime",
];

export interface CategoryLabel {
  category: string;
  subcategory: string | null;
}

const TOTAL = /^total$/i;
const ENDS_TOTAL = /^(.*\S)\s+total$/i;

function leadingShared(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n]?.toLowerCase() === b[n]?.toLowerCase()) n++;
  return n;
}

/** Splits the label that opens a group ("Theft and Handling Theft From M/V"). */
export function splitGroupLabel(
  label: string,
  siblings: string[],
  known: readonly string[] = KNOWN_CATEGORIES
): CategoryLabel {
  const words = label.split(" ").filter((w) => w !== "");
  if (words.length < 2) return { category: label, subcategory: null };
  const knownLower = new Set(known.map((k) => k.toLowerCase()));
  const siblingWords = siblings.slice(0, 50).map((s) => s.split(" "));
  let best = 1;
  let bestScore = -1;
  for (let k = 1; k < words.length && k <= 12; k++) {
    const cat = words.slice(0, k);
    const sub = words.slice(k);
    let score = k === 1 ? 1 : 0;
    if (knownLower.has(cat.join(" ").toLowerCase())) score += 4;
    if (sub[0]?.toLowerCase() === cat[0]?.toLowerCase()) score += 2;
    if (siblingWords.some((s) => leadingShared(sub, s) > 0)) score += 3;
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return { category: words.slice(0, best).join(" "), subcategory: words.slice(best).join(" ") };
}

/**
 * Assigns category and sub-category to each label of an "Offences & SDs" table copied
 * from a PDF, in order. A group opened by "<category> <sub-category>" stays open (its
 * rows are sub-categories) until its "Total" row.
 */
export function splitCategories(
  labels: string[],
  known: readonly string[] = KNOWN_CATEGORIES
): CategoryLabel[] {
  const out: CategoryLabel[] = [];
  let current = "";
  let open = false;
  labels.forEach((label, idx) => {
    if (TOTAL.test(label)) {
      out.push({ category: current, subcategory: "Total" });
      open = false;
      return;
    }
    const single = ENDS_TOTAL.exec(label);
    if (single) {
      current = single[1] ?? "";
      out.push({ category: current, subcategory: "Total" });
      open = false;
      return;
    }
    if (open) {
      out.push({ category: current, subcategory: label });
      return;
    }
    const siblings: string[] = [];
    for (let j = idx + 1; j < labels.length && siblings.length < 50; j++) {
      const s = labels[j] ?? "";
      if (TOTAL.test(s) || ENDS_TOTAL.test(s)) break;
      siblings.push(s);
    }
    const split = splitGroupLabel(label, siblings, known);
    current = split.category;
    open = split.subcategory !== null;
    out.push(split);
  });
  return out;
}
