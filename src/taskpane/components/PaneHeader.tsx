// The top of the pane: its name, "Refresh all", and which workbook it works on (Excel or
// this browser), with a word on why when it had to fall back.
import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import type { HostMode } from "../host/workbookHost";
import { modeText } from "../messages";
import { TaskSlot } from "./TaskSlot";

const useStyles = makeStyles({
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  titleRow: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  mode: { color: tokens.colorNeutralForeground2 },
});

export interface PaneHeaderProps {
  mode: HostMode;
  note?: string;
  busy: boolean;
  onRefreshAll: () => void;
}

export function PaneHeader({ mode, note, busy, onRefreshAll }: PaneHeaderProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div className={styles.titleRow}>
        <Text as="h1" size={500} weight="semibold">
          Scrutiny Sheets
        </Text>
        <Button icon={<ArrowSyncRegular />} onClick={onRefreshAll} disabled={busy}>
          Refresh all
        </Button>
      </div>
      <Text className={styles.mode} size={200} data-mode={mode}>
        {modeText[mode]}
      </Text>
      {note && <Text size={200}>{note}</Text>}
      <TaskSlot at="Refresh all" />
    </header>
  );
}
