/**
 * Reads every input file through the one ingest path and puts the report model
 * together. Each file is streamed once; a large one is read in byte ranges on
 * all cores. Nothing is held but counts and the rows inside the windows.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Config } from '../config/schema.js';
import type { InputKind } from '../domain.js';
import { InputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';
import { describeEncoding } from '../ingest/encoding.js';
import type { AreaMap } from '../geo/contains.js';
import { loadAreaMap } from '../ingest/area-map.js';
import { inspectInput, type IngestOptions, type InputShape, type ReadResult } from '../ingest/read-input.js';
import { ReportBuilder, type FileAccount } from '../model/build-report.js';
import type { InputFormat, ReportModel } from '../model/report.js';
import type { ReportPeriod } from '../period.js';
import { Redactor } from '../redact/redactor.js';
import { GENERATOR } from '../version.js';
import { readInParallel, shouldSplit } from './parallel.js';
import { readWhole } from './read-whole.js';

export interface InputSpec {
  /** Where to read it. */
  file: string;
  kind: InputKind;
  /** How the report names it (default: `file`): e.g. relative to the config, so a report does not depend on where it was made. */
  name?: string;
}

export interface CollectOptions {
  /** Encoding for every input, overriding detection and the config. */
  encoding?: string;
  /** Go on past a file that cannot be used (for `validate`) instead of stopping at it. */
  keepGoing?: boolean;
  /** Worker threads for large files; 1 reads every file in this thread. Default: the cores there are. */
  threads?: number;
  /** Files from this size up are read in parallel (default 32 MB). */
  splitFrom?: number;
  /** The report's language, over the config's. */
  language?: 'sv' | 'en';
  /** Bytes read so far of all inputs, and their total. */
  onProgress?: (done: number, total: number) => void;
  /** The coordinator's assessment and planned actions: a Markdown file. */
  notes?: { file: string; shownAs: string };
  /** Mask personal data in every text of the report (default); false only for --no-redact. */
  redact?: boolean;
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
  const map = config.map && (await loadAreaMap(config.map.areas, { nameProperty: config.map.nameProperty, crs: config.map.crs, shownAs: basename(config.map.areas) }));
  const builder = new ReportBuilder(period, {
    areas: config.areaAliases,
    categories: config.categoryAliases,
    seriousCategories: config.seriousCategories,
    commitments: config.commitments,
    map,
  });
  const unusable: UnusableFile[] = [];
  const shapes: (InputShape | InputError)[] = [];
  for (const { file, kind, name } of inputs) {
    shapes.push(await inspectInput(file, kind, ingestOptions(file, kind, config, options, name, map)).catch((error: unknown) => keepOrThrow(error, options)));
  }
  const total = shapes.reduce((n, s) => n + (s instanceof InputError ? 0 : s.size), 0);
  let done = 0;
  const onBytes = options.onProgress && ((n: number) => options.onProgress!((done += n), total));

  for (const [i, { file, kind, name }] of inputs.entries()) {
    const account = builder.addFile(name ?? file, kind);
    const shape = shapes[i]!;
    try {
      if (shape instanceof InputError) throw shape;
      const read = shouldSplit(shape, options.threads, options.splitFrom) ? readInParallel : readWhole;
      const result = await read(shape, ingestOptions(file, kind, config, options, name, map), period, builder, account, { threads: options.threads, onBytes });
      builder.describeFile(account, describeFormat(shape, result));
    } catch (error) {
      keepOrThrow(error, options);
      unusable.push({ file: name ?? file, kind, error: error as InputError });
    }
  }
  const model = builder.build({
    language: options.language ?? config.language,
    municipality: config.municipality,
    recipient: config.recipient ?? null,
    marking: config.marking ?? null,
    timeZone: config.timezone,
    generator: GENERATOR,
  });
  if (options.notes) model.assessment = { markdown: await readNotes(options.notes.file), source: options.notes.shownAs };
  // Place, not person: every text of the model — descriptions, rejected values, names, notes — is masked before anything shows it.
  const redact = options.redact !== false;
  if (redact) {
    const redactor = new Redactor(config.redaction);
    redactor.deep(model);
    model.redaction = { enabled: true, counts: redactor.summary() };
  }
  return { model, unusable };
}

/** The coordinator's Markdown, read as UTF-8 text; it is rendered with raw HTML switched off. */
async function readNotes(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new InputError({ file }, `cannot read the notes: ${describeFsError(error)}`, { cause: error });
  }
}

function keepOrThrow(error: unknown, options: CollectOptions): InputError {
  if (!(error instanceof InputError) || !options.keepGoing) throw error;
  return error;
}

function ingestOptions(file: string, kind: InputKind, config: Config, options: CollectOptions, name = file, map?: AreaMap): IngestOptions {
  return {
    areas: kind === 'incidents' ? map?.areas : undefined,
    timeZone: config.timezone,
    columns: config.columns[kind],
    encoding: options.encoding ?? config.encodings[name] ?? config.encodings[file] ?? config.encodings[basename(file)],
    dateOrder: config.dateOrder,
  };
}

function describeFormat(shape: InputShape, result: ReadResult): InputFormat {
  return {
    encoding: describeEncoding(shape.encoding),
    encodingUnsure: shape.encoding.unsure,
    delimiter: shape.delimiter === '\t' ? 'tab' : shape.delimiter,
    dateFormats: result.dateFormats,
    columns: Object.fromEntries(Object.entries(shape.columns).map(([field, index]) => [field, shape.headers[index!]!])),
  };
}

/** How one file is read into the builder: whole in this thread, or in ranges on workers. */
export type FileReader = (
  shape: InputShape,
  options: IngestOptions,
  period: ReportPeriod,
  builder: ReportBuilder,
  account: FileAccount,
  extra: { threads?: number; onBytes?: (n: number) => void },
) => Promise<ReadResult>;
