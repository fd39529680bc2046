// Flags for areas that stand out from their comparison group: several tables of the same
// kind and period, one per area. The group's change and rate come from summed counts.
import type { Anomaly, CrimeTable, TableRow } from "../model";
import { changeFunnel, rateFunnel } from "../stats";
import type { ChangeFunnelResult, FunnelPosition } from "../stats";
import { groupChangeMessage, groupRateMessage } from "./messages";
import { kindSchema } from "../kinds";
import type { CountPair } from "../kinds";
import { roundHalfAwayFromZero } from "../round";
import { appendAll } from "../appendAll";
import { dispersionModel, type AnomalyOptions } from "./options";
import { areaName, countPair, ratePair, rowKey, rowLabel } from "./rowMeasures";

interface Member {
  tableIndex: number;
  table: CrimeTable;
  area: string;
}

/** Tables grouped by kind and period; one table per area (the first given). */
export function periodGroups(tables: CrimeTable[]): { period: string; members: Member[] }[] {
  const groups = new Map<string, { period: string; members: Member[]; areas: Set<string> }>();
  tables.forEach((table, tableIndex) => {
    if (!table.periodEnding || !kindSchema(table.kind).comparable) return;
    const family = table.kind;
    const key = `${family}|${table.periodEnding}`;
    const group = groups.get(key) ?? { period: table.periodEnding, members: [], areas: new Set() };
    groups.set(key, group);
    const area = areaName(table);
    if (group.areas.has(area)) return;
    group.areas.add(area);
    group.members.push({ tableIndex, table, area });
  });
  return Array.from(groups.values(), ({ period, members }) => ({ period, members }));
}

function firstRows(members: Member[]): Map<string, { member: Member; row: TableRow }[]> {
  const byKey = new Map<string, { member: Member; row: TableRow }[]>();
  for (const member of members) {
    const seen = new Set<string>();
    for (const row of member.table.rows) {
      const key = rowKey(member.table, row);
      if (seen.has(key)) continue;
      seen.add(key);
      const entries = byKey.get(key);
      if (entries) entries.push({ member, row });
      else byKey.set(key, [{ member, row }]);
    }
  }
  return byKey;
}

function flagged(position: FunnelPosition, opts: AnomalyOptions): boolean {
  if (position === "above-99.8" || position === "below-99.8") return true;
  return opts.groupLevel === 0.95 && (position === "above-95" || position === "below-95");
}

type Entry = { member: Member; row: TableRow };
type CountEntry = Entry & { pair: CountPair };

/** The rows of one measure across a period's group, with the funnel of their changes. */
interface ChangeGroup {
  period: string;
  counts: CountEntry[];
  funnel: ChangeFunnelResult;
}

/** Each measure's entries across each period group big enough to compare. */
function* measureGroups(
  tables: CrimeTable[],
  opts: AnomalyOptions
): Generator<{ period: string; entries: Entry[] }> {
  for (const { period, members } of periodGroups(tables)) {
    if (members.length < opts.minGroupSize) continue;
    for (const entries of firstRows(members).values()) yield { period, entries };
  }
}

/** The funnel of a measure's changes across the group, or null when there is none. */
function changeGroup(period: string, entries: Entry[], opts: AnomalyOptions): ChangeGroup | null {
  const counts = entries.flatMap((e) => {
    const pair = countPair(e.member.table, e.row);
    return pair ? [{ ...e, pair }] : [];
  });
  const groupPrevious = counts.reduce((s, c) => s + c.pair.previous, 0);
  if (counts.length < opts.minGroupSize || groupPrevious === 0) return null;
  const funnel = changeFunnel(
    counts.map((c) => c.pair),
    { model: dispersionModel(opts) }
  );
  return { period, counts, funnel };
}

/**
 * The dispersion φ (to 2 decimals, as the data sheet shows it) that each row's own change
 * test deflates its counts by: its measure's φ across its comparison group, where that
 * group's comparison is adjusted for overdispersion. Rows absent are tested Poisson only.
 */
export function rowDispersions(tables: CrimeTable[], opts: AnomalyOptions): Map<TableRow, number> {
  const out = new Map<TableRow, number>();
  if (dispersionModel(opts) === "poisson") return out;
  for (const { period, entries } of measureGroups(tables, opts)) {
    const group = changeGroup(period, entries, opts);
    const phi = group?.funnel.dispersion?.phi;
    if (!group || group.funnel.model === "poisson" || !(phi && phi > 1)) continue;
    const rounded = roundHalfAwayFromZero(phi, 2);
    for (const c of group.counts) out.set(c.row, rounded);
  }
  return out;
}

/** The outliers among a measure's changes. */
function changeOutliers({ period, counts, funnel }: ChangeGroup, opts: AnomalyOptions): Anomaly[] {
  const groupPrevious = counts.reduce((s, c) => s + c.pair.previous, 0);
  const groupCurrent = counts.reduce((s, c) => s + c.pair.current, 0);
  return counts.flatMap((c, i) => {
    const m = funnel.members[i];
    // A small base is "unreliable: small numbers", never coloured as a trend; and with
    // nothing last year the expected count is 0, which any offence would "breach".
    if (!m || c.pair.previous === 0 || c.pair.previous < opts.minBase) return [];
    if (!flagged(m.position, opts)) return [];
    return [
      {
        rule: m.position.startsWith("above") ? "group-outlier-high" : "group-outlier-low",
        table: c.member.tableIndex,
        line: c.row.line,
        category: c.row.category,
        subcategory: c.row.subcategory,
        field: c.pair.changeField,
        pValue: m.pValue,
        area: c.member.area,
        periodEnding: period,
        message: groupChangeMessage({
          area: c.member.area,
          label: rowLabel(c.row),
          subject: c.pair.subject,
          previous: c.pair.previous,
          current: c.pair.current,
          groupPrevious,
          groupCurrent,
          areas: counts.length,
          expected: m.expected,
          limits: m.limits,
          position: m.position,
          pValue: m.pValue,
          model: funnel,
        }),
      },
    ];
  });
}

/** The outliers among a measure's rates (the SD rate) across the group. */
function rateOutliers(period: string, entries: Entry[], opts: AnomalyOptions): Anomaly[] {
  const rates = entries.flatMap((e) => {
    const pair = ratePair(e.member.table, e.row);
    return pair && pair.n2 > 0 ? [{ ...e, pair }] : [];
  });
  if (rates.length < opts.minGroupSize) return [];
  const funnel = rateFunnel(
    rates.map((r) => ({ successes: r.pair.x2, n: r.pair.n2 })),
    { model: dispersionModel(opts) }
  );
  const groupSuccesses = rates.reduce((s, r) => s + r.pair.x2, 0);
  const groupN = rates.reduce((s, r) => s + r.pair.n2, 0);
  return rates.flatMap((r, i) => {
    const m = funnel.members[i];
    if (!m || r.pair.n2 < opts.minBase || !flagged(m.position, opts)) return [];
    return [
      {
        rule: m.position.startsWith("above") ? "group-outlier-high" : "group-outlier-low",
        table: r.member.tableIndex,
        line: r.row.line,
        category: r.row.category,
        subcategory: r.row.subcategory,
        field: r.pair.field,
        pValue: m.pValue,
        area: r.member.area,
        periodEnding: period,
        message: groupRateMessage({
          area: r.member.area,
          label: rowLabel(r.row),
          rateName: r.pair.rateName,
          successes: r.pair.x2,
          n: r.pair.n2,
          groupSuccesses,
          groupN,
          areas: rates.length,
          limits: m.limits,
          position: m.position,
          pValue: m.pValue,
          model: funnel,
        }),
      },
    ];
  });
}

export function groupAnomalies(tables: CrimeTable[], opts: AnomalyOptions): Anomaly[] {
  const out: Anomaly[] = [];
  for (const { period, entries } of measureGroups(tables, opts)) {
    const group = changeGroup(period, entries, opts);
    if (group) appendAll(out, changeOutliers(group, opts));
    appendAll(out, rateOutliers(period, entries, opts));
  }
  return out;
}
