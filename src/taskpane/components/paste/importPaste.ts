// Import: the tables read from the paste, with Area and Period ending, into the workbook.
// A large paste's preview is a slice: the whole is imported where it lies (Excel) or
// taken from the reader first.
import type {
  HighlightSettings,
  PastedInput,
  Progress,
  WriteReport,
} from "../../host/workbookHost";
import { withAreaAndPeriod } from "../../applyFields";
import { PanelProps, runWrite } from "../writeTask";
import type { PasteFields } from "./usePasteFields";
import type { ReadState } from "./usePasteRead";
import type { CrimeTable } from "../../../core/model";
import type { DuplicateChoice, DuplicateTable } from "../../../app/useCases";
import type { DuplicateAnswer } from "../import/DuplicateImportDialog";
import { TaskCancelled } from "../../host/errors";

/** Replace or keep both when the workbook holds a table already (asked first); cancelled, nothing is written. */
async function askFirst(props: ImportPasteProps, tables: CrimeTable[]): Promise<DuplicateChoice> {
  const { host, askDuplicates } = props;
  if (!askDuplicates || !host.duplicatesOf) return "keep";
  const answer = await askDuplicates(await host.duplicatesOf(tables));
  if (answer === "cancel")
    throw new TaskCancelled("Nothing was imported: the workbook already holds that table.");
  return answer;
}

export interface ImportPasteProps extends PanelProps {
  settings: HighlightSettings;
  /** Asks what to do with tables the workbook already holds (DuplicateImportDialog). */
  askDuplicates?: (duplicates: readonly DuplicateTable[]) => Promise<DuplicateAnswer>;
}

/** `onImported` is told once the tables shown are in the workbook. */
export function importPaste(
  props: ImportPasteProps,
  read: ReadState,
  fields: PasteFields,
  onImported: () => void
): void {
  const { host, notify, settings } = props;
  if (read.status === "reading") {
    notify({
      intent: "warning",
      text: "The paste is still being read: wait for the preview, or Cancel.",
      at: "Import",
    });
    return;
  }
  if (read.status !== "read") {
    notify({
      intent: "warning",
      text: "Paste a table into “Paste table” first: nothing has been read yet.",
      at: "Import",
    });
    return;
  }
  const { analysis, whole, planner } = read;
  if (!fields.check(analysis.tables)) return;
  const { area, period } = fields;
  runWrite(props, "Import", "Imported", async (report): Promise<WriteReport> => {
    const written = await write(report);
    onImported();
    return written;
  });
  async function write(report: (progress: Progress) => void): Promise<WriteReport> {
    if (whole && planner && host.importPlanned) {
      // A large paste stays in the reader, which plans the import: the pane keeps responding.
      // Its preview's tables have the kind, area and period a duplicate is known by.
      const duplicates = await askFirst(props, withAreaAndPeriod(analysis.tables, area, period));
      return host.importPlanned(planner, { area, period }, settings, {
        onProgress: report,
        duplicates,
      });
    }
    return importWhole(report);
  }
  async function importWhole(report: (progress: Progress) => void): Promise<WriteReport> {
    // A large paste's preview is a slice: the reader hands over the whole now.
    if (whole) report({ label: "Taking the whole paste from the reader" });
    const all = whole ? await whole() : analysis;
    const ready = withAreaAndPeriod(all.tables, area, period);
    const duplicates = await askFirst(props, ready);
    return host.importTables(ready, all.issues, all.anomalies, settings, {
      onProgress: report,
      duplicates,
    });
  }
}

/** Import selection: reads the table selected in Excel into the box, to check before Import. */
export function importSelection(
  { host, run }: Pick<PanelProps, "host" | "run">,
  show: (selected: PastedInput) => void
): void {
  void run("Import selection", async () => {
    const selected = await host.importSelection();
    show(selected);
    return `Read ${selected.source}: check the preview, then Import.`;
  });
}
