/**
 * One export file → a stream of typed rows, rejections and skipped rows, each
 * with its line. The one ingest path for every command.
 */
import type { Incident, InputKind, PatrolRound, Rejection } from '../domain.js';
import { InputError } from '../errors.js';
import { type ColumnMap, mapColumns, requireColumns } from './columns.js';
import { openCsv } from './csv-file.js';
import type { DetectedEncoding } from './encoding.js';
import { REQUIRED_INCIDENT_COLUMNS, toIncident } from './incidents.js';
import { REQUIRED_PATROL_COLUMNS, toPatrolRound } from './patrols.js';
import { isDeferred, isRejection, RowReader } from './row.js';
import { type DateOrder, TimeReader } from './times.js';

export type IngestEvent =
  | { type: 'incident'; line: number; incident: Incident }
  | { type: 'patrol'; line: number; round: PatrolRound }
  | { type: 'rejected'; rejection: Rejection }
  /** Not data: a totals or footer row such as "Summa;;;143". */
  | { type: 'skipped'; line: number; reason: string };

export interface IngestOptions {
  timeZone: string;
  /** Field → header, from the config, for headers no alias knows. */
  columns?: Partial<Record<string, string>>;
  /** Overrides detection. */
  encoding?: string;
  /** Day/month order of slashed dates, when the file cannot show it. */
  dateOrder?: DateOrder;
}

export interface InputFile {
  file: string;
  kind: InputKind;
  encoding: DetectedEncoding;
  delimiter: string;
  headers: string[];
  columns: ColumnMap<string>;
  /** Date and time formats seen so far; complete once `events` is exhausted. */
  dateFormats: ReadonlySet<string>;
  events: AsyncIterable<IngestEvent>;
}

/** Rows held back while a file has not yet shown its day/month order. Past this, the file needs config. */
const MAX_DEFERRED = 100_000;
const FOOTER = /^(summa|totalt|total|totals|sum|antal)\b/i;

/** Opens the file and checks its header; rows are read as `events` is iterated. */
export async function readInput(file: string, kind: InputKind, options: IngestOptions): Promise<InputFile> {
  const csv = await openCsv(file, { encoding: options.encoding });
  const iterator = csv.records[Symbol.asyncIterator]();
  const first = await iterator.next();
  const headers = first.done ? [] : first.value.fields.map((h) => h.trim());
  const columns = mapColumns(kind, headers, options.columns);
  const headerLine = first.done ? 1 : first.value.line;
  requireColumns({
    file,
    kind,
    line: headerLine,
    headers,
    map: columns,
    required: kind === 'incidents' ? REQUIRED_INCIDENT_COLUMNS : REQUIRED_PATROL_COLUMNS,
    configured: options.columns,
  });
  const times = new TimeReader(options.timeZone, options.dateOrder);
  const convert = kind === 'incidents' ? toIncident : toPatrolRound;

  function toEvent(fields: string[], line: number): IngestEvent | 'deferred' {
    const extra = fields.findIndex((f, i) => i >= headers.length && f.trim() !== '');
    if (extra >= 0) {
      return { type: 'rejected', rejection: { line, column: extra + 1, reason: `row has ${fields.length} fields but the header has ${headers.length}` } };
    }
    const row = new RowReader(fields, line, columns, headers);
    const result = convert(row, times);
    if (isDeferred(result)) return 'deferred';
    if (isRejection(result)) {
      const footer = footerWord(fields);
      if (footer) return { type: 'skipped', line, reason: `totals row ("${footer}")` };
      checkTimesHaveDates(file, kind, row, times);
      if (fields.length < headers.length) {
        return { type: 'rejected', rejection: { line, column: fields.length + 1, reason: `row has ${fields.length} fields but the header has ${headers.length}` } };
      }
      return { type: 'rejected', rejection: result };
    }
    return kind === 'incidents' ? { type: 'incident', line, incident: result as Incident } : { type: 'patrol', line, round: result as PatrolRound };
  }

  async function* events(): AsyncGenerator<IngestEvent> {
    let deferred: { fields: string[]; line: number }[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const { fields, line } = next.value;
      const event = toEvent(fields, line);
      if (event === 'deferred') {
        deferred.push({ fields, line });
        if (deferred.length > MAX_DEFERRED) throw ambiguousDates(file, deferred[0]!.line);
        continue;
      }
      if (deferred.length > 0 && times.order !== undefined) {
        // The order is known now: the rows held back can be read, in their order.
        for (const held of deferred) yield toEvent(held.fields, held.line) as IngestEvent;
        deferred = [];
      }
      yield event;
    }
    if (deferred.length > 0) throw ambiguousDates(file, deferred[0]!.line);
  }

  return { file, kind, encoding: csv.encoding, delimiter: csv.delimiter, headers, columns, dateFormats: times.formats, events: events() };
}

/**
 * A file whose only time column holds times of day cannot be placed in any
 * window: one file-level error, not a rejection of every row.
 */
function checkTimesHaveDates(file: string, kind: InputKind, row: RowReader<string>, times: TimeReader): void {
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

function ambiguousDates(file: string, line: number): InputError {
  return new InputError(
    { file, line },
    'dates such as 04/05/2024 can be read as day/month or as month/day, and no row of the file shows which; ' +
      'set "dateOrder": "dmy" (day first, as in Sweden) or "mdy" in the config',
  );
}
