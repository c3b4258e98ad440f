/**
 * One export file → typed rows, rejections and skipped rows, each with its
 * line, pushed to a sink. The one ingest path for every command, whether a
 * file is read whole or in byte ranges on several cores.
 */
import type { Activity, Incident, InputKind, PatrolRound, Rejection } from '../domain.js';
import { toActivity } from './activities.js';
import { InputError } from '../errors.js';
import type { InputFile } from './input-file.js';
import type { ColumnMap, HeaderReading } from './columns.js';
import { DateOrderHold } from './date-order-hold.js';
import { readHeader } from './header-reading.js';
import { toIncident } from './incidents.js';
import { toPatrolRound } from './patrols.js';
import { isDeferred, isRejection, RowReader } from './row.js';
import { type DateOrder, TimeReader } from './times.js';
import type { MapArea } from '../geo/contains.js';
import type { OnBroken, RecordReadOptions, SourceLayout } from './source.js';
import { layOut, sourceOf } from './sources.js';

/** Where the rows of a file go. */
export interface RowSink {
  incident(line: number, incident: Incident): void;
  patrol(line: number, round: PatrolRound): void;
  activity(line: number, activity: Activity): void;
  reject(rejection: Rejection): void;
  /** Not data: a totals or footer row such as "Summa;;;143". */
  skip(line: number, reason: string): void;
}

export interface IngestOptions {
  timeZone: string;
  /** Field → header, from the config, for headers no alias knows. */
  columns?: Partial<Record<string, string>>;
  /** Overrides detection. */
  encoding?: string;
  /** Day/month order of slashed dates, when the file cannot show it. */
  dateOrder?: DateOrder;
  /** The map's areas, to place incidents that have coordinates but no area. Plain data, so it goes to workers too. */
  areas?: readonly MapArea[];
}

/** How a file is laid out and what its columns are: all that is needed to read any part of it. Plain data, so it can go to a worker. */
export interface InputShape {
  layout: SourceLayout;
  kind: InputKind;
  /** Line of the header row; data starts after it. */
  headerLine: number;
  headers: string[];
  columns: ColumnMap<string>;
  /** How each column was matched, and the ones ignored: for `validate` and the log. */
  reading: HeaderReading;
}

export interface ReadResult {
  /** Date and time formats seen. */
  dateFormats: string[];
  /** The day/month order the rows showed, if any. */
  dateOrder: DateOrder | undefined;
  /** A range read with `runOn` went on to the end of the file. */
  ranOn?: boolean;
}

/** Reads the sample and the header row; fails naming the file when it cannot be used. */
export async function inspectInput(input: InputFile, kind: InputKind, options: IngestOptions): Promise<InputShape> {
  const { file } = input;
  const layout = await layOut(input, { encoding: options.encoding });
  let header: { fields: string[]; line: number } | undefined;
  await sourceOf(layout).records(layout, (fields, line) => {
    header = { fields, line };
    return false;
  });
  const headers = (header?.fields ?? []).map((h) => h.trim());
  const line = header?.line ?? 1;
  if (headers.length > MAX_COLUMNS) {
    throw new InputError({ file, line }, `the header has ${headers.length} columns; an export has at most ${MAX_COLUMNS}: is this the file that was meant?`);
  }
  const { columns, reading } = await readHeader(layout, kind, headers, line, {
    configured: options.columns,
    timeZone: options.timeZone,
    dateOrder: options.dateOrder,
    withMap: (options.areas?.length ?? 0) > 0,
  });
  return { layout, kind, headerLine: line, headers, columns, reading };
}
const CONVERT = { incidents: toIncident, patrols: toPatrolRound, activities: toActivity } as Record<InputKind, (row: RowReader<string>, times: TimeReader, areas?: readonly MapArea[]) => object>;

type Row =
  | { line: number; value: Incident | PatrolRound | Activity; rejection?: undefined; skipped?: undefined }
  | { line: number; skipped: string; rejection?: undefined }
  | { rejection: Rejection; skipped?: undefined };

/** More columns than any export has: a file that is not an export, or a wrong delimiter. Bounds the work on the header. */
export const MAX_COLUMNS = 1000;

const FOOTER = /^(summa|totalt|total|totals|sum|antal)\b/i;

export interface ReadRowsOptions extends RecordReadOptions {
  /**
   * For the first part of a file read in parts, asked only when this part's slashed dates
   * never showed their day/month order: the order the later parts showed, or 'read on'
   * when they could not tell (a part was read from a wrong start) and this part is to
   * read the rest of the file itself.
   */
  orderLater?: () => Promise<DateOrder | 'read on' | undefined>;
}

/** Reads the rows of the file, or of one range of it, into the sink. */
export async function readRows(
  shape: InputShape,
  options: IngestOptions,
  sink: RowSink,
  { range, onBytes, runOn, orderLater }: ReadRowsOptions = {},
): Promise<ReadResult> {
  const { layout, kind, headers, columns, headerLine } = shape;
  const { file } = layout;
  const source = sourceOf(layout);
  const times = new TimeReader(options.timeZone, options.dateOrder);
  const convert = CONVERT[kind];
  const row = new RowReader<string>(columns, headers);
  const hold = new DateOrderHold(file);

  /** What one record is; 'deferred' when it waits for the file's day/month order. */
  const classify = (fields: string[], line: number): Row | 'deferred' => {
    const extra = fields.length > headers.length ? fields.findIndex((f, i) => i >= headers.length && f.trim() !== '') : -1;
    if (extra >= 0) return { rejection: { line, column: extra + 1, code: 'row.fieldCount', params: { fields: fields.length, headers: headers.length } } };
    row.read(fields, line);
    const result = convert(row, times, options.areas);
    if (isDeferred(result)) return 'deferred';
    if (!isRejection(result)) return { line, value: result as Incident | PatrolRound | Activity };
    const footer = footerWord(fields);
    if (footer) return { line, skipped: `totals row ("${footer}")` };
    checkTimesHaveDates(file, kind, row, times);
    if (fields.length < headers.length) {
      return { rejection: { line, column: fields.length + 1, code: 'row.fieldCount', params: { fields: fields.length, headers: headers.length } } };
    }
    return { rejection: result };
  };

  const deliver = (r: Row): void => {
    if (r.rejection) sink.reject(r.rejection);
    else if (r.skipped !== undefined) sink.skip(r.line, r.skipped);
    else if (kind === 'incidents') sink.incident(r.line, r.value as Incident);
    else if (kind === 'patrols') sink.patrol(r.line, r.value as PatrolRound);
    else sink.activity(r.line, r.value as Activity);
  };

  const onRecord = (fields: string[], line: number): void => {
    if (line <= headerLine && !range?.start) return; // the header
    const result = classify(fields, line);
    if (result === 'deferred') return hold.hold({ fields, line });
    // This row showed the order: the rows held back go first, in their order.
    if (hold.size > 0 && times.order !== undefined) release();
    deliver(result);
  };
  const release = () => {
    for (const h of hold.release()) deliver(classify(h.fields, h.line) as Row);
  };
  // A broken line is rejected, blamed on its column by the column's header; the source reads on with the next line.
  const onBroken: OnBroken = ({ line, column, code }) => {
    const header = column === undefined ? undefined : headers[column - 1];
    sink.reject({ line, column, code, params: header === undefined ? {} : { column: header } });
  };
  let { ranOn, nextLine } = await source.records(layout, onRecord, { range, onBytes, runOn, onBroken });
  // Only a part that ended where it was cut: one that read on to the end has seen every row there is.
  if (hold.size > 0 && times.order === undefined && orderLater && !ranOn && range) {
    // This part never showed the order; the later parts may have, or could not tell (read from a wrong start).
    const later = await orderLater();
    if (later === 'read on') {
      ranOn = true;
      await source.records(layout, onRecord, { range: { start: range.end, end: layout.size, firstLine: nextLine }, onBytes: onBytes && (() => onBytes(0)), onBroken });
    } else if (later) {
      times.order = later;
      release();
    }
  }
  if (hold.size > 0) throw hold.unresolved();
  return { dateFormats: [...times.formats].sort(), dateOrder: times.order, ranOn };
}

/**
 * A file whose only time column holds times of day cannot be placed in any
 * window: one file-level error, not a rejection of every row.
 */
function checkTimesHaveDates(file: string, kind: InputKind, row: RowReader<string>, times: TimeReader): void {
  if (kind === 'activities') return;
  const [field, alternatives] = kind === 'incidents' ? ['time', ['datetime', 'date']] : ['start', ['date']];
  if (alternatives.some((f) => row.has(f)) || !times.timeOfDay(row.get(field)).ok) return;
  throw new InputError(
    { file, line: row.line, column: row.column(field) },
    `the column "${row.header(field)}" holds times of day, and there is no date column to go with them`,
  );
}

/** The first filled cell, when it names a total; only asked of rows that are not data. */
function footerWord(fields: readonly string[]): string | undefined {
  const first = fields.find((f) => f.trim() !== '')?.trim();
  return first !== undefined && FOOTER.test(first) ? first : undefined;
}
