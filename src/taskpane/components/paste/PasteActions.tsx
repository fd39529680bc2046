// Import (what was pasted) and Import selection (a table already in an Excel sheet: off,
// and saying why, outside Excel).
import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { TaskSlot } from "../TaskSlot";

const useStyles = makeStyles({
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});

export interface PasteActionsProps {
  inExcel: boolean;
  busy: boolean;
  onImport: () => void;
  onImportSelection: () => void;
}

export function PasteActions({
  inExcel,
  busy,
  onImport,
  onImportSelection,
}: PasteActionsProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onImport} disabled={busy}>
          Import
        </Button>
        <Button
          onClick={onImportSelection}
          disabledFocusable={!inExcel || busy}
          aria-describedby={inExcel ? undefined : "import-selection-hint"}
        >
          Import selection
        </Button>
      </div>
      <TaskSlot at="Import" />
      <TaskSlot at="Import selection" />
      {!inExcel && (
        <Text id="import-selection-hint" size={200}>
          Import selection reads a table already pasted into an Excel sheet: it needs Excel.
        </Text>
      )}
    </>
  );
}
