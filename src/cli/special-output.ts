/**
 * An output that is no regular file — a named pipe, a device, a socket — is
 * never replaced, --force or not: a pipe or a character device (`/dev/null`,
 * a terminal) is written into as it is, a socket or a block device is refused.
 * Judged by what the path leads to, links followed, so that `-o /dev/stdout`
 * writes to the run's standard output instead of replacing the link in /dev.
 */
import { constants, openSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { Socket } from 'node:net';
import { OutputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';

export type SpecialKind = 'pipe' | 'character device' | 'socket' | 'block device';

/** What kind of special file the path leads to; undefined for a regular file, a folder or nothing. */
export function specialOutput(path: string): SpecialKind | undefined {
  let found;
  try {
    found = statSync(path);
  } catch {
    return undefined;
  }
  if (found.isFIFO()) return 'pipe';
  if (found.isCharacterDevice()) return 'character device';
  if (found.isSocket()) return 'socket';
  if (found.isBlockDevice()) return 'block device';
  return undefined;
}

/** Refuses, before any work, a special file no report can go into. */
export function checkSpecialOutput(path: string, kind: SpecialKind): void {
  if (kind === 'socket' || kind === 'block device') {
    throw new OutputError(`${path}: is a ${kind}, not a file; a report goes to a file, a named pipe or a character device such as /dev/null`);
  }
}

/** Writes the report into the pipe or device itself: no temporary file, no rename, nothing replaced. */
export async function writeIntoSpecial(path: string, kind: SpecialKind, data: string | Uint8Array): Promise<void> {
  checkSpecialOutput(path, kind);
  const cannot = (error: unknown) => new OutputError(`${path}: cannot write the report: ${describeFsError(error)}`, { cause: error });
  if (kind === 'character device') {
    const handle = await open(path, constants.O_WRONLY).catch((error: unknown) => {
      throw cannot(error);
    });
    try {
      await handle.writeFile(data);
    } catch (error) {
      throw cannot(error);
    } finally {
      await handle.close();
    }
    return;
  }
  let fd: number;
  try {
    // Non-blocking: a pipe that no program reads would otherwise hold the run for ever.
    fd = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') throw new OutputError(`${path}: no program reads from this named pipe; start the reader first`, { cause: error });
    throw cannot(error);
  }
  // The socket owns the descriptor (and closes it): libuv waits for the reader as it does for stdout.
  const pipe = new Socket({ fd, readable: false, writable: true });
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error | null) => {
      pipe.destroy();
      // A reader that has gone before the end (`head`) is not an error, as on stdout.
      if (!error || (error as NodeJS.ErrnoException).code === 'EPIPE') resolve();
      else reject(cannot(error));
    };
    pipe.once('error', done);
    pipe.end(data, () => done());
  });
}
