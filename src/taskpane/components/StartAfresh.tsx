// "Start a new workbook": forgets the workbook kept in this browser, after asking (the
// sheets it holds are lost unless downloaded first).
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from "@fluentui/react-components";
import { DocumentAddRegular } from "@fluentui/react-icons";

export const START_AFRESH = "Start a new workbook";

export interface StartAfreshProps {
  /** How many sheets the kept workbook holds (none: nothing to ask about). */
  sheets: number;
  busy: boolean;
  onConfirm: () => void;
}

export function StartAfresh({ sheets, busy, onConfirm }: StartAfreshProps): React.JSX.Element {
  const [open, setOpen] = React.useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<DocumentAddRegular />} disabled={busy || sheets === 0}>
          {START_AFRESH}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Start a new workbook?</DialogTitle>
          <DialogContent>
            The workbook kept in this browser ({sheets} sheet{sheets === 1 ? "" : "s"}) will be
            discarded. Use Download workbook first to keep a copy.
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              Discard it and start anew
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>Cancel</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
