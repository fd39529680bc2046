// Everything the preview shows about a paste, computed by the pure core: read the
// tables (a London Datastore CSV for the areas chosen), check every derived figure, find
// the changes that matter. The same function runs on the UI thread (small pastes) and in
// the read worker (large ones).
import { isDatastoreCsv, listWards, readDatastore, type WardsOfArea } from "../../core/datastore";
import { readInput } from "../../core/readInput";
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
  // readInput: a London Datastore CSV becomes its areas' tables, anything else is read as a paste.
  const read = readInput(input.text, {
    source: input.source,
    html: input.html,
    fileName: input.fileName,
    knownAreas: input.knownAreas,
    areas: input.datastore?.areas,
    groups: input.datastore?.groups,
  });
  if (!read.ok) return { status: "error", error: read.error };
  onProgress?.({ stage: "checking", fraction: 0.6 });
  const issues = validateTables(read.tables);
  onProgress?.({ stage: "anomalies", fraction: 0.8 });
  const anomalies = findAnomalies(read.tables, anomalyOptionsOf(settingsWith(settings)));
  onProgress?.({ stage: "anomalies", fraction: 1 });
  // Listed when the file is first read (the pane keeps the list while wards are chosen).
  const wards = input.datastore ? [] : wardsIn(input);
  return {
    status: "ok",
    analysis: { tables: read.tables, issues, anomalies, ...(wards.length > 0 ? { wards } : {}) },
  };
}

/** A ward-level Datastore file's wards by borough, for the pane's choice of wards; else none. */
function wardsIn(input: PastedInput): WardsOfArea[] {
  if (!isDatastoreCsv(input.text)) return [];
  const read = readDatastore(input.text, input.source);
  return read.ok ? listWards(read.file) : [];
}
