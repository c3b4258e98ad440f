/** The first bytes of an input file, from which its source and layout are told. */
import { open } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';

/** Also how much of the rows is looked at to tell a column by what it holds (header-reading.ts). */
export const SAMPLE_BYTES = 256 * 1024;

export async function readSample(file: string): Promise<{ sample: Uint8Array; size: number }> {
  let handle;
  try {
    handle = await open(file, 'r');
    const { size } = await handle.stat();
    if (size === 0) throw new InputError({ file }, 'the file is empty');
    const buffer = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { sample: buffer.subarray(0, bytesRead), size };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError({ file }, cannotRead(error), { cause: error });
  } finally {
    await handle?.close();
  }
}

/** A file that cannot be read, in words: the common causes alone, anything else after "cannot read the file". */
export function cannotRead(error: unknown): string {
  const words = describeFsError(error);
  return words === 'no such file' || words === 'permission denied' ? words : `cannot read the file: ${words}`;
}
