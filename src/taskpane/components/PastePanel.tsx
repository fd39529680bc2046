// Paste a table, see what was read with every issue on its cell, fill in Area and
// Period ending, then Import. Reads the paste event's text/html and text/plain itself:
// navigator.clipboard is blocked in Excel on the web.
import * as React from "react";
import {
  Button,
  Field,
  Input,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type {
  HighlightSettings,
  ImportPlanner,
  PastedInput,
  WorkbookHost,
} from "../host/workbookHost";
import type { PasteAnalysis, PasteReader, ReadProgress } from "../worker/pasteReader";
import type { ReadError } from "../../core/model";
import {
  FieldProblems,
  areasIn,
  checkFields,
  hasSeveralAreas,
  hasSeveralPeriods,
  periodsIn,
  withAreaAndPeriod,
} from "../applyFields";
import { describeReadError, describeWrite, formatSize } from "../messages";
import { ProgressNote } from "./ProgressNote";
import { PreviewList } from "./PreviewList";
import type { Notice, RunTask } from "./useTasks";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  box: { fontFamily: tokens.fontFamilyMonospace },
  fields: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  field: { flexGrow: 1, minWidth: "140px" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});

/** Pastes longer than this are read but not echoed into the box (a 20 MB textarea freezes the page). */
const ECHO_LIMIT = 100_000;
/** Typing in the box is re-read after this pause (ms). */
const TYPING_PAUSE = 400;

type ReadState =
  | { status: "idle" }
  | { status: "reading"; size: number; progress: ReadProgress | null; cancel: () => void }
  | {
      status: "read";
      analysis: PasteAnalysis;
      whole?: () => Promise<PasteAnalysis>;
      planner?: ImportPlanner;
    }
  | { status: "failed"; error: ReadError };

export interface PastePanelProps {
  host: WorkbookHost;
  reader: PasteReader;
  settings: HighlightSettings;
  run: RunTask;
  notify: (notice: Notice | null) => void;
  /** Called after a write so other panels can re-list the workbook. */
  onWritten: () => void;
  busy: boolean;
}

const stageWords: Record<ReadProgress["stage"], string> = {
  reading: "Reading the paste",
  checking: "Checking the figures",
  anomalies: "Looking for changes that matter",
};

export function PastePanel({
  host,
  reader,
  settings,
  run,
  notify,
  onWritten,
  busy,
}: PastePanelProps): React.JSX.Element {
  const styles = useStyles();
  const [text, setText] = React.useState("");
  const [input, setInput] = React.useState<PastedInput | null>(null);
  const [bigNote, setBigNote] = React.useState<string | null>(null);
  const [read, setRead] = React.useState<ReadState>({ status: "idle" });
  const [area, setArea] = React.useState("");
  const [period, setPeriod] = React.useState("");
  const [problems, setProblems] = React.useState<FieldProblems>({});
  const areaRef = React.useRef<HTMLInputElement>(null);
  const periodRef = React.useRef<HTMLInputElement>(null);
  const jobRef = React.useRef<{ cancel: () => void } | null>(null);
  /** Lets go of the worker holding the last large paste, when a new one replaces it. */
  const releaseRef = React.useRef<(() => void) | null>(null);
  /** Whether the next finished read is a new paste (fields re-filled) or a re-check after a settings change. */
  const freshRef = React.useRef(true);
  const typingTimer = React.useRef<ReturnType<typeof setTimeout> | null>(null);

  const startRead = React.useCallback(
    (next: PastedInput, fresh: boolean) => {
      jobRef.current?.cancel();
      releaseRef.current?.();
      releaseRef.current = null;
      freshRef.current = fresh;
      const size = next.text.length + (next.html?.length ?? 0);
      const job = reader.read(next, settings, (progress) =>
        setRead((s) => (s.status === "reading" ? { ...s, progress } : s))
      );
      jobRef.current = job;
      setRead({ status: "reading", size, progress: null, cancel: job.cancel });
      void job.result.then((outcome) => {
        if (jobRef.current !== job) return; // a newer read replaced this one
        jobRef.current = null;
        if (outcome.status === "cancelled") {
          setRead({ status: "idle" });
          notify({ intent: "info", text: "Reading cancelled. Nothing was written." });
        } else if (outcome.status === "error") {
          setRead({ status: "failed", error: outcome.error });
          // The fields belong to the paste: a new paste that is no table leaves none behind.
          if (freshRef.current) {
            setArea("");
            setPeriod("");
            setProblems({});
          }
        } else {
          releaseRef.current = outcome.release ?? null;
          setRead({
            status: "read",
            analysis: outcome.analysis,
            whole: outcome.whole,
            planner: outcome.planner,
          });
          if (freshRef.current) {
            const tables = outcome.analysis.tables;
            setArea(hasSeveralAreas(tables) ? "" : (areasIn(tables)[0] ?? ""));
            setPeriod(hasSeveralPeriods(tables) ? "" : (periodsIn(tables)[0] ?? ""));
            setProblems({});
          }
        }
      });
    },
    [reader, settings, notify]
  );

  // Thresholds change the highlights: re-check the paste already shown (fields kept).
  const settingsRef = React.useRef(settings);
  React.useEffect(() => {
    if (settingsRef.current === settings) return;
    settingsRef.current = settings;
    if (input) startRead(input, false);
  }, [settings, input, startRead]);

  React.useEffect(
    () => () => {
      jobRef.current?.cancel();
      releaseRef.current?.();
      if (typingTimer.current) clearTimeout(typingTimer.current);
    },
    []
  );

  const accept = (next: PastedInput): void => {
    setInput(next);
    if (next.text.trim() === "" && (next.html ?? "").trim() === "") {
      jobRef.current?.cancel();
      jobRef.current = null;
      setRead({ status: "idle" });
      return;
    }
    startRead(next, true);
  };

  const onPaste = (e: React.ClipboardEvent<HTMLTextAreaElement>): void => {
    const plain = e.clipboardData.getData("text/plain");
    const html = e.clipboardData.getData("text/html");
    if (plain === "" && html === "") return;
    e.preventDefault(); // a paste is a whole table: it replaces the box, and is read once
    if (typingTimer.current) clearTimeout(typingTimer.current);
    const big = plain.length > ECHO_LIMIT;
    setText(big ? "" : plain);
    setBigNote(
      big
        ? `Pasted ${formatSize(plain.length)} (${countLines(plain).toLocaleString("en-GB")} lines): too long to show here.`
        : null
    );
    accept({ text: plain, html: html === "" ? undefined : html, source: "paste" });
  };

  const onType = (value: string): void => {
    setText(value);
    setBigNote(null);
    if (typingTimer.current) clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => accept({ text: value, source: "paste" }), TYPING_PAUSE);
  };

  const analysis = read.status === "read" ? read.analysis : null;
  const tables = analysis?.tables ?? [];
  const severalAreas = hasSeveralAreas(tables);
  const severalPeriods = hasSeveralPeriods(tables);
  const statedArea = areasIn(tables).length === 1;
  const statedPeriod = periodsIn(tables).length === 1;

  const onImport = (): void => {
    if (read.status === "reading") {
      notify({
        intent: "warning",
        text: "The paste is still being read: wait for the preview, or Cancel.",
      });
      return;
    }
    if (!analysis) {
      notify({
        intent: "warning",
        text: "Paste a table into “Paste table” first: nothing has been read yet.",
      });
      return;
    }
    const found = checkFields(tables, area, period);
    setProblems(found);
    if (found.area) return areaRef.current?.focus();
    if (found.period) return periodRef.current?.focus();
    const whole = read.status === "read" ? read.whole : undefined;
    const planner = read.status === "read" ? read.planner : undefined;
    void run("Import", async (report) => {
      if (whole && planner && host.importPlanned) {
        // A large paste stays in the reader, which plans the import: the pane keeps responding.
        const written = await host.importPlanned(planner, { area, period }, settings, {
          onProgress: report,
        });
        onWritten();
        return describeWrite("Imported", written);
      }
      // A large paste's preview is a slice: the reader hands over the whole now.
      if (whole) report({ label: "Taking the whole paste from the reader" });
      const all = whole ? await whole() : analysis;
      const ready = withAreaAndPeriod(all.tables, area, period);
      const written = await host.importTables(ready, all.issues, all.anomalies, settings, {
        onProgress: report,
      });
      onWritten();
      return describeWrite("Imported", written);
    });
  };

  const onImportSelection = (): void => {
    void run("Import selection", async () => {
      const selected = await host.importSelection();
      setText(selected.text.length > ECHO_LIMIT ? "" : selected.text);
      setBigNote(
        selected.text.length > ECHO_LIMIT
          ? `Read ${formatSize(selected.text.length)} from ${selected.source}.`
          : null
      );
      accept(selected);
      return `Read ${selected.source}: check the preview, then Import.`;
    });
  };

  const inExcel = host.mode === "office";
  return (
    <section className={styles.root} aria-labelledby="paste-heading">
      <Text as="h2" id="paste-heading" size={400} weight="semibold">
        Paste a table
      </Text>
      <Field
        label="Paste table"
        hint={
          bigNote ??
          "Copy the table from the paper (web page, Word, PDF or Excel) and paste it here with Ctrl+V. A new paste replaces the last one."
        }
      >
        <Textarea
          className={styles.box}
          value={text}
          onPaste={onPaste}
          onChange={(_, d) => onType(d.value)}
          rows={6}
          resize="vertical"
          spellCheck={false}
        />
      </Field>

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

      <div className={styles.fields}>
        <Field
          className={styles.field}
          label="Area"
          validationMessage={problems.area}
          hint={
            severalAreas
              ? "The paste names several areas: each table keeps its own."
              : statedArea
                ? "From the paste."
                : undefined
          }
        >
          <Input
            ref={areaRef}
            value={severalAreas ? "" : area}
            disabled={severalAreas}
            onChange={(_, d) => setArea(d.value)}
            placeholder="e.g. Merton"
          />
        </Field>
        <Field
          className={styles.field}
          label="Period ending"
          validationMessage={problems.period}
          hint={
            severalPeriods
              ? "The paste covers several periods: each table keeps its own."
              : statedPeriod
                ? "From the paste."
                : undefined
          }
        >
          <Input
            ref={periodRef}
            type="date"
            value={severalPeriods ? "" : period}
            disabled={severalPeriods}
            onChange={(_, d) => setPeriod(d.value)}
          />
        </Field>
      </div>

      <div className={styles.actions}>
        <Button appearance="primary" onClick={onImport} disabled={busy}>
          Import
        </Button>
        <Button
          onClick={onImportSelection}
          disabledFocusable={!inExcel || busy}
          aria-describedby={inExcel ? undefined : "import-selection-hint"}
        >
          Import selection
        </Button>
      </div>
      {!inExcel && (
        <Text id="import-selection-hint" size={200}>
          Import selection reads a table already pasted into an Excel sheet: it needs Excel.
        </Text>
      )}

      {analysis && <PreviewList analysis={analysis} />}
    </section>
  );
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
