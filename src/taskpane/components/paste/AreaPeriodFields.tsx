// Area and Period ending for the tables pasted: off where the paste names several (each
// table keeps its own), and saying so when the paste gave them.
import * as React from "react";
import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { CrimeTable } from "../../../core/model";
import { areasIn, periodsIn } from "../../applyFields";
import type { PasteFields } from "./usePasteFields";

const useStyles = makeStyles({
  fields: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  field: { flexGrow: 1, minWidth: "140px" },
});

interface FieldFromPasteProps {
  label: string;
  problem: string | undefined;
  /** The values the paste gives: several turn the field off, each table keeping its own. */
  found: string[];
  severalWords: string;
  inputRef: React.RefObject<HTMLInputElement | null>;
  value: string;
  onChange: (value: string) => void;
  /** What else the input is: a placeholder, a type. */
  input: { placeholder?: string; type?: "date" };
}

function FieldFromPaste(props: FieldFromPasteProps): React.JSX.Element {
  const styles = useStyles();
  const several = props.found.length > 1;
  const stated = props.found.length === 1;
  return (
    <Field
      className={styles.field}
      label={props.label}
      validationMessage={props.problem}
      hint={several ? props.severalWords : stated ? "From the paste." : undefined}
    >
      <Input
        ref={props.inputRef}
        {...props.input}
        value={several ? "" : props.value}
        disabled={several}
        onChange={(_, d) => props.onChange(d.value)}
      />
    </Field>
  );
}

export interface AreaPeriodFieldsProps {
  tables: CrimeTable[];
  fields: PasteFields;
}

export function AreaPeriodFields({ tables, fields }: AreaPeriodFieldsProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.fields}>
      <FieldFromPaste
        label="Area"
        problem={fields.problems.area}
        found={areasIn(tables)}
        severalWords="The paste names several areas: each table keeps its own."
        inputRef={fields.areaRef}
        value={fields.area}
        onChange={fields.setArea}
        input={{ placeholder: "e.g. Merton" }}
      />
      <FieldFromPaste
        label="Period ending"
        problem={fields.problems.period}
        found={periodsIn(tables)}
        severalWords="The paste covers several periods: each table keeps its own."
        inputRef={fields.periodRef}
        value={fields.period}
        onChange={fields.setPeriod}
        input={{ type: "date" }}
      />
    </div>
  );
}
