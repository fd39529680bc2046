// How the read of a paste is going: progress (with Cancel) while it is read, or why it
// could not be read, with the row and column where the reader knows them.
import * as React from "react";
import { Text, tokens } from "@fluentui/react-components";
import type { ReadProgress } from "../../worker/pasteReader";
import { describeReadError, formatSize } from "../../messages";
import { ProgressNote } from "../ProgressNote";
import type { ReadState } from "./usePasteRead";

const stageWords: Record<ReadProgress["stage"], string> = {
  reading: "Reading the paste",
  checking: "Checking the figures",
  anomalies: "Looking for changes that matter",
};

export function ReadStatus({ read }: { read: ReadState }): React.JSX.Element {
  return (
    <>
      {read.status === "reading" && (
        <ProgressNote
          label={`${read.progress ? stageWords[read.progress.stage] : "Reading the paste"} (${formatSize(read.size)})…`}
          fraction={read.progress?.fraction}
          onCancel={read.cancel}
        />
      )}
      {read.status === "failed" && (
        <Text role="alert" weight="semibold" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {describeReadError(read.error)}
        </Text>
      )}
    </>
  );
}
