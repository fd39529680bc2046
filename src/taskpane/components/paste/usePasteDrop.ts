// Dropping a file on the paste area opens it as "Open a file…" does. Only drags that
// carry files are taken (a drag of text keeps the box's own behaviour).
import * as React from "react";

export interface PasteDrop {
  /** Whether a file is being dragged over the area (to show where it will land). */
  over: boolean;
  handlers: {
    onDragOver: (e: React.DragEvent) => void;
    onDragLeave: (e: React.DragEvent) => void;
    onDrop: (e: React.DragEvent) => void;
  };
}

const carriesFiles = (e: React.DragEvent): boolean => [...e.dataTransfer.types].includes("Files");

export function usePasteDrop(onFile: (file: File) => void): PasteDrop {
  const [over, setOver] = React.useState(false);
  return {
    over,
    handlers: {
      onDragOver: (e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault(); // lets the drop happen here rather than the browser opening the file
        e.dataTransfer.dropEffect = "copy";
        setOver(true);
      },
      onDragLeave: () => setOver(false),
      onDrop: (e) => {
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (!file) return;
        e.preventDefault();
        onFile(file);
      },
    },
  };
}
