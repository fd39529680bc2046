// Everything the preview shows about a paste, computed by the pure core: read the
// tables, check every derived figure, find the changes that matter. The same function
// runs on the UI thread (small pastes) and in the read worker (large ones).
import { readPaste } from "../../core/read";
import { findAnomalies } from "../../core/anomalies";
import { validateTables } from "../../core/validate";
import { anomalyOptionsOf, settingsWith, type HighlightSettings } from "../../core/settings";
import type { PastedInput } from "../host/workbookHost";
import type { ReadOutcome, ReadProgress } from "./pasteReader";

export function analysePaste(
  input: PastedInput,
  settings: HighlightSettings,
  onProgress?: (p: ReadProgress) => void
): ReadOutcome {
  onProgress?.({ stage: "reading", fraction: 0 });
  const read = readPaste(input.text, { source: input.source, html: input.html });
  if (!read.ok) return { status: "error", error: read.error };
  onProgress?.({ stage: "checking", fraction: 0.6 });
  const issues = validateTables(read.tables);
  onProgress?.({ stage: "anomalies", fraction: 0.8 });
  const anomalies = findAnomalies(read.tables, anomalyOptionsOf(settingsWith(settings)));
  onProgress?.({ stage: "anomalies", fraction: 1 });
  return { status: "ok", analysis: { tables: read.tables, issues, anomalies } };
}
