/**
 * `lagesbild test` writes report data — text, HTML, page images — into `actual/` and
 * `expected/`: like a report, readable by the owner only, whatever the umask
 * (issue 16, file modes). Git keeps no modes but the executable bit, so a commit
 * of `expected/` is unchanged by it.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';

export const PRIVATE_FILE = 0o600;
export const PRIVATE_FOLDER = 0o700;

/** The folder itself is made private; the folders above it are the user's, as they are. */
export async function privateFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await chmod(dir, PRIVATE_FOLDER);
}

export async function writePrivate(path: string, data: string | Uint8Array): Promise<void> {
  await writeFile(path, data, { mode: PRIVATE_FILE });
  // An existing file keeps its mode through writeFile.
  await chmod(path, PRIVATE_FILE);
}
