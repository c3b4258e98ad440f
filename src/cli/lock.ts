/**
 * One run at a time per output folder: a second run (a cron job that overlaps a
 * coordinator's) waits for the first, then finds its report made. The lock is a
 * folder `.lagesbild.lock` (proper-lockfile: atomic mkdir, refreshed while held,
 * taken over when older than `stale`, removed on exit).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { LockedError, OutputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';

/** A lock not refreshed for this long belongs to a run that died. */
export const STALE_MS = 60_000;

/** The mode of a folder made for reports of `fileMode`: searchable by whom may read them (0600 → 0700, 0640 → 0750). */
export const folderModeFor = (fileMode: number) => fileMode | 0o700 | ((fileMode & 0o044) >> 2);

export async function lockFolder(dir: string, { waitSeconds, onWait, folderMode = 0o700 }: { waitSeconds: number; onWait?: () => void; folderMode?: number }): Promise<() => Promise<void>> {
  // A folder made for reports is the owner's only, as the reports are (issue 16); one that exists keeps its mode.
  await mkdir(dir, { recursive: true, mode: folderMode }).catch((error: unknown) => {
    throw new OutputError(`${dir}: cannot create the output folder: ${describeFsError(error)}`, { cause: error });
  });
  const options = { lockfilePath: join(dir, '.lagesbild.lock'), realpath: false, stale: STALE_MS, update: STALE_MS / 4,
    // Another run took the lock as stale (this one was stopped for a minute): the writes stay atomic, so go on.
    onCompromised: () => undefined,
  };
  try {
    return await lockfile.lock(dir, { ...options, retries: 0 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw lockFailed(dir, error);
  }
  onWait?.();
  try {
    // Once a second: a waiting cron job should start as soon as the other run is done.
    const retries = { retries: Math.max(0, Math.ceil(waitSeconds)), factor: 1, minTimeout: 1000, maxTimeout: 1000 };
    return await lockfile.lock(dir, { ...options, retries });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new LockedError(`${dir}: another lagesbild run is writing to this folder and has not finished after ${waitSeconds} s (lock ${options.lockfilePath})`, { cause: error });
    }
    throw lockFailed(dir, error);
  }
}

function lockFailed(dir: string, error: unknown): OutputError {
  return new OutputError(`${dir}: cannot lock the output folder: ${describeFsError(error)}`, { cause: error });
}
