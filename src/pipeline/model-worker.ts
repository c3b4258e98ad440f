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
  options: Omit<MakeModelOptions, 'onProgress' | 'cache' | 'files'> & { keepReads?: boolean; pipesUnder: string };
}

export type ModelReply =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'made'; made: Omit<MadeModel, 'unusable'> & { unusable: (Omit<MadeModel['unusable'][number], 'error'> & { error: SentError })[] } }
  | { id: number; type: 'failed'; error: SentError };

const port = parentPort!;
let reads: ReadCache | undefined;
// A batch's pipes are read once, for all its reports; the command's thread removes the folder they are copied into.
let batchFiles: InputFiles | undefined;

port.on('message', ({ id, inputs, period, config, options }: ModelRequest) => {
  const { keepReads, pipesUnder, ...rest } = options;
  const cache = keepReads ? (reads ??= new ReadCache()) : undefined;
  const files = keepReads ? (batchFiles ??= new InputFiles({ under: pipesUnder })) : new InputFiles({ under: pipesUnder });
  const onProgress = (done: number, total: number) => port.postMessage({ id, type: 'progress', done, total } satisfies ModelReply);
  makeModel(inputs, period, config, { ...rest, onProgress, cache, files })
    .finally(() => {
      if (!keepReads) files.dispose();
    })
    .then(
      (made) => {
        const unusable = made.unusable.map((u) => ({ ...u, error: sendError(u.error) }));
        port.postMessage({ id, type: 'made', made: { ...made, unusable } } satisfies ModelReply);
      },
      (error: unknown) => port.postMessage({ id, type: 'failed', error: sendError(error) } satisfies ModelReply),
    );
});
