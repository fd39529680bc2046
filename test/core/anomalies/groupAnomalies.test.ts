import { findAnomalies } from "../../../src/core/anomalies";
import type { Anomaly, CrimeTable } from "../../../src/core/model";
import { readOffences, readSample } from "./sampleTables";

// The four neighbouring boroughs of the committee paper, all for the period ending 5 September 2017.
const FILES = ["a", "c", "d", "e"].map((b) => `borough-${b}-2017-09-05.txt`);
const tables: CrimeTable[] = FILES.map(readOffences);
const anomalies = findAnomalies(tables);
const groupFlags = anomalies.filter(
  (a) => a.rule === "group-outlier-high" || a.rule === "group-outlier-low"
);

interface Member {
  table: number;
  line: number;
  prev: number;
  cur: number;
  sdsCur: number | null;
}

/** The same row in each of the four tables. */
function membersOf(category: string, subcategory: string | null): Member[] {
  return tables.map((t, table) => {
    const row = t.rows.find((r) => r.category === category && r.subcategory === subcategory);
    if (!row) throw new Error(`${category} missing`);
    const v = row.values;
    return {
      table,
      line: row.line,
      prev: v.offencesPrevious as number,
      cur: v.offencesCurrent as number,
      sdsCur: v.sdsCurrent ?? null,
    };
  });
}

const flagFor = (m: Member, field: string): Anomaly | undefined =>
  groupFlags.find((a) => a.table === m.table && a.line === m.line && a.field === field);

describe("group outliers among four boroughs of 5 September 2017", () => {
  it("flags group outliers, naming the area, period and limit level", () => {
    expect(groupFlags.length).toBeGreaterThan(0);
    for (const a of groupFlags) {
      expect(a.area).toMatch(/^Borough [ACDE]$/);
      expect(a.periodEnding).toBe("2017-09-05");
      expect(a.message).toMatch(/(99\.8|95)% funnel limit/);
      expect(a.message).toMatch(/for the 4 areas together/);
      expect(a.message).toMatch(/from summed counts/);
    }
  });

  it("judges the SD rate against the rate from summed counts, not the average of the rates", () => {
    const members = membersOf("TNO", "Total");
    const sds = members.reduce((s, m) => s + (m.sdsCur as number), 0);
    const offences = members.reduce((s, m) => s + m.cur, 0);
    expect([sds, offences]).toEqual([13019, 79501]);
    // borough-c: 1,518 of 12,584 = 12.1% against 16.4% for the group
    const c = flagFor(members[1] as Member, "sdRateCurrent");
    expect(c?.rule).toBe("group-outlier-low");
    expect(c?.message).toBe(
      "TNO, Borough C: the SD rate of 12.1% (1,518 of 12,584) is below the lower 99.8% funnel limit (15.4%) around 16.4% for the 4 areas together " +
        "(13,019 of 79,501, from summed counts), so it is lower than the group's by more than chance would explain (p < 0.001)." +
        " Exact binomial limits: only 4 areas have counts to estimate overdispersion from (10 needed)."
    );
  });

  it("compares each change with the group's change from summed counts, saying 95% or 99.8%", () => {
    const members = membersOf("TNO", "TNO - State"); // a 2,375 -> 2,920; c 684 -> 655; d 918 -> 781; e 1,572 -> 1,457
    const ratio = members.reduce((s, m) => s + m.cur, 0) / members.reduce((s, m) => s + m.prev, 0);
    expect(ratio).toBeCloseTo(5813 / 5549, 12);
    const a = flagFor(members[0] as Member, "offencesChangePct");
    expect(a?.rule).toBe("group-outlier-high");
    expect(a?.message).toContain(
      `would give about ${Math.round(2375 * ratio).toLocaleString("en-GB")}`
    );
    expect(a?.message).toContain("above the upper 99.8% funnel limit");
    const c = flagFor(members[1] as Member, "offencesChangePct");
    expect(c?.rule).toBe("group-outlier-low");
    expect(c?.message).toContain(
      "below the lower 95% funnel limit (664) but within the 99.8% limit (635)"
    );
  });

  it("agrees with an independent normal-approximation check on every row with large counts", () => {
    const keys = new Set(tables[0]?.rows.map((r) => `${r.category}|${r.subcategory}`));
    let checked = 0;
    for (const key of keys) {
      const [category, sub] = key.split("|") as [string, string];
      const members = membersOf(category, sub);
      const sumPrev = members.reduce((s, m) => s + m.prev, 0);
      const sumCur = members.reduce((s, m) => s + m.cur, 0);
      for (const m of members) {
        const expected = (m.prev * sumCur) / sumPrev;
        if (m.prev < 20 || expected < 200) continue;
        const z = (m.cur - expected) / Math.sqrt(expected);
        const flag = flagFor(m, "offencesChangePct");
        checked++;
        if (Math.abs(z) > 3.4) {
          expect(flag?.rule).toBe(z > 0 ? "group-outlier-high" : "group-outlier-low");
          expect(flag?.message).toContain("99.8%");
        } else if (Math.abs(z) < 1.85) {
          expect(flag).toBeUndefined();
        } else if (flag) {
          expect(flag.rule).toBe(z > 0 ? "group-outlier-high" : "group-outlier-low");
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("does not compare small bases (they are unreliable: small numbers)", () => {
    // Lethal-barrelled Gun Discharges: 7, 1, 3, 8 offences in the previous year
    for (const m of membersOf("Lethal-barrelled Gun Discharges", "Total")) {
      expect(flagFor(m, "offencesChangePct")).toBeUndefined();
      if (m.cur < 20) expect(flagFor(m, "sdRateCurrent")).toBeUndefined();
    }
  });

  it("flags only beyond 99.8% when asked", () => {
    const strict = findAnomalies(tables, { groupLevel: 0.998 }).filter((a) =>
      a.rule.startsWith("group")
    );
    expect(strict.length).toBeLessThan(groupFlags.length);
    for (const a of strict)
      expect(a.message).toMatch(/(above the upper|below the lower) 99\.8% funnel limit/);
  });

  it("needs enough distinct areas of one period", () => {
    expect(
      findAnomalies(tables, { minGroupSize: 5 }).filter((a) => a.rule.startsWith("group"))
    ).toEqual([]);
    // the same borough pasted twice (tab-separated and from the PDF) counts once
    const twoAreas = [
      readOffences("borough-c-2017-09-05.txt"),
      readOffences("borough-c-2017-09-05.pdf-copy.txt"),
      readOffences("borough-d-2017-09-05.txt"),
    ];
    expect(findAnomalies(twoAreas).filter((a) => a.rule.startsWith("group"))).toEqual([]);
    expect(
      findAnomalies(twoAreas, { minGroupSize: 2 }).filter((a) => a.rule.startsWith("group")).length
    ).toBeGreaterThan(0);
    // Merton's tables are for other periods: they join no group
    const withMerton = findAnomalies([...tables, readOffences("merton-2017-08-01.txt")]).filter(
      (a) => a.rule.startsWith("group")
    );
    expect(withMerton.every((a) => a.area !== "Merton")).toBe(true);
    expect(withMerton).toHaveLength(groupFlags.length);
  });

  it("compares the calls counts too, in their own group", () => {
    const all = FILES.flatMap(readSample);
    // ASB Calls a 9,692 -> 9,828, c 3,993 -> 3,987, d 3,489 -> 3,635, e 6,618 -> 6,831: all
    // within chance of the group's +2.1%; so are the repeat callers
    expect(
      findAnomalies(all).filter((a) => a.rule.startsWith("group") && a.field === "changePct")
    ).toEqual([]);
    // Had borough-d's ASB calls jumped to 4,200 (+20.4%), it would stand out
    const edited = all.map((t) =>
      t.kind === "calls-asb" && t.area === "Borough D"
        ? {
            ...t,
            rows: t.rows.map((r) =>
              r.category === "ASB Calls" ? { ...r, values: { ...r.values, current: 4200 } } : r
            ),
          }
        : t
    );
    const calls = findAnomalies(edited).filter(
      (a) => a.rule.startsWith("group") && a.field === "changePct"
    );
    // (and, with the group's change now +4.4%, the two boroughs that held steady fall below it)
    expect(calls.map((a) => `${a.rule} ${a.area} ${a.category}`).sort()).toEqual([
      "group-outlier-high Borough D ASB Calls",
      "group-outlier-low Borough A ASB Calls",
      "group-outlier-low Borough C ASB Calls",
    ]);
    expect(calls.find((a) => a.area === "Borough D")?.message).toMatch(
      /^ASB Calls, Borough D: the count changed by \+20\.4% \(3,489 to 4,200\)/
    );
  });
});
