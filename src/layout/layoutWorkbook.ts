// The whole workbook: data sheets for the tables, then the generated sheets (comparisons,
// trends, checks) and the definitions. The app's planWorkbook runs the three stages in
// turn: layoutDataSheets (import tables), layoutGenerated (every generated sheet from the
// data sheets as they stand) and buildDefinitions. layoutWorkbook chains them for a new
// workbook, for tests and benchmarks.
import type { Anomaly, CrimeTable, Issue, TableKind } from "../core/model";
import type { SheetSpec, WorkbookSpec } from "./spec";
import type { DataColumnDef, DataSheetInfo, Definitions, SheetDefinition } from "./definitions";
import { writeDefinitions, DEFINITIONS_SHEET } from "./definitions";
import {
  anomalyOptionsOf,
  defaultSettings,
  highlightThresholds,
  type HighlightThresholds,
  type Settings,
} from "../core/settings";
import type { Group } from "../core/groups";
import { SheetNamer, TableNamer, dataSheetName, fitSheetName, sheetKey } from "./sheetNames";
import { layoutDataSheet } from "./dataSheet/layout";
import { layoutChecks } from "./layoutChecks";
import { specExtent } from "./extent";
import { layoutComparison } from "./layoutComparison";
import type { ComparedArea, ComparedRow } from "./comparison/types";
import { layoutTrend } from "./layoutTrend";
import { layoutSummary, type ContentsEntry } from "./layoutSummary";
import { layoutMonthlyTrend, type MonthlySource } from "./layoutMonthlyTrend";
import { resolveAnomalyOptions } from "../core/anomalies";
import { supersededNote, supersededTables, type Superseded } from "./sameTables";

/** The family recorded for a trend sheet of monthly counts. */
export const MONTHLY_FAMILY = "monthly";
import { colLetter, sheetRef } from "./a1";
import { rowIndexAt } from "../core/rowAt";
import { nameKey } from "../core/nameKey";
import { areaKey as areaNameKey } from "../core/areas";
import { changeDispersions } from "./dataSheet/dispersions";
import { dispersionModelOf } from "./comparison/funnelModels";

/** A data sheet as it stands: its definition, its table, and where its columns and rows are. */
export interface DataSheetRef {
  def: SheetDefinition & { data: DataSheetInfo };
  table: CrimeTable;
  /** 0-based column of a column of the plan (absent when the user removed it). */
  columnOf: (c: DataColumnDef) => number | undefined;
  /** 0-based header row. */
  headerRow: number;
}

export interface DataSheetsInput {
  tables: CrimeTable[];
  existingSheetNames: string[];
  existingTableNames?: string[];
  thresholds: Partial<Settings>;
  importedOn: string;
  /** A name to use as it is, by table (a data sheet rebuilt under its own name); else a free one. */
  names?: readonly (string | undefined)[];
}

/** Data sheets for new tables, with names free in the workbook. */
export function layoutDataSheets(input: DataSheetsInput): {
  sheets: SheetSpec[];
  refs: DataSheetRef[];
} {
  const namer = new SheetNamer(input.existingSheetNames);
  const tableNamer = new TableNamer(input.existingTableNames ?? []);
  const thresholds = highlightThresholds(input.thresholds);
  const dispersions = changeDispersions(input.tables, input.thresholds);
  const sheets: SheetSpec[] = [];
  const refs: DataSheetRef[] = [];
  for (const [i, table] of input.tables.entries()) {
    const suffix = table.kind === "calls-asb" ? "calls" : table.kind === "generic" ? "table" : "";
    const sheetName =
      input.names?.[i] ?? namer.take(dataSheetName(table.area, table.periodEnding, suffix));
    const tableName = tableNamer.take(
      `Data_${table.area ?? "table"}_${table.periodEnding ?? ""}_${suffix || "offences"}`
    );
    const l = layoutDataSheet(table, {
      sheetName,
      tableName,
      importedOn: input.importedOn,
      thresholds,
      dispersions,
    });
    sheets.push(l.sheet);
    const def = { name: sheetName, role: "data" as const, generated: false, data: l.info };
    refs.push({ def, table, headerRow: l.info.headerRow, columnOf: (c) => planColumn(l.info, c) });
  }
  return { sheets, refs };
}

function planColumn(info: DataSheetInfo, c: DataColumnDef): number | undefined {
  const i = info.columns.findIndex(
    (x) => x.role === c.role && x.field === c.field && x.heading === c.heading
  );
  return i < 0 ? undefined : info.firstCol + i;
}

export interface GeneratedInput {
  dataSheets: DataSheetRef[];
  issues: Issue[];
  anomalies: Anomaly[];
  groups: Group[];
  thresholds: Partial<Settings>;
  /** Every sheet name in the workbook now (user sheets, data sheets, earlier generated sheets). */
  existingSheetNames: string[];
  /** Generated sheets of the earlier build, whose names are reused and which are removed when no longer produced. */
  previousGenerated?: SheetDefinition[];
  /** Sheets besides the data and generated ones that the Summary's contents list (monitoring). */
  otherSheets?: ContentsEntry[];
  /** Monthly counts by area (Datastore imports, or as recorded): a trend sheet each. */
  monthly?: MonthlySource[];
}

type Family = "offences" | "datastore";
const familyOf = (kind: TableKind): Family | null =>
  kind === "offences-sds" ? "offences" : kind === "datastore-r12" ? "datastore" : null;
/** Area names compared loosely ("Kingston" = "Kingston upon Thames"), as everywhere else. */
const areaKey = (s: string | null): string => areaNameKey(s ?? "");
/** Comparison keys of a group's members, in one order: the same areas give the same key. */
const membersKey = (members: DataSheetRef[]): string =>
  members
    .map((m) => areaKey(m.table.area))
    .sort()
    .join("|");

/** A generated sheet to make: what it records, the name it would like, and its layout once named. */
interface Wanted {
  def: SheetDefinition & { family?: string };
  desired: string;
  /** Lays the sheet out once named; `built` holds the sheets laid out before it. */
  build: (
    name: string,
    built: readonly SheetSpec[]
  ) => { sheet: SheetSpec; extent?: { rows: number; cols: number } };
}

/** Every generated sheet (comparisons, trends, checks) and the definitions, from the data sheets as they stand. */
export function layoutGenerated(input: GeneratedInput): {
  sheets: SheetSpec[];
  defs: SheetDefinition[];
  removeSheets: string[];
} {
  const thresholds = highlightThresholds(input.thresholds);
  // A data sheet that a later import of the same table supersedes is left out of
  // comparisons and trends, which say so (sameTables.ts).
  const same = supersededTables(
    input.dataSheets.map((r) => ({ name: r.def.name, table: r.table }))
  );
  const left = new Set(same.map((s) => s.older));
  const latest = input.dataSheets.filter((_r, i) => !left.has(i));
  const wanted = [
    ...comparisonsWanted(latest, input.groups, thresholds, input.thresholds, same),
    ...trendsWanted(input, latest, thresholds, same),
    ...monthlyTrendsWanted(input, same),
    checksWanted(input),
    summaryWanted(input, same),
  ];
  return nameAndBuild(wanted, input.existingSheetNames, input.previousGenerated ?? []);
}

/** Where a data sheet's figures are, for the formulas of a comparison or trend. */
function colsOf(ref: DataSheetRef): ComparedArea["cols"] {
  const find = (role: DataColumnDef["role"], field: string) => {
    const c = ref.def.data.columns.find((x) => x.role === role && x.field === field);
    return c ? ref.columnOf(c) : undefined;
  };
  return {
    category: find("category", "category"),
    subcategory: find("subcategory", "subcategory"),
    offencesPrevious: find("value", "offencesPrevious"),
    offencesCurrent: find("value", "offencesCurrent"),
    sdsPrevious: find("value", "sdsPrevious"),
    sdsCurrent: find("value", "sdsCurrent"),
  };
}

/** The rows of several tables, each category once, in the order first met. */
function rowsOf(members: DataSheetRef[]): ComparedRow[] {
  const seen = new Map<string, ComparedRow>();
  for (const m of members) {
    for (const r of m.table.rows) {
      const k = `${nameKey(r.category)}|${nameKey(r.subcategory)}`;
      if (!seen.has(k))
        seen.set(k, { category: r.category, subcategory: r.subcategory, isTotal: r.isTotal });
    }
  }
  return [...seen.values()];
}

const toArea = (m: DataSheetRef): ComparedArea => ({
  area: m.table.area ?? m.def.name,
  sheetName: m.def.name,
  cols: colsOf(m),
});

/** Data sheets by family and `key`, one each for a `same` value (the first import wins). */
function byFamily(
  refs: DataSheetRef[],
  key: (ref: DataSheetRef) => string,
  same: (a: DataSheetRef, b: DataSheetRef) => boolean
): Map<string, DataSheetRef[]> {
  const out = new Map<string, DataSheetRef[]>();
  for (const ref of refs) {
    const fam = familyOf(ref.table.kind);
    if (!fam || !ref.table.periodEnding) continue;
    const k = `${fam}|${key(ref)}`;
    const list = out.get(k) ?? [];
    if (!list.some((x) => same(x, ref))) list.push(ref);
    out.set(k, list);
  }
  return out;
}

/** Comparisons: by family and period; user groups first, then all areas of a period unless a group already shows exactly them. */
function comparisonsWanted(
  refs: DataSheetRef[],
  groups: Group[],
  thresholds: HighlightThresholds,
  settings: Partial<Settings>,
  same: Superseded[] = []
): Wanted[] {
  const wanted: Wanted[] = [];
  const compare = (
    def: Wanted["def"],
    desired: string,
    groupName: string,
    areas: DataSheetRef[],
    leftOut: string[] = []
  ) =>
    wanted.push({
      def,
      desired,
      build: (name) =>
        layoutComparison({
          name,
          groupName,
          periodEnding: def.periodEnding!,
          areas: areas.map(toArea),
          rows: rowsOf(areas),
          thresholds,
          leftOut,
          tables: areas.map((a) => a.table),
          model: dispersionModelOf(settings),
          sameTables: supersededNote(
            same,
            areas.map((a) => a.def.name)
          ),
        }),
    });
  // One sheet per area and period: `refs` holds the latest import of each table.
  const byPeriod = byFamily(
    refs,
    (r) => r.table.periodEnding!,
    (a, b) => areaKey(a.table.area) === areaKey(b.table.area)
  );
  for (const [k, members] of byPeriod) {
    const [fam, period] = k.split("|") as [Family, string];
    const shown = new Set<string>();
    const base = { name: "", role: "comparison" as const, generated: true, periodEnding: period };
    for (const g of groups) {
      const inGroup = g.areas.flatMap((a) =>
        members.filter((m) => areaKey(m.table.area) === areaKey(a))
      );
      if (inGroup.length < 2) continue;
      shown.add(membersKey(inGroup));
      const def = { ...base, group: g.name, family: fam };
      const leftOut = g.areas.filter(
        (a) => !members.some((m) => areaKey(m.table.area) === areaKey(a))
      );
      compare(def, fitSheetName("Compare", g.name, period), g.name, inGroup, leftOut);
    }
    if (members.length >= 2 && !shown.has(membersKey(members))) {
      const desired = `Compare ${period}${fam === "datastore" ? " DS" : ""}`;
      compare({ ...base, family: fam }, desired, `All ${members.length} areas`, members);
    }
  }
  return wanted;
}

/** Series signals (spc- flags) of an area and family, by row of `rows`. */
function signalsOf(
  input: GeneratedInput,
  area: string,
  fam: Family,
  rows: ComparedRow[]
): Map<number, string[]> {
  const signals = new Map<number, string[]>();
  for (const a of input.anomalies) {
    if (
      !a.rule.startsWith("spc-") ||
      // Flags of monthly counts (periods "2023-05") are the monthly trend sheet's.
      /^\d{4}-\d{2}$/.test(a.periodEnding ?? "") ||
      areaKey(a.area ?? input.dataSheets[a.table]?.table.area ?? null) !== areaKey(area)
    )
      continue;
    if (familyOf(input.dataSheets[a.table]?.table.kind ?? "generic") !== fam) continue;
    const i = rows.findIndex(
      (r) =>
        nameKey(r.category) === nameKey(a.category) &&
        nameKey(r.subcategory) === nameKey(a.subcategory)
    );
    if (i >= 0) signals.set(i, [...(signals.get(i) ?? []), a.message]);
  }
  return signals;
}

/** Trends: by family and area, two or more periods. */
function trendsWanted(
  input: GeneratedInput,
  latest: DataSheetRef[],
  thresholds: HighlightThresholds,
  same: Superseded[] = []
): Wanted[] {
  const byArea = byFamily(
    latest,
    (r) => areaKey(r.table.area),
    (a, b) => a.table.periodEnding === b.table.periodEnding
  );
  const minSeriesPoints = input.thresholds.minSeriesPoints ?? defaultSettings.minSeriesPoints;
  const wanted: Wanted[] = [];
  for (const [k, list] of byArea) {
    if (list.length < 2) continue;
    const fam = k.split("|")[0] as Family;
    const members = [...list].sort((a, b) =>
      a.table.periodEnding! < b.table.periodEnding! ? -1 : 1
    );
    const area = members[0]!.table.area ?? members[0]!.def.name;
    const rows = rowsOf(members);
    const signals = signalsOf(input, area, fam, rows);
    const def = { name: "", role: "trend" as const, generated: true, area, family: fam };
    wanted.push({
      def,
      desired: fitSheetName("Trend", area, fam === "datastore" ? "DS" : ""),
      build: (name) =>
        layoutTrend({
          name,
          area,
          periods: members.map((m) => ({
            periodEnding: m.table.periodEnding!,
            sheetName: m.def.name,
            cols: colsOf(m),
          })),
          rows,
          thresholds,
          signals,
          minSeriesPoints,
          sameTables: supersededNote(
            same,
            members.map((m) => m.def.name)
          ),
        }),
    });
  }
  return wanted;
}

/** A trend sheet of monthly counts for each area that has them, recording them for a refresh. */
function monthlyTrendsWanted(input: GeneratedInput, same: Superseded[] = []): Wanted[] {
  const opts = resolveAnomalyOptions(anomalyOptionsOf(input.thresholds));
  return (input.monthly ?? []).map((m) => ({
    def: {
      name: "",
      role: "trend" as const,
      generated: true,
      area: m.area,
      family: MONTHLY_FAMILY,
      monthly: { source: m.source, ...m.monthly },
    },
    desired: fitSheetName("Monthly", m.area),
    build: (name) =>
      layoutMonthlyTrend({
        ...m,
        name,
        runLength: opts.runLength,
        trendLength: opts.trendLength,
        minSeriesPoints: opts.minSeriesPoints,
        // The Datastore data sheets of this area that superseded another.
        sameTables: supersededNote(
          same,
          input.dataSheets
            .filter(
              (r) => r.table.kind === "datastore-r12" && areaKey(r.table.area) === areaKey(m.area)
            )
            .map((r) => r.def.name)
        ),
      }),
  }));
}

/**
 * Checks, linking each finding to its cell on the data sheet. Its extent is recorded so a
 * rebuild clears only what it wrote: notes the user types beside it survive.
 */
function checksWanted(input: GeneratedInput): Wanted {
  const refs = input.dataSheets;
  return {
    def: { name: "", role: "checks" as const, generated: true },
    desired: "Checks",
    build: (name) => {
      const sheet = layoutChecks({
        name,
        tables: refs.map((r) => r.table),
        issues: input.issues,
        anomalies: input.anomalies,
        sheetOf: (t) => refs[t]?.def.name ?? null,
        locate: (t, at, field, printed) => locate(refs[t], at, field, printed),
      });
      return { sheet, extent: specExtent(sheet) };
    },
  };
}

/** A sheet's title (its first cell), without the "(generated)" every generated title ends with. */
const titleOf = (sheet: SheetSpec): string =>
  String(sheet.blocks[0]?.cells[0]?.[0]?.text ?? sheet.name).replace(/\s*\(generated\)$/, "");

/** The Summary, built last: it links the data sheets, every generated sheet and the monitoring sheet. */
function summaryWanted(input: GeneratedInput, same: Superseded[] = []): Wanted {
  const refs = input.dataSheets;
  return {
    def: { name: "", role: "summary" as const, generated: true },
    desired: "Summary",
    build: (name, built) => {
      const checks = built.find((s) => s.role === "checks");
      const dataEntries: ContentsEntry[] = refs.map((r) => ({
        name: r.def.name,
        role: "data",
        about: [
          r.def.data.title ?? r.table.title ?? "Table",
          r.table.area,
          r.table.periodEnding ? `period ending ${r.table.periodEnding}` : null,
        ]
          .filter(Boolean)
          .join(", "),
      }));
      const sheet = layoutSummary({
        name,
        tables: refs.map((r) => r.table),
        sheetOf: (t) => refs[t]?.def.name ?? null,
        issues: input.issues,
        anomalies: input.anomalies,
        checksSheet: checks?.name ?? "Checks",
        locate: (t, at, field, printed) => locate(refs[t], at, field, printed),
        contents: [
          ...dataEntries,
          ...built.map((s) => ({ name: s.name, role: s.role, about: titleOf(s) })),
          ...(input.otherSheets ?? []),
        ],
        superseded: same,
      });
      return { sheet, extent: specExtent(sheet) };
    },
  };
}

/** What makes two generated sheets the same sheet across builds. */
const identity = (d: Partial<SheetDefinition> & { family?: string }) =>
  [d.role, d.periodEnding ?? "", nameKey(d.area), nameKey(d.group), d.family ?? ""].join("|");

/**
 * Names and lays out the wanted sheets: one with the identity of an earlier generated
 * sheet keeps its name (replaced in place); earlier ones no longer produced are removed.
 */
function nameAndBuild(
  wanted: Wanted[],
  existingSheetNames: string[],
  previous: SheetDefinition[]
): { sheets: SheetSpec[]; defs: SheetDefinition[]; removeSheets: string[] } {
  const previousNames = new Set(previous.map((p) => sheetKey(p.name)));
  // The namer keeps clear of reserved names itself (History, the definitions sheet).
  const namer = new SheetNamer(existingSheetNames.filter((n) => !previousNames.has(sheetKey(n))));
  const previousByIdentity = new Map(previous.map((p) => [identity(p), p.name]));
  for (const w of wanted) {
    const old = previousByIdentity.get(identity(w.def));
    if (old && !namer.isTaken(old)) {
      w.def.name = old;
      namer.reserve(old);
    }
  }
  const sheets: SheetSpec[] = [];
  const defs: SheetDefinition[] = [];
  for (const w of wanted) {
    if (w.def.name === "") w.def.name = namer.take(w.desired);
    const built = w.build(w.def.name, sheets);
    sheets.push(built.sheet);
    defs.push({ ...w.def, ...(built.extent ? { extent: built.extent } : {}) });
  }
  const produced = new Set(defs.map((d) => sheetKey(d.name)));
  const existing = new Set(existingSheetNames.map(sheetKey));
  const removeSheets = previous
    .map((p) => p.name)
    .filter(
      (n) =>
        !produced.has(sheetKey(n)) &&
        existing.has(sheetKey(n)) &&
        sheetKey(n) !== sheetKey(DEFINITIONS_SHEET)
    );
  return { sheets, defs, removeSheets };
}

/** "'Merton 2017-08-01'!G14": the cell of a table row's field on its data sheet. */
function locate(
  ref: DataSheetRef | undefined,
  at: { line: number; category: string; subcategory: string | null },
  field: string,
  printed: boolean
): string | null {
  if (!ref) return null;
  const i = rowIndexAt(ref.table, at);
  if (i < 0) return null;
  const cols = ref.def.data.columns;
  const callsField = field === "changePct" || field === "changePoints" ? "change" : field;
  const pick =
    (printed
      ? cols.find((c) => c.role === "printed" && (c.field === field || c.field === callsField))
      : undefined) ??
    cols.find((c) => c.role === "derived" && (c.field === field || c.field === callsField)) ??
    cols.find((c) => c.role === "value" && c.field === field) ??
    cols.find((c) => c.role === "category" || c.role === "label");
  const col = pick ? ref.columnOf(pick) : undefined;
  if (col === undefined) return null;
  return `${sheetRef(ref.def.name)}${colLetter(col)}${ref.headerRow + 2 + i}`;
}

export interface WorkbookInput extends Omit<GeneratedInput, "dataSheets" | "previousGenerated"> {
  tables: CrimeTable[];
  previous?: Definitions;
  importedOn: string;
}

/** A new workbook's layout: a data sheet per table, every generated sheet, and the definitions. */
export function layoutWorkbook(input: WorkbookInput): {
  spec: WorkbookSpec;
  definitions: Definitions;
} {
  const data = layoutDataSheets({
    tables: input.tables,
    existingSheetNames: input.existingSheetNames,
    thresholds: input.thresholds,
    importedOn: input.importedOn,
  });
  const gen = layoutGenerated({
    dataSheets: data.refs,
    issues: input.issues,
    anomalies: input.anomalies,
    groups: input.groups,
    thresholds: input.thresholds,
    existingSheetNames: [...input.existingSheetNames, ...data.sheets.map((s) => s.name)],
    previousGenerated: input.previous?.sheets.filter((s) => s.generated),
  });
  const definitions = buildDefinitions(
    [...(input.previous?.sheets.filter((s) => !s.generated) ?? []), ...data.refs.map((r) => r.def)],
    gen.defs,
    input.groups,
    input.thresholds
  );
  const summary = gen.sheets.filter((s) => s.role === "summary");
  return {
    spec: {
      // The Summary last: its formulas name Checks, written before it.
      sheets: [...data.sheets, ...gen.sheets, writeDefinitions(definitions)],
      removeSheets: gen.removeSheets,
      ...(summary[0] ? { activeSheet: summary[0].name } : {}),
    },
    definitions,
  };
}

/** The definitions record: data sheets (with what they hold), generated sheets, areas, periods, groups, thresholds. */
export function buildDefinitions(
  dataDefs: SheetDefinition[],
  generatedDefs: SheetDefinition[],
  groups: Group[],
  thresholds: Partial<Settings>
): Definitions {
  const areas: string[] = [];
  const periods: string[] = [];
  for (const d of dataDefs) {
    const a = d.data?.area;
    if (a && !areas.some((x) => areaKey(x) === areaKey(a))) areas.push(a);
    const p = d.data?.periodEnding;
    if (p && !periods.includes(p)) periods.push(p);
  }
  periods.sort();
  return {
    version: 1,
    areas,
    periods,
    groups: groups.map((g) => ({ name: g.name, areas: [...g.areas] })),
    thresholds: { ...thresholds },
    sheets: [...dataDefs, ...generatedDefs],
  };
}
