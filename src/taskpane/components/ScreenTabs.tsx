// The pane's screens as tabs; each tab controls the panel `panel-<screen>`.
import * as React from "react";
import { Tab, TabList, makeStyles } from "@fluentui/react-components";

// At task-pane width (320-350 px) the four tabs wrap rather than push the pane sideways.
const useStyles = makeStyles({ list: { flexWrap: "wrap", maxWidth: "100%" } });

export type Screen = "paste" | "compare" | "monitoring" | "settings";

const screens: { value: Screen; label: string }[] = [
  { value: "paste", label: "Paste" },
  { value: "compare", label: "Compare" },
  { value: "monitoring", label: "Monitoring" },
  { value: "settings", label: "Settings" },
];

export interface ScreenTabsProps {
  screen: Screen;
  onSelect: (screen: Screen) => void;
}

export function ScreenTabs({ screen, onSelect }: ScreenTabsProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <TabList
      className={styles.list}
      size="small"
      selectedValue={screen}
      onTabSelect={(_, d) => onSelect(d.value as Screen)}
      aria-label="Screens"
    >
      {screens.map((s) => (
        <Tab key={s.value} value={s.value} id={`tab-${s.value}`} aria-controls={`panel-${s.value}`}>
          {s.label}
        </Tab>
      ))}
    </TabList>
  );
}
