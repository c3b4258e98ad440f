/**
 * Writes a report so that a reader never sees half a file and an existing report
 * is never replaced by accident: the bytes go to a temporary file beside the
 * target, which is then linked into place (fails if the target exists) or,
 * with --force, renamed over it. A missing folder is created, as a cron job's
 * output folder may not exist before its first run.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { link, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OutputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';
import { onStop } from './cleanup.js';
import { checkSpecialOutput, specialOutput, writeIntoSpecial } from './special-output.js';

/** Lägesbilder are not public: readable by the owner only. */
export const OUTPUT_MODE = 0o600;

export async function writeOutput(path: string, data: string | Uint8Array, { force, mode = OUTPUT_MODE }: { force: boolean; mode?: number }): Promise<void> {
  // A pipe or a device is written into, never replaced by a file, --force or not.
  const special = specialOutput(path);
  if (special) return writeIntoSpecial(path, special, data);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  // Stopped by a signal while writing: the temporary file goes, the target was never touched.
  const release = onStop(() => {
    try {
      unlinkSync(temp);
    } catch {
      // not created yet, or placed already
    }
  });
  try {
    await mkdir(dirname(path), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      // mkdir says EEXIST when a part of the path is a file.
      throw error.code === 'EEXIST' ? Object.assign(error, { code: 'ENOTDIR' }) : error;
    });
    const handle = await open(temp, 'wx', OUTPUT_MODE);
    try {
      // Exactly this mode, whatever the umask: a wider one only if the config asks for it.
      await handle.chmod(mode);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (force) await rename(temp, path);
    else await placeWithoutReplacing(temp, path);
  } catch (error) {
    if (error instanceof OutputError) throw error;
    throw new OutputError(`${path}: cannot write the report: ${describeFsError(error)}`, { cause: error });
  } finally {
    await unlink(temp).catch(() => undefined);
    release();
  }
}

/**
 * link() fails if the target exists, atomically. Where a file system has no
 * hard links (SMB, FAT), an exclusive create reserves the name and rename()
 * then replaces that empty placeholder in one step.
 */
async function placeWithoutReplacing(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw exists(path, error);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    const placeholder = await open(path, 'wx', OUTPUT_MODE).catch((e: NodeJS.ErrnoException) => {
      throw e.code === 'EEXIST' ? exists(path, e) : e;
    });
    await placeholder.close();
    await rename(temp, path);
  }
}

const exists = (path: string, cause: unknown) => new OutputError(`${path}: exists already; use --force to replace it`, { cause });

/** Fails early, before any work, when the report could not be written there. */
export async function checkOutput(path: string, { force }: { force: boolean }): Promise<void> {
  const special = specialOutput(path);
  if (special) return checkSpecialOutput(path, special);
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new OutputError(`${path}: is a folder; give a file name for the report`);
  if (existing && !force) throw exists(path, undefined);
}

/** To stdout; a reader that has gone (`| head`) is not an error. */
export function writeStdout(data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error | null) => {
      if (!error || (error as NodeJS.ErrnoException).code === 'EPIPE') resolve();
      else reject(new OutputError(`cannot write to stdout: ${describeFsError(error)}`, { cause: error }));
    };
    process.stdout.once('error', done);
    process.stdout.write(data, done);
  });
}
