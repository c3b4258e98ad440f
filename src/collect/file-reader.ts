/** How one file is read into the report: the one signature of the whole-file and the parallel reader. */
import type { IngestOptions, InputShape, ReadResult } from '../ingest/read-input.js';
import type { FileAccount, ReportBuilder } from '../model/build-report.js';
import type { ReportPeriod } from '../period.js';

/** Where a reader hands what the file's rows came to, part by part, in file order. */
export type TallySink = Pick<ReportBuilder, 'addTally'>;

/** How one file is read into the builder: whole in this thread, or in ranges on workers. */
export type FileReader = (
  shape: InputShape,
  options: IngestOptions,
  period: ReportPeriod,
  builder: TallySink,
  account: FileAccount,
  extra: { threads?: number; onBytes?: (n: number) => void },
) => Promise<ReadResult>;
