// A CliIO over an in-memory file map (falling back to the disk for reads), for command tests.
import { readFileSync } from "fs";
import type { CliIO } from "../../src/cli/io";

export interface MemoryIO extends CliIO {
  files: Map<string, Uint8Array | string>;
  out: string[];
  err: string[];
}

export function memoryIo(): MemoryIO {
  const files = new Map<string, Uint8Array | string>();
  const out: string[] = [];
  const err: string[] = [];
  const bytesOf = (p: string): Uint8Array => {
    const f = files.get(p);
    if (f === undefined) return new Uint8Array(readFileSync(p));
    return typeof f === "string" ? new TextEncoder().encode(f) : f;
  };
  return {
    files,
    out,
    err,
    readFile: async (p) => new TextDecoder().decode(bytesOf(p)),
    readBytes: async (p) => bytesOf(p),
    writeFile: async (p, b) => {
      files.set(p, b);
    },
    stdout: (s) => void out.push(s),
    stderr: (s) => err.push(s),
  };
}
