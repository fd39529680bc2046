import { LONDON_BOROUGHS } from "../../src/core/areas";
import { readDatastore } from "../../src/core/datastore";
import {
  ALL_BOROUGHS_GROUP,
  BCU_PRESETS,
  GROUP_PRESETS,
  isGroupError,
  parseGroup,
  resolveGroup,
} from "../../src/core/groups";
import { FILE_2022, sampleText } from "./datastore/rawCsv";

/** The twelve BCUs as the issue lists them, names as written there. */
const ISSUE_BCUS: [string, string][] = [
  ["Central West", "Hammersmith and Fulham, Kensington and Chelsea, Westminster"],
  ["South West", "Kingston, Merton, Richmond, Wandsworth"],
  ["South", "Bromley, Croydon, Sutton"],
  ["South East", "Bexley, Greenwich, Lewisham"],
  ["East", "Barking and Dagenham, Havering, Redbridge"],
  ["West", "Ealing, Hillingdon, Hounslow"],
  ["Central South", "Lambeth, Southwark"],
  ["North", "Enfield, Haringey"],
  ["Central East", "Hackney, Tower Hamlets"],
  ["Central North", "Camden, Islington"],
  ["North West", "Barnet, Brent, Harrow"],
  ["North East", "Newham, Waltham Forest"],
];

describe("group presets", () => {
  it("are the twelve BCUs of the issue, then all London boroughs", () => {
    expect(BCU_PRESETS.map((g) => g.name)).toEqual(ISSUE_BCUS.map(([n]) => n));
    for (const [name, areas] of ISSUE_BCUS) {
      const parsed = parseGroup(`${name}=${areas}`);
      expect(BCU_PRESETS.find((g) => g.name === name)).toEqual(parsed);
    }
    expect(GROUP_PRESETS).toEqual([...BCU_PRESETS, ALL_BOROUGHS_GROUP]);
  });

  it("put each of the 32 boroughs in exactly one BCU", () => {
    const all = BCU_PRESETS.flatMap((g) => g.areas);
    expect(all).toHaveLength(32);
    expect([...all].sort()).toEqual([...LONDON_BOROUGHS].sort());
    expect(ALL_BOROUGHS_GROUP.areas).toEqual([...LONDON_BOROUGHS]);
  });
});

describe("parseGroup", () => {
  it("reads NAME=Area1,Area2 with loose area names, dropping repeats", () => {
    expect(parseGroup(" Neighbours = merton, Sutton,Kingston, merton ,")).toEqual({
      name: "Neighbours",
      areas: ["Merton", "Sutton", "Kingston upon Thames"],
    });
  });

  it.each([
    ["Merton,Sutton", /not of the form NAME=Area1,Area2/],
    ["=Merton", /no name/],
    ["Empty=", /names no areas/],
    ["Mixed=Merton,Gotham,Atlantis", /"Gotham", "Atlantis" are not London boroughs/],
  ])("refuses %s", (spec, message) => {
    const g = parseGroup(spec);
    expect(isGroupError(g)).toBe(true);
    if (isGroupError(g)) expect(g.error).toMatch(message);
  });

  it("accepts the file's own non-borough areas when given them", () => {
    expect(parseGroup("X=Merton,Aviation Security")).toHaveProperty("error");
    expect(parseGroup("X=Merton,aviation security", ["Aviation Security"])).toEqual({
      name: "X",
      areas: ["Merton", "Aviation Security"],
    });
  });
});

describe("resolveGroup", () => {
  it.each(["South West", "south-west", "SOUTH WEST BCU", "southwest"])(
    "finds the preset from %s",
    (name) => {
      expect(resolveGroup(name)).toEqual(BCU_PRESETS[1]);
    }
  );

  it.each(["all London boroughs", "All", "all boroughs"])("%s is every borough", (name) => {
    expect(resolveGroup(name)).toEqual(ALL_BOROUGHS_GROUP);
  });

  it("takes a spec, and names the presets for an unknown name", () => {
    expect(resolveGroup("Pair=Camden,Islington")).toEqual({
      name: "Pair",
      areas: ["Camden", "Islington"],
    });
    const g = resolveGroup("Middle Earth");
    expect(isGroupError(g) && g.error).toMatch(
      /unknown group "Middle Earth": the presets are Central West, .*All London boroughs/
    );
  });

  it("with a file, checks every area is in it", () => {
    const read = readDatastore(sampleText(FILE_2022), FILE_2022);
    if (!read.ok) throw new Error(read.error.message);
    expect(resolveGroup("Central West", read.file)).toEqual(BCU_PRESETS[0]);
    expect(resolveGroup("Air=heathrow,Merton", read.file)).toHaveProperty("error");
    expect(resolveGroup("Air=London Heathrow and London City Airports,Merton", read.file)).toEqual({
      name: "Air",
      areas: ["London Heathrow and London City Airports", "Merton"],
    });
    // a file without Merton: the South West preset cannot be used with it
    const noMerton = sampleText(FILE_2022)
      .split("\r\n")
      .filter((l) => !l.includes(",Merton,"))
      .join("\r\n");
    const partial = readDatastore(noMerton, "no-merton.csv");
    if (!partial.ok) throw new Error(partial.error.message);
    const g = resolveGroup("South West", partial.file);
    expect(isGroupError(g) && g.error).toBe('group "South West": Merton is not in no-merton.csv');
  });
});
