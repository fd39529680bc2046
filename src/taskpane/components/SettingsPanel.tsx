// Highlight thresholds, saved in the workbook's definitions so a refresh anywhere
// (Excel, the command line, this browser) uses the same ones.
import * as React from "react";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { HighlightSettings, WorkbookHost } from "../host/workbookHost";
import { defaultSettings } from "../host/workbookHost";
import { WorkbookNotKept } from "../host/errors";
import { PanelSection } from "./PanelSection";
import { TaskSlot } from "./TaskSlot";
import type { NoticeChange, RunTask } from "./useTasks";

const useStyles = makeStyles({
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS },
});

type Draft = Record<keyof HighlightSettings, string>;
type Problems = Partial<Record<keyof HighlightSettings, string>>;

const toDraft = (s: HighlightSettings): Draft => ({
  significanceLevel: String(s.significanceLevel),
  minimumBase: String(s.minimumBase),
  changeThreshold: s.changeThreshold === null ? "" : String(s.changeThreshold),
});

/** Parses and checks the three fields; every problem says what a valid value is. */
export function parseSettings(
  draft: Draft
): { settings: HighlightSettings } | { problems: Problems } {
  const problems: Problems = {};
  const num = (v: string): number => (v.trim() === "" ? NaN : Number(v.trim()));
  const alpha = num(draft.significanceLevel);
  const base = num(draft.minimumBase);
  // Blank: no notable-change flag.
  const change = draft.changeThreshold.trim() === "" ? null : num(draft.changeThreshold);
  if (!(alpha > 0 && alpha < 0.5))
    problems.significanceLevel = "Enter a number above 0 and below 0.5, for example 0.05.";
  if (!(Number.isInteger(base) && base >= 1))
    problems.minimumBase = "Enter a whole number of 1 or more, for example 20.";
  if (change !== null && !(change >= 0 && Number.isFinite(change)))
    problems.changeThreshold =
      "Enter a percentage of 0 or more, for example 20, or leave it blank.";
  if (Object.keys(problems).length > 0) return { problems };
  return { settings: { significanceLevel: alpha, minimumBase: base, changeThreshold: change } };
}

function omit(problems: Problems, keys: (keyof HighlightSettings)[]): Problems {
  const rest = { ...problems };
  for (const k of keys) delete rest[k];
  return rest;
}

/** The three fields, in the order shown. */
const settingFields: {
  key: keyof HighlightSettings;
  label: string;
  inputMode: "decimal" | "numeric";
  hint: string;
}[] = [
  {
    key: "significanceLevel",
    label: "Significance level",
    inputMode: "decimal",
    hint: "A change is marked significant when its p-value is below this (0.05 means 95% confidence).",
  },
  {
    key: "minimumBase",
    label: "Minimum base",
    inputMode: "numeric",
    hint: "A % change or rate on fewer than this many is marked “unreliable: small numbers”.",
  },
  {
    key: "changeThreshold",
    label: "Change threshold (%)",
    inputMode: "decimal",
    hint: "A significant % change at least this large is flagged as notable. Leave blank for no such flag.",
  },
];

export interface SettingsPanelProps {
  host: WorkbookHost;
  settings: HighlightSettings;
  onSaved: (settings: HighlightSettings) => void;
  run: RunTask;
  /** Takes away what no longer applies once a field is edited ("Settings saved"). */
  notify?: (notice: NoticeChange) => void;
  busy: boolean;
}

export function SettingsPanel({
  host,
  settings,
  onSaved,
  run,
  notify,
  busy,
}: SettingsPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [draft, setDraft] = React.useState<Draft>(() => toDraft(settings));
  const [problems, setProblems] = React.useState<Problems>({});
  React.useEffect(() => setDraft(toDraft(settings)), [settings]);

  // An edit makes "Settings saved" untrue and answers the field's own problem.
  const edited = (keys: (keyof HighlightSettings)[]): void => {
    notify?.({ clear: { at: ["Save settings"] } });
    setProblems((p) => (keys.some((k) => p[k]) ? omit(p, keys) : p));
  };
  const set = (key: keyof HighlightSettings) => (_: unknown, d: { value: string }) => {
    setDraft((s) => ({ ...s, [key]: d.value }));
    edited([key]);
  };

  const onSave = (): void => {
    const parsed = parseSettings(draft);
    if ("problems" in parsed) return setProblems(parsed.problems);
    setProblems({});
    void run("Save settings", async () => {
      try {
        await host.saveSettings(parsed.settings);
      } catch (e) {
        if (e instanceof WorkbookNotKept) onSaved(parsed.settings); // in use, only not kept
        throw e;
      }
      onSaved(parsed.settings);
      return "Settings saved in the workbook. Refresh all applies them to the generated sheets.";
    });
  };

  return (
    <PanelSection name="settings" title="Highlight settings">
      {settingFields.map((f) => (
        <Field key={f.key} label={f.label} validationMessage={problems[f.key]} hint={f.hint}>
          <Input inputMode={f.inputMode} value={draft[f.key]} onChange={set(f.key)} />
        </Field>
      ))}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onSave} disabled={busy}>
          Save settings
        </Button>
        <Button
          onClick={() => {
            setDraft(toDraft(defaultSettings));
            edited(settingFields.map((f) => f.key));
          }}
        >
          Use defaults
        </Button>
      </div>
      <TaskSlot at="Save settings" />
    </PanelSection>
  );
}
