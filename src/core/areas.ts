// London area names as the Met and councils write them, matched without regard to case,
// "&"/"and", "London Borough of"-style prefixes or "upon Thames"-style suffixes, so that
// "Kingston" finds "Kingston upon Thames" and "Hammersmith & Fulham" finds
// "Hammersmith and Fulham".

/** The 32 London boroughs the Metropolitan Police cover (not the City of London). */
export const LONDON_BOROUGHS: readonly string[] = [
  "Barking and Dagenham",
  "Barnet",
  "Bexley",
  "Brent",
  "Bromley",
  "Camden",
  "Croydon",
  "Ealing",
  "Enfield",
  "Greenwich",
  "Hackney",
  "Hammersmith and Fulham",
  "Haringey",
  "Harrow",
  "Havering",
  "Hillingdon",
  "Hounslow",
  "Islington",
  "Kensington and Chelsea",
  "Kingston upon Thames",
  "Lambeth",
  "Lewisham",
  "Merton",
  "Newham",
  "Redbridge",
  "Richmond upon Thames",
  "Southwark",
  "Sutton",
  "Tower Hamlets",
  "Waltham Forest",
  "Wandsworth",
  "Westminster",
];

/** The Datastore's airports area: real data, but not a borough. */
export const AIRPORTS_AREA = "London Heathrow and London City Airports";

/**
 * The comparison key of an area name: lower case, "&" as "and", punctuation and
 * prefixes ("London Borough of", "Royal Borough of", "City of") and suffixes
 * ("upon Thames", "on Thames") dropped, spaces collapsed.
 */
export function areaKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/^\s*(the\s+)?((london|royal)\s+borough\s+of|city\s+of)\s+/, "")
    .replace(/\s+(up)?on\s+thames\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

const CANONICAL = new Map<string, string>(
  [...LONDON_BOROUGHS, AIRPORTS_AREA].map((name) => [areaKey(name), name])
);

/** The canonical name of a borough or the airports area, or null for any other name. */
export function canonicalArea(name: string): string | null {
  return CANONICAL.get(areaKey(name)) ?? null;
}

/** Whether the name is one of the 32 London boroughs (the airports area is not). */
export function isBorough(name: string): boolean {
  const canonical = canonicalArea(name);
  return canonical !== null && canonical !== AIRPORTS_AREA;
}

/** The first of `candidates` that names the same area as `name`, or undefined. */
export function matchArea(name: string, candidates: readonly string[]): string | undefined {
  const key = areaKey(name);
  return candidates.find((c) => areaKey(c) === key);
}
