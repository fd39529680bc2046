// Outside Excel the workbook lives in this browser (kept in its storage across visits):
// list the sheets it holds, save it as .xlsx ("Download workbook"), load one to refresh
// ("Open workbook"), or start afresh ("Start a new workbook").
// Nothing leaves the browser: the file is made here and saved by the browser.
import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, FolderOpenRegular } from "@fluentui/react-icons";
import type { SheetInfo, WorkbookHost } from "../host/workbookHost";
import { WorkbookNotKept } from "../host/errors";
import { PanelSection } from "./PanelSection";
import { START_AFRESH, StartAfresh } from "./StartAfresh";
import { TaskSlot } from "./TaskSlot";
import { useWorkbookRead } from "./useWorkbookRead";
import type { PanelProps } from "./writeTask";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
  },
  hiddenInput: { display: "none" },
});

export const WORKBOOK_FILE_NAME = "scrutiny-sheets.xlsx";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Hands bytes to the browser as a download (a test passes its own). */
export type SaveFile = (bytes: Uint8Array, fileName: string, mimeType: string) => void;

export const saveWithBrowser: SaveFile = (bytes, fileName, mimeType) => {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

export interface StandalonePanelProps extends PanelProps {
  version: number;
  saveFile?: SaveFile;
  /** Whether the browser keeps the workbook between visits; if not, the panel warns. */
  keeps?: boolean;
}

const roleWords: Record<SheetInfo["role"], string> = {
  data: "data",
  checks: "checks",
  comparison: "comparison",
  trend: "trend",
  monitoring: "monitoring",
  summary: "summary",
  definitions: "definitions (hidden)",
  user: "your sheet",
};

const listSheets = (host: WorkbookHost): Promise<SheetInfo[]> => host.listSheets();

export function StandalonePanel(props: StandalonePanelProps): React.JSX.Element {
  const { host, run, onWritten, busy, saveFile = saveWithBrowser, keeps = true } = props;
  const styles = useStyles();
  const [sheets, setSheets] = React.useState<SheetInfo[]>([]);
  const fileRef = React.useRef<HTMLInputElement>(null);
  useWorkbookRead(props, "Listing the sheets", listSheets, setSheets);

  const onDownload = (): void => {
    void run("Download workbook", async () => {
      if (!host.download) throw new Error("this host keeps no workbook to download");
      const bytes = await host.download();
      saveFile(bytes, WORKBOOK_FILE_NAME, XLSX_TYPE);
      return `Saved ${WORKBOOK_FILE_NAME} (${Math.ceil(bytes.length / 1024)} KB) to your downloads.`;
    });
  };

  const onFile = (event: React.ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = ""; // choosing the same file again still fires a change
    if (!file) return;
    void run("Open workbook", async () => {
      if (!host.open) throw new Error("this host cannot open a file");
      const bytes = new Uint8Array(await file.arrayBuffer());
      try {
        await host.open(bytes);
      } catch (e) {
        if (e instanceof WorkbookNotKept) onWritten(); // open here, only not kept
        throw e;
      }
      onWritten();
      return `Opened ${file.name}. Import more tables, Build comparison or Refresh all, then Download workbook.`;
    });
  };

  const onStartAfresh = (): void => {
    void run(START_AFRESH, async () => {
      if (!host.discard) throw new Error("this host keeps no workbook to discard");
      await host.discard();
      onWritten();
      return "Started a new, empty workbook: the one kept in this browser was discarded.";
    });
  };

  const visible = sheets.filter((s) => s.role !== "definitions");
  return (
    <PanelSection name="workbook" title="Workbook in this browser" className={styles.root}>
      {keeps ? (
        <Text size={200}>
          Kept in this browser&apos;s storage after every change, and here again when you come back
          to this page (on this computer, in this browser).
        </Text>
      ) : (
        <Text size={200} weight="semibold" role="note">
          This browser keeps nothing between visits (its storage is turned off): use Download
          workbook before you close this page, or the workbook is lost.
        </Text>
      )}
      {visible.length === 0 ? (
        <Text size={200}>
          No sheets yet. Import a table to start, or open a workbook made earlier.
        </Text>
      ) : (
        <ul className={styles.list} aria-label="Sheets in the workbook">
          {visible.map((s) => (
            <li key={s.name}>
              {s.name} ({roleWords[s.role]})
            </li>
          ))}
        </ul>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<ArrowDownloadRegular />}
          onClick={onDownload}
          disabled={busy}
        >
          Download workbook
        </Button>
        <Button
          icon={<FolderOpenRegular />}
          onClick={() => fileRef.current?.click()}
          disabled={busy}
        >
          Open workbook
        </Button>
        <input
          ref={fileRef}
          className={styles.hiddenInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={onFile}
          tabIndex={-1}
          aria-hidden="true"
        />
        <StartAfresh sheets={visible.length} busy={busy} onConfirm={onStartAfresh} />
      </div>
      <TaskSlot at="Download workbook" />
      <TaskSlot at="Open workbook" />
      <TaskSlot at={START_AFRESH} />
    </PanelSection>
  );
}
