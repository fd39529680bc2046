// What browsers have and jsdom lacks, for the pane's tests: ResizeObserver (Fluent's
// MessageBar measures itself for reflow) and TextEncoder/TextDecoder. Imported first.
// Also the wait limit of Testing Library's async queries.
import { TextDecoder, TextEncoder } from "util";
import { configure } from "@testing-library/react";

// findBy*/waitFor wait for what the pane shows, not for a time: a loaded 2-core machine
// can take more than the default second to render a preview grid.
configure({ asyncUtilTimeout: 15_000 });

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as Record<string, unknown>;
if (typeof g.ResizeObserver === "undefined") g.ResizeObserver = NoResizeObserver;
if (typeof g.TextEncoder === "undefined") g.TextEncoder = TextEncoder;
if (typeof g.TextDecoder === "undefined") g.TextDecoder = TextDecoder;
