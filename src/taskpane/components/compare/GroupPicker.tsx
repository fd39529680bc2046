// A group preset to compare, saying which of its areas have been imported.
import * as React from "react";
import { Dropdown, Field, Option } from "@fluentui/react-components";
import type { CompareChoice, GroupPreset } from "./useCompareChoice";

export interface GroupPickerProps {
  groups: readonly GroupPreset[];
  choice: Pick<CompareChoice, "group" | "setGroup" | "preset" | "withData" | "problem">;
}

export function GroupPicker({ groups, choice }: GroupPickerProps): React.JSX.Element {
  const { group, setGroup, preset, withData, problem } = choice;
  return (
    <Field
      label="Group"
      validationMessage={problem}
      hint={
        preset
          ? `${preset.areas.join(", ")}: ${withData(preset.areas).length} of ${preset.areas.length} imported.`
          : undefined
      }
    >
      <Dropdown
        placeholder="Choose a group"
        value={group ?? ""}
        selectedOptions={group ? [group] : []}
        onOptionSelect={(_, d) => setGroup(d.optionValue ?? null)}
      >
        {groups.map((g) => (
          <Option key={g.name} value={g.name}>
            {g.name}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
