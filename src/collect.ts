/**
 * Reads every input file through the one ingest path and folds its rows into
 * the report model. Each file is streamed once; nothing is held but the counts.
 */
import { basename } from 'node:path';
import type { Config } from './config/schema.js';
import type { InputKind } from './domain.js';
import { InputError } from './errors.js';
import { describeEncoding } from './ingest/encoding.js';
import { readInput, type InputFile } from './ingest/read-input.js';
import { ReportBuilder, type FileAccount } from './model/build-report.js';
import type { ReportModel } from './model/report.js';
import type { ReportPeriod } from './period.js';
import { GENERATOR } from './version.js';

export interface InputSpec {
  file: string;
  kind: InputKind;
}

export interface CollectOptions {
  /** Encoding for every input, overriding detection and the config. */
  encoding?: string;
  /** Go on past a file that cannot be used (for `validate`) instead of stopping at it. */
  keepGoing?: boolean;
}

export interface UnusableFile {
  file: string;
  kind: InputKind;
  error: InputError;
}

export interface Collected {
  model: ReportModel;
  unusable: UnusableFile[];
}

export async function collectReport(inputs: readonly InputSpec[], period: ReportPeriod, config: Config, options: CollectOptions = {}): Promise<Collected> {
  const builder = new ReportBuilder(period, { areas: config.areaAliases, categories: config.categoryAliases });
  const unusable: UnusableFile[] = [];
  for (const { file, kind } of inputs) {
    const account = builder.addFile(file, kind);
    try {
      await readFile(builder, account, file, kind, config, options);
    } catch (error) {
      if (!(error instanceof InputError) || !options.keepGoing) throw error;
      unusable.push({ file, kind, error });
    }
  }
  const model = builder.build({
    municipality: config.municipality,
    recipient: config.recipient ?? null,
    marking: config.marking ?? null,
    timeZone: config.timezone,
    generator: GENERATOR,
  });
  return { model, unusable };
}

async function readFile(builder: ReportBuilder, account: FileAccount, file: string, kind: InputKind, config: Config, options: CollectOptions): Promise<void> {
  const input = await readInput(file, kind, {
    timeZone: config.timezone,
    columns: config.columns[kind],
    encoding: options.encoding ?? config.encodings[file] ?? config.encodings[basename(file)],
    dateOrder: config.dateOrder,
  });
  for await (const event of input.events) {
    switch (event.type) {
      case 'incident':
        builder.addIncident(account, event.line, event.incident);
        break;
      case 'patrol':
        builder.addPatrol(account, event.line, event.round);
        break;
      case 'rejected':
        builder.reject(account, event.rejection);
        break;
      case 'skipped':
        builder.skip(account, event.line, event.reason);
        break;
    }
  }
  builder.describeFile(account, describeFormat(input));
}

function describeFormat(input: InputFile): ReportModel['inputs'][number]['format'] {
  return {
    encoding: describeEncoding(input.encoding),
    encodingUnsure: input.encoding.unsure,
    delimiter: input.delimiter === '\t' ? 'tab' : input.delimiter,
    dateFormats: [...input.dateFormats].sort(),
    columns: Object.fromEntries(Object.entries(input.columns).map(([field, index]) => [field, input.headers[index!]!])),
  };
}
