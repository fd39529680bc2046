// The tables a PDF was found to hold, one tick box each (all ticked at first): page,
// title, area, period, rows and checks, so the user chooses what Import writes. Tables
// whose columns could not be told apart are listed with their pages, never read.
import * as React from "react";
import { Checkbox, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { PasteAnalysis } from "../../worker/pasteReader";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    border: "none",
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface TablePickerProps {
  analysis: PasteAnalysis;
  ticked: boolean[];
  onTick: (index: number, ticked: boolean) => void;
}

/** One table's line in the picker: "Page 7: Offences & SDs — Merton, period ending 2017-07-02: 27 rows, no issues". */
export function describePicked(analysis: PasteAnalysis, index: number): string {
  const table = analysis.tables[index]!;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const issues = analysis.issues.filter((x) => x.table === index).length;
  const flags = analysis.anomalies.filter((x) => x.table === index).length;
  const page = table.page === undefined ? "" : `Page ${table.page}: `;
  return [
    `${page}${table.title ?? `Table ${index + 1}`}`,
    table.area ? ` — ${table.area}` : " — area not given",
    table.periodEnding ? `, period ending ${table.periodEnding}` : ", period not given",
    `: ${count(analysis.totals?.[index]?.rows ?? table.rows.length, "row")}, `,
    issues === 0 ? "no issues" : count(issues, "issue"),
    flags === 0 ? "" : `, ${count(flags, "highlight")}`,
  ].join("");
}

export function TablePicker({ analysis, ticked, onTick }: TablePickerProps): React.JSX.Element {
  const styles = useStyles();
  const unreadable = analysis.unreadable ?? [];
  // A table with no tick recorded is ticked (all are, at first).
  const picked = analysis.tables.filter((_, i) => ticked[i] !== false).length;
  return (
    <fieldset className={styles.root}>
      <legend>
        <Text weight="semibold">
          Tables found ({picked} of {analysis.tables.length} to import)
        </Text>
      </legend>
      {analysis.tables.map((_, i) => (
        <Checkbox
          key={i}
          checked={ticked[i] !== false}
          onChange={(_, d) => onTick(i, d.checked === true)}
          label={describePicked(analysis, i)}
        />
      ))}
      {unreadable.length > 0 && (
        <>
          <Text weight="semibold">Tables not read</Text>
          <ul className={styles.list} aria-label="Tables not read">
            {unreadable.map((u, i) => (
              <li key={i}>
                <Text size={200}>{u.message}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </fieldset>
  );
}
