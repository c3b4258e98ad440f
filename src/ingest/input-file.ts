/**
 * An input opened once: every read of it — the sample, the header, the rows,
 * the parts read on worker threads — goes through the one descriptor, and what
 * the file was when opened (its size and modification time) is compared with
 * what it is between chunks and when the read ends. An export that a system is
 * still writing, or rewrites, is never taken for a complete one.
 */
import { close, constants, fstat, fstatSync, open, statSync, type BigIntStats } from 'node:fs';
import { promisify } from 'node:util';
import { isatty } from 'node:tty';
import { InputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';

/** What the file was when opened. The modification time to the nanosecond, as a string so that it goes to workers and into keys. */
export interface FileStamp {
  size: number;
  mtimeNs: string;
}

/** A regular file, open. Plain data, so that it goes to workers: threads share the process's descriptors. */
export interface InputFile {
  /** How messages name it: the path as given, `standard input` for `-`. */
  file: string;
  fd: number;
  size: number;
  stamp: FileStamp;
}

/** A named pipe or a process substitution (`<(…)`), open without waiting for its writer: read once as a stream. */
export interface PipeInput {
  file: string;
  pipe: number;
}

/** How the command line names standard input, and how messages and the report name it. */
export const STDIN = '-';
export const STDIN_NAME = 'standard input';

// Descriptors, not FileHandles: they go to worker threads, and only the reader closes them.
const openFile = promisify(open);
const statFile = promisify(fstat) as (fd: number, options: { bigint: true }) => Promise<BigIntStats>;
const closeFile = promisify(close);

export function shownName(path: string): string {
  return path === STDIN ? STDIN_NAME : path;
}

/**
 * Opens an input, refusing at once what no export can be: a folder, a device, a socket.
 * Non-blocking, so that a named pipe nobody writes to does not hold the run at its opening.
 */
export async function openInput(path: string): Promise<InputFile | PipeInput> {
  const file = shownName(path);
  let fd: number;
  try {
    fd = await openFile(path === STDIN ? '/dev/stdin' : path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    // A socket cannot be opened as a file (ENXIO): said as what it is.
    const special = (error as NodeJS.ErrnoException).code === 'ENXIO' ? kindOfPath(path) : undefined;
    throw special ? notRegular(file, special) : new InputError({ file }, cannotRead(error), { cause: error });
  }
  const stats = await statFile(fd, { bigint: true });
  if (stats.isFile()) return { file, fd, size: Number(stats.size), stamp: stampOf(stats) };
  if (stats.isFIFO()) return { file, pipe: fd };
  await closeFile(fd);
  if (stats.isDirectory()) throw new InputError({ file }, 'cannot read the file: is a folder, not a file');
  throw notRegular(file, path === STDIN && isatty(0) ? 'terminal' : stats.isCharacterDevice() ? 'character device' : stats.isBlockDevice() ? 'block device' : 'socket');
}

function kindOfPath(path: string): string | undefined {
  try {
    const stats = path === STDIN ? fstatSync(0) : statSync(path);
    return stats.isSocket() ? 'socket' : stats.isCharacterDevice() ? 'character device' : stats.isBlockDevice() ? 'block device' : undefined;
  } catch {
    return undefined;
  }
}

function notRegular(file: string, kind: string): InputError {
  const fix = file === STDIN_NAME ? 'pipe an export into it (… | lagesbild … --incidents -)' : 'an export is read from a file, a named pipe or standard input (-)';
  return new InputError({ file }, `is not a regular file but a ${kind}; ${fix}`);
}

export function stampOf(stats: BigIntStats): FileStamp {
  return { size: Number(stats.size), mtimeNs: stats.mtimeNs.toString() };
}

/** Throws when the file is no longer what it was when opened: grown, cut short or rewritten. */
export function assertUnchanged(input: Pick<InputFile, 'file' | 'fd' | 'stamp'>): void {
  const now = stampOf(fstatSync(input.fd, { bigint: true }));
  if (now.size === input.stamp.size && now.mtimeNs === input.stamp.mtimeNs) return;
  throw changedError(input.file, input.stamp, now);
}

export function changedError(file: string, was: FileStamp, now: FileStamp): InputError {
  const how = was.size === now.size ? `rewritten, size unchanged at ${bytes(now.size)}` : `size ${count(was.size)} → ${bytes(now.size)}`;
  return new InputError({ file }, `changed while being read (${how}); nothing was written — run again when the export is complete`);
}

const count = (n: number) => n.toLocaleString('en');
const bytes = (n: number) => `${count(n)} bytes`;

/** A file that cannot be read, in words: the common causes alone, anything else after "cannot read the file". */
export function cannotRead(error: unknown): string {
  const words = describeFsError(error);
  return words === 'no such file' || words === 'permission denied' ? words : `cannot read the file: ${words}`;
}
