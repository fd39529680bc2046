// What browsers have and jsdom lacks, for the pane's tests: ResizeObserver (Fluent's
// MessageBar measures itself for reflow) and TextEncoder/TextDecoder. Imported first.
import { TextDecoder, TextEncoder } from "util";

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as Record<string, unknown>;
if (typeof g.ResizeObserver === "undefined") g.ResizeObserver = NoResizeObserver;
if (typeof g.TextEncoder === "undefined") g.TextEncoder = TextEncoder;
if (typeof g.TextDecoder === "undefined") g.TextDecoder = TextDecoder;
