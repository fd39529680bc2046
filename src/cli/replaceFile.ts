// Writes a file so that it is either the old one or the whole new one, never half of
// either: the bytes go to a temporary file in the same folder (a rename is atomic only
// within one file system), are flushed to disk, and the temporary file is renamed over
// the target. On any failure the temporary file is removed and the target is untouched.
import { constants as fsConstants, promises as fs } from "fs";
import { basename, dirname, join } from "path";
import { randomBytes } from "crypto";

export async function replaceFile(file: string, bytes: Uint8Array | string): Promise<void> {
  const dir = dirname(file);
  await fs.mkdir(dir, { recursive: true });
  // A rename needs only the folder's permission: a file the user made read-only is kept
  // read-only, as writing into it would have.
  await refuseReadOnly(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
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
