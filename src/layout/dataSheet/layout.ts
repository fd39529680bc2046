// A data sheet: one imported table (area + period). Title block and legend on top, then an
// Excel table keeping the source's headings. Counts are numbers; % changes and rates are
// formulas on the counts with the printed figures beside them; a live check, p-values
// and a Flag column (text paired with every colour) follow, and conditional formats
// highlight from the same formulas, so a corrected count updates everything.
import type { CrimeTable, TableRow } from "../../core/model";
import type { BlockSpec, CellSpec, ConditionalFormatSpec, SheetSpec } from "../spec";
import type { DataColumnDef, DataSheetInfo } from "../definitions";
import type { HighlightThresholds } from "../thresholds";
import { a1, colLetter, sheetRef } from "../a1";
import { HIGHLIGHTS, NUMBER_FORMATS, numberFormat, percentFormat } from "../styles";
import { layoutLegend, type LegendEntry } from "../layoutLegend";
import {
  CALLS_CHANGE_FIELD,
  OFFENCES_DERIVED,
  planDataColumns,
  printedDecimals,
  sourceColumn,
} from "./columns";

export interface DataSheetOptions {
  sheetName: string;
  tableName: string;
  importedOn: string;
  thresholds: HighlightThresholds;
}

export interface DataSheetLayout {
  sheet: SheetSpec;
  info: DataSheetInfo;
  /** "'Sheet'!F14" of a row's field (the printed cell when `printed` and there is one), or null. */
  cellOf(rowIndex: number, field: string, printed?: boolean): string | null;
}

export const FLAG_TEXT = {
  rise: "▲ significant rise",
  notable: "◆ notable change",
  fall: "▼ significant fall",
  mismatch: "✗ printed figure differs",
  smallBase: "small base",
  rateDrop: "▼ SD rate drop",
} as const;

const KIND_TITLES: Record<CrimeTable["kind"], string> = {
  "offences-sds": "Offences & SDs",
  "calls-asb": "I & S Calls and ASB",
  generic: "Table",
  "datastore-r12": "Recorded offences, rolling 12 months",
};

/** Number formats and stored values: percentages are stored as fractions (0.115 shows as 11.5%). */
function percentCell(value: number | null, decimals: number): CellSpec | null {
  // "2.2e-2" parses to the double nearest 0.022, where 2.2 / 100 gives 0.022000000000000002.
  return value === null ? null : { number: Number(`${value}e-2`), numFmt: percentFormat(decimals) };
}

export function layoutDataSheet(table: CrimeTable, opts: DataSheetOptions): DataSheetLayout {
  const columns = planDataColumns(table);
  const { alpha, minBase } = opts.thresholds;
  const isCalls = table.kind === "calls-asb";

  // Title block (A-B) and legend (from column D) share the top rows.
  const title: (CellSpec | null)[][] = [
    [
      {
        text: `${table.title ?? KIND_TITLES[table.kind]}${table.area ? ` — ${table.area}` : ""}`,
        style: "title",
      },
    ],
    [{ text: "Area", style: "label" }, { text: table.area ?? "" }],
    [{ text: "Period ending", style: "label" }, { text: table.periodEnding ?? "" }],
    [{ text: "Source", style: "label" }, { text: table.source }],
    [{ text: "Imported", style: "label" }, { text: opts.importedOn }],
  ];
  const has = (role: DataColumnDef["role"]) => columns.some((c) => c.role === role);
  const entries: LegendEntry[] = [];
  if (has("pValue")) {
    entries.push({
      kind: "increase",
      label: FLAG_TEXT.rise,
      meaning:
        "Count rose more than chance explains: two-sided exact Poisson test, p below the significance level",
    });
    entries.push({
      kind: "decrease",
      label: FLAG_TEXT.fall,
      meaning: "Count fell more than chance explains (same test)",
    });
    entries.push({
      kind: "smallBase",
      label: FLAG_TEXT.smallBase,
      meaning:
        "Base below the minimum: the % change or rate is unreliable (greyed, not coloured as a trend)",
    });
  }
  const changeThreshold = opts.thresholds.changeThreshold;
  const notable = changeThreshold !== undefined && has("pValue");
  if (notable) {
    entries.push({
      label: FLAG_TEXT.notable,
      meaning:
        "A significant rise or fall whose % change is at least the change threshold (not on a small base)",
    });
  }
  if (has("printed"))
    entries.push({
      kind: "mismatch",
      label: FLAG_TEXT.mismatch,
      meaning:
        "The printed figure is not the figure recalculated from the counts at printed precision",
    });
  if (has("ratePValue")) {
    entries.push({
      kind: "rateDrop",
      label: FLAG_TEXT.rateDrop,
      meaning:
        "SD rate fell significantly: pooled two-proportion z-test (not tested when fewer than 5 expected)",
    });
  }
  // The legend sits under the title block in the wide label columns, so its swatches show whole.
  const legendRow = title.length + 1;
  const legend = layoutLegend(
    legendRow,
    0,
    entries,
    entries.length === 0
      ? []
      : [
          {
            key: "alpha",
            value: alpha,
            numFmt: "0.00",
            meaning: "significance level (two-sided) for rises, falls and SD-rate drops",
          },
          {
            key: "minBase",
            value: minBase,
            numFmt: "#,##0",
            meaning: "minimum base: a % change or rate on fewer counts is marked small base",
          },
          ...(notable
            ? [
                {
                  key: "changeThreshold",
                  value: Number(`${changeThreshold}e-2`),
                  numFmt: "0%",
                  meaning:
                    "change threshold: a significant % change at least this large is notable",
                },
              ]
            : []),
        ]
  );
  const noteRow = entries.length === 0 ? title.length + 1 : legendRow + legend.rows + 1;
  const headerRow = noteRow + 2;
  const firstCol = 0;
  const first = headerRow + 1; // first data row (0-based)
  const n = table.rows.length;

  const colIndex = new Map<string, number>();
  columns.forEach((c, i) => colIndex.set(`${c.role}:${c.field ?? ""}`, firstCol + i));
  const col = (role: DataColumnDef["role"], field?: string): number | undefined =>
    colIndex.get(`${role}:${field ?? ""}`);
  const valueCol = (field: string): number | undefined => col("value", field);
  const ref = (c: number | undefined, r: number): string =>
    c === undefined ? "" : a1(r, c, { col: true });

  const alphaRef = legend.cells.alpha ?? String(alpha);
  const minBaseRef = legend.cells.minBase ?? String(minBase);

  // Conditions, as formulas of row r, reused by cells and conditional formats.
  const offPrev = valueCol("offencesPrevious") ?? valueCol("previous");
  const offCur = valueCol("offencesCurrent") ?? valueCol("current");
  const pvCol = col("pValue");
  const rpvCol = col("ratePValue");
  const rateCols = { prev: col("derived", "sdRatePrevious"), cur: col("derived", "sdRateCurrent") };

  const mismatch = (r: number, field: string, scale: number, d: number): string | null => {
    const dc = col("derived", field);
    const pc = col("printed", field);
    if (dc === undefined || pc === undefined) return null;
    const D = ref(dc, r);
    const P = ref(pc, r);
    const s = scale === 1 ? "" : `*${scale}`;
    return `IF(ISNUMBER(${P}),IF(ISNUMBER(${D}),ROUND(${P}${s},${d})<>ROUND(${D}${s},${d}),${D}="n/a"),FALSE)`;
  };
  const rise = (r: number) =>
    `IF(ISNUMBER(${ref(pvCol, r)}),AND(${ref(pvCol, r)}<${alphaRef},${ref(offCur, r)}>${ref(offPrev, r)}),FALSE)`;
  const fall = (r: number) =>
    `IF(ISNUMBER(${ref(pvCol, r)}),AND(${ref(pvCol, r)}<${alphaRef},${ref(offCur, r)}<${ref(offPrev, r)}),FALSE)`;
  const small = (r: number, base: number | undefined) =>
    `IF(ISNUMBER(${ref(base, r)}),${ref(base, r)}<${minBaseRef},FALSE)`;
  const rateDrop = (r: number) =>
    `IF(ISNUMBER(${ref(rpvCol, r)}),AND(${ref(rpvCol, r)}<${alphaRef},${ref(rateCols.cur, r)}<${ref(rateCols.prev, r)}),FALSE)`;
  /** Small base for the row: the change's base, or an offences count under a rate that exists. */
  const smallRow = (r: number): string => {
    const parts = [small(r, offPrev)];
    if (rateCols.cur !== undefined)
      parts.push(`AND(ISNUMBER(${ref(rateCols.cur, r)}),${small(r, offCur)})`);
    return parts.length === 1 ? parts[0]! : `OR(${parts.join(",")})`;
  };

  const rowMismatches = (row: TableRow, r: number): { expr: string; name: string }[] => {
    const out: { expr: string; name: string }[] = [];
    if (isCalls) {
      const percent = row.unit === "percent";
      const field = percent ? "changePoints" : "changePct";
      const d = printedDecimals(row.raw[field]) ?? sourceColumn(table, field)?.decimals ?? 1;
      const e = mismatch(r, CALLS_CHANGE_FIELD, percent ? 1 : 100, d);
      if (e) out.push({ expr: e, name: percent ? "change (pts)" : "% change" });
    } else {
      for (const d of OFFENCES_DERIVED) {
        const dec =
          printedDecimals(row.raw[d.field]) ?? sourceColumn(table, d.field)?.decimals ?? 1;
        const e = mismatch(r, d.field, 100, dec);
        if (e) out.push({ expr: e, name: d.name });
      }
    }
    return out;
  };

  // Per-row formulas are built for the first data row and filled down (formulaRow): rows
  // of the same shape share one cell, so a long table holds no formula string per row.
  const filled = new Map<string, CellSpec>();
  const fillDown = (cell: CellSpec | null, c: number): CellSpec | null => {
    if (cell?.formula === undefined) return cell;
    const key = `${c}\u0000${cell.numFmt ?? ""}\u0000${cell.formula}`;
    let shared = filled.get(key);
    if (!shared) {
      shared = { ...cell, formulaRow: first };
      filled.set(key, shared);
    }
    return shared;
  };

  const rowCells = (row: TableRow): (CellSpec | null)[] => {
    const r = first; // formulas are written for the first data row, then filled down
    const percentRow = isCalls && row.unit === "percent";
    return columns.map((c, ci): CellSpec | null => fillDown(cellFor(c), ci));
    function cellFor(c: DataColumnDef): CellSpec | null {
      switch (c.role) {
        case "category":
        case "label":
          return { text: row.category, style: row.isTotal ? "total" : undefined };
        case "subcategory":
          return row.subcategory === null
            ? null
            : { text: row.subcategory, style: row.isTotal ? "total" : undefined };
        case "unit":
          return { text: row.unit ?? "count" };
        case "status":
          return row.status === "dot" ? { text: "●" } : null;
        case "line":
          return { number: row.line };
        case "value": {
          const field = c.field!;
          const v = row.values[field] ?? null;
          const info = sourceColumn(table, field);
          if (v === null) {
            const raw = row.raw[field]?.trim() ?? "";
            // Text where a number belongs stays visible as text; formulas skip it.
            return raw !== "" && !/^(-|–|n\/?a|\*|\.)$/i.test(raw) ? { text: raw } : null;
          }
          if (percentRow || info?.type === "percent")
            return percentCell(v, printedDecimals(row.raw[field]) ?? info?.decimals ?? 1);
          if (info?.type === "count" || isCalls) return { number: v, numFmt: NUMBER_FORMATS.count };
          return {
            number: v,
            numFmt: numberFormat(info?.decimals ?? printedDecimals(row.raw[field]) ?? 0),
          };
        }
        case "derived":
          return derivedCell(c.field!, r, row);
        case "printed": {
          if (c.field === CALLS_CHANGE_FIELD) {
            const field = percentRow ? "changePoints" : "changePct";
            const v = row.values[field] ?? null;
            if (v === null) return null;
            return percentRow
              ? { number: v, numFmt: NUMBER_FORMATS.points }
              : percentCell(v, printedDecimals(row.raw[field]) ?? 1);
          }
          const v = row.values[c.field!] ?? null;
          return percentCell(
            v,
            printedDecimals(row.raw[c.field!]) ?? sourceColumn(table, c.field!)?.decimals ?? 1
          );
        }
        case "rateChange": {
          const P = ref(rateCols.prev, r);
          const C = ref(rateCols.cur, r);
          return {
            formula: `IF(AND(ISNUMBER(${P}),ISNUMBER(${C})),(${C}-${P})*100,"")`,
            numFmt: NUMBER_FORMATS.points,
          };
        }
        case "pValue": {
          if (percentRow) return null;
          const P = ref(offPrev, r);
          const C = ref(offCur, r);
          return {
            formula: `IF(AND(ISNUMBER(${P}),ISNUMBER(${C})),IF(OR(MIN(${P},${C})<0,${P}+${C}=0),"",MIN(1,2*BINOM.DIST(MIN(${P},${C}),${P}+${C},0.5,TRUE))),"")`,
            numFmt: NUMBER_FORMATS.pValue,
          };
        }
        case "ratePValue":
          return { formula: ratePValueFormula(r), numFmt: NUMBER_FORMATS.pValue };
        case "check": {
          const ms = rowMismatches(row, r);
          if (ms.length === 0) return null;
          const printed = columns.flatMap((p, j) =>
            p.role === "printed" ? [ref(firstCol + j, r)] : []
          );
          const names = ms.map((m) => `IF(${m.expr},", ${m.name}","")`).join("&");
          return {
            formula: `IF(OR(${ms.map((m) => m.expr).join(",")}),"✗ differs: "&MID(${names},3,999),IF(COUNT(${printed.join(",")})>0,"✓",""))`,
          };
        }
        case "flag":
          return { formula: flagFormula(row, r) };
      }
    }
  };

  function derivedCell(field: string, r: number, row: TableRow): CellSpec {
    if (field === CALLS_CHANGE_FIELD) {
      const P = ref(valueCol("previous"), r);
      const C = ref(valueCol("current"), r);
      if (row.unit === "percent") {
        return {
          formula: `IF(AND(ISNUMBER(${P}),ISNUMBER(${C})),(${C}-${P})*100,"")`,
          numFmt: NUMBER_FORMATS.points,
        };
      }
      return { formula: changeFormula(P, C), numFmt: percentFormat(1) };
    }
    const d = OFFENCES_DERIVED.find((x) => x.field === field)!;
    const A = ref(valueCol(d.inputs[0]), r);
    const B = ref(valueCol(d.inputs[1]), r);
    const decimals = sourceColumn(table, field)?.decimals ?? 1;
    return {
      formula: d.how === "change" ? changeFormula(A, B) : rateFormula(A, B),
      numFmt: percentFormat(decimals),
    };
  }

  function ratePValueFormula(r: number): string {
    const x1 = ref(valueCol("sdsPrevious"), r);
    const n1 = ref(valueCol("offencesPrevious"), r);
    const x2 = ref(valueCol("sdsCurrent"), r);
    const n2 = ref(valueCol("offencesCurrent"), r);
    const pooled = `(${x1}+${x2})/(${n1}+${n2})`;
    const z = `(${x2}/${n2}-${x1}/${n1})/SQRT(${pooled}*(1-${pooled})*(1/${n1}+1/${n2}))`;
    return (
      `IF(AND(ISNUMBER(${x1}),ISNUMBER(${n1}),ISNUMBER(${x2}),ISNUMBER(${n2})),` +
      `IF(OR(${n1}<=0,${n2}<=0,${x1}<0,${x2}<0,${x1}>${n1},${x2}>${n2}),"",` +
      `IF(OR(${x1}+${x2}=0,${x1}+${x2}=${n1}+${n2}),1,` +
      `IF(MIN(${n1},${n2})*MIN(${pooled},1-${pooled})<5,"",2*NORM.S.DIST(-ABS(${z}),TRUE)))),"")`
    );
  }

  function flagFormula(row: TableRow, r: number): string {
    const parts: string[] = [];
    const ms = rowMismatches(row, r);
    if (ms.length > 0)
      parts.push(`IF(OR(${ms.map((m) => m.expr).join(",")}),"; ${FLAG_TEXT.mismatch}","")`);
    if (pvCol !== undefined && !(isCalls && row.unit === "percent")) {
      parts.push(
        `IF(${rise(r)},"; ${FLAG_TEXT.rise}","")`,
        `IF(${fall(r)},"; ${FLAG_TEXT.fall}","")`
      );
      const chg = ref(col("derived", "offencesChangePct") ?? col("derived", CALLS_CHANGE_FIELD), r);
      if (notable && legend.cells.changeThreshold && chg !== "") {
        parts.push(
          `IF(AND(OR(${rise(r)},${fall(r)}),NOT(${small(r, offPrev)})),IF(ISNUMBER(${chg}),IF(ABS(${chg})>=${legend.cells.changeThreshold},"; ${FLAG_TEXT.notable}",""),""),"")`
        );
      }
      parts.push(`IF(${smallRow(r)},"; ${FLAG_TEXT.smallBase}","")`);
    }
    if (rpvCol !== undefined) parts.push(`IF(${rateDrop(r)},"; ${FLAG_TEXT.rateDrop}","")`);
    return parts.length === 0 ? `""` : `MID(${parts.join("&")},3,999)`;
  }

  // Conditional formats over the data rows, relative to each range's first row.
  const cfs: ConditionalFormatSpec[] = [];
  if (n > 0) {
    const over = (
      c: number | undefined,
      formula: string,
      kind: keyof typeof HIGHLIGHTS,
      stopIfTrue = false
    ) => {
      if (c !== undefined)
        cfs.push({
          row: first,
          col: c,
          rows: n,
          cols: 1,
          formula,
          format: HIGHLIGHTS[kind],
          stopIfTrue: stopIfTrue || undefined,
        });
    };
    const row0 = table.rows[0]!;
    for (const p of columns) {
      if (p.role !== "printed") continue;
      const pc = col("printed", p.field);
      // Scale and decimals follow the first row's kind: calls rows differ, so calls use the Check text instead.
      if (!isCalls) {
        const dec =
          sourceColumn(table, p.field!)?.decimals ?? printedDecimals(row0.raw[p.field!]) ?? 1;
        over(pc, mismatch(first, p.field!, 100, dec)!, "mismatch");
      }
    }
    if (pvCol !== undefined) {
      const change = col("derived", "offencesChangePct") ?? col("derived", CALLS_CHANGE_FIELD);
      over(change, small(first, offPrev), "smallBase", true);
      over(change, rise(first), "increase");
      over(change, fall(first), "decrease");
      over(offCur, rise(first), "increase");
      over(offCur, fall(first), "decrease");
    }
    if (rateCols.prev !== undefined) over(rateCols.prev, small(first, offPrev), "smallBase", true);
    if (rateCols.cur !== undefined) {
      over(rateCols.cur, small(first, offCur), "smallBase", true);
      if (rpvCol !== undefined) over(rateCols.cur, rateDrop(first), "rateDrop");
    }
    const flagCol = col("flag");
    const checkCol = col("check");
    if (checkCol !== undefined) over(checkCol, `LEFT(${ref(checkCol, first)},1)="✗"`, "mismatch");
    if (flagCol !== undefined) {
      const F = ref(flagCol, first);
      over(flagCol, `ISNUMBER(SEARCH("✗",${F}))`, "mismatch");
      over(flagCol, `ISNUMBER(SEARCH("▲",${F}))`, "increase");
      over(flagCol, `LEFT(${F},1)="▼"`, "decrease");
      over(flagCol, `ISNUMBER(SEARCH("SD rate drop",${F}))`, "rateDrop");
      over(flagCol, `LEFT(${F},10)="small base"`, "smallBase");
    }
  }

  const blocks: BlockSpec[] = [
    { row: 0, col: 0, cells: title },
    legend.block,
    {
      row: noteRow,
      col: 0,
      cells: [
        [
          {
            text:
              "Your data: correct a count here and every formula, highlight and comparison follows. " +
              "% changes and rates are formulas on the counts; the printed figures are kept beside them.",
            style: "note",
          },
        ],
      ],
    },
    {
      row: headerRow,
      col: firstCol,
      cells: [
        columns.map((c) => ({ text: c.heading, style: "header" as const })),
        ...table.rows.map((row) => rowCells(row)),
      ],
    },
  ];

  const info: DataSheetInfo = {
    kind: table.kind,
    title: table.title,
    area: table.area,
    periodEnding: table.periodEnding,
    source: table.source,
    importedOn: opts.importedOn,
    tableName: opts.tableName,
    headerRow,
    firstCol,
    columns,
    sourceColumns: table.columns.map((c) => ({ ...c })),
  };

  const sheet: SheetSpec = {
    name: opts.sheetName,
    role: "data",
    generated: false,
    columnWidths: columns.map((c) => widthOf(c)),
    blocks,
    tables: [
      {
        name: opts.tableName,
        row: headerRow,
        col: firstCol,
        rows: n + 1,
        cols: columns.length,
        style: "TableStyleLight9",
      },
    ],
    conditionalFormats: cfs,
    charts: [],
    freeze: { rows: headerRow + 1, cols: firstCol + (columns[1]?.role === "subcategory" ? 2 : 1) },
  };

  return {
    sheet,
    info,
    cellOf(rowIndex, field, printed = false) {
      if (rowIndex < 0 || rowIndex >= n) return null;
      const c =
        (printed ? col("printed", field) : undefined) ??
        col("derived", field) ??
        col("value", field) ??
        (isCalls && (field === "changePct" || field === "changePoints")
          ? ((printed ? col("printed", CALLS_CHANGE_FIELD) : undefined) ??
            col("derived", CALLS_CHANGE_FIELD))
          : undefined);
      if (c === undefined) return null;
      return `${sheetRef(opts.sheetName)}${colLetter(c)}${first + rowIndex + 1}`;
    },
  };
}

/** (current - previous) / previous; "n/a" when previous is 0; blank when a count is missing. */
export function changeFormula(prev: string, cur: string): string {
  return `IF(AND(ISNUMBER(${prev}),ISNUMBER(${cur})),IF(${prev}=0,"n/a",(${cur}-${prev})/${prev}),"")`;
}

/** numerator / denominator; "n/a" when the denominator is 0; blank when missing. */
export function rateFormula(num: string, den: string): string {
  return `IF(AND(ISNUMBER(${num}),ISNUMBER(${den})),IF(${den}=0,"n/a",${num}/${den}),"")`;
}

function widthOf(c: DataColumnDef): number {
  switch (c.role) {
    case "category":
    case "label":
      return 30;
    case "subcategory":
      return 26;
    case "flag":
      return 34;
    case "check":
      return 22;
    case "line":
    case "unit":
    case "status":
      return 8;
    default:
      return Math.min(16, Math.max(11, Math.ceil(c.heading.length / 2) + 2));
  }
}
