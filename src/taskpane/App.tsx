// The task pane: which workbook it works on (Excel or this browser), the message bar and
// progress, "Refresh all", and the screens. Every Excel or file operation goes through
// the `host` prop; nothing here touches Office.js.
import * as React from "react";
import { Button, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import type { HighlightSettings, WorkbookHost } from "./host/workbookHost";
import { defaultSettings } from "./host/workbookHost";
import type { PasteReader } from "./worker/pasteReader";
import { describeHostError, describeWrite, modeText } from "./messages";
import { ComparePanel, GroupPreset } from "./components/ComparePanel";
import { MonitoringPanel } from "./components/MonitoringPanel";
import { NoticeBar } from "./components/NoticeBar";
import { PastePanel } from "./components/PastePanel";
import { ProgressNote } from "./components/ProgressNote";
import { SettingsPanel } from "./components/SettingsPanel";
import { SaveFile, StandalonePanel } from "./components/StandalonePanel";
import { useTasks } from "./components/useTasks";
import { ErrorBoundary } from "./components/ErrorBoundary";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: "280px",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  titleRow: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  mode: { color: tokens.colorNeutralForeground2 },
  panel: { paddingTop: tokens.spacingVerticalS },
});

type Screen = "paste" | "compare" | "monitoring" | "settings";
const screens: { value: Screen; label: string }[] = [
  { value: "paste", label: "Paste" },
  { value: "compare", label: "Compare" },
  { value: "monitoring", label: "Monitoring" },
  { value: "settings", label: "Settings" },
];

export interface AppProps {
  host: WorkbookHost;
  reader: PasteReader;
  groups: readonly GroupPreset[];
  /** Standalone downloads; a test passes its own. */
  saveFile?: SaveFile;
  /** A word about the mode, when the pane had to fall back (an Excel too old for the add-in). */
  note?: string;
}

export function App({ host, reader, groups, saveFile, note }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const { state, run, notify } = useTasks();
  const [screen, setScreen] = React.useState<Screen>("paste");
  const [settings, setSettings] = React.useState<HighlightSettings>(defaultSettings);
  const [version, setVersion] = React.useState(0);
  const onWritten = React.useCallback(() => setVersion((v) => v + 1), []);
  const busy = state.busy !== null;

  React.useEffect(() => {
    let live = true;
    host.readSettings().then(
      (s) => live && setSettings((old) => (sameSettings(old, s) ? old : s)),
      (e: unknown) =>
        live && notify({ intent: "error", text: describeHostError("Reading the settings", e) })
    );
    return () => {
      live = false;
    };
    // Read again after every write: opening a workbook brings its own settings.
  }, [host, notify, version]);

  const onRefreshAll = (): void => {
    void run("Refresh all", async (report) => {
      const written = await host.refreshAll({ onProgress: report });
      onWritten();
      return describeWrite("Refreshed", written);
    });
  };

  const shared = { host, run, notify, onWritten, busy };
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <Text as="h1" size={500} weight="semibold">
            Scrutiny Sheets
          </Text>
          <Button icon={<ArrowSyncRegular />} onClick={onRefreshAll} disabled={busy}>
            Refresh all
          </Button>
        </div>
        <Text className={styles.mode} size={200} data-mode={host.mode}>
          {modeText[host.mode]}
        </Text>
        {note && <Text size={200}>{note}</Text>}
      </header>

      <NoticeBar notice={state.notice} onDismiss={() => notify(null)} />
      {state.busy && (
        <ProgressNote
          label={state.busy.label}
          fraction={state.busy.fraction}
          onCancel={state.busy.cancel}
        />
      )}

      <TabList
        selectedValue={screen}
        onTabSelect={(_, d) => setScreen(d.value as Screen)}
        aria-label="Screens"
      >
        {screens.map((s) => (
          <Tab
            key={s.value}
            value={s.value}
            id={`tab-${s.value}`}
            aria-controls={`panel-${s.value}`}
          >
            {s.label}
          </Tab>
        ))}
      </TabList>

      <div
        className={styles.panel}
        role="tabpanel"
        id={`panel-${screen}`}
        aria-labelledby={`tab-${screen}`}
      >
        {/* The paste screen stays mounted so a paste being read survives a look at another screen. */}
        <div hidden={screen !== "paste"}>
          <ErrorBoundary>
            <PastePanel {...shared} reader={reader} settings={settings} />
          </ErrorBoundary>
        </div>
        {screen !== "paste" && (
          <ErrorBoundary key={screen}>
            {screen === "compare" && <ComparePanel {...shared} groups={groups} version={version} />}
            {screen === "monitoring" && <MonitoringPanel {...shared} />}
            {screen === "settings" && (
              <SettingsPanel
                host={host}
                settings={settings}
                onSaved={setSettings}
                run={run}
                busy={busy}
              />
            )}
          </ErrorBoundary>
        )}
      </div>

      {host.mode === "standalone" && (
        <StandalonePanel {...shared} version={version} saveFile={saveFile} />
      )}
    </main>
  );
}

const sameSettings = (a: HighlightSettings, b: HighlightSettings): boolean =>
  a.significanceLevel === b.significanceLevel &&
  a.minimumBase === b.minimumBase &&
  a.changeThreshold === b.changeThreshold;
