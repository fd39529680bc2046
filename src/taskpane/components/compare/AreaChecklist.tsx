// The imported areas as checkboxes (each with how many periods it holds), and below them
// why the last choice makes no comparison, or that there is nothing to choose yet.
import * as React from "react";
import { Checkbox, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { AreaSummary } from "./useCompareChoice";

const useStyles = makeStyles({
  areas: { display: "flex", flexDirection: "column", maxHeight: "240px", overflowY: "auto" },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

export interface AreaChecklistProps {
  /** Null until the workbook has been listed. */
  areas: AreaSummary[] | null;
  chosen: string[];
  toggle: (area: string, on: boolean) => void;
  problem: string | undefined;
}

export function AreaChecklist({
  areas,
  chosen,
  toggle,
  problem,
}: AreaChecklistProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div>
      <Text id="areas-label" weight="semibold">
        Areas
      </Text>
      <div
        className={styles.areas}
        role="group"
        aria-labelledby="areas-label"
        aria-describedby={problem ? "areas-note areas-problem" : "areas-note"}
      >
        {(areas ?? []).map((a) => (
          <Checkbox
            key={a.area}
            label={`${a.area} (${a.periods.length} period${a.periods.length === 1 ? "" : "s"})`}
            checked={chosen.includes(a.area)}
            onChange={(_, d) => toggle(a.area, d.checked === true)}
          />
        ))}
      </div>
      <Text id="areas-note" size={200}>
        {areas?.length === 0 ? "No data sheets yet: import a table first." : ""}
      </Text>
      {/* Inserted when there is one, so it is announced; gone once the choice changes. */}
      {problem && (
        <Text id="areas-problem" block size={200} role="alert" className={styles.problem}>
          {problem}
        </Text>
      )}
    </div>
  );
}
