/**
 * A named pipe or a process substitution is read once, as a stream, into a
 * private copy that is then read as the file it carries. Opened without
 * waiting (non-blocking): a pipe that no process writes to is given up after
 * a second instead of holding the run for ever.
 */
import { read } from 'node:fs';
import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { InputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';
import { cannotRead } from '../ingest/input-file.js';

/** How long a pipe may have no writer at all before it is given up. */
export const NO_WRITER_MS = 1000;
const CHUNK = 1 << 20;
const readPipe = promisify(read);

/**
 * Copies what the pipe carries to `to` (created 0600), to its end. A read of an empty pipe says whether a
 * process has it open for writing: "try again" (EAGAIN) while one has, end of file while none has.
 * Before any writer has been seen, the end of file is only the absence of one.
 */
export async function copyPipe(pipe: number, file: string, to: string, noWriterMs = NO_WRITER_MS): Promise<void> {
  const cannotKeep = (error: unknown) => new InputError({ file }, `cannot keep a copy of what it carries in ${to}: ${describeFsError(error)}`, { cause: error });
  const out = await open(to, 'wx', 0o600).catch((error: unknown) => {
    throw cannotKeep(error);
  });
  const buffer = Buffer.alloc(CHUNK);
  const started = Date.now();
  let heard = false;
  let idle = 0;
  try {
    for (;;) {
      let n: number;
      try {
        n = (await readPipe(pipe, buffer, 0, CHUNK, null)).bytesRead;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw new InputError({ file }, cannotRead(error), { cause: error });
        heard = true;
        await sleep(Math.min(50, ++idle)); // a writer that is slow to write: polled, more slowly the longer it is silent
        continue;
      }
      if (n > 0) {
        heard = true;
        idle = 0;
        await out.write(buffer, 0, n).catch((error: unknown) => {
          throw cannotKeep(error);
        });
      } else if (heard) {
        return;
      } else if (Date.now() - started >= noWriterMs) {
        throw new InputError({ file }, `no process is writing to it (waited ${noWriterMs / 1000} s); start the program that writes the export first`);
      } else {
        await sleep(20);
      }
    }
  } finally {
    await out.close();
  }
}
