// What the paste was read as: a summary line, then per table its grid and the full list
// of issues and highlights, each saying where (line and column) in plain words.
import * as React from "react";
import { Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { PREVIEW_ROWS, type PasteAnalysis } from "../worker/pasteReader";
import { describeAnomaly, describeIssue } from "../messages";
import { PreviewGrid } from "./PreviewGrid";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  table: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
  },
  details: { fontSize: tokens.fontSizeBase200 },
  summary: {
    cursor: "pointer",
    paddingBlock: tokens.spacingVerticalXS,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/** Findings listed per table in words (the Checks sheet holds them all). */
const LISTED_FINDINGS = 100;

/** Memoised: typing in Area or Period ending must not re-render a large preview. */
export const PreviewList = React.memo(function PreviewList({
  analysis,
  imported = false,
}: {
  analysis: PasteAnalysis;
  /** Whether Import has written these tables (the summary then says so). */
  imported?: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  const [onlyFlagged, setOnlyFlagged] = React.useState(false);
  const { tables, issues, anomalies } = analysis;
  // A large paste's preview is a slice: its totals say how much there is in all.
  const totals = tables.map(
    (t, i) =>
      analysis.totals?.[i] ?? {
        rows: t.rows.length,
        issues: issues.filter((x) => x.table === i).length,
        anomalies: anomalies.filter((x) => x.table === i).length,
      }
  );
  const sum = (k: "rows" | "issues" | "anomalies") => totals.reduce((n, t) => n + t[k], 0);
  const big = totals.some((t) => t.rows > PREVIEW_ROWS);
  return (
    <div className={styles.root}>
      <Text role="status" weight="semibold">
        {summary(tables.length, sum("rows"), sum("issues"), sum("anomalies"), imported)}
      </Text>
      {(big || sum("issues") + sum("anomalies") > 0) && (
        <Switch
          label="Show only rows with issues or highlights"
          checked={onlyFlagged}
          onChange={(_, d) => setOnlyFlagged(d.checked)}
        />
      )}
      {tables.map((table, index) => {
        const tableIssues = issues.filter((i) => i.table === index);
        const tableAnomalies = anomalies.filter((a) => a.table === index);
        const title = table.title ?? `Table ${index + 1}`;
        const total = totals[index] ?? {
          rows: table.rows.length,
          issues: tableIssues.length,
          anomalies: tableAnomalies.length,
        };
        const available = onlyFlagged
          ? new Set([...tableIssues, ...tableAnomalies].map((f) => f.line)).size
          : total.rows;
        // Only the sentences shown are composed: a huge paste can carry 100,000s of findings.
        const findingCount = total.issues + total.anomalies;
        const findings = [
          ...tableIssues.slice(0, LISTED_FINDINGS).map((i) => describeIssue(i, table)),
          ...tableAnomalies
            .slice(0, Math.max(0, LISTED_FINDINGS - tableIssues.length))
            .map((a) => describeAnomaly(a, table)),
        ];
        return (
          <section key={index} className={styles.table} aria-label={`Preview: ${title}`}>
            <Text as="h3" size={300} weight="semibold">
              {title}
              {table.area ? ` — ${table.area}` : ""}
              {table.periodEnding ? `, period ending ${table.periodEnding}` : ""}
            </Text>
            <Text size={200}>
              {total.rows.toLocaleString("en-GB")} rows, {total.issues.toLocaleString("en-GB")}{" "}
              issue
              {total.issues === 1 ? "" : "s"}, {total.anomalies.toLocaleString("en-GB")} highlight
              {total.anomalies === 1 ? "" : "s"}
              {available >= PREVIEW_ROWS && (onlyFlagged || total.rows > PREVIEW_ROWS)
                ? `; showing the first ${PREVIEW_ROWS}`
                : ""}
            </Text>
            <PreviewGrid
              table={table}
              issues={tableIssues}
              anomalies={tableAnomalies}
              limit={PREVIEW_ROWS}
              onlyFlagged={onlyFlagged}
              label={`Preview of ${title}`}
            />
            {findingCount > 0 && (
              // Open when there are issues to correct; highlights alone can wait for a click.
              <details className={styles.details} open={total.issues > 0}>
                <summary className={styles.summary}>
                  {findingCount} issue{findingCount === 1 ? "" : "s"} and highlight
                  {findingCount === 1 ? "" : "s"} in words
                </summary>
                <ul className={styles.list} aria-label={`Issues and highlights in ${title}`}>
                  {findings.map((f, i) => (
                    <li key={i}>{f}</li>
                  ))}
                  {findingCount > findings.length && (
                    <li>
                      …and {(findingCount - findings.length).toLocaleString("en-GB")} more: Import
                      lists them all on the Checks sheet.
                    </li>
                  )}
                </ul>
              </details>
            )}
          </section>
        );
      })}
    </div>
  );
});

function summary(
  tables: number,
  rows: number,
  issues: number,
  anomalies: number,
  imported: boolean
): string {
  const t = `${tables} table${tables === 1 ? "" : "s"}`;
  const r = `${rows.toLocaleString("en-GB")} row${rows === 1 ? "" : "s"}`;
  const i =
    issues === 0
      ? "no issues"
      : `${issues.toLocaleString("en-GB")} issue${issues === 1 ? "" : "s"}`;
  const a = `${anomalies.toLocaleString("en-GB")} highlight${anomalies === 1 ? "" : "s"}`;
  const written = imported
    ? "Imported into the workbook."
    : "Nothing is written until you press Import.";
  return `Read ${t}, ${r}: ${i}, ${a}. ${written}`;
}
