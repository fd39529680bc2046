// Groups of areas to compare: the twelve Basic Command Units that merged London's
// boroughs in 2018-2019, all London boroughs, and groups the user defines as
// "NAME=Area1,Area2". Areas are stored by canonical borough name.
import { LONDON_BOROUGHS, areaKey, canonicalArea } from "./areas";
import type { DatastoreFile } from "./datastore/types";

export interface Group {
  name: string;
  areas: string[];
}

/** Why a group spec or name could not be used; a value, never thrown. */
export interface GroupError {
  error: string;
}

export function isGroupError(value: Group | GroupError): value is GroupError {
  return "error" in value;
}

/** The twelve BCUs, by canonical borough name ("Kingston" is Kingston upon Thames). */
export const BCU_PRESETS: readonly Group[] = [
  {
    name: "Central West",
    areas: ["Hammersmith and Fulham", "Kensington and Chelsea", "Westminster"],
  },
  {
    name: "South West",
    areas: ["Kingston upon Thames", "Merton", "Richmond upon Thames", "Wandsworth"],
  },
  { name: "South", areas: ["Bromley", "Croydon", "Sutton"] },
  { name: "South East", areas: ["Bexley", "Greenwich", "Lewisham"] },
  { name: "East", areas: ["Barking and Dagenham", "Havering", "Redbridge"] },
  { name: "West", areas: ["Ealing", "Hillingdon", "Hounslow"] },
  { name: "Central South", areas: ["Lambeth", "Southwark"] },
  { name: "North", areas: ["Enfield", "Haringey"] },
  { name: "Central East", areas: ["Hackney", "Tower Hamlets"] },
  { name: "Central North", areas: ["Camden", "Islington"] },
  { name: "North West", areas: ["Barnet", "Brent", "Harrow"] },
  { name: "North East", areas: ["Newham", "Waltham Forest"] },
];

export const ALL_BOROUGHS_GROUP: Group = {
  name: "All London boroughs",
  areas: [...LONDON_BOROUGHS],
};

/** Every built-in group: the twelve BCUs, then all London boroughs. */
export const GROUP_PRESETS: readonly Group[] = [...BCU_PRESETS, ALL_BOROUGHS_GROUP];

/** Preset names compared without case, punctuation or a trailing "BCU". */
function groupKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\s+(bcu|basic command unit)\s*$/, "")
    .replace(/\s+/g, "");
}

const ALL_KEYS = new Set(["all", "allboroughs", "alllondonboroughs", "london", "londonboroughs"]);

const copy = (g: Group): Group => ({ name: g.name, areas: [...g.areas] });

/**
 * A user-defined group "NAME=Area1,Area2,...". Areas may be written loosely ("Kingston",
 * "Hammersmith & Fulham"); each must be a London borough, the airports area or one of
 * `knownAreas` (for example the areas of a Datastore file).
 */
export function parseGroup(spec: string, knownAreas: readonly string[] = []): Group | GroupError {
  const eq = spec.indexOf("=");
  if (eq < 0) return { error: `group "${spec}" is not of the form NAME=Area1,Area2` };
  const name = spec.slice(0, eq).trim();
  if (name === "") return { error: `group "${spec}" has no name before "="` };
  const written = spec
    .slice(eq + 1)
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a !== "");
  if (written.length === 0) return { error: `group "${name}" names no areas` };
  const areas: string[] = [];
  const unknown: string[] = [];
  for (const a of written) {
    const found = canonicalArea(a) ?? knownAreas.find((k) => areaKey(k) === areaKey(a));
    if (found === undefined) unknown.push(a);
    else if (!areas.includes(found)) areas.push(found);
  }
  if (unknown.length > 0) {
    return {
      error:
        `group "${name}": ${unknown.map((u) => `"${u}"`).join(", ")} ` +
        `${unknown.length === 1 ? "is not a London borough" : "are not London boroughs"}` +
        `${knownAreas.length > 0 ? " or an area of the file" : ""}`,
    };
  }
  return { name, areas };
}

/**
 * A group by preset name ("South West", "central-west BCU", "all London boroughs") or by
 * spec ("NAME=Area1,Area2"). With a file, the areas are the file's own names and every
 * one must be in the file.
 */
export function resolveGroup(name: string, file?: DatastoreFile): Group | GroupError {
  const fileAreas = file?.areas.map((a) => a.name) ?? [];
  let group: Group | GroupError;
  if (name.includes("=")) {
    group = parseGroup(name, fileAreas);
  } else {
    const key = groupKey(name);
    const preset = ALL_KEYS.has(key)
      ? ALL_BOROUGHS_GROUP
      : BCU_PRESETS.find((g) => groupKey(g.name) === key);
    group = preset
      ? copy(preset)
      : {
          error:
            `unknown group "${name}": the presets are ${GROUP_PRESETS.map((g) => g.name).join(", ")}; ` +
            `or define one as NAME=Area1,Area2`,
        };
  }
  if (isGroupError(group) || file === undefined) return group;
  const missing = group.areas.filter((a) => !fileAreas.some((f) => areaKey(f) === areaKey(a)));
  if (missing.length > 0) {
    return {
      error: `group "${group.name}": ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not in ${file.source}`,
    };
  }
  return {
    name: group.name,
    areas: group.areas.map((a) => fileAreas.find((f) => areaKey(f) === areaKey(a)) ?? a),
  };
}
