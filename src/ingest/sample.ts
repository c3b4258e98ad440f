/** The first bytes of an input file, from which its source and layout are told. */
import { read } from 'node:fs';
import { promisify } from 'node:util';
import { InputError } from '../errors.js';
import { cannotRead, type InputFile } from './input-file.js';

/** Also how much of the rows is looked at to tell a column by what it holds (header-reading.ts). */
export const SAMPLE_BYTES = 256 * 1024;

const readAt = promisify(read);

export async function readSample(input: InputFile): Promise<Uint8Array> {
  const { file, fd, size } = input;
  if (size === 0) throw new InputError({ file }, 'the file is empty');
  try {
    const buffer = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    const { bytesRead } = await readAt(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    throw new InputError({ file }, cannotRead(error), { cause: error });
  }
}
