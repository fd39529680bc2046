// What the Compare screen has chosen (areas ticked, or a group preset) and whether that
// makes a comparison: the imported areas each with the periods they hold.
import * as React from "react";
import type { ComparisonChoice, ListedDataSheet } from "../../host/workbookHost";
import { areaKey } from "../../../core/areas";

export interface GroupPreset {
  name: string;
  areas: readonly string[];
}

export interface AreaSummary {
  area: string;
  periods: string[];
}

export function summariseAreas(sheets: ListedDataSheet[]): AreaSummary[] {
  const byKey = new Map<string, AreaSummary>();
  for (const s of sheets) {
    const key = areaKey(s.area);
    const entry = byKey.get(key) ?? { area: s.area, periods: [] };
    if (!entry.periods.includes(s.periodEnding)) entry.periods.push(s.periodEnding);
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => a.area.localeCompare(b.area));
}

export type CompareMode = "areas" | "group";

export interface CompareChoice {
  mode: CompareMode;
  setMode: (mode: CompareMode) => void;
  chosen: string[];
  toggle: (area: string, on: boolean) => void;
  group: string | null;
  setGroup: (group: string | null) => void;
  preset: GroupPreset | undefined;
  /** The imported areas among `list`. */
  withData: (list: readonly string[]) => AreaSummary[];
  /** What went wrong with the last try, shown by the list or the group field. */
  problem: string | undefined;
  /** The comparison to build, or null (and `problem` says why). */
  decide: () => ComparisonChoice | null;
}

export function useCompareChoice(
  areas: AreaSummary[] | null,
  groups: readonly GroupPreset[]
): CompareChoice {
  const [mode, setMode] = React.useState<CompareMode>("areas");
  const [chosen, setChosen] = React.useState<string[]>([]);
  const [group, setGroup] = React.useState<string | null>(null);
  const [problem, setProblem] = React.useState<string | undefined>();

  // A changed choice answers the last refusal: its words go, and Build checks again.
  const toggle = (area: string, on: boolean): void => {
    setChosen((c) => (on ? [...c.filter((a) => a !== area), area] : c.filter((a) => a !== area)));
    setProblem(undefined);
  };
  const chooseMode = (next: CompareMode): void => {
    setMode(next);
    setProblem(undefined);
  };
  const chooseGroup = (next: string | null): void => {
    setGroup(next);
    setProblem(undefined);
  };

  const preset = groups.find((g) => g.name === group);
  const withData = (list: readonly string[]): AreaSummary[] =>
    (areas ?? []).filter((a) => list.some((l) => areaKey(l) === areaKey(a.area)));

  const refuse = (why: string): null => {
    setProblem(why);
    return null;
  };

  const decide = (): ComparisonChoice | null => {
    let choice: ComparisonChoice;
    if (mode === "group") {
      if (!preset) return refuse("Choose a group.");
      const present = withData(preset.areas);
      if (present.length === 0)
        return refuse(
          `No area of ${preset.name} has been imported yet: import their tables first.`
        );
      choice = { kind: "group", group: preset.name, areas: [...preset.areas] };
    } else {
      const picked = withData(chosen);
      const trend = picked.length === 1 && (picked[0]?.periods.length ?? 0) > 1;
      if (picked.length < 2 && !trend)
        return refuse("Choose at least two areas, or one area with several periods for a trend.");
      choice = { kind: "areas", areas: picked.map((p) => p.area) };
    }
    setProblem(undefined);
    return choice;
  };

  return {
    mode,
    setMode: chooseMode,
    chosen,
    toggle,
    group,
    setGroup: chooseGroup,
    preset,
    withData,
    problem,
    decide,
  };
}
