// Paste a table, see what was read with every issue on its cell, fill in Area and
// Period ending, then Import. Reads the paste event's text/html and text/plain itself:
// navigator.clipboard is blocked in Excel on the web.
import * as React from "react";
import type { PasteReader } from "../worker/pasteReader";
import { PanelSection } from "./PanelSection";
import { PasteBox } from "./PasteBox";
import { PreviewList } from "./PreviewList";
import { AreaPeriodFields } from "./paste/AreaPeriodFields";
import { ImportPasteProps, importPaste, importSelection } from "./paste/importPaste";
import { PasteActions } from "./paste/PasteActions";
import { ReadStatus } from "./paste/ReadStatus";
import { usePasteBox } from "./paste/usePasteBox";
import { usePasteFields } from "./paste/usePasteFields";
import { usePasteRead } from "./paste/usePasteRead";

export interface PastePanelProps extends ImportPasteProps {
  reader: PasteReader;
}

export function PastePanel(props: PastePanelProps): React.JSX.Element {
  const { host, reader, settings, notify, busy } = props;
  const fields = usePasteFields();
  const { read, accept } = usePasteRead({ reader, settings, notify, onFresh: fields.fill });
  const box = usePasteBox(accept);
  const analysis = read.status === "read" ? read.analysis : null;

  return (
    <PanelSection name="paste" title="Paste a table">
      <PasteBox
        label="Paste table"
        hint={
          box.bigNote ??
          "Copy the table from the paper (web page, Word, PDF or Excel) and paste it here with Ctrl+V. A new paste replaces the last one."
        }
        value={box.text}
        onPaste={box.onPaste}
        onChange={box.onType}
      />

      <ReadStatus read={read} />

      <AreaPeriodFields tables={analysis?.tables ?? []} fields={fields} />

      <PasteActions
        inExcel={host.mode === "office"}
        busy={busy}
        onImport={() => importPaste(props, read, fields)}
        onImportSelection={() => importSelection(props, box.showSelection)}
      />

      {analysis && <PreviewList analysis={analysis} />}
    </PanelSection>
  );
}
