// The message bar: errors in plain words (with row and column where the data has them),
// and confirmations after a write. Dismissable by keyboard. An error is an alert; the
// others are placed in a live region (TaskSlot) that announces them.
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { Notice } from "./useTasks";

export interface NoticeBarProps {
  notice: Notice | null;
  onDismiss: () => void;
  barRef?: React.Ref<HTMLDivElement>;
}

export function NoticeBar({ notice, onDismiss, barRef }: NoticeBarProps): React.JSX.Element | null {
  if (!notice) return null;
  return (
    <MessageBar
      ref={barRef}
      intent={notice.intent}
      {...(notice.intent === "error" ? { role: "alert" } : {})}
    >
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
