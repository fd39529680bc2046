// The box a table is pasted into: monospace, six rows, no spelling marks.
import * as React from "react";
import { Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  box: { fontFamily: tokens.fontFamilyMonospace },
});

export interface PasteBoxProps {
  label: string;
  hint: string;
  value: string;
  onPaste: (e: React.ClipboardEvent<HTMLTextAreaElement>) => void;
  onChange: (value: string) => void;
}

export function PasteBox({
  label,
  hint,
  value,
  onPaste,
  onChange,
}: PasteBoxProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <Field label={label} hint={hint}>
      <Textarea
        className={styles.box}
        value={value}
        onPaste={onPaste}
        onChange={(_, d) => onChange(d.value)}
        rows={6}
        resize="vertical"
        spellCheck={false}
      />
    </Field>
  );
}
