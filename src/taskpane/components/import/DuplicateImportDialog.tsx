// The question an Import asks before it writes a table the workbook already holds (the
// same kind, area and period: the use case's duplicatesOf), so a second import never
// adds a "… (2)" sheet unasked. Replace rebuilds the sheet under its name; keep both adds
// a sheet beside it (comparisons and trends then use the newer one); cancel writes
// nothing. A modal dialog: focus stays inside, Escape cancels, every choice is a button.
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { DuplicateChoice, DuplicateTable } from "../../../app/useCases";

/** What the user chose: one of the use case's choices, or to write nothing. */
export type DuplicateAnswer = DuplicateChoice | "cancel";

export interface DuplicateImportDialogProps {
  /** The tables to import that the workbook holds; the dialog is open while there are any. */
  duplicates: readonly DuplicateTable[];
  onAnswer: (answer: DuplicateAnswer) => void;
}

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalS} 0`, paddingInlineStart: tokens.spacingHorizontalL },
  actions: { flexWrap: "wrap" },
});

/** "Offences & SDs, Merton, period ending 2017-08-01: on the sheet “Merton 2017-08-01”." */
export function duplicateLine(d: DuplicateTable): string {
  const where = d.sheet === null ? "imported earlier in this session" : `on the sheet “${d.sheet}”`;
  return `${d.title}, ${d.area}, period ending ${d.periodEnding}: ${where}.`;
}

export function DuplicateImportDialog({
  duplicates,
  onAnswer,
}: DuplicateImportDialogProps): React.JSX.Element {
  const styles = useStyles();
  const one = duplicates.length === 1;
  return (
    <Dialog
      open={duplicates.length > 0}
      modalType="alert"
      onOpenChange={(_event, data) => {
        // Escape (the only way an alert dialog closes itself) writes nothing.
        if (!data.open) onAnswer("cancel");
      }}
    >
      <DialogSurface aria-describedby="duplicate-import-question">
        <DialogBody>
          <DialogTitle>
            {one
              ? "This table is already in the workbook"
              : "These tables are already in the workbook"}
          </DialogTitle>
          <DialogContent>
            <ul className={styles.list}>
              {duplicates.map((d) => (
                <li key={d.table}>{duplicateLine(d)}</li>
              ))}
            </ul>
            <p id="duplicate-import-question">
              Replace rebuilds {one ? "that sheet" : "those sheets"} from the table you are
              importing, under the same {one ? "name" : "names"}: anything typed on{" "}
              {one ? "it" : "them"} is replaced. Keep both adds a new sheet beside{" "}
              {one ? "it" : "each"}; comparisons and trends then use the newer one and say so.
              Cancel writes nothing.
            </p>
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button appearance="primary" onClick={() => onAnswer("replace")}>
              Replace
            </Button>
            <Button onClick={() => onAnswer("keep")}>Keep both</Button>
            <Button onClick={() => onAnswer("cancel")}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * The question as a promise, for an Import handler: `ask(duplicates)` opens the dialog
 * and resolves with the answer ("keep" at once when there is nothing to ask); render
 * `dialog` once in the pane.
 */
export function useDuplicateQuestion(): {
  ask: (duplicates: readonly DuplicateTable[]) => Promise<DuplicateAnswer>;
  dialog: React.JSX.Element;
} {
  const [asked, setAsked] = React.useState<{
    duplicates: readonly DuplicateTable[];
    resolve: (answer: DuplicateAnswer) => void;
  } | null>(null);
  const ask = React.useCallback(
    (duplicates: readonly DuplicateTable[]) =>
      duplicates.length === 0
        ? Promise.resolve<DuplicateAnswer>("keep")
        : new Promise<DuplicateAnswer>((resolve) => setAsked({ duplicates, resolve })),
    []
  );
  const onAnswer = React.useCallback(
    (answer: DuplicateAnswer) => {
      asked?.resolve(answer);
      setAsked(null);
    },
    [asked]
  );
  return {
    ask,
    dialog: <DuplicateImportDialog duplicates={asked?.duplicates ?? []} onAnswer={onAnswer} />,
  };
}
