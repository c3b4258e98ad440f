/** One row of an incident export → an Incident, or the reason it cannot be used. */
import type { Incident, Rejection } from '../domain.js';
import type { IncidentField } from './columns.js';
import type { RowReader } from './row.js';
import { parseDateAndTime, parseDateTime } from './times.js';

export const REQUIRED_INCIDENT_COLUMNS = [['datetime', 'date', 'time'], 'area', 'category'] as const;

export function toIncident(row: RowReader<IncidentField>, timeZone: string): Incident | Rejection {
  const at = incidentTime(row, timeZone);
  if (typeof at !== 'number') return at;
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
  };
}

/** One date-time column; or a date column with an optional time column; or a time column holding both. */
function incidentTime(row: RowReader<IncidentField>, timeZone: string): number | Rejection {
  if (!row.has('datetime') && row.has('date') && row.get('time') !== '') {
    const date = row.get('date');
    if (!date) return row.reject('date', 'date is empty');
    const parsed = parseDateAndTime(date, row.get('time'), timeZone);
    return parsed.ok ? parsed.value : row.reject(parsed.field, parsed.reason);
  }
  const field: IncidentField = row.has('datetime') ? 'datetime' : row.has('date') ? 'date' : 'time';
  const text = row.get(field);
  if (!text) return row.reject(field, 'date and time are empty');
  const parsed = parseDateTime(text, timeZone);
  return parsed.ok ? parsed.value : row.reject(field, parsed.reason);
}
