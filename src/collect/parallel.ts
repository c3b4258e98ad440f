/**
 * A large file is cut at record boundaries and its parts parsed on all cores,
 * one worker thread each; their tallies go to the builder in file order, so the
 * report is the one a single thread would make.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import type { InputShape, ReadResult } from '../ingest/read-input.js';
import type { TallyData } from '../model/file-tally.js';
import type { FileReader } from './index.js';
import { readWhole } from './read-whole.js';
import { splitAtRecords } from './split.js';
import type { RangeJob, RangeMessage } from './worker.js';

/** Below this, starting workers costs more than it saves. */
export const MIN_SPLIT_BYTES = 32 * 1024 * 1024;
/** Encodings in which a quote and a line feed are bytes of their own. */
const SPLITTABLE = /^(utf-?8|windows-125\d|iso-8859-\d+|latin1|ascii)$/i;

// Under vitest this module runs from src/, where the worker is TypeScript: use the build.
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? '../../dist/collect/worker.js' : './worker.js', import.meta.url);

export function defaultThreads(): number {
  return Math.min(availableParallelism(), 8);
}

export function shouldSplit(shape: InputShape, threads = defaultThreads(), minBytes = MIN_SPLIT_BYTES): boolean {
  return threads > 1 && shape.size >= minBytes && SPLITTABLE.test(shape.encoding.encoding);
}

export const readInParallel: FileReader = async (shape, options, period, builder, account, extra) => {
  const ranges = await splitAtRecords(shape.file, shape.size, extra.threads ?? defaultThreads());
  if (!ranges || ranges.length < 2) return readWhole(shape, options, period, builder, account, extra);
  let outcomes = await Promise.all(ranges.map((range) => readRange({ shape, options, period, range }, extra.onBytes)));

  // Each part learns the day/month order of slashed dates from its own rows; the file's
  // order is the one its first rows showed. Parts that saw another, or none, read again with it.
  const learnt = outcomes.flatMap((o) => (o.ok && o.result.dateOrder ? [o.result.dateOrder] : []))[0];
  const disagree = outcomes.some((o) => (o.ok ? o.result.dateOrder !== undefined && o.result.dateOrder !== learnt : o.ambiguous));
  if (learnt && options.dateOrder === undefined && disagree) {
    outcomes = await Promise.all(ranges.map((range) => readRange({ shape, options: { ...options, dateOrder: learnt }, period, range })));
  }
  const failed = outcomes.findIndex((o) => !o.ok);
  if (failed >= 0) {
    const outcome = outcomes[failed] as Failed;
    // A quote left open at the end of a part means the cut was not a record boundary
    // (a lone quote inside a field fooled the scan): read the file whole instead.
    if (outcome.openQuote && failed < ranges.length - 1) return readWhole(shape, options, period, builder, account, { onBytes: undefined });
    throw outcome.error;
  }
  const formats = new Set<string>();
  for (const o of outcomes as Succeeded[]) {
    for (const tally of o.tallies) builder.addTally(account, tally);
    for (const f of o.result.dateFormats) formats.add(f);
  }
  return { dateFormats: [...formats].sort(), dateOrder: learnt ?? options.dateOrder };
};

/** A part's tallies, chunk by chunk: added to the report only when every part has been read, in file order. */
type Succeeded = { ok: true; tallies: TallyData[]; result: ReadResult };
type Failed = { ok: false; error: InputError; openQuote: boolean; ambiguous: boolean };

function readRange(job: RangeJob, onBytes?: (n: number) => void): Promise<Succeeded | Failed> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: job });
    let outcome: Succeeded | Failed | undefined;
    const tallies: TallyData[] = [];
    worker.on('message', (m: RangeMessage) => {
      if (m.type === 'chunk') {
        tallies.push(m.tally);
        onBytes?.(m.n);
      } else if (m.type === 'done') outcome = { ok: true, tallies: [...tallies, m.tally], result: m.result };
      else {
        outcome = {
          ok: false,
          error: new InputError(m.position, m.detail),
          // A part that begins inside a quoted field runs on: the cut was not a record boundary.
          openQuote: m.code === 'CSV_QUOTE_NOT_CLOSED' || m.code === 'CSV_MAX_RECORD_SIZE',
          ambiguous: m.ambiguous,
        };
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (outcome ? resolve(outcome) : reject(new Error(`a reading worker stopped with code ${code}`))));
  });
}

