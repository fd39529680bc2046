// "Wards": a ward-level London Datastore file is read for every borough (its wards summed)
// unless wards are chosen here, as the CLI's --area "Forest Hill" and --group "Lewisham
// wards" choose them. Wards are listed by borough, each borough first offering all its
// wards (the "<Borough> wards" group); typing a ward's first letters moves to it. A
// Dropdown, as Compare's group: a Combobox to filter by would add 6 KB to the pane's start.
import * as React from "react";
import { Dropdown, Field, Option, OptionGroup } from "@fluentui/react-components";
import type { WardsOfArea } from "../../../core/datastore";
import type { DatastoreChoice } from "../../host/workbookHost";

export interface WardPickerProps {
  wards: WardsOfArea[];
  choice: DatastoreChoice;
  onChoose: (choice: DatastoreChoice) => void;
  disabled?: boolean;
}

/** An option's value: a group preset or a ward's label, told apart by a prefix. */
const groupValue = (area: string): string => `group:${area} wards`;
const wardValue = (label: string): string => `ward:${label}`;

/** The choice the selected options make: wards as areas, "<Borough> wards" as groups. */
export function choiceOf(selected: readonly string[]): DatastoreChoice {
  const pick = (prefix: string) =>
    selected.filter((v) => v.startsWith(prefix)).map((v) => v.slice(prefix.length));
  const areas = pick("ward:");
  const groups = pick("group:");
  return areas.length + groups.length === 0 ? {} : { areas, groups };
}

const selectedOf = (choice: DatastoreChoice): string[] => [
  ...(choice.groups ?? []).map((g) => `group:${g}`),
  ...(choice.areas ?? []).map(wardValue),
];

/** What is read, in words: the wards and groups chosen, or every borough. */
function describe(choice: DatastoreChoice): string {
  const names = [...(choice.groups ?? []), ...(choice.areas ?? [])];
  return names.length === 0
    ? "None chosen: each borough is read, summed from its wards."
    : `Reading ${names.join(", ")}: one table per ward.`;
}

export function WardPicker({
  wards,
  choice,
  onChoose,
  disabled,
}: WardPickerProps): React.JSX.Element {
  return (
    <Field label="Wards" hint={describe(choice)}>
      <Dropdown
        multiselect
        disabled={disabled}
        placeholder="Every borough"
        selectedOptions={selectedOf(choice)}
        onOptionSelect={(_, d) => onChoose(choiceOf(d.selectedOptions))}
      >
        {wards.map((a) => (
          <OptionGroup key={a.area} label={a.area}>
            <Option value={groupValue(a.area)}>{`All wards of ${a.area}`}</Option>
            {a.wards.map((w) => (
              <Option key={w} value={wardValue(w)}>
                {w}
              </Option>
            ))}
          </OptionGroup>
        ))}
      </Dropdown>
    </Field>
  );
}
