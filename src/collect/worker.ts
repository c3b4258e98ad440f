/**
 * A worker thread: reads one byte range of a file into tallies and hands each
 * over as soon as a chunk of bytes is read, so that the thread holds one
 * chunk's rows at a time, however long its range.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors.js';
import type { ByteRange } from '../ingest/source.js';
import { AmbiguousDatesError } from '../ingest/date-order-hold.js';
import { readRows, type IngestOptions, type InputShape } from '../ingest/read-input.js';
import { FileTally, type TallyData } from '../model/file-tally.js';
import type { ReportPeriod } from '../period.js';

export interface RangeJob {
  shape: InputShape;
  options: IngestOptions;
  period: ReportPeriod;
  range: ByteRange;
}

export type RangeMessage =
  | { type: 'chunk'; n: number; tally: TallyData }
  | { type: 'done'; tally: TallyData; result: Awaited<ReturnType<typeof readRows>> }
  | { type: 'failed'; position: InputError['position']; detail: string; code?: string; ambiguous: boolean };

const job = workerData as RangeJob;
const post = (message: RangeMessage) => parentPort!.postMessage(message);
const tally = new FileTally(job.period);

try {
  const result = await readRows(job.shape, job.options, tally, { range: job.range, onBytes: (n) => post({ type: 'chunk', n, tally: tally.take() }) });
  post({ type: 'done', tally: tally.take(), result });
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  post({
    type: 'failed',
    position: error.position,
    detail: error.detail,
    code: (error.cause as { code?: string } | undefined)?.code,
    ambiguous: error instanceof AmbiguousDatesError,
  });
}
