// The message bar: errors in plain words (with row and column where the data has them),
// and confirmations after a write. Dismissable by keyboard.
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { Notice } from "./useTasks";

export interface NoticeBarProps {
  notice: Notice | null;
  onDismiss: () => void;
}

export function NoticeBar({ notice, onDismiss }: NoticeBarProps): React.JSX.Element | null {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"}>
      <MessageBarBody>{notice.text}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss message"
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}
