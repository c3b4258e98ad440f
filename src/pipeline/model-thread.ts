/**
 * The model made on a thread of its own. Reading and building a model of
 * 50,000 names keeps a thread busy for seconds at a time; on this one, the
 * command's thread stays free to answer a signal at once (exit 128 + n, lock
 * released, browser killed) and to keep refreshing the output folder's lock.
 * A thread the command can leave, rather than the model's code made to pause
 * every few milliseconds, keeps that code as it is and any later part of it
 * covered too. The model that comes back is a copy of the one made there.
 */
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { InputSpec } from '../collect/index.js';
import type { Config } from '../config/schema.js';
import type { ReportPeriod } from '../period.js';
import type { InputError } from '../errors.js';
import type { MadeModel, MakeModelOptions } from './make-model.js';
import type { ModelReply, ModelRequest } from './model-worker.js';
import { receivedError } from './thread-errors.js';

// Under vitest this module runs from src/, where the worker is TypeScript: use the build.
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? '../../dist/pipeline/model-worker.js' : './model-worker.js', import.meta.url);

export interface ModelThreadSetup {
  /** Has `remove` run if the run is stopped by a signal; gives back a function that stops it being run (the CLI's onStop). */
  onStop?: (remove: () => void) => () => void;
}

export interface ModelThreadOptions extends Omit<MakeModelOptions, 'cache' | 'files'> {
  /** Keep each file's read on the thread, for the next report of a batch over the same exports. */
  keepReads?: boolean;
}

/** One thread for every model of a run, asked one at a time or several; `close()` when done. */
export class ModelThread {
  private worker: Worker | undefined;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (m: MadeModel) => void; reject: (e: unknown) => void; onProgress?: (done: number, total: number) => void; made?: MadeModel }>();
  /** The folders the thread keeps pipes' copies in, each with what stops its removal on a signal. */
  private readonly folders = new Map<string, (() => void) | undefined>();

  constructor(private readonly setup: ModelThreadSetup = {}) {}

  make(inputs: readonly InputSpec[], period: ReportPeriod, config: Config, options: ModelThreadOptions = {}): Promise<MadeModel> {
    const { onProgress, ...rest } = options;
    const worker = this.started();
    const id = this.next++;
    return new Promise<MadeModel>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      // Held while it works, so that the run waits for it; let go when idle, so that it never keeps the run alive.
      worker.ref();
      worker.postMessage({ id, inputs, period, config, options: rest } satisfies ModelRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
    // The thread removes its copies when it ends a run; one a signal or a crash ended has not.
    for (const [folder, release] of this.folders) {
      rmSync(folder, { recursive: true, force: true });
      release?.();
    }
    this.folders.clear();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_URL);
    worker.on('message', (reply: ModelReply) => this.answer(reply));
    // A crash (out of memory, a bug in a module's loading) fails what was asked; the next ask starts a new thread.
    const fail = (error: unknown) => {
      if (this.worker === worker) this.worker = undefined;
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the thread that makes the report model stopped with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private answer(reply: ModelReply): void {
    if (reply.type === 'folder') {
      const { folder } = reply;
      if (!this.folders.has(folder)) this.folders.set(folder, this.setup.onStop?.(() => rmSync(folder, { recursive: true, force: true })));
      return;
    }
    const asked = this.pending.get(reply.id);
    if (!asked) return;
    if (reply.type === 'progress') return asked.onProgress?.(reply.done, reply.total);
    if (reply.type === 'made') {
      const unusable = reply.made.unusable.map((u) => ({ ...u, error: receivedError(u.error) as InputError }));
      asked.made = { ...reply.made, unusable };
      return;
    }
    if (reply.type === 'rows') {
      // A long list's rows, slice by slice, into its place in the model, in their order.
      const [key, inner] = reply.path as [string, string | undefined];
      const model = asked.made!.model as unknown as Record<string, Record<string, unknown[]> | unknown[]>;
      const list = (inner === undefined ? model[key] : (model[key] as Record<string, unknown[]>)[inner]) as unknown[];
      for (const row of reply.rows) list.push(row);
      // The next slice once timers and signals have had their turn.
      setImmediate(() => this.worker?.postMessage({ next: reply.id }));
      return;
    }
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.type === 'failed') return asked.reject(receivedError(reply.error));
    asked.resolve(asked.made!);
  }
}
