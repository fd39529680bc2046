// What the Monitoring screen shows of a pasted indicator table: its problems, each with
// its line and column, or each indicator's RAG and the reason for it.
import * as React from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  CheckmarkCircle12Filled,
  ErrorCircle12Filled,
  Warning12Filled,
} from "@fluentui/react-icons";
import type { IndicatorReadError } from "../../../core/monitor/monitorErrors";
import type { MonitoringResult, Rag } from "../../../core/monitor/types";
import { describePlace } from "../../messages";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
  },
  rag: {
    display: "inline-flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  Red: { color: tokens.colorPaletteRedForeground1 },
  Amber: { color: tokens.colorPaletteDarkOrangeForeground1 },
  Green: { color: tokens.colorPaletteGreenForeground1 },
  errors: { color: tokens.colorPaletteRedForeground1 },
});

const ragIcon: Record<Rag, React.JSX.Element> = {
  Red: <ErrorCircle12Filled aria-hidden />,
  Amber: <Warning12Filled aria-hidden />,
  Green: <CheckmarkCircle12Filled aria-hidden />,
};

export function IndicatorProblems({ errors }: { errors: IndicatorReadError[] }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div role="alert">
      <ul
        className={`${styles.list} ${styles.errors}`}
        aria-label="Problems in the indicator table"
      >
        {errors.map((e, i) => (
          <li key={i}>
            {e.message} ({describePlace(e.line, e.column)})
          </li>
        ))}
      </ul>
    </div>
  );
}

export function IndicatorRatings({ result }: { result: MonitoringResult }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div>
      <Text role="status" weight="semibold">
        {result.summary}
      </Text>
      <ul className={styles.list} aria-label="Indicators">
        {result.indicators.map((ind) => (
          <li key={ind.name}>
            {ind.name}:{" "}
            {ind.rag ? (
              <span className={`${styles.rag} ${styles[ind.rag]}`}>
                {ragIcon[ind.rag]}
                {ind.rag}
              </span>
            ) : (
              "no rating"
            )}{" "}
            — {ind.ragReason}
          </li>
        ))}
      </ul>
    </div>
  );
}
