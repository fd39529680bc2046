// A screen's one main button, on a line of its own, with its task's progress and messages
// below it; off while another task runs.
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { TaskSlot } from "./TaskSlot";

export interface PrimaryActionProps {
  label: string;
  onClick: () => void;
  busy: boolean;
}

export function PrimaryAction({ label, onClick, busy }: PrimaryActionProps): React.JSX.Element {
  return (
    <>
      <div>
        <Button appearance="primary" onClick={onClick} disabled={busy}>
          {label}
        </Button>
      </div>
      <TaskSlot at={label} />
    </>
  );
}
