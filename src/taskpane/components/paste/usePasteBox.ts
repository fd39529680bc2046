// The "Paste table" box: a paste replaces it and is read at once; typing is read after a
// pause. A paste too long to show is read but not echoed (a 20 MB textarea freezes the
// page): a note says what was taken instead.
import * as React from "react";
import type { PastedInput } from "../../host/workbookHost";
import { formatSize } from "../../messages";

/** Pastes longer than this are read but not echoed into the box (a 20 MB textarea freezes the page). */
const ECHO_LIMIT = 100_000;
/** Typing in the box is re-read after this pause (ms). */
const TYPING_PAUSE = 400;

export interface PasteBoxState {
  text: string;
  /** Says what was taken when it is too long to show; null otherwise. */
  bigNote: string | null;
  onPaste: (e: React.ClipboardEvent<HTMLTextAreaElement>) => void;
  onType: (value: string) => void;
  /** Shows (or describes) a table read from the Excel selection, and reads it. */
  showSelection: (selected: PastedInput) => void;
  /** Empties the box and says which file is being read instead (a PDF is read, not shown). */
  showFile: (name: string) => void;
}

export function usePasteBox(accept: (next: PastedInput) => void): PasteBoxState {
  const [text, setText] = React.useState("");
  const [bigNote, setBigNote] = React.useState<string | null>(null);
  const typingTimer = React.useRef<ReturnType<typeof setTimeout> | null>(null);

  React.useEffect(
    () => () => {
      if (typingTimer.current) clearTimeout(typingTimer.current);
    },
    []
  );

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

  const showSelection = (selected: PastedInput): void => {
    setText(selected.text.length > ECHO_LIMIT ? "" : selected.text);
    setBigNote(
      selected.text.length > ECHO_LIMIT
        ? `Read ${formatSize(selected.text.length)} from ${selected.source}.`
        : null
    );
    accept(selected);
  };

  const showFile = (name: string): void => {
    if (typingTimer.current) clearTimeout(typingTimer.current);
    setText("");
    setBigNote(`Opened ${name}: the tables found in it are listed below.`);
  };

  return { text, bigNote, onPaste, onType, showSelection, showFile };
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
