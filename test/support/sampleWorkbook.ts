// The sample workbook as the CLI builds it from the project's samples: both Merton
// snapshots, the four September boroughs as a group, two Datastore areas and the
// monitoring indicators. Tests of what writers make of every sheet use it.
import { readFileSync } from "fs";
import path from "path";
import { buildWorkbook } from "../../src/app/useCases";
import { readIndicators } from "../../src/core/monitor";
import type { WorkbookSpec } from "../../src/layout/spec";
import {
  datastoreTables,
  MERTON_PERIODS,
  SAMPLES,
  SEPTEMBER_BOROUGHS,
  sampleTables,
} from "./samples";

/** The spec, and the areas of its September group. */
export function sampleWorkbookSpec(): { spec: WorkbookSpec; areas: string[] } {
  const september = SEPTEMBER_BOROUGHS.flatMap(sampleTables);
  const areas = [...new Set(september.map((t) => t.area!))];
  const text = readFileSync(path.join(SAMPLES, "monitoring/indicators-2016-17.txt"), "utf8");
  const indicators = readIndicators(text, "indicators-2016-17.txt");
  if (!indicators.ok) throw new Error("the monitoring sample did not read");
  const tables = [
    ...MERTON_PERIODS.flatMap(sampleTables),
    ...september,
    ...datastoreTables({ areas: ["Merton", "Sutton"] }),
  ];
  const plan = buildWorkbook(
    tables,
    [{ name: "September", areas }],
    indicators.indicators,
    "2026-12-03"
  );
  return { spec: plan.spec, areas };
}
