/**
 * What reading a file came to, kept for the other reports of a batch: twenty
 * reports over the same exports read them once. A file counts as the same when
 * its path, size and modification time are, and it is read the same way (kind,
 * options, period). What is kept is handed out as it is, to be read only: the
 * model made from it is a copy (the masked one), never the tallies themselves.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { InputKind } from '../domain.js';
import type { IngestOptions, InputShape, ReadResult } from '../ingest/read-input.js';
import type { TallyData } from '../model/file-tally.js';
import type { ReportPeriod } from '../period.js';

export interface FileRead {
  shape: InputShape;
  tallies: TallyData[];
  result: ReadResult;
}

export class ReadCache {
  private readonly reads = new Map<string, FileRead>();

  /** The key of a file read this way now; undefined when the file cannot be looked at (the read will say why). */
  async keyOf(file: string, kind: InputKind, options: IngestOptions & { mapFrom?: unknown }, period: ReportPeriod): Promise<string | undefined> {
    const found = await stat(file).catch(() => undefined);
    if (!found?.isFile()) return undefined;
    return JSON.stringify([resolve(file), found.size, found.mtimeMs, found.ino, kind, options, period]);
  }

  get(key: string | undefined): FileRead | undefined {
    return key === undefined ? undefined : this.reads.get(key);
  }

  set(key: string | undefined, read: FileRead): void {
    if (key !== undefined) this.reads.set(key, read);
  }
}
