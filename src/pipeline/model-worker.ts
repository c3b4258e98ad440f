/**
 * The model's thread: makes each model asked for (src/pipeline/model-thread.ts)
 * and sends it back; a batch's reads are kept here for its next report.
 */
import { parentPort } from 'node:worker_threads';
import { InputFiles } from '../collect/input-files.js';
import { ReadCache } from '../collect/read-cache.js';
import type { InputSpec } from '../collect/index.js';
import type { Config } from '../config/schema.js';
import type { ReportPeriod } from '../period.js';
import { makeModel, type MadeModel, type MakeModelOptions } from './make-model.js';
import { sendError, type SentError } from './thread-errors.js';

export interface ModelRequest {
  id: number;
  inputs: readonly InputSpec[];
  period: ReportPeriod;
  config: Config;
  /** As makeModel takes them, but for the progress (sent as messages) and the cache (kept here when `keepReads`). */
  options: Omit<MakeModelOptions, 'onProgress' | 'cache' | 'files'> & { keepReads?: boolean };
}

export type ModelReply =
  | { id: number; type: 'progress'; done: number; total: number }
  /** The model with its long lists empty; their rows follow in slices, then `end`. */
  | { id: number; type: 'made'; made: Omit<MadeModel, 'unusable'> & { unusable: (Omit<MadeModel['unusable'][number], 'error'> & { error: SentError })[] } }
  | { id: number; type: 'rows'; path: string[]; rows: unknown[] }
  | { id: number; type: 'end' }
  /** A pipe's copy is kept in this folder: removed by the command's thread if a signal ends this one. */
  | { id: number; type: 'folder'; folder: string }
  | { id: number; type: 'failed'; error: SentError };

/** Rows a message carries: the command's thread takes in a slice in tens of milliseconds, between its timers and signals. */
export const SLICE = 5000;

/** The lists of more than SLICE rows, at the model's first two levels (incidents.byAreaCategory, rejected …). */
function longLists(model: Record<string, unknown>): { path: string[]; rows: unknown[] }[] {
  const found: { path: string[]; rows: unknown[] }[] = [];
  for (const [key, value] of Object.entries(model)) {
    if (Array.isArray(value)) {
      if (value.length > SLICE) found.push({ path: [key], rows: value });
    } else if (value && typeof value === 'object') {
      for (const [inner, list] of Object.entries(value)) if (Array.isArray(list) && list.length > SLICE) found.push({ path: [key, inner], rows: list });
    }
  }
  return found;
}

/** A shallow copy of the model with those lists empty, each in its place (the keys keep their order). */
function emptied(model: Record<string, unknown>, paths: string[][]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...model };
  for (const [key, inner] of paths as [string, string | undefined][]) {
    if (inner === undefined) copy[key] = [];
    else copy[key] = { ...(copy[key] as Record<string, unknown>), [inner]: [] };
  }
  return copy;
}

const port = parentPort!;
let reads: ReadCache | undefined;
// A batch's pipes are read once, for all its reports.
let batchFiles: InputFiles | undefined;

/** What is still to be sent of each model made. */
const slices = new Map<number, { path: string[]; rows: unknown[] }[]>();
function sendNext(id: number): void {
  const next = slices.get(id)?.shift();
  if (next) return port.postMessage({ id, type: 'rows', ...next } satisfies ModelReply);
  slices.delete(id);
  port.postMessage({ id, type: 'end' } satisfies ModelReply);
}

port.on('message', (message: ModelRequest | { next: number }) => {
  if ('next' in message) return sendNext(message.next);
  const { id, inputs, period, config, options } = message;
  const { keepReads, ...rest } = options;
  const cache = keepReads ? (reads ??= new ReadCache()) : undefined;
  const onFolder = (folder: string) => port.postMessage({ id, type: 'folder', folder } satisfies ModelReply);
  const files = keepReads ? (batchFiles ??= new InputFiles({ onFolder })) : new InputFiles({ onFolder });
  const onProgress = (done: number, total: number) => port.postMessage({ id, type: 'progress', done, total } satisfies ModelReply);
  makeModel(inputs, period, config, { ...rest, onProgress, cache, files })
    .finally(() => {
      if (!keepReads) files.dispose();
    })
    .then(
      (made) => {
        const unusable = made.unusable.map((u) => ({ ...u, error: sendError(u.error) }));
        // A model of 8,000 × 500 in one message would keep the command's thread for seconds as it is taken in.
        const lists = longLists(made.model as unknown as Record<string, unknown>);
        const model = emptied(made.model as unknown as Record<string, unknown>, lists.map((l) => l.path));
        port.postMessage({ id, type: 'made', made: { ...made, model: model as unknown as MadeModel['model'], unusable } } satisfies ModelReply);
        // One slice at a time, each when the command's thread asks for it: a port hands over all its waiting messages in one go.
        slices.set(id, lists.flatMap(({ path, rows }) => Array.from({ length: Math.ceil(rows.length / SLICE) }, (_, i) => ({ path, rows: rows.slice(i * SLICE, (i + 1) * SLICE) }))));
        sendNext(id);
      },
      (error: unknown) => port.postMessage({ id, type: 'failed', error: sendError(error) } satisfies ModelReply),
    );
});
