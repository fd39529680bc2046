// A WorkbookHost that keeps its "workbook" in plain arrays and records every call, so
// pane tests check what the pane asked a host to do (and how it shows a host's failure).
import type { Anomaly, CrimeTable, Issue } from "../../src/core/model";
import type { Indicator } from "../../src/core/monitor/types";
import type {
  ComparisonChoice,
  ListedDataSheet,
  HighlightSettings,
  HostCallOptions,
  HostMode,
  PastedInput,
  SheetInfo,
  WorkbookHost,
  WriteReport,
} from "../../src/taskpane/host/workbookHost";
import { defaultSettings } from "../../src/taskpane/host/workbookHost";

/** An "Offences & SDs" data sheet as the workbook lists it, named as the pane names it. */
export function offencesSheet(area: string, periodEnding: string): ListedDataSheet {
  return { sheet: `${area} ${periodEnding}`, area, periodEnding, kind: "offences-sds" };
}

export interface ImportCall {
  tables: CrimeTable[];
  issues: Issue[];
  anomalies: Anomaly[];
  settings: HighlightSettings;
}

export class FakeHost implements WorkbookHost {
  imports: ImportCall[] = [];
  comparisons: ComparisonChoice[] = [];
  monitoring: Indicator[][] = [];
  refreshes = 0;
  settings: HighlightSettings = { ...defaultSettings };
  dataSheets: ListedDataSheet[] = [];
  opened: Uint8Array[] = [];
  /** Makes the next call of that name throw this error. */
  failNext = new Map<string, unknown>();
  selection: PastedInput | null = null;
  importPlanned?: WorkbookHost["importPlanned"];
  download?: () => Promise<Uint8Array>;
  open?: (bytes: Uint8Array) => Promise<void>;

  constructor(readonly mode: HostMode = "standalone") {
    if (mode === "standalone") {
      this.download = async () => {
        this.check("download");
        return new TextEncoder().encode(JSON.stringify(this.dataSheets));
      };
      this.open = async (bytes) => {
        this.check("open");
        this.opened.push(bytes);
      };
    }
  }

  private check(name: string): void {
    if (this.failNext.has(name)) {
      const error = this.failNext.get(name);
      this.failNext.delete(name);
      throw error;
    }
  }

  async importTables(
    tables: CrimeTable[],
    issues: Issue[],
    anomalies: Anomaly[],
    settings: HighlightSettings,
    options?: HostCallOptions
  ): Promise<WriteReport> {
    this.check("importTables");
    options?.onProgress?.({ label: "Writing data sheets", fraction: 0.5 });
    this.imports.push({ tables, issues, anomalies, settings });
    const sheets = tables.map(
      (t) => `${t.area} ${t.periodEnding}${t.kind === "calls-asb" ? " calls" : ""}`
    );
    tables.forEach((t, i) =>
      this.dataSheets.push({
        sheet: sheets[i] ?? "",
        area: t.area ?? "",
        periodEnding: t.periodEnding ?? "",
        kind: t.kind,
      })
    );
    return { sheets: [...sheets, "Checks", "Summary"] };
  }

  async importSelection(): Promise<PastedInput> {
    this.check("importSelection");
    if (!this.selection) throw new Error("nothing is selected");
    return this.selection;
  }

  async buildComparison(choice: ComparisonChoice): Promise<WriteReport> {
    this.check("buildComparison");
    this.comparisons.push(choice);
    return { sheets: ["Compare 2017-09-05", "Summary"] };
  }

  async refreshAll(): Promise<WriteReport> {
    this.check("refreshAll");
    this.refreshes++;
    return { sheets: ["Checks", "Summary"] };
  }

  async buildMonitoring(indicators: Indicator[]): Promise<WriteReport> {
    this.check("buildMonitoring");
    this.monitoring.push(indicators);
    return { sheets: ["Monitoring", "Summary"] };
  }

  async listDataSheets(): Promise<ListedDataSheet[]> {
    this.check("listDataSheets");
    return [...this.dataSheets];
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.dataSheets.map((d) => ({ name: d.sheet, role: "data" as const, generated: false }));
  }

  async readSettings(): Promise<HighlightSettings> {
    this.check("readSettings");
    return { ...this.settings };
  }

  async saveSettings(settings: HighlightSettings): Promise<void> {
    this.check("saveSettings");
    this.settings = { ...settings };
  }
}
