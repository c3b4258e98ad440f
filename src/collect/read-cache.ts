/**
 * What reading a file came to, kept for the other reports of a batch: twenty
 * reports over the same exports read them once. A file counts as the same when
 * its path, size and modification time are, and it is read the same way (kind,
 * options, period). What is kept is handed out as it is, to be read only: the
 * model made from it is a copy (the masked one), never the tallies themselves.
 * A kept shape's descriptor is closed with its report: what is kept is never read from again.
 */
import { fstatSync } from 'node:fs';
import { resolve } from 'node:path';
import type { InputKind } from '../domain.js';
import type { InputFile } from '../ingest/input-file.js';
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

  /** The key of a file read this way, as it is now open (a pipe's copy: the same for the whole run). */
  keyOf(file: string, input: InputFile, kind: InputKind, options: IngestOptions & { mapFrom?: unknown }, period: ReportPeriod): string {
    const { dev, ino } = fstatSync(input.fd);
    return JSON.stringify([resolve(file), input.stamp, dev, ino, kind, options, period]);
  }

  get(key: string | undefined): FileRead | undefined {
    return key === undefined ? undefined : this.reads.get(key);
  }

  set(key: string | undefined, read: FileRead): void {
    if (key !== undefined) this.reads.set(key, read);
  }
}
