/** One row of an incident export → an Incident, or the reason it cannot be used (yet). */
import type { Incident, Rejection } from '../domain.js';
import type { IncidentField } from './columns.js';
import type { Deferred, RowReader } from './row.js';
import type { TimeReader } from './times.js';

export const REQUIRED_INCIDENT_COLUMNS = [['datetime', 'date', 'time'], 'area', 'category'] as const;

export function toIncident(row: RowReader<IncidentField>, times: TimeReader): Incident | Rejection | Deferred {
  const time = incidentTime(row, times);
  if (!('at' in time)) return time;
  const { at, dateOnly } = time;
  const area = row.get('area');
  if (!area) return row.reject('area', 'area is empty');
  const category = row.get('category');
  if (!category) return row.reject('category', 'category is empty');
  return {
    at,
    area,
    category,
    id: row.optional('id'),
    description: row.optional('description'),
    source: row.optional('source'),
    address: row.optional('address'),
    flagged: FLAGGED.test(row.get('flag')) || undefined,
    dateOnly: dateOnly || undefined,
  };
}

/** What exports write in a "serious" column for yes. */
const FLAGGED = /^(ja|j|x|1|true|yes|y|hög|high|allvarlig|särskild)$/i;

/** One date-time column; or a date column with an optional time column; or a time column holding both. */
function incidentTime(row: RowReader<IncidentField>, times: TimeReader): { at: number; dateOnly: boolean } | Rejection | Deferred {
  if (!row.has('datetime') && row.has('date') && row.get('time') !== '') {
    const date = row.get('date');
    if (!date) return row.reject('date', 'date is empty');
    const parsed = times.dateAndTime(date, row.get('time'));
    return parsed.ok ? { at: parsed.value, dateOnly: parsed.dateOnly === true } : row.fail(parsed.field, parsed);
  }
  const field: IncidentField = row.has('datetime') ? 'datetime' : row.has('date') ? 'date' : 'time';
  const text = row.get(field);
  if (!text) return row.reject(field, 'date and time are empty');
  const parsed = times.dateTime(text);
  return parsed.ok ? { at: parsed.value, dateOnly: parsed.dateOnly === true } : row.fail(field, parsed);
}
