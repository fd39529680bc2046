// Compare: choose areas or a group preset, then "Build comparison" (comparison sheets
// per period, and trend sheets for any area with several periods).
import * as React from "react";
import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Option,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ComparisonChoice, ListedDataSheet, WorkbookHost } from "../host/workbookHost";
import { areaKey } from "../../core/areas";
import { describeHostError, describeWrite } from "../messages";
import type { Notice, RunTask } from "./useTasks";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  areas: { display: "flex", flexDirection: "column", maxHeight: "240px", overflowY: "auto" },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

export interface GroupPreset {
  name: string;
  areas: readonly string[];
}

export interface ComparePanelProps {
  host: WorkbookHost;
  groups: readonly GroupPreset[];
  run: RunTask;
  notify: (notice: Notice | null) => void;
  onWritten: () => void;
  /** Changes whenever the workbook was written, so the list of areas is read again. */
  version: number;
  busy: boolean;
}

interface AreaSummary {
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

export function ComparePanel({
  host,
  groups,
  run,
  notify,
  onWritten,
  version,
  busy,
}: ComparePanelProps): React.JSX.Element {
  const styles = useStyles();
  const [areas, setAreas] = React.useState<AreaSummary[] | null>(null);
  const [mode, setMode] = React.useState<"areas" | "group">("areas");
  const [chosen, setChosen] = React.useState<string[]>([]);
  const [group, setGroup] = React.useState<string | null>(null);
  const [problem, setProblem] = React.useState<string | undefined>();

  React.useEffect(() => {
    let live = true;
    host.listDataSheets().then(
      (sheets) => live && setAreas(summariseAreas(sheets)),
      (e: unknown) =>
        live && notify({ intent: "error", text: describeHostError("Listing the data sheets", e) })
    );
    return () => {
      live = false;
    };
  }, [host, version, notify]);

  const toggle = (area: string, on: boolean): void =>
    setChosen((c) => (on ? [...c.filter((a) => a !== area), area] : c.filter((a) => a !== area)));

  const preset = groups.find((g) => g.name === group);
  const withData = (list: readonly string[]): AreaSummary[] =>
    (areas ?? []).filter((a) => list.some((l) => areaKey(l) === areaKey(a.area)));

  const onBuild = (): void => {
    let choice: ComparisonChoice;
    if (mode === "group") {
      if (!preset) return setProblem("Choose a group.");
      const present = withData(preset.areas);
      if (present.length === 0)
        return setProblem(
          `No area of ${preset.name} has been imported yet: import their tables first.`
        );
      choice = { kind: "group", group: preset.name, areas: [...preset.areas] };
    } else {
      const picked = withData(chosen);
      const trend = picked.length === 1 && (picked[0]?.periods.length ?? 0) > 1;
      if (picked.length < 2 && !trend)
        return setProblem(
          "Choose at least two areas, or one area with several periods for a trend."
        );
      choice = { kind: "areas", areas: picked.map((p) => p.area) };
    }
    setProblem(undefined);
    void run("Build comparison", async (report) => {
      const written = await host.buildComparison(choice, { onProgress: report });
      onWritten();
      return describeWrite("Built", written);
    });
  };

  return (
    <section className={styles.root} aria-labelledby="compare-heading">
      <Text as="h2" id="compare-heading" size={400} weight="semibold">
        Compare areas
      </Text>
      <RadioGroup
        value={mode}
        onChange={(_, d) => setMode(d.value === "group" ? "group" : "areas")}
        aria-label="Compare by"
      >
        <Radio value="areas" label="Areas I choose" />
        <Radio value="group" label="A group preset" />
      </RadioGroup>

      {mode === "areas" ? (
        <div>
          <Text id="areas-label" weight="semibold">
            Areas
          </Text>
          <div
            className={styles.areas}
            role="group"
            aria-labelledby="areas-label"
            aria-describedby="areas-note"
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
          <Text
            id="areas-note"
            size={200}
            role={problem ? "alert" : undefined}
            className={problem ? styles.problem : undefined}
          >
            {problem ?? (areas?.length === 0 ? "No data sheets yet: import a table first." : "")}
          </Text>
        </div>
      ) : (
        <Field
          label="Group"
          validationMessage={problem}
          hint={
            preset
              ? `${preset.areas.join(", ")}: ${withData(preset.areas).length} of ${preset.areas.length} imported.`
              : undefined
          }
        >
          <Dropdown
            placeholder="Choose a group"
            value={group ?? ""}
            selectedOptions={group ? [group] : []}
            onOptionSelect={(_, d) => setGroup(d.optionValue ?? null)}
          >
            {groups.map((g) => (
              <Option key={g.name} value={g.name}>
                {g.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}

      <div>
        <Button appearance="primary" onClick={onBuild} disabled={busy}>
          Build comparison
        </Button>
      </div>
    </section>
  );
}
