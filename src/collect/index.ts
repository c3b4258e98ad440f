/**
 * Reads every input file through the one ingest path and puts the report model
 * together, as read: the pipeline adds the notes and masks it. Each file is
 * streamed once; a large one is read in byte ranges on all cores. Nothing is
 * held but counts and the rows inside the windows.
 */
import { closeSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Config } from '../config/schema.js';
import type { InputKind } from '../domain.js';
import { InputError } from '../errors.js';
import type { AreaMap } from '../geo/contains.js';
import { loadAreaMap } from '../ingest/area-map.js';
import { assertUnchanged, type InputFile } from '../ingest/input-file.js';
import type { HeaderReading } from '../ingest/columns.js';
import { inspectInput, type IngestOptions, type InputShape, type ReadResult } from '../ingest/read-input.js';
import { sourceOf } from '../ingest/sources.js';
import { ReportBuilder, type DeclaredSpan, type FileAccount } from '../model/build-report.js';
import type { TallyData } from '../model/file-tally.js';
import type { InputFormat, ReportModel } from '../model/report.js';
import type { ReportPeriod } from '../period.js';
import { GENERATOR } from '../version.js';
import { readInParallel, shouldSplit } from './parallel.js';
import type { FileRead, ReadCache } from './read-cache.js';
import { readWhole } from './read-whole.js';
import type { TallySink } from './file-reader.js';
import { InputFiles } from './input-files.js';
import { checkSomeRowUsable, FirstRejection } from './usable.js';

export interface InputSpec {
  /** Where to read it. */
  file: string;
  kind: InputKind;
  /** How the report names it (default: `file`): e.g. relative to the config, so a report does not depend on where it was made. */
  name?: string;
  /** The days the config says it covers, either side; the other is taken from its rows. */
  declared?: DeclaredSpan;
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
  /** Files read for an earlier report of the run, read the same way: not read again. */
  cache?: ReadCache;
  /** The run's inputs, a pipe's copy kept for the run's other reports (default: this report's own). */
  files?: InputFiles;
}

export interface UnusableFile {
  file: string;
  kind: InputKind;
  error: InputError;
}

/** The model as read, not yet masked: the pipeline masks it (src/pipeline/make-model.ts). */
export interface Collected {
  model: ReportModel;
  unusable: UnusableFile[];
  /** How each usable file's columns were found, by the name the report gives it: for `validate` and the log, not the model. */
  headers: { file: string; reading: HeaderReading }[];
}

export async function collectReport(inputs: readonly InputSpec[], period: ReportPeriod, config: Config, options: CollectOptions = {}): Promise<Collected> {
  const files = options.files ?? new InputFiles();
  const opened: (InputFile | InputError)[] = [];
  try {
    // Every input opened before any is read: a device, or a pipe no process writes to, is refused at once.
    for (const { file } of inputs) opened.push(await files.input(file).catch((error: unknown) => keepOrThrow(error, options)));
    return await collectOpened(inputs, opened, period, config, { ...options, files });
  } finally {
    for (const input of opened) if (!(input instanceof InputError)) closeSync(input.fd);
    if (!options.files) files.dispose();
  }
}

async function collectOpened(
  inputs: readonly InputSpec[],
  opened: readonly (InputFile | InputError)[],
  period: ReportPeriod,
  config: Config,
  options: CollectOptions & { files: InputFiles },
): Promise<Collected> {
  const map = config.map && (await loadAreaMap(config.map.areas, { nameProperty: config.map.nameProperty, crs: config.map.crs, shownAs: basename(config.map.areas) }, (f) => options.files.text(f)));
  const builder = new ReportBuilder(period, {
    areas: config.areaAliases,
    categories: config.categoryAliases,
    seriousCategories: config.seriousCategories,
    commitments: config.commitments,
    map,
    signals: config.signals,
    focus: config.focus,
  });
  const unusable: UnusableFile[] = [];
  const headers: Collected['headers'] = [];
  const cache = options.cache;
  // The map's areas go into the key by the file they come from (as it is now), not polygon by polygon.
  const mapFrom = cache && config.map && { ...config.map, file: await stat(config.map.areas).then((s) => [s.size, s.mtimeMs, s.ino], () => null) };
  const readAs = inputs.map(({ file, kind, name }) => ingestOptions(file, kind, config, options, name, map));
  const keys = inputs.map(({ file, kind }, i) => {
    const input = opened[i]!;
    return input instanceof InputError ? undefined : cache?.keyOf(file, input, kind, { ...readAs[i]!, areas: undefined, mapFrom }, period);
  });
  const cached = keys.map((key) => cache?.get(key));
  const shapes: (InputShape | InputError)[] = [];
  for (const [i, { kind }] of inputs.entries()) {
    const input = opened[i]!;
    const shape = input instanceof InputError ? input : (cached[i]?.shape ?? (await unchangedOr(input, () => inspectInput(input, kind, readAs[i]!)).catch((error: unknown) => keepOrThrow(error, options))));
    shapes.push(shape);
  }
  const total = shapes.reduce((n, s) => n + (s instanceof InputError ? 0 : s.layout.size), 0);
  let done = 0;
  const onBytes = options.onProgress && ((n: number) => options.onProgress!((done += n), total));

  for (const [i, { file, kind, name, declared }] of inputs.entries()) {
    const account = builder.addFile(name ?? file, kind, declared);
    const shape = shapes[i]!;
    try {
      if (shape instanceof InputError) throw shape;
      let read = cached[i];
      const sink = new FirstRejection(builder);
      if (read) {
        for (const tally of read.tallies) sink.addTally(account, tally);
        onBytes?.(shape.layout.size);
      } else {
        const extra = { threads: options.threads, splitFrom: options.splitFrom, onBytes, keep: cache !== undefined };
        read = await unchangedOr(shape.layout, () => readInto(shape, readAs[i]!, period, sink, account, extra));
        cache?.set(keys[i], read);
      }
      builder.describeFile(account, describeFormat(shape, read.result));
      checkSomeRowUsable(account, sink.first);
      headers.push({ file: name ?? file, reading: shape.reading });
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
  return { model, unusable, headers };
}

/** One file into the builder, in this thread or on workers; its tallies kept too when a batch reads it again. */
async function readInto(
  shape: InputShape,
  readAs: IngestOptions,
  period: ReportPeriod,
  builder: TallySink,
  account: FileAccount,
  extra: { threads?: number; splitFrom?: number; onBytes?: (n: number) => void; keep: boolean },
): Promise<FileRead> {
  const tallies: TallyData[] = [];
  const sink: TallySink = {
    addTally: (to, tally) => {
      if (extra.keep) tallies.push(tally);
      builder.addTally(to, tally);
    },
  };
  const reader = shouldSplit(shape, extra.threads, extra.splitFrom) ? readInParallel : readWhole;
  return { shape, tallies, result: await reader(shape, readAs, period, sink, account, { threads: extra.threads, onBytes: extra.onBytes }) };
}

/**
 * A read that ends — done or failed — with the file as it was opened. A file that changed meanwhile is said
 * to have changed: what failed in it (a row cut in two, bytes that are not text) failed because of that.
 */
async function unchangedOr<T>(input: InputFile, read: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await read();
  } catch (error) {
    if (error instanceof InputError) assertUnchanged(input);
    throw error;
  }
  assertUnchanged(input);
  return result;
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
    // The source's own fields first (for CSV: encoding, whether it is sure, delimiter), as the model's key order has them.
    ...(sourceOf(shape.layout).format(shape.layout) as Pick<InputFormat, 'encoding' | 'encodingUnsure' | 'delimiter'>),
    dateFormats: result.dateFormats,
    columns: Object.fromEntries(Object.entries(shape.columns).map(([field, index]) => [field, shape.headers[index!]!])),
  };
}
