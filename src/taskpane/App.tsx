// The task pane: which workbook it works on (Excel or this browser), "Refresh all", and
// the screens; each task's progress and messages beside the button that started it. Every Excel or file operation goes through
// the `host` prop; nothing here touches Office.js.
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookHost } from "./host/workbookHost";
import type { PasteReader } from "./worker/pasteReader";
import { ComparePanel } from "./components/ComparePanel";
import type { GroupPreset } from "./components/compare/useCompareChoice";
import { MonitoringPanel } from "./components/MonitoringPanel";
import { PaneHeader } from "./components/PaneHeader";
import { PastePanel } from "./components/PastePanel";
import { Screen, ScreenTabs } from "./components/ScreenTabs";
import { SettingsPanel } from "./components/SettingsPanel";
import { SaveFile, StandalonePanel } from "./components/StandalonePanel";
import { ScreenShown, TaskSlots, TopSlot } from "./components/TaskSlot";
import { useTasks } from "./components/useTasks";
import { useWorkbookSettings } from "./components/useWorkbookSettings";
import { runWrite } from "./components/writeTask";
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
  panel: { paddingTop: tokens.spacingVerticalS },
});

export interface AppProps {
  host: WorkbookHost;
  reader: PasteReader;
  groups: readonly GroupPreset[];
  /** Standalone downloads; a test passes its own. */
  saveFile?: SaveFile;
  /** A word about the mode, when the pane had to fall back (an Excel too old for the add-in). */
  note?: string;
  /** Standalone: whether the browser keeps the workbook between visits (it has storage). */
  keeps?: boolean;
}

export function App({
  host,
  reader,
  groups,
  saveFile,
  note,
  keeps = true,
}: AppProps): React.JSX.Element {
  const styles = useStyles();
  const { state, run, notify } = useTasks();
  const [screen, setScreen] = React.useState<Screen>("paste");
  const [version, setVersion] = React.useState(0);
  const onWritten = React.useCallback(() => setVersion((v) => v + 1), []);
  const [settings, setSettings] = useWorkbookSettings({ host, notify, version });
  const busy = state.busy !== null;
  const shared = { host, run, notify, onWritten, busy };

  const dismiss = React.useCallback(() => notify(null), [notify]);
  const onRefreshAll = (): void =>
    runWrite(shared, "Refresh all", "Refreshed", (report) =>
      host.refreshAll({ onProgress: report })
    );

  return (
    <TaskSlots state={state} dismiss={dismiss}>
      <main className={styles.root}>
        <div>
          <PaneHeader mode={host.mode} note={note} busy={busy} onRefreshAll={onRefreshAll} />
          <TopSlot />
        </div>

        <ScreenTabs screen={screen} onSelect={setScreen} />

        <div
          className={styles.panel}
          role="tabpanel"
          id={`panel-${screen}`}
          aria-labelledby={`tab-${screen}`}
        >
          {/* The paste screen stays mounted so a paste being read survives a look at another screen. */}
          <div hidden={screen !== "paste"}>
            <ScreenShown.Provider value={screen === "paste"}>
              <ErrorBoundary>
                <PastePanel {...shared} reader={reader} settings={settings} />
              </ErrorBoundary>
            </ScreenShown.Provider>
          </div>
          {screen !== "paste" && (
            <ErrorBoundary key={screen}>
              {screen === "compare" && (
                <ComparePanel {...shared} groups={groups} version={version} />
              )}
              {screen === "monitoring" && <MonitoringPanel {...shared} />}
              {screen === "settings" && (
                <SettingsPanel
                  host={host}
                  settings={settings}
                  onSaved={setSettings}
                  run={run}
                  notify={notify}
                  busy={busy}
                />
              )}
            </ErrorBoundary>
          )}
        </div>

        {host.mode === "standalone" && (
          <StandalonePanel {...shared} version={version} saveFile={saveFile} keeps={keeps} />
        )}
      </main>
    </TaskSlots>
  );
}
