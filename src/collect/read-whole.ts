/** Reads a file (or its first part, and on) in this thread, handing its rows to the builder chunk by chunk. */
import { readRows, type ReadRowsOptions } from '../ingest/read-input.js';
import { FileTally } from '../model/file-tally.js';
import type { FileReader } from './file-reader.js';

export const readWhole = (async (shape, options, period, builder, account, { onBytes, ...rest }: { onBytes?: (n: number) => void } & Omit<ReadRowsOptions, 'onBytes'>) => {
  const tally = new FileTally(period);
  // Each new chunk of bytes is a moment to pass on the rows parsed so far: memory stays flat.
  const result = await readRows(shape, options, tally, {
    ...rest,
    onBytes: (n) => {
      builder.addTally(account, tally.take());
      onBytes?.(n);
    },
  });
  builder.addTally(account, tally.take());
  return result;
}) satisfies FileReader;
