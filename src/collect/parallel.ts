/**
 * A large file is cut at record boundaries and its parts parsed on all cores:
 * the first in this thread, straight into the report, each later one on a
 * worker thread. The workers' tallies go to the builder after the first part's,
 * in file order, so the report is the one a single thread would make.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import type { ByteRange } from '../ingest/source.js';
import type { InputShape, ReadResult } from '../ingest/read-input.js';
import { sourceOf } from '../ingest/sources.js';
import type { DateOrder } from '../ingest/times.js';
import type { TallyData } from '../model/file-tally.js';
import type { FileReader, TallySink } from './file-reader.js';
import type { FileAccount } from '../model/build-report.js';
import { readWhole } from './read-whole.js';
import { splitAtRecords } from './split.js';
import type { RangeJob, RangeMessage } from './worker.js';

/**
 * This thread's part, against a worker's: it models every part's rows besides
 * parsing its own, so it parses less. Measured: see the README's Performance section.
 */
const FIRST_SHARE = Number(process.env.LAGESBILD_FIRST_SHARE ?? 1);

/** Below this, starting workers costs more than it saves. */
export const MIN_SPLIT_BYTES = 32 * 1024 * 1024;

// Under vitest this module runs from src/, where the worker is TypeScript: use the build.
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? '../../dist/collect/worker.js' : './worker.js', import.meta.url);

export function defaultThreads(): number {
  return Math.min(availableParallelism(), 8);
}

export function shouldSplit(shape: InputShape, threads = defaultThreads(), minBytes = MIN_SPLIT_BYTES): boolean {
  return threads > 1 && shape.layout.size >= minBytes && sourceOf(shape.layout).splittable(shape.layout);
}

export const readInParallel: FileReader = async (shape, options, period, builder, account, extra) => {
  const ranges = await splitAtRecords(shape.layout, extra.threads ?? defaultThreads(), FIRST_SHARE);
  if (!ranges || ranges.length < 2) return readWhole(shape, options, period, builder, account, extra);
  const [head, ...rest] = ranges as [ByteRange, ...ByteRange[]];
  // Workers read the later parts; meanwhile this thread reads the first straight into the report.
  const workers: Worker[] = [];
  const stopWorkers = () => {
    for (const worker of workers) void worker.terminate();
  };
  const parts = rest.map((range) => readRange({ shape, options, period, range }, workers, extra.onBytes));
  const later = Promise.all(parts.map((p) => p.outcome));
  later.catch(() => undefined); // a worker's crash is said by whoever awaits it, or is moot
  try {
    const first = await readWhole(shape, options, period, builder, account, {
      onBytes: extra.onBytes,
      range: head,
      // A cut that fell inside a quoted field (a lone quote in a field fooled the scan): this part
      // reads on to the end, and what the workers read from a wrong start is not wanted.
      runOn: stopWorkers,
      orderLater: async () => {
        const outcomes = await later;
        return shownOrder(outcomes) ?? (brokenPart(outcomes) >= 0 ? 'read on' : undefined);
      },
    });
    if (first.ranOn) return first;
    // When no part can be read again for its day/month order, the parts go in as they come:
    // this thread models the last part's chunks while its worker still parses it.
    if (options.dateOrder !== undefined || first.dateOrder === undefined) {
      const { results, failed } = await addInOrder(parts, builder, account);
      if (failed) {
        // As below: a part cut inside a quoted field is read here from its start, the parts after it not wanted.
        if (!failed.outcome.openQuote || failed.index === rest.length - 1) throw failed.outcome.error;
        results.push(await readWhole(shape, options, period, builder, account, { range: { ...rest[failed.index]!, end: shape.layout.size } }));
      }
      const all = [first, ...results];
      return { dateFormats: [...new Set(all.flatMap((r) => r.dateFormats))].sort(), dateOrder: all.map((r) => r.dateOrder).find((o) => o !== undefined) ?? options.dateOrder };
    }
    let outcomes = await later;

    // Each part learns the day/month order of slashed dates from its own rows; the file's
    // order is the one its first rows showed. Parts that saw another, or none, read again with it.
    const learnt = first.dateOrder ?? shownOrder(outcomes);
    if (learnt && options.dateOrder === undefined) {
      const again = { ...options, dateOrder: learnt };
      const sound = soundParts(outcomes);
      const disagrees = (o: Succeeded | Failed, i: number) => i < sound && (o.ok ? o.result.dateOrder !== undefined && o.result.dateOrder !== learnt : o.ambiguous);
      outcomes = await Promise.all(outcomes.map((o, i) => (disagrees(o, i) ? readRange({ shape, options: again, period, range: rest[i]! }, workers).outcome : o)));
    }
    const failed = outcomes.findIndex((o) => !o.ok);
    const read = (failed < 0 ? outcomes : outcomes.slice(0, failed)) as Succeeded[];
    for (const o of read) for (const tally of o.tallies) builder.addTally(account, tally);
    const results = [first, ...read.map((o) => o.result)];
    if (failed >= 0) {
      const outcome = outcomes[failed] as Failed;
      if (!outcome.openQuote || failed === rest.length - 1) throw outcome.error;
      // This part's cut fell inside a quoted field: the parts before it stand, the rest is read here.
      const range = { ...rest[failed]!, end: shape.layout.size };
      results.push(await readWhole(shape, { ...options, dateOrder: learnt ?? options.dateOrder }, period, builder, account, { range }));
    }
    return { dateFormats: [...new Set(results.flatMap((r) => r.dateFormats))].sort(), dateOrder: learnt ?? options.dateOrder };
  } finally {
    // Done, or given up: none goes on reading.
    stopWorkers();
  }
};

/** The first part whose end was cut inside a quoted field (-1: none); the parts after it were read from a wrong start. */
function brokenPart(outcomes: (Succeeded | Failed)[]): number {
  return outcomes.findIndex((o) => !o.ok && o.openQuote);
}

/** How many parts, from the first, started where a record starts. */
function soundParts(outcomes: (Succeeded | Failed)[]): number {
  const broken = brokenPart(outcomes);
  return broken < 0 ? outcomes.length : broken + 1;
}

/** The first day/month order the parts showed, of those read from a right start. */
function shownOrder(outcomes: (Succeeded | Failed)[]): DateOrder | undefined {
  return outcomes.slice(0, soundParts(outcomes)).flatMap((o) => (o.ok && o.result.dateOrder ? [o.result.dateOrder] : []))[0];
}

/** A part's tallies, chunk by chunk: added to the report only when every part has been read, in file order. */
type Succeeded = { ok: true; tallies: TallyData[]; result: ReadResult };
type Failed = { ok: false; error: InputError; openQuote: boolean; ambiguous: boolean };

/**
 * The parts after the first, in file order: each added in full before the next,
 * the last one chunk by chunk as its worker hands them over. Stops at a part that failed.
 */
async function addInOrder(parts: PartRead[], builder: TallySink, account: FileAccount): Promise<{ results: ReadResult[]; failed?: { index: number; outcome: Failed } }> {
  const results: ReadResult[] = [];
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    if (last) part.stream((tally) => builder.addTally(account, tally));
    const outcome = await part.outcome;
    if (!outcome.ok) return { results, failed: { index, outcome } };
    for (const tally of outcome.tallies) builder.addTally(account, tally);
    results.push(outcome.result);
  }
  return { results };
}

/** A part read on a worker: its outcome, and `stream` to be handed its tallies as they come (those so far at once) rather than at the end. */
interface PartRead {
  outcome: Promise<Succeeded | Failed>;
  stream(to: (tally: TallyData) => void): void;
}

function readRange(job: RangeJob, workers: Worker[], onBytes?: (n: number) => void): PartRead {
  const tallies: TallyData[] = [];
  let to: ((tally: TallyData) => void) | undefined;
  const take = (tally: TallyData) => (to ? to(tally) : tallies.push(tally));
  const outcome = new Promise<Succeeded | Failed>((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: job });
    workers.push(worker);
    let result: Succeeded | Failed | undefined;
    worker.on('message', (m: RangeMessage) => {
      if (m.type === 'chunk') {
        take(m.tally);
        onBytes?.(m.n);
      } else if (m.type === 'done') {
        take(m.tally);
        result = { ok: true, tallies: to ? [] : tallies, result: m.result };
      } else {
        result = {
          ok: false,
          error: new InputError(m.position, m.detail),
          // A part that begins inside a quoted field runs on: the cut was not a record boundary.
          openQuote: m.code === 'CSV_QUOTE_NOT_CLOSED' || m.code === 'CSV_MAX_RECORD_SIZE',
          ambiguous: m.ambiguous,
        };
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (result ? resolve(result) : reject(new Error(`a reading worker stopped with code ${code}`))));
  });
  return {
    outcome,
    stream(next) {
      for (const tally of tallies.splice(0)) next(tally);
      to = next;
    },
  };
}
