// Monitoring: paste an indicator table (Indicator, Polarity, Target, Tolerance, then one
// column per period), see each indicator's RAG and why, then build the monitoring sheet.
import * as React from "react";
import { IndicatorProblems, IndicatorRatings } from "./monitoring/IndicatorLists";
import { useIndicators } from "./monitoring/useIndicators";
import { PanelSection } from "./PanelSection";
import { PasteBox } from "./PasteBox";
import { PrimaryAction } from "./PrimaryAction";
import { PanelProps, runWrite } from "./writeTask";

export type MonitoringPanelProps = PanelProps;

const BUILD = "Build monitoring sheet";

export function MonitoringPanel(props: MonitoringPanelProps): React.JSX.Element {
  const { host, notify, busy } = props;
  const { text, setText, onPaste, read, result } = useIndicators();
  // A new or corrected table answers "Paste … first" and "has N problems".
  const shownText = React.useRef(text);
  React.useEffect(() => {
    if (shownText.current === text) return;
    shownText.current = text;
    notify({ clear: { at: [BUILD], intents: ["warning", "error"] } });
  }, [text, notify]);

  const onBuild = (): void => {
    if (!read) {
      notify({
        intent: "warning",
        text: "Paste an indicator table into “Paste indicator table” first.",
        at: BUILD,
      });
      return;
    }
    if (!read.ok) {
      notify({
        intent: "error",
        text: `The indicator table has ${read.errors.length} problem${read.errors.length === 1 ? "" : "s"}: correct them and paste again.`,
        at: BUILD,
      });
      return;
    }
    const indicators = read.indicators;
    runWrite(props, BUILD, "Built", (report) =>
      host.buildMonitoring(indicators, { onProgress: report })
    );
  };

  return (
    <PanelSection name="monitoring" title="Monitoring">
      <PasteBox
        label="Paste indicator table"
        hint="Columns: Indicator, Polarity (lower or higher is better), Target, Tolerance, then one column per period (2016-17 Q1 … or YYYY-MM)."
        value={text}
        onPaste={onPaste}
        onChange={setText}
      />

      {read && !read.ok && <IndicatorProblems errors={read.errors} />}
      {result && <IndicatorRatings result={result} />}

      <PrimaryAction label={BUILD} onClick={onBuild} busy={busy} />
    </PanelSection>
  );
}
