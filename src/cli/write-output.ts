/**
 * Writes a report so that a reader never sees half a file and an existing report
 * is never replaced by accident: the bytes go to a temporary file beside the
 * target, which is then linked into place (fails if the target exists) or,
 * with --force, renamed over it. A missing folder is created, as a cron job's
 * output folder may not exist before its first run.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OutputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';

/** Lägesbilder are not public: readable by the owner only. */
export const OUTPUT_MODE = 0o600;

export async function writeOutput(path: string, data: string | Uint8Array, { force }: { force: boolean }): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      // mkdir says EEXIST when a part of the path is a file.
      throw error.code === 'EEXIST' ? Object.assign(error, { code: 'ENOTDIR' }) : error;
    });
    const handle = await open(temp, 'wx', OUTPUT_MODE);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (force) await rename(temp, path);
    else await link(temp, path).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EEXIST' ? new OutputError(`${path}: exists already; use --force to replace it`, { cause: error }) : error;
    });
  } catch (error) {
    if (error instanceof OutputError) throw error;
    throw new OutputError(`${path}: cannot write the report: ${describeFsError(error)}`, { cause: error });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
