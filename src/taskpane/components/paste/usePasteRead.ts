// Reading what was pasted or opened (in the reader, off the page for a long paste or a
// PDF): one read at a time, a newer one replacing an older one, and what is shown read
// again when the highlight settings change.
import * as React from "react";
import type {
  DatastoreChoice,
  HighlightSettings,
  ImportPlanner,
  PastedInput,
} from "../../host/workbookHost";
import type {
  OpenedFile,
  PasteAnalysis,
  PasteReader,
  ReadOutcome,
  ReadProgress,
} from "../../worker/pasteReader";
import type { CrimeTable, ReadError } from "../../../core/model";
import type { WardsOfArea } from "../../../core/datastore";
import type { NoticeChange } from "../useTasks";

/** The paste screen's message places: what a new paste makes out of date. */
export const PASTE_SLOTS = ["Paste table", "Import", "Import selection"] as const;

export type ReadState =
  | { status: "idle" }
  | { status: "reading"; size: number; progress: ReadProgress | null; cancel: () => void }
  | {
      status: "read";
      analysis: PasteAnalysis;
      whole?: () => Promise<PasteAnalysis>;
      planner?: ImportPlanner;
    }
  | { status: "failed"; error: ReadError };

export interface PasteReadProps {
  reader: PasteReader;
  settings: HighlightSettings;
  notify: (notice: NoticeChange) => void;
  /**
   * Called when a new paste has been read (not a re-check after a settings change) with
   * its tables, or null when it is no table. Must keep its identity.
   */
  onFresh: (tables: CrimeTable[] | null) => void;
}

export interface PasteRead {
  read: ReadState;
  /** Reads a new paste (a blank one stops any read and shows nothing). */
  accept: (next: PastedInput) => void;
  /** Reads a PDF or spreadsheet opened or dropped (the reader says when it cannot). */
  acceptFile: (file: OpenedFile) => void;
  /** A ward-level Datastore file's wards by borough (kept while it is read again), or null. */
  wards: WardsOfArea[] | null;
  /** The areas and groups the Datastore file shown is read for (none: every borough). */
  choice: DatastoreChoice;
  /** Reads the Datastore file shown again for these areas and groups. */
  choose: (choice: DatastoreChoice) => void;
}

/** A new paste: no wards listed yet, and a Datastore file read for every borough. */
const NO_DATASTORE: { wards: WardsOfArea[] | null; choice: DatastoreChoice } = {
  wards: null,
  choice: {},
};

const CANCELLED: NoticeChange = {
  intent: "info",
  text: "Reading cancelled. Nothing was written.",
  at: "Paste table",
};

/** What is read: a paste, or a file's bytes. */
type ReadInput = { paste: PastedInput } | { file: OpenedFile };

const sizeOf = (input: ReadInput): number =>
  "file" in input
    ? input.file.bytes.byteLength
    : input.paste.text.length + (input.paste.html?.length ?? 0);

export function usePasteRead({ reader, settings, notify, onFresh }: PasteReadProps): PasteRead {
  const [read, setRead] = React.useState<ReadState>({ status: "idle" });
  const [datastore, setDatastore] = React.useState(NO_DATASTORE);
  const known = useKnownWards();
  /** The paste shown, read again when the settings change. */
  const inputRef = React.useRef<ReadInput | null>(null);
  const jobRef = React.useRef<{ cancel: () => void } | null>(null);
  /** Lets go of the worker holding the last large paste, when a new one replaces it. */
  const releaseRef = React.useRef<(() => void) | null>(null);
  /** Whether the next finished read is a new paste (fields re-filled) or a re-check after a settings change. */
  const freshRef = React.useRef(true);

  const settle = React.useCallback(
    (outcome: ReadOutcome) => {
      if (outcome.status === "cancelled") {
        setRead({ status: "idle" });
        notify(CANCELLED);
      } else if (outcome.status === "error") {
        setRead({ status: "failed", error: outcome.error });
        // The fields belong to the paste: a new paste that is no table leaves none behind.
        if (freshRef.current) onFresh(null);
      } else {
        releaseRef.current = outcome.release ?? null;
        setDatastore((d) => ({ ...d, wards: known.remember(outcome.analysis.wards) ?? d.wards }));
        setRead({
          status: "read",
          analysis: outcome.analysis,
          whole: outcome.whole,
          planner: outcome.planner,
        });
        if (freshRef.current) {
          onFresh(outcome.analysis.tables);
          // "The paste is still being read" no longer applies: the preview says what was read.
          notify({ clear: { at: ["Import"], intents: ["warning"] } });
        }
      }
    },
    [notify, onFresh, known]
  );

  const startRead = React.useCallback(
    (next: ReadInput, fresh: boolean) => {
      jobRef.current?.cancel();
      releaseRef.current?.();
      releaseRef.current = null;
      freshRef.current = fresh;
      // What was said about the last paste ("Paste a table first", "Imported: …") does not
      // apply to a new one (Import selection's "Read …" comes after this, when its task ends).
      if (fresh) notify({ clear: { at: PASTE_SLOTS } });
      const onProgress = (progress: ReadProgress) =>
        setRead((s) => (s.status === "reading" ? { ...s, progress } : s));
      if ("file" in next && !reader.readFile) {
        jobRef.current = null;
        setRead({ status: "failed", error: noPdfReader(next.file.name) });
        return;
      }
      const job =
        "file" in next
          ? reader.readFile!(next.file, settings, onProgress)
          : reader.read(next.paste, settings, onProgress);
      const size = sizeOf(next);
      jobRef.current = job;
      setRead({ status: "reading", size, progress: null, cancel: job.cancel });
      void job.result.then((outcome) => {
        if (jobRef.current !== job) return; // a newer read replaced this one
        jobRef.current = null;
        settle(outcome);
      });
    },
    [reader, settings, settle, notify]
  );

  useRecheck(settings, inputRef, startRead);

  React.useEffect(
    () => () => {
      jobRef.current?.cancel();
      releaseRef.current?.();
    },
    []
  );

  const accept = (pasted: PastedInput): void => {
    const next = known.named(pasted);
    inputRef.current = { paste: next };
    setDatastore(NO_DATASTORE);
    if (next.text.trim() === "" && (next.html ?? "").trim() === "") {
      jobRef.current?.cancel();
      jobRef.current = null;
      setRead({ status: "idle" });
      return;
    }
    startRead({ paste: next }, true);
  };

  const acceptFile = (opened: OpenedFile): void => {
    const file = known.namedFile(opened);
    inputRef.current = { file };
    setDatastore(NO_DATASTORE);
    startRead({ file }, true);
  };

  // Other areas of the same file: new tables, so read as a new paste (fields filled again).
  const choose = (next: DatastoreChoice): void => {
    const shown = inputRef.current;
    if (!shown || !("paste" in shown)) return;
    const input = { paste: { ...shown.paste, datastore: next } };
    inputRef.current = input;
    setDatastore((d) => ({ ...d, choice: next }));
    startRead(input, true);
  };

  return { read, accept, acceptFile, ...datastore, choose };
}

/**
 * The wards of every ward-level file read here: a file named after one of them
 * ("forest-hill.txt") takes it as its area, as on the command line.
 */
function useKnownWards(): {
  /** Adds a read's wards to those known, and gives them back. */
  remember: (wards: WardsOfArea[] | undefined) => WardsOfArea[] | undefined;
  named: (pasted: PastedInput) => PastedInput;
  namedFile: (opened: OpenedFile) => OpenedFile;
} {
  const ref = React.useRef<string[]>([]);
  return React.useMemo(
    () => ({
      remember: (wards) => {
        const seen = new Set(ref.current);
        for (const w of (wards ?? []).flatMap((a) => a.wards)) {
          if (!seen.has(w)) ref.current.push(w);
          seen.add(w);
        }
        return wards;
      },
      named: (pasted) => (pasted.fileName ? { ...pasted, knownAreas: [...ref.current] } : pasted),
      namedFile: (opened) => ({ ...opened, knownAreas: [...ref.current] }),
    }),
    []
  );
}

/** Thresholds change the highlights: re-checks the paste already shown (fields kept). */
function useRecheck(
  settings: HighlightSettings,
  inputRef: React.RefObject<ReadInput | null>,
  startRead: (next: ReadInput, fresh: boolean) => void
): void {
  const settingsRef = React.useRef(settings);
  React.useEffect(() => {
    if (settingsRef.current === settings) return;
    settingsRef.current = settings;
    if (inputRef.current) startRead(inputRef.current, false);
  }, [settings, inputRef, startRead]);
}

const noPdfReader = (name: string): ReadError => ({
  code: "unreadable",
  message: `${name} could not be read: this pane reads PDFs in a background reader, which this browser did not start.`,
});
