// Compare: choose areas or a group preset, then "Build comparison" (comparison sheets
// per period, and trend sheets for any area with several periods).
import * as React from "react";
import { Radio, RadioGroup } from "@fluentui/react-components";
import type { ListedDataSheet, WorkbookHost } from "../host/workbookHost";
import { AreaChecklist } from "./compare/AreaChecklist";
import { GroupPicker } from "./compare/GroupPicker";
import {
  AreaSummary,
  GroupPreset,
  summariseAreas,
  useCompareChoice,
} from "./compare/useCompareChoice";
import { PanelSection } from "./PanelSection";
import { PrimaryAction } from "./PrimaryAction";
import { useWorkbookRead } from "./useWorkbookRead";
import { PanelProps, runWrite } from "./writeTask";

export interface ComparePanelProps extends PanelProps {
  groups: readonly GroupPreset[];
  /** Changes whenever the workbook was written, so the list of areas is read again. */
  version: number;
}

const listDataSheets = (host: WorkbookHost): Promise<ListedDataSheet[]> => host.listDataSheets();

export function ComparePanel(props: ComparePanelProps): React.JSX.Element {
  const { host, groups, busy } = props;
  const [areas, setAreas] = React.useState<AreaSummary[] | null>(null);
  const onListed = React.useCallback(
    (sheets: ListedDataSheet[]) => setAreas(summariseAreas(sheets)),
    []
  );
  useWorkbookRead(props, "Listing the data sheets", listDataSheets, onListed);
  const choice = useCompareChoice(areas, groups);

  const onBuild = (): void => {
    const chosen = choice.decide();
    if (!chosen) return;
    runWrite(props, "Build comparison", "Built", (report) =>
      host.buildComparison(chosen, { onProgress: report })
    );
  };

  return (
    <PanelSection name="compare" title="Compare areas">
      <RadioGroup
        value={choice.mode}
        onChange={(_, d) => choice.setMode(d.value === "group" ? "group" : "areas")}
        aria-label="Compare by"
      >
        <Radio value="areas" label="Areas I choose" />
        <Radio value="group" label="A group preset" />
      </RadioGroup>

      {choice.mode === "areas" ? (
        <AreaChecklist
          areas={areas}
          chosen={choice.chosen}
          toggle={choice.toggle}
          problem={choice.problem}
        />
      ) : (
        <GroupPicker groups={groups} choice={choice} />
      )}

      <PrimaryAction label="Build comparison" onClick={onBuild} busy={busy} />
    </PanelSection>
  );
}
