// Writes a file so that it is either the old one or the whole new one, never half of
// either: the bytes go to a temporary file in the same folder (a rename is atomic only
// within one file system), are flushed to disk, and the temporary file is renamed over
// the target. On any failure the temporary file is removed and the target is untouched.
// A writer killed mid-write cannot remove its temporary file: the next write to the same
// target removes those whose writer is gone (removeStaleTemps).
import { constants as fsConstants, promises as fs } from "fs";
import { basename, dirname, join } from "path";
import { randomBytes } from "crypto";
import { hostname } from "os";

export async function replaceFile(file: string, bytes: Uint8Array | string): Promise<void> {
  const dir = dirname(file);
  await fs.mkdir(dir, { recursive: true });
  // A rename needs only the folder's permission: a file the user made read-only is kept
  // read-only, as writing into it would have.
  await refuseReadOnly(file);
  await removeStaleTemps(file);
  const temp = join(dir, tempName(basename(file), THIS_HOST, process.pid));
  try {
    // "wx": never reuse a file that happens to have the name.
    const handle = await fs.open(temp, "wx", await modeOf(file));
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
  await syncFolder(dir);
}

/** The target's permissions, so replacing a file keeps them; the default for a new one. */
async function modeOf(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).mode & 0o777;
  } catch {
    return 0o666;
  }
}

/** Makes the rename itself durable; some systems (Windows) cannot open a folder: skipped. */
async function syncFolder(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, "r");
    await handle.sync();
  } catch {
    // Best effort: the file's contents are already on disk.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Throws when `file` exists and is read-only: no write permission for anyone (as a user
 * or Windows' read-only attribute sets it; refused even for root), or none for this user.
 * A missing file is fine.
 */
async function refuseReadOnly(file: string): Promise<void> {
  let mode: number;
  try {
    mode = (await fs.stat(file)).mode;
  } catch (err) {
    if ((err as { code?: unknown }).code === "ENOENT") return;
    throw err;
  }
  if ((mode & 0o222) === 0)
    throw Object.assign(new Error("the file is read-only"), { code: "EACCES" });
  await fs.access(file, fsConstants.W_OK);
}

/** This machine's name as a temporary file carries it: letters, digits and hyphens. */
const THIS_HOST =
  hostname()
    .replace(/[^A-Za-z0-9-]/g, "")
    .slice(0, 40) || "host";

/**
 * ".book.xlsx.HOST~PID-HEX.tmp": hidden, named for its target, and saying which process
 * on which machine writes it, so a later write can tell whether that writer is gone.
 */
export function tempName(target: string, host: string, pid: number): string {
  return `.${target}.${host}~${pid}-${randomBytes(4).toString("hex")}.tmp`;
}

/** The writer of a temporary file of `target` (host null: named before hosts were recorded), or null for any other file. */
export function tempWriter(
  name: string,
  target: string
): { host: string | null; pid: number } | null {
  const prefix = `.${target}.`;
  if (!name.startsWith(prefix)) return null;
  const m = /^(?:([A-Za-z0-9-]+)~)?(\d+)-[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
  return m ? { host: m[1] ?? null, pid: Number(m[2]) } : null;
}

/** Whether a process of this id runs on this machine (EPERM: it runs, as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: unknown }).code === "EPERM";
  }
}

/**
 * Removes the temporary files a killed write of `file` left beside it: only this target's,
 * only those written on this machine (a process elsewhere cannot be asked about), and only
 * when their process is gone; never this process's own. Best effort: a file that cannot
 * be listed or removed is left, and the write goes on.
 */
export async function removeStaleTemps(file: string): Promise<string[]> {
  const dir = dirname(file);
  const target = basename(file);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const writer = tempWriter(name, target);
    if (!writer || (writer.host !== null && writer.host !== THIS_HOST)) continue;
    if (writer.pid === process.pid || isRunning(writer.pid)) continue;
    try {
      await fs.rm(join(dir, name));
      removed.push(name);
    } catch {
      // Removed meanwhile, or not ours to remove: left as it is.
    }
  }
  return removed;
}
