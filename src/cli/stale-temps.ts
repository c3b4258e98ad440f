/**
 * A run killed with SIGKILL (or by a power cut) while writing leaves its temporary
 * file `.NAME.<12 hex>.tmp` beside the report (see write-output.ts). The next run
 * into that folder removes such files — only those that are surely ours and surely
 * dead: that name, a regular file of this user, untouched for as long as a lock
 * takes to go stale. A live write touches its file all the time and takes seconds.
 */
import { lstat, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { STALE_MS } from './lock.js';

/** write-output.ts names its temporary files so: a dot, the report's name, 6 random bytes in hex, `.tmp`. */
export const TEMP_NAME = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

export interface RemovedTemp {
  name: string;
  /** The report it was to become. */
  report: string;
  bytes: number;
}

/** Removes the temporary files of dead runs in `dir`; what could not be looked at or removed is left as it is. */
export async function removeStaleTemps(dir: string, now = Date.now()): Promise<RemovedTemp[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: RemovedTemp[] = [];
  const uid = process.getuid?.();
  for (const name of names) {
    const report = TEMP_NAME.exec(name)?.[1];
    if (report === undefined) continue;
    const path = join(dir, name);
    const found = await lstat(path).catch(() => undefined);
    // Not a link, a folder or another user's file; not a write that may still be going on.
    if (!found?.isFile() || (uid !== undefined && found.uid !== uid) || now - found.mtimeMs < STALE_MS) continue;
    if (await unlink(path).then(() => true, () => false)) removed.push({ name, report, bytes: found.size });
  }
  return removed;
}

/** `.lagesbild-2024-v16-v17.pdf.3f9a0c1d2e4b.tmp (45.2 MB)`. */
export function describeRemoved(t: RemovedTemp): string {
  const size = t.bytes >= 1e6 ? `${(t.bytes / 1e6).toFixed(1)} MB` : t.bytes >= 1e3 ? `${(t.bytes / 1e3).toFixed(1)} kB` : `${t.bytes} bytes`;
  return `${t.name} (${size})`;
}
