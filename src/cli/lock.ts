/**
 * One run at a time per output folder: a second run (a cron job that overlaps a
 * coordinator's) waits for the first, then finds its report made. The lock is a
 * folder `.lagesbild.lock` (proper-lockfile: atomic mkdir, its time touched every
 * few seconds while held, taken over when not touched for `stale`, removed on
 * exit). The touch is a timer of this thread, which the model's work leaves free
 * (src/pipeline/model-thread.ts): a live run's lock never looks stale.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { LockedError, OutputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';

/** A lock not refreshed for this long belongs to a run that died (the config's output.lockStale, by default). */
export const STALE_MS = 60_000;

/** How often a held lock is touched: every 5 s, and at least four times in the time it takes to go stale (at most once a second). */
export const refreshMsFor = (staleMs: number) => Math.max(1000, Math.min(5000, Math.floor(staleMs / 4)));

/** The mode of a folder made for reports of `fileMode`: searchable by whom may read them (0600 → 0700, 0640 → 0750). */
export const folderModeFor = (fileMode: number) => fileMode | 0o700 | ((fileMode & 0o044) >> 2);

export async function lockFolder(
  dir: string,
  { waitSeconds, staleSeconds = STALE_MS / 1000, onWait, folderMode = 0o700 }: { waitSeconds: number; staleSeconds?: number; onWait?: () => void; folderMode?: number },
): Promise<() => Promise<void>> {
  // A folder made for reports is the owner's only, as the reports are (issue 16); one that exists keeps its mode.
  await mkdir(dir, { recursive: true, mode: folderMode }).catch((error: unknown) => {
    throw new OutputError(`${dir}: cannot create the output folder: ${describeFsError(error)}`, { cause: error });
  });
  const stale = staleSeconds * 1000;
  const options = { lockfilePath: join(dir, '.lagesbild.lock'), realpath: false, stale, update: refreshMsFor(stale),
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
