/** Reads a file in this thread, handing its rows to the builder chunk by chunk. */
import { readRows } from '../ingest/read-input.js';
import { FileTally } from '../model/file-tally.js';
import type { FileReader } from './index.js';

export const readWhole: FileReader = async (shape, options, period, builder, account, { onBytes }) => {
  const tally = new FileTally(period);
  // Each new chunk of bytes is a moment to pass on the rows parsed so far: memory stays flat.
  const result = await readRows(shape, options, tally, {
    onBytes: (n) => {
      builder.addTally(account, tally.take());
      onBytes?.(n);
    },
  });
  builder.addTally(account, tally.take());
  return result;
};
