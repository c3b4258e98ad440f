/**
 * One export file → a stream of typed rows and rejections, each with its line.
 * The one ingest path for every command.
 */
import type { Incident, InputKind, PatrolRound, Rejection } from '../domain.js';
import { type ColumnMap, mapColumns, requireColumns } from './columns.js';
import { openCsv } from './csv-file.js';
import { REQUIRED_INCIDENT_COLUMNS, toIncident } from './incidents.js';
import { REQUIRED_PATROL_COLUMNS, toPatrolRound } from './patrols.js';
import { isRejection, RowReader } from './row.js';

export type IngestEvent =
  | { type: 'incident'; line: number; incident: Incident }
  | { type: 'patrol'; line: number; round: PatrolRound }
  | { type: 'rejected'; rejection: Rejection };

export interface IngestOptions {
  timeZone: string;
  /** Field → header, from the config, for headers no alias knows. */
  columns?: Partial<Record<string, string>>;
}

export interface InputFile {
  file: string;
  kind: InputKind;
  delimiter: string;
  headers: string[];
  columns: ColumnMap<string>;
  events: AsyncIterable<IngestEvent>;
}

/** Opens the file and checks its header; rows are read as `events` is iterated. */
export async function readInput(file: string, kind: InputKind, options: IngestOptions): Promise<InputFile> {
  const csv = await openCsv(file);
  const iterator = csv.records[Symbol.asyncIterator]();
  const first = await iterator.next();
  const headers = first.done ? [] : first.value.fields.map((h) => h.trim());
  const columns = mapColumns(kind, headers, options.columns);
  requireColumns(file, kind, headers, columns, kind === 'incidents' ? REQUIRED_INCIDENT_COLUMNS : REQUIRED_PATROL_COLUMNS);

  async function* events(): AsyncGenerator<IngestEvent> {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const { fields, line } = next.value;
      const extra = fields.findIndex((f, i) => i >= headers.length && f.trim() !== '');
      if (extra >= 0) {
        yield { type: 'rejected', rejection: { line, column: extra + 1, reason: `row has ${fields.length} fields but the header has ${headers.length}` } };
        continue;
      }
      const row = new RowReader(fields, line, columns, headers);
      if (kind === 'incidents') {
        const result = toIncident(row, options.timeZone);
        yield isRejection(result) ? { type: 'rejected', rejection: result } : { type: 'incident', line, incident: result };
      } else {
        const result = toPatrolRound(row, options.timeZone);
        yield isRejection(result) ? { type: 'rejected', rejection: result } : { type: 'patrol', line, round: result };
      }
    }
  }

  return { file, kind, delimiter: csv.delimiter, headers, columns, events: events() };
}
