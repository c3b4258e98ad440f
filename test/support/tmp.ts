/** A fresh temporary folder per test file, removed afterwards. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openInput, type InputFile } from '../../src/ingest/input-file.js';

export function tempDir(): { dir: string; write(name: string, content: string | Uint8Array): string } {
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

/** A regular file opened as the ingest opens an input: the descriptor every read of it goes through. */
export async function opened(path: string): Promise<InputFile> {
  const input = await openInput(path);
  if ('pipe' in input) throw new Error(`${path} is a pipe`);
  return input;
}
