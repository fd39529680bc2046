// The preview at task-pane width: one compact card per row, its labels on top and each
// figure below as "heading: value" with its checks beside it, wrapping within the pane,
// so at 320-350 px every figure and every check is visible without scrolling sideways.
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ColumnInfo, TableRow } from "../../core/model";

/** A row's key: its line, and its labels (a Datastore table's total shares its line with a part). */
export const rowKey = (row: TableRow): string =>
  `${row.line}:${row.category}:${row.subcategory ?? ""}`;

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    minWidth: 0,
  },
  title: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  figures: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
  },
  heading: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere", margin: 0 },
  value: { margin: 0, minWidth: 0, overflowWrap: "anywhere" },
});

export interface PreviewCardsProps {
  rows: TableRow[];
  figures: ColumnInfo[];
  /** Renders one figure with its checks (the grid's own cell). */
  renderFigure: (row: TableRow, column: ColumnInfo) => React.ReactNode;
  label: string;
}

export function PreviewCards({
  rows,
  figures,
  renderFigure,
  label,
}: PreviewCardsProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {rows.map((r) => (
        <li key={rowKey(r)} className={styles.card}>
          <div className={styles.title}>
            <span>Line {r.line}</span>
            {" · "}
            {r.isTotal ? <strong>{rowName(r)}</strong> : rowName(r)}
          </div>
          <dl className={styles.figures}>
            {figures.map((c) => (
              <React.Fragment key={c.field}>
                <dt className={styles.heading}>{c.heading || c.field}</dt>
                <dd className={mergeClasses(styles.value)}>{renderFigure(r, c)}</dd>
              </React.Fragment>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** "TNO — TNO - State", or the category alone. */
const rowName = (r: TableRow): string =>
  r.subcategory && r.subcategory !== r.category ? `${r.category} — ${r.subcategory}` : r.category;

/**
 * Whether the element is narrower than `width` px (a task pane), followed as it resizes.
 * Where the browser cannot measure (no ResizeObserver, no layout), the wide layout is kept.
 */
export function useNarrow(ref: React.RefObject<HTMLElement | null>, width: number): boolean {
  const [narrow, setNarrow] = React.useState(false);
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return undefined;
    // A width of 0 is an element not laid out (hidden, or no layout engine): keep the grid.
    const measure = () => {
      const w = el.getBoundingClientRect().width;
      if (w > 0) setNarrow(w < width);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, width]);
  return narrow;
}
