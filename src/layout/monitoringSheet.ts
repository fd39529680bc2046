// The monitoring sheet as the workbook keeps it: built from indicators (build --monitor,
// the pane's Monitoring section) and rebuilt by refresh from the figures the analyst has
// since typed into it. The sheet holds its own inputs, so it is recorded as the user's
// (not "generated"): no refresh removes it, and a rebuild reads it back first.
import type { Indicator } from "../core/monitor/types";
import type { SheetDefinition } from "./definitions";
import {
  layoutMonitoring,
  readMonitoringInputs,
  type MonitoringSheetOptions,
} from "./layoutMonitoring";
import { SheetNamer } from "./sheetNames";
import type { SheetSpec } from "./spec";

export const MONITORING_SHEET = "Monitoring";

/** A monitoring sheet for `indicators`, reusing the recorded sheet's name or taking a free one. */
export function planMonitoringSheet(
  indicators: Indicator[],
  options: MonitoringSheetOptions,
  takenNames: readonly string[],
  recorded?: SheetDefinition
): { sheet: SheetSpec; def: SheetDefinition } {
  const name = recorded?.name ?? new SheetNamer(takenNames).take(MONITORING_SHEET);
  const layout = layoutMonitoring(indicators, options, name);
  return {
    sheet: layout.sheet,
    def: {
      name,
      role: "monitoring",
      generated: false,
      monitoring: { inputs: layout.inputs, options },
    },
  };
}

/** The recorded monitoring sheet rebuilt from its values as they stand, or null if it cannot be. */
export function rebuildMonitoringSheet(
  def: SheetDefinition,
  values: unknown[][] | null
): { sheet: SheetSpec; def: SheetDefinition } | null {
  if (!def.monitoring || values === null) return null;
  const indicators = readMonitoringInputs(def.monitoring.inputs, (r, c) => values[r]?.[c] ?? null);
  return planMonitoringSheet(indicators, def.monitoring.options, [], def);
}
