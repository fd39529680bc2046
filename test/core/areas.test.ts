import {
  AIRPORTS_AREA,
  LONDON_BOROUGHS,
  areaKey,
  canonicalArea,
  isBorough,
  matchArea,
} from "../../src/core/areas";

describe("area names", () => {
  it("lists the 32 boroughs the Met covers, without the City of London", () => {
    expect(LONDON_BOROUGHS).toHaveLength(32);
    expect(new Set(LONDON_BOROUGHS.map(areaKey)).size).toBe(32);
    expect(canonicalArea("City of London")).toBeNull();
  });

  it.each([
    ["Kingston", "Kingston upon Thames"],
    ["kingston upon thames", "Kingston upon Thames"],
    ["Royal Borough of Kingston upon Thames", "Kingston upon Thames"],
    ["Richmond", "Richmond upon Thames"],
    ["RICHMOND UPON THAMES", "Richmond upon Thames"],
    ["Hammersmith & Fulham", "Hammersmith and Fulham"],
    ["Barking & Dagenham", "Barking and Dagenham"],
    ["London Borough of Merton", "Merton"],
    ["City of Westminster", "Westminster"],
    ["  tower   hamlets ", "Tower Hamlets"],
    ["london heathrow and london city airports", AIRPORTS_AREA],
  ])("%s is %s", (written, canonical) => {
    expect(canonicalArea(written)).toBe(canonical);
  });

  it("does not take the airports area, or an unknown name, for a borough", () => {
    expect(isBorough(AIRPORTS_AREA)).toBe(false);
    expect(isBorough("Gotham")).toBe(false);
    expect(canonicalArea("Gotham")).toBeNull();
    expect(isBorough("Kingston")).toBe(true);
    expect(canonicalArea("Kingston upon Hull")).toBeNull();
  });

  it("matches a name among candidates as written elsewhere", () => {
    expect(matchArea("Richmond", ["Merton", "Richmond upon Thames"])).toBe("Richmond upon Thames");
    expect(matchArea("Sutton", ["Merton"])).toBeUndefined();
  });
});
