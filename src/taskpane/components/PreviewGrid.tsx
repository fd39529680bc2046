// The preview of one table as read, before anything is written: every row and value,
// and every validation issue and highlight marked on its cell with an icon AND words
// (never colour alone). Large tables show their first rows, or only the rows with issues.
import * as React from "react";
import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  TableColumnDefinition,
  createTableColumn,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { ErrorCircle12Filled, Info12Regular, Warning12Filled } from "@fluentui/react-icons";
import type { Anomaly, ColumnInfo, CrimeTable, Issue, TableRow } from "../../core/model";
import { severityWord, shortAnomalyText, shortIssueText } from "../messages";
import { PreviewCards, rowKey, useNarrow } from "./PreviewCards";

const useStyles = makeStyles({
  scroller: {
    overflowX: "auto",
    maxWidth: "100%",
  },
  grid: { minWidth: "max-content" },
  cell: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    paddingBlock: tokens.spacingVerticalXXS,
  },
  numeric: { fontVariantNumeric: "tabular-nums" },
  mark: {
    display: "inline-flex",
    flexWrap: "wrap",
    minWidth: 0,
    overflowWrap: "anywhere",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXXS,
    fontSize: tokens.fontSizeBase100,
  },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  info: { color: tokens.colorNeutralForeground2 },
  flagged: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  headerCell: { fontWeight: tokens.fontWeightSemibold },
  // Fixed column widths: the grid is wider than a task pane and scrolls sideways, rather
  // than squeezing every column to the pane's width and cutting the labels off.
  lineCol: { flexGrow: 0, flexShrink: 0, flexBasis: "48px" },
  labelCol: { flexGrow: 0, flexShrink: 0, flexBasis: "160px" },
  figureCol: { flexGrow: 0, flexShrink: 0, flexBasis: "104px" },
  statusCol: { flexGrow: 0, flexShrink: 0, flexBasis: "56px" },
});

type WidthClass = "lineCol" | "labelCol" | "figureCol" | "statusCol";
const widthOf = (columnId: string | number): WidthClass =>
  columnId === "line"
    ? "lineCol"
    : columnId === "category" || columnId === "subcategory"
      ? "labelCol"
      : columnId === "status"
        ? "statusCol"
        : "figureCol";

const issueIcon: Record<Issue["severity"], React.JSX.Element> = {
  error: <ErrorCircle12Filled aria-hidden />,
  warning: <Warning12Filled aria-hidden />,
  info: <Info12Regular aria-hidden />,
};

/** Marks on one cell, keyed "line:field". */
export interface CellMarks {
  issues: Issue[];
  anomalies: Anomaly[];
}

export function markKey(line: number, field: string): string {
  return `${line}:${field}`;
}

/** Groups a table's issues and highlights by the cell they are about. */
export function marksByCell(issues: Issue[], anomalies: Anomaly[]): Map<string, CellMarks> {
  const map = new Map<string, CellMarks>();
  const at = (line: number, field: string): CellMarks => {
    const key = markKey(line, field);
    let marks = map.get(key);
    if (!marks) map.set(key, (marks = { issues: [], anomalies: [] }));
    return marks;
  };
  for (const issue of issues) at(issue.line, issue.field).issues.push(issue);
  for (const anomaly of anomalies) at(anomaly.line, anomaly.field).anomalies.push(anomaly);
  return map;
}

/** A row's marks on one of its figures. */
export type MarksOf = (row: TableRow, field: string) => CellMarks | undefined;

/** Lines that more than one row was read from (a Datastore table's total and its first part). */
function sharedLines(rows: TableRow[]): Set<number> {
  const seen = new Set<number>();
  const shared = new Set<number>();
  for (const r of rows) (seen.has(r.line) ? shared : seen).add(r.line);
  return shared;
}

/** Whether a finding is about this row: where rows share a line, the one it names. */
const names = (f: Issue | Anomaly, row: TableRow): boolean =>
  f.category === row.category && f.subcategory === row.subcategory;

/**
 * The marks of each row's cells. Where rows share a line (a Datastore table's total and its
 * first part, both read from that line), a finding marks only the row it names.
 */
export function marksOfRows(rows: TableRow[], issues: Issue[], anomalies: Anomaly[]): MarksOf {
  const map = marksByCell(issues, anomalies);
  const shared = sharedLines(rows);
  return (row, field) => {
    const marks = map.get(markKey(row.line, field));
    if (!marks || !shared.has(row.line)) return marks;
    const own = (f: Issue | Anomaly) => names(f, row);
    return { issues: marks.issues.filter(own), anomalies: marks.anomalies.filter(own) };
  };
}

/** The rows a finding is about, by the same rule as their marks: "only rows with issues". */
export function flaggedRows(rows: TableRow[], issues: Issue[], anomalies: Anomaly[]): TableRow[] {
  const shared = sharedLines(rows);
  const byLine = new Map<number, (Issue | Anomaly)[]>();
  for (const f of [...issues, ...anomalies]) {
    const list = byLine.get(f.line);
    if (list) list.push(f);
    else byLine.set(f.line, [f]);
  }
  return rows.filter((r) => {
    const found = byLine.get(r.line) ?? [];
    return shared.has(r.line) ? found.some((f) => names(f, r)) : found.length > 0;
  });
}

/** Label fields are shown in their own columns; every other column is a figure. */
const LABEL_FIELDS = new Set(["category", "subcategory", "label", "status"]);

export interface PreviewGridProps {
  table: CrimeTable;
  /** Issues and highlights of this table only. */
  issues: Issue[];
  anomalies: Anomaly[];
  /** How many rows to show at most. */
  limit: number;
  onlyFlagged: boolean;
  /** Accessible name of the grid, e.g. "Preview: Offences & SDs". */
  label: string;
  /** "cards" (one per row, for a narrow pane) or "grid"; measured from the pane when left out. */
  layout?: "grid" | "cards";
}

/** Narrower than this (px), the preview shows a card per row instead of the grid. */
export const CARDS_BELOW = 480;

export function PreviewGrid({
  table,
  issues,
  anomalies,
  limit,
  onlyFlagged,
  label,
  layout,
}: PreviewGridProps): React.JSX.Element {
  const styles = useStyles();
  const box = React.useRef<HTMLDivElement>(null);
  const narrow = useNarrow(box, CARDS_BELOW);
  const marks = React.useMemo(
    () => marksOfRows(table.rows, issues, anomalies),
    [table.rows, issues, anomalies]
  );
  const rows = React.useMemo(() => {
    const chosen = onlyFlagged ? flaggedRows(table.rows, issues, anomalies) : table.rows;
    return chosen.slice(0, limit);
  }, [table.rows, onlyFlagged, issues, anomalies, limit]);

  const columns = React.useMemo(() => buildColumns(table, marks, styles), [table, marks, styles]);
  const renderFigure = React.useCallback(
    (r: TableRow, column: ColumnInfo) => (
      <FigureCell row={r} column={column} marks={marks(r, column.field)} styles={styles} />
    ),
    [marks, styles]
  );

  // One wrapper, measured whichever layout it holds.
  return (
    <div ref={box}>
      {(layout ?? (narrow ? "cards" : "grid")) === "cards" ? (
        <PreviewCards
          rows={rows}
          figures={figureColumns(table)}
          renderFigure={renderFigure}
          label={label}
        />
      ) : (
        <Grid rows={rows} columns={columns} label={label} styles={styles} />
      )}
    </div>
  );
}

/** The grid at wider widths: a column per figure, scrolling sideways when it must. */
function Grid({
  rows,
  columns,
  label,
  styles,
}: {
  rows: TableRow[];
  columns: TableColumnDefinition<TableRow>[];
  label: string;
  styles: Styles;
}): React.JSX.Element {
  return (
    // Scrolls sideways; keyboard users reach it through the grid's own focusable cells.
    <div className={styles.scroller} role="region" aria-label={`${label} (scrolls sideways)`}>
      <DataGrid
        className={styles.grid}
        items={rows}
        columns={columns}
        getRowId={rowKey}
        size="extra-small"
        aria-label={label}
        focusMode="composite"
      >
        <DataGridHeader>
          <DataGridRow>
            {({ renderHeaderCell, columnId }) => (
              <DataGridHeaderCell
                className={mergeClasses(styles.headerCell, styles[widthOf(columnId)])}
              >
                {renderHeaderCell()}
              </DataGridHeaderCell>
            )}
          </DataGridRow>
        </DataGridHeader>
        <DataGridBody<TableRow>>
          {({ item, rowId }) => (
            <DataGridRow<TableRow> key={rowId}>
              {({ renderCell, columnId }) => (
                <DataGridCell className={styles[widthOf(columnId)]}>
                  {renderCell(item)}
                </DataGridCell>
              )}
            </DataGridRow>
          )}
        </DataGridBody>
      </DataGrid>
    </div>
  );
}

type Styles = ReturnType<typeof useStyles>;

/** The columns that hold figures (labels and status have their own places). */
const figureColumns = (table: CrimeTable): ColumnInfo[] =>
  table.columns.filter((c) => !LABEL_FIELDS.has(c.field) && c.type !== "text");

function buildColumns(
  table: CrimeTable,
  marks: MarksOf,
  styles: Styles
): TableColumnDefinition<TableRow>[] {
  const hasSub = table.rows.some((r) => r.subcategory !== null);
  const hasStatus = table.rows.some((r) => r.status !== null);
  const figures = figureColumns(table);
  const labelHeading = (field: string, fallback: string): string =>
    table.columns.find((c) => c.field === field)?.heading || fallback;
  const columns: TableColumnDefinition<TableRow>[] = [
    createTableColumn<TableRow>({
      columnId: "line",
      renderHeaderCell: () => "Line",
      renderCell: (r) => r.line,
    }),
    createTableColumn<TableRow>({
      columnId: "category",
      renderHeaderCell: () => labelHeading("category", "Category"),
      renderCell: (r) => (r.isTotal && !hasSub ? <strong>{r.category}</strong> : r.category),
    }),
  ];
  if (hasSub) {
    columns.push(
      createTableColumn<TableRow>({
        columnId: "subcategory",
        renderHeaderCell: () => labelHeading("subcategory", "Sub category"),
        renderCell: (r) => (r.isTotal ? <strong>{r.subcategory}</strong> : (r.subcategory ?? "")),
      })
    );
  }
  for (const column of figures) {
    columns.push(
      createTableColumn<TableRow>({
        columnId: column.field,
        renderHeaderCell: () => column.heading || column.field,
        renderCell: (r) => (
          <FigureCell row={r} column={column} marks={marks(r, column.field)} styles={styles} />
        ),
      })
    );
  }
  if (hasStatus) {
    columns.push(
      createTableColumn<TableRow>({
        columnId: "status",
        renderHeaderCell: () => "Status",
        renderCell: (r) =>
          r.status === "dot" ? <span title="status dot, colour lost in the paste">●</span> : "",
      })
    );
  }
  return columns;
}

function FigureCell({
  row,
  column,
  marks,
  styles,
}: {
  row: TableRow;
  column: ColumnInfo;
  marks: CellMarks | undefined;
  styles: Styles;
}): React.JSX.Element {
  const raw = row.raw[column.field];
  const value = row.values[column.field];
  const shown =
    raw !== undefined && raw !== ""
      ? raw
      : value === null || value === undefined
        ? ""
        : String(value);
  const flagged = marks !== undefined && (marks.issues.length > 0 || marks.anomalies.length > 0);
  return (
    <div className={mergeClasses(styles.cell, flagged && styles.flagged)}>
      <span className={styles.numeric}>{shown}</span>
      {marks?.issues.map((issue, i) => (
        <span key={`i${i}`} className={mergeClasses(styles.mark, styles[issue.severity])}>
          {issueIcon[issue.severity]}
          <span>
            {severityWord[issue.severity]}: {shortIssueText(issue, column)}
          </span>
        </span>
      ))}
      {marks?.anomalies.map((anomaly, i) => (
        <span key={`a${i}`} className={mergeClasses(styles.mark, styles.info)}>
          <Info12Regular aria-hidden />
          <span>{shortAnomalyText(anomaly)}</span>
        </span>
      ))}
    </div>
  );
}
