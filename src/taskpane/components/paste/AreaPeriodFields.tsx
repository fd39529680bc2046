// Area and Period ending for the tables pasted: off where the paste names several (each
// table keeps its own), and saying so when the paste gave them.
import * as React from "react";
import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { CrimeTable } from "../../../core/model";
import { areasIn, hasSeveralAreas, hasSeveralPeriods, periodsIn } from "../../applyFields";
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

/** The hint under a field: several values in the paste, one, or none. */
const hintFor = (several: boolean, stated: boolean, severalWords: string): string | undefined =>
  several ? severalWords : stated ? "From the paste." : undefined;

export interface AreaPeriodFieldsProps {
  tables: CrimeTable[];
  fields: PasteFields;
}

export function AreaPeriodFields({ tables, fields }: AreaPeriodFieldsProps): React.JSX.Element {
  const styles = useStyles();
  const severalAreas = hasSeveralAreas(tables);
  const severalPeriods = hasSeveralPeriods(tables);
  const statedArea = areasIn(tables).length === 1;
  const statedPeriod = periodsIn(tables).length === 1;
  return (
    <div className={styles.fields}>
      <Field
        className={styles.field}
        label="Area"
        validationMessage={fields.problems.area}
        hint={hintFor(
          severalAreas,
          statedArea,
          "The paste names several areas: each table keeps its own."
        )}
      >
        <Input
          ref={fields.areaRef}
          value={severalAreas ? "" : fields.area}
          disabled={severalAreas}
          onChange={(_, d) => fields.setArea(d.value)}
          placeholder="e.g. Merton"
        />
      </Field>
      <Field
        className={styles.field}
        label="Period ending"
        validationMessage={fields.problems.period}
        hint={hintFor(
          severalPeriods,
          statedPeriod,
          "The paste covers several periods: each table keeps its own."
        )}
      >
        <Input
          ref={fields.periodRef}
          type="date"
          value={severalPeriods ? "" : fields.period}
          disabled={severalPeriods}
          onChange={(_, d) => fields.setPeriod(d.value)}
        />
      </Field>
    </div>
  );
}
