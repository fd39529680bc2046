// The settings an analysis runs with, as one typed object with its defaults and its
// reading in one place. The workbook's definitions record it as it is, under
// "thresholds": the anomaly rules' options, plus the notable-change threshold when set.
// The pane edits three of them, under the names its form shows (HighlightSettings).
import {
  defaultAnomalyOptions,
  resolveAnomalyOptions,
  type AnomalyOptions,
} from "./anomalies/options";

export interface Settings extends AnomalyOptions {
  /**
   * A significant % change at least this large (in percent, 20 = 20%) is flagged as notable.
   * Absent: no notable-change flag (the command line's default; the add-in's settings set it).
   */
  changeThreshold?: number;
}

export const defaultSettings: Readonly<Settings> = defaultAnomalyOptions;

/** The settings the pane edits, as its form names them; saved into the workbook's Settings. */
export interface HighlightSettings {
  /** Significance level for a change or rate test (Settings.alpha). @default 0.05 */
  significanceLevel: number;
  /** Base below which a % change or rate is "unreliable: small numbers" (Settings.minBase). @default 20 */
  minimumBase: number;
  /** Settings.changeThreshold, null for no notable-change flag. @default null */
  changeThreshold: number | null;
}

export const defaultHighlightSettings: HighlightSettings = {
  significanceLevel: defaultSettings.alpha,
  minimumBase: defaultSettings.minBase,
  changeThreshold: null,
};

/** The thresholds the highlights use, which the sheets show in cells their formulas reference. */
export type HighlightThresholds = Pick<Settings, "alpha" | "minBase" | "changeThreshold">;

/** `v` when a finite number, else `fallback` (a workbook may record anything). */
const finite = (v: unknown, fallback: number): number =>
  typeof v === "number" && Number.isFinite(v) ? v : fallback;
const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Only the options the anomalies core knows (a workbook may record others). */
export function anomalyOptionsOf(settings: Partial<Settings>): Partial<AnomalyOptions> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(defaultAnomalyOptions))
    if (k in settings) out[k] = settings[k as keyof Settings];
  return out as Partial<AnomalyOptions>;
}

/**
 * The settings to build with: the recorded ones (all defaults when any is out of range),
 * with the pane's three over them. Absent changeThreshold means no notable-change flag.
 */
export function settingsWith(
  highlights: HighlightSettings,
  recorded: Partial<Settings> = {}
): Settings {
  let base: AnomalyOptions;
  try {
    base = resolveAnomalyOptions(anomalyOptionsOf(recorded));
  } catch {
    base = { ...defaultAnomalyOptions };
  }
  const settings: Settings = {
    ...base,
    alpha: highlights.significanceLevel,
    minBase: highlights.minimumBase,
  };
  if (highlights.changeThreshold !== null) settings.changeThreshold = highlights.changeThreshold;
  return settings;
}

/** The pane's three settings as a workbook records them (defaults for what it does not say). */
export function highlightSettingsOf(recorded: Partial<Settings> | undefined): HighlightSettings {
  const change = recorded?.changeThreshold;
  return {
    significanceLevel: finite(recorded?.alpha, defaultHighlightSettings.significanceLevel),
    minimumBase: finite(recorded?.minBase, defaultHighlightSettings.minimumBase),
    changeThreshold: isFiniteNumber(change) ? change : null,
  };
}

/** The highlight thresholds out of any settings, with defaults (a negative change threshold is none). */
export function highlightThresholds(settings: Partial<Settings> | undefined): HighlightThresholds {
  const change = settings?.changeThreshold;
  return {
    alpha: finite(settings?.alpha, defaultSettings.alpha),
    minBase: finite(settings?.minBase, defaultSettings.minBase),
    ...(isFiniteNumber(change) && change >= 0 ? { changeThreshold: change } : {}),
  };
}
