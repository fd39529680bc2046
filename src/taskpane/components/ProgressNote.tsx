// Progress for anything slow: a labelled bar (indeterminate until a fraction is known)
// and, where the work can be stopped, a Cancel button.
import * as React from "react";
import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS },
  field: { flexGrow: 1 },
});

export interface ProgressNoteProps {
  label: string;
  fraction?: number;
  onCancel?: () => void;
}

export function ProgressNote({ label, fraction, onCancel }: ProgressNoteProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status" aria-live="polite">
      <Field className={styles.field} label={label} validationState="none">
        <ProgressBar value={fraction} max={1} thickness="large" aria-label={label} />
      </Field>
      {onCancel && (
        <Button appearance="secondary" onClick={onCancel}>
          Cancel
        </Button>
      )}
    </div>
  );
}
