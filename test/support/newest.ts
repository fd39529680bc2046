// When a file, or anything in a folder, last changed: builds made for tests are redone
// when a source is newer than what they made.
import { readdirSync, statSync } from "fs";
import * as path from "path";

/** Newest modification time under a file or folder (ms). */
export function newest(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), s.mtimeMs);
}
