/**
 * Writes a report so that a reader never sees half a file and an existing report
 * is never replaced by accident: the bytes go to a temporary file beside the
 * target, which is then linked into place (fails if the target exists) or,
 * with --force, renamed over it.
 */
import { randomBytes } from 'node:crypto';
import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OutputError } from '../errors.js';

/** Lägesbilder are not public: readable by the owner only. */
export const OUTPUT_MODE = 0o600;

export async function writeOutput(path: string, data: string | Uint8Array, { force }: { force: boolean }): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', OUTPUT_MODE);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (force) await rename(temp, path);
    else await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new OutputError(`${path}: exists already; use --force to replace it`, { cause: error });
    throw new OutputError(`${path}: cannot write the report (${code ?? (error as Error).message})`, { cause: error });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
