// Paste a table (or open or drop a PDF), see what was read with every issue on its cell,
// choose the wards of a ward-level Datastore file, fill in Area and Period ending, then
// Import. Reads the paste event's text/html and text/plain itself: navigator.clipboard is
// blocked in Excel on the web.
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { PasteReader } from "../worker/pasteReader";
import { PanelSection } from "./PanelSection";
import { PasteBox } from "./PasteBox";
import { PreviewList } from "./PreviewList";
import { AreaPeriodFields } from "./paste/AreaPeriodFields";
import { ImportPasteProps, importPaste, importSelection } from "./paste/importPaste";
import { useDuplicateQuestion } from "./import/DuplicateImportDialog";
import { OpenFile } from "./paste/OpenFile";
import { openFile } from "./paste/openedFile";
import { PasteActions } from "./paste/PasteActions";
import { ReadStatus } from "./paste/ReadStatus";
import { TaskSlot } from "./TaskSlot";
import { TablePicker } from "./paste/TablePicker";
import { usePasteBox } from "./paste/usePasteBox";
import { usePasteDrop } from "./paste/usePasteDrop";
import { usePasteFields } from "./paste/usePasteFields";
import { usePastePick } from "./paste/usePastePick";
import { usePasteRead } from "./paste/usePasteRead";
import { WardPicker } from "./paste/WardPicker";

const useStyles = makeStyles({
  drop: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  over: {
    outline: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    outlineOffset: tokens.spacingHorizontalXS,
  },
});

export interface PastePanelProps extends ImportPasteProps {
  reader: PasteReader;
}

export function PastePanel(props: PastePanelProps): React.JSX.Element {
  const { host, reader, settings, notify, busy } = props;
  const styles = useStyles();
  const fields = usePasteFields();
  // Counts new pastes read (not re-checks after a settings change): Import of the paste
  // now shown makes its preview say "Imported" instead of "Nothing is written".
  const [pastes, setPastes] = React.useState(0);
  const [importedPaste, setImportedPaste] = React.useState<number | null>(null);
  const { fill } = fields;
  const onFresh = React.useCallback(
    (tables: Parameters<typeof fill>[0]) => {
      setPastes((n) => n + 1);
      fill(tables);
    },
    [fill]
  );
  const { read, accept, acceptFile, wards, choice, choose } = usePasteRead({
    reader,
    settings,
    notify,
    onFresh,
  });
  const box = usePasteBox(accept);
  const pick = usePastePick(read);
  const onTick = (index: number, on: boolean): void => {
    pick.tick(index, on);
    notify({ clear: { at: ["Import"], intents: ["warning"] } }); // "Tick at least one table"
  };
  const onFile = (file: File): void => {
    void openFile(file, {
      binary: (opened) => {
        box.showFile(opened.name);
        acceptFile(opened);
      },
      text: box.showSelection,
      refuse: (text) => notify({ intent: "warning", text, at: "Paste table" }),
    });
  };
  const drop = usePasteDrop(onFile);
  const duplicates = useDuplicateQuestion();

  return (
    <PanelSection name="paste" title="Paste a table">
      <div className={drop.over ? `${styles.drop} ${styles.over}` : styles.drop} {...drop.handlers}>
        <PasteBox
          label="Paste table"
          hint={
            box.bigNote ??
            "Copy the table from the paper (web page, Word, PDF or Excel) and paste it here with Ctrl+V, or open or drop a PDF of the paper. A new paste replaces the last one."
          }
          value={box.text}
          onPaste={box.onPaste}
          onChange={box.onType}
        />
        <OpenFile onFile={onFile} disabled={busy} />
      </div>

      <ReadStatus read={read} />
      <TaskSlot at="Paste table" />

      {pick.analysis?.unreadable && (
        <TablePicker analysis={pick.analysis} ticked={pick.ticked} onTick={onTick} />
      )}

      {wards && <WardPicker wards={wards} choice={choice} onChoose={choose} disabled={busy} />}

      <AreaPeriodFields tables={pick.picked?.tables ?? []} fields={fields} />

      <PasteActions
        inExcel={host.mode === "office"}
        busy={busy}
        onImport={() =>
          pick.ready(notify) &&
          importPaste({ ...props, askDuplicates: duplicates.ask }, pick.read, fields, () =>
            setImportedPaste(pastes)
          )
        }
        onImportSelection={() => importSelection(props, box.showSelection)}
      />
      {duplicates.dialog}

      {pick.picked && <PreviewList analysis={pick.picked} imported={importedPaste === pastes} />}
    </PanelSection>
  );
}
