import { basename, dirname, join } from 'node:path';
import { readRegularFile } from './read';

/** What {@link writeIfUnchanged} did: wrote the new bytes, or left the file alone because it no longer had the old ones. */
export type WriteOutcome = 'written' | 'changed';

/**
 * Replaces a file's bytes with `next` only if it still holds `expected` (the bytes the fixes were computed from),
 * atomically: the new bytes go to a temporary file in the same directory, with the file's mode (and owner, where
 * allowed), flushed, then renamed over it, so a reader sees the old file or the new one, never half of one, and an
 * edit saved meanwhile is reported instead of overwritten. `path` must be the real path: renaming onto a symbolic
 * link would replace the link instead of its target. Throws the file system error when the write fails.
 */
export async function writeIfUnchanged(path: string, expected: Uint8Array, next: Uint8Array): Promise<WriteOutcome> {
  let current: Buffer;
  try {
    current = await readRegularFile(path, Math.max(expected.length, 1));
  } catch {
    return 'changed';
  }
  if (!current.equals(expected)) return 'changed';
  // Loaded here, not with the CLI: most runs write nothing, and the two modules cost milliseconds of every start.
  const { randomBytes } = await import('node:crypto');
  const { open, rename, rm, stat } = await import('node:fs/promises');
  const st = await stat(path);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', st.mode & 0o7777);
  try {
    try {
      await handle.writeFile(next);
      await handle.chmod(st.mode & 0o7777); // open's mode went through the umask
      await handle.chown(st.uid, st.gid).catch(() => undefined); // only root may give a file away; keep ours then
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The check above and this rename are not one step: an edit saved in between (microseconds) is still lost.
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  return 'written';
}
