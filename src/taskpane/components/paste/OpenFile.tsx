// "Open a file…": a committee paper as a PDF, a spreadsheet, or a table saved as CSV or
// text (read as if pasted). The file input itself stays hidden (its own button cannot be labelled
// well); the Fluent button opens it. Dropping a file on the paste area does the same
// (usePasteDrop).
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { DocumentPdfRegular } from "@fluentui/react-icons";

/** What the pane opens: PDFs, spreadsheets, and tables saved as text. */
export const OPEN_ACCEPT =
  ".pdf,application/pdf,.xlsx,.xlsm,.ods,.xls,.csv,.tsv,.txt,text/csv,text/plain";

export function OpenFile({
  onFile,
  disabled,
}: {
  onFile: (file: File) => void;
  disabled?: boolean;
}): React.JSX.Element {
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        icon={<DocumentPdfRegular />}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        Open a file…
      </Button>
      <input
        ref={input}
        type="file"
        accept={OPEN_ACCEPT}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ""; // the same file opened again is read again
          if (file) onFile(file);
        }}
      />
    </>
  );
}
