// The indicator table pasted on the Monitoring screen, read on the spot (a few dozen rows:
// no worker needed), and each indicator's RAG when it reads without problems.
import * as React from "react";
import { readIndicators, ReadIndicatorsResult } from "../../../core/monitor/readIndicators";
import { computeMonitoring } from "../../../core/monitor/computeMonitoring";
import type { MonitoringResult } from "../../../core/monitor/types";

export interface Indicators {
  text: string;
  setText: (text: string) => void;
  onPaste: (e: React.ClipboardEvent<HTMLTextAreaElement>) => void;
  /** Null while the box is blank. */
  read: ReadIndicatorsResult | null;
  result: MonitoringResult | null;
}

export function useIndicators(): Indicators {
  const [text, setText] = React.useState("");
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

  return { text, setText, onPaste, read, result };
}
