// Monitoring: paste an indicator table (Indicator, Polarity, Target, Tolerance, then one
// column per period), see each indicator's RAG and why, then build the monitoring sheet.
import * as React from "react";
import { Button, Field, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import {
  CheckmarkCircle12Filled,
  ErrorCircle12Filled,
  Warning12Filled,
} from "@fluentui/react-icons";
import type { WorkbookHost } from "../host/workbookHost";
import { readIndicators, ReadIndicatorsResult } from "../../core/monitor/readIndicators";
import { computeMonitoring } from "../../core/monitor/computeMonitoring";
import type { MonitoringResult, Rag } from "../../core/monitor/types";
import { describePlace, describeWrite } from "../messages";
import type { Notice, RunTask } from "./useTasks";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  box: { fontFamily: tokens.fontFamilyMonospace },
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

export interface MonitoringPanelProps {
  host: WorkbookHost;
  run: RunTask;
  notify: (notice: Notice | null) => void;
  onWritten: () => void;
  busy: boolean;
}

export function MonitoringPanel({
  host,
  run,
  notify,
  onWritten,
  busy,
}: MonitoringPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [text, setText] = React.useState("");
  // Indicator tables are a few dozen rows: read on the spot, no worker needed.
  const read = React.useMemo<ReadIndicatorsResult | null>(
    () => (text.trim() === "" ? null : readIndicators(text, "paste")),
    [text]
  );
  const result = React.useMemo<MonitoringResult | null>(
    () => (read?.ok ? computeMonitoring(read.indicators) : null),
    [read]
  );

  const onPaste = (e: React.ClipboardEvent<HTMLTextAreaElement>): void => {
    const plain = e.clipboardData.getData("text/plain");
    if (plain === "") return;
    e.preventDefault(); // replaces the box: one indicator table at a time
    setText(plain);
  };

  const onBuild = (): void => {
    if (!read) {
      notify({
        intent: "warning",
        text: "Paste an indicator table into “Paste indicator table” first.",
      });
      return;
    }
    if (!read.ok) {
      notify({
        intent: "error",
        text: `The indicator table has ${read.errors.length} problem${read.errors.length === 1 ? "" : "s"}: correct them and paste again.`,
      });
      return;
    }
    const indicators = read.indicators;
    void run("Build monitoring sheet", async (report) => {
      const written = await host.buildMonitoring(indicators, { onProgress: report });
      onWritten();
      return describeWrite("Built", written);
    });
  };

  return (
    <section className={styles.root} aria-labelledby="monitoring-heading">
      <Text as="h2" id="monitoring-heading" size={400} weight="semibold">
        Monitoring
      </Text>
      <Field
        label="Paste indicator table"
        hint="Columns: Indicator, Polarity (lower or higher is better), Target, Tolerance, then one column per period (2016-17 Q1 … or YYYY-MM)."
      >
        <Textarea
          className={styles.box}
          value={text}
          onPaste={onPaste}
          onChange={(_, d) => setText(d.value)}
          rows={6}
          resize="vertical"
          spellCheck={false}
        />
      </Field>

      {read && !read.ok && (
        <div role="alert">
          <ul
            className={`${styles.list} ${styles.errors}`}
            aria-label="Problems in the indicator table"
          >
            {read.errors.map((e, i) => (
              <li key={i}>
                {e.message} ({describePlace(e.line, e.column)})
              </li>
            ))}
          </ul>
        </div>
      )}
      {result && (
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
      )}

      <div>
        <Button appearance="primary" onClick={onBuild} disabled={busy}>
          Build monitoring sheet
        </Button>
      </div>
    </section>
  );
}
