import { readFileSync } from "fs";
import path from "path";
import Papa from "papaparse";
import { monthlySeries, readDatastore, r12Tables } from "../../../src/core/datastore";
import { readPaste } from "../../../src/core/read/readPaste";
import type { CrimeTable } from "../../../src/core/model";
import { computeIndicator } from "../../../src/core/monitor/computeMonitoring";
import {
  indicatorFromMonthlySeries,
  indicatorsFromTables,
} from "../../../src/core/monitor/indicatorsFromTables";

const samples = path.join(__dirname, "../../../samples");

function pasted(file: string): CrimeTable[] {
  const r = readPaste(readFileSync(path.join(samples, "offences-sds", file), "utf8"), {
    source: file,
    fileName: file,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.tables;
}

/** Independent of the Datastore reader: sums raw CSV cells for Merton rows chosen by (major, minor). */
function rawMertonSum(
  text: string,
  months: string[],
  pick: (major: string, minor: string) => boolean
): number {
  const rows = Papa.parse<string[]>(text.trim(), { delimiter: "," }).data;
  const header = rows[0]!;
  const cols = months.map((m) => header.indexOf(m.replace("-", "")));
  if (cols.some((c) => c < 0)) throw new Error("month missing");
  return rows
    .slice(1)
    .filter((r) => r[2] === "Merton" && pick(r[0]!, r[1]!))
    .reduce((s, r) => s + cols.reduce((t, c) => t + Number(r[c]), 0), 0);
}

const monthsBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  for (;;) {
    const label = `${y}-${String(m).padStart(2, "0")}`;
    out.push(label);
    if (label === to) return out;
    if (m === 12) {
      y += 1;
      m = 1;
    } else m += 1;
  }
};

describe("measures from the pasted Merton tables (2 July and 1 August 2017)", () => {
  const tables = [...pasted("merton-2017-07-02.txt"), ...pasted("merton-2017-08-01.txt")];
  const inds = indicatorsFromTables(tables, { targets: { mopac7: 6000 } });
  const by = (name: string) => inds.find((i) => i.name === name)!;

  test("each R12 table gives its current figure at its month and its previous R12 a year before", () => {
    const tno = by("All offences (TNO)");
    expect(tno.periods).toEqual(["2016-07", "2016-08", "2017-07", "2017-08"]);
    expect(tno.actuals[1]).toBe(13081); // TNO Total, Offences Previous R12, 1 August 2017
    expect(tno.actuals[3]).toBe(13452); // TNO Total, Offences Current R12
    expect(tno.aggregation).toBe("latest");
    const r = computeIndicator(tno);
    expect(r.asOf).toBe("2017-08");
    expect(r.fytd).toMatchObject({ actual: 13452, previous: 13081, change: 371 });
    expect(r.fytd.changePct).toBeCloseTo(2.836, 3); // printed 2.8%
    expect(r.dotLong).toBe("▲ up, worse");
    expect(r.dotShort).toBe("n/a"); // no R12 ending May 2017 was imported
  });

  test("MOPAC 7 sums the seven neighbourhood crimes (VWI, robbery, burglary, TMV, TFMV, theft person, criminal damage)", () => {
    const m7 = by("MOPAC 7 neighbourhood crimes");
    // Printed in merton-2017-08-01.txt: 1,360 + 338 + 1,392 + 657 + 961 + 226 + 1,345 (current), 1,431 + 258 + 1,482 + 531 + 904 + 255 + 1,399 (previous)
    expect(m7.actuals[m7.periods.indexOf("2017-08")]).toBe(6279);
    expect(m7.actuals[m7.periods.indexOf("2016-08")]).toBe(6260);
    const r = computeIndicator(m7);
    expect(r.fytd.target).toBe(6000);
    expect(r.rag).toBe("Green"); // 4.65% over target, within 10%
  });

  test("SD rate (higher is better) and the calls block; a missing current figure leaves that month out", () => {
    const sd = computeIndicator(by("Sanction detection rate (TNO)"));
    expect(sd).toMatchObject({
      unit: "percentage",
      polarity: "higher-is-better",
      dotLong: "▼ down, worse",
    });
    expect(sd.fytd).toMatchObject({ actual: 16.8, previous: 18.5 });
    expect(sd.fytd.change).toBeCloseTo(-1.7, 10);
    const asb = by("ASB Calls");
    expect(asb.actuals[asb.periods.indexOf("2017-08")]).toBe(4278);
    const repeat = by("ASB Repeat Callers");
    expect(repeat.periods).not.toContain("2017-08"); // merton-2017-08-01 has no current figure
    expect(repeat.actuals[repeat.periods.indexOf("2016-08")]).toBe(93);
  });

  test("several areas: each indicator is named with its area", () => {
    const more = indicatorsFromTables([...tables, ...pasted("borough-a-2017-09-05.txt")], {
      measures: ["all-offences"],
    });
    expect(more.map((i) => i.name).sort()).toEqual(
      ["Borough A: All offences (TNO)", "Merton: All offences (TNO)"].sort()
    );
  });
});

describe("measures from Datastore files", () => {
  const text = readFileSync(
    path.join(samples, "datastore/mps-borough-level-crime-2022-02-to-2024-01.csv"),
    "utf8"
  );
  const read = readDatastore(text, "mps-2022-2024.csv");
  if (!read.ok) throw new Error(read.error.message);
  const file = read.file;

  test("R12 tables: all offences and MOPAC 7 for Merton, against sums of the raw CSV", () => {
    const r12 = r12Tables(file, { areas: ["Merton"], period: "2024-01" });
    if (!r12.ok) throw new Error(r12.error.message);
    const inds = indicatorsFromTables(r12.tables, {
      measures: ["all-offences", "mopac7", "sd-rate"],
    });
    expect(inds.map((i) => i.name)).toEqual(["All offences (TNO)", "MOPAC 7 neighbourhood crimes"]); // no SD figures in the Datastore
    const current = monthsBetween("2023-02", "2024-01");
    const previous = monthsBetween("2022-02", "2023-01");
    const all = inds[0]!;
    expect(all.periods).toEqual(["2023-01", "2024-01"]);
    expect(all.actuals).toEqual([
      rawMertonSum(text, previous, () => true),
      rawMertonSum(text, current, () => true),
    ]);
    const mopac = new Set([
      "Violence Against the Person|Violence with Injury",
      "Robbery|Robbery of Business Property",
      "Robbery|Robbery of Personal Property",
      "Burglary|Burglary Business and Community",
      "Burglary|Domestic Burglary",
      "Vehicle Offences|Theft or Taking of a Motor Vehicle",
      "Vehicle Offences|Theft from a Motor Vehicle",
      "Theft|Theft from Person",
      "Arson and Criminal Damage|Criminal Damage",
    ]);
    expect(inds[1]!.actuals).toEqual([
      rawMertonSum(text, previous, (a, b) => mopac.has(`${a}|${b}`)),
      rawMertonSum(text, current, (a, b) => mopac.has(`${a}|${b}`)),
    ]);
  });

  test("a monthly series is summed to quarters and the year to date across April", () => {
    const ind = indicatorFromMonthlySeries({
      name: "Merton all offences",
      series: monthlySeries(file, "Merton"),
      monthlyTarget: 1500,
    });
    const r = computeIndicator(ind);
    expect(r.asOf).toBe("2024-01");
    expect(r.fytd.periods).toEqual(monthsBetween("2023-04", "2024-01"));
    expect(r.fytd.actual).toBe(rawMertonSum(text, monthsBetween("2023-04", "2024-01"), () => true));
    expect(r.fytd.previous).toBe(
      rawMertonSum(text, monthsBetween("2022-04", "2023-01"), () => true)
    );
    expect(r.fytd.target).toBe(15000);
    expect(r.quarter.label).toBe("2023-24 Q3"); // October to December 2023
    expect(r.quarter.value).toBe(rawMertonSum(text, ["2023-10", "2023-11", "2023-12"], () => true));
    expect(r.quarter.yearAgo).toBe(
      rawMertonSum(text, ["2022-10", "2022-11", "2022-12"], () => true)
    );
    expect(r.quarter.previous).toBe(
      rawMertonSum(text, ["2023-07", "2023-08", "2023-09"], () => true)
    );
  });
});
