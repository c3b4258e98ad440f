/** One row of an incident export → an Incident, or the reason it cannot be used (yet). */
import type { Incident, Rejection } from '../domain.js';
import { areaAt, type MapArea } from '../geo/contains.js';
import type { IncidentField } from './columns.js';
import { incidentPosition } from './position.js';
import { isRejection, type Deferred, type RowReader } from './row.js';
import { incidentSpan } from './spans.js';
import type { TimeReader } from './times.js';

export const REQUIRED_INCIDENT_COLUMNS = [['datetime', 'date', 'time'], 'area', 'category'] as const;

/** `areas`: the map's, to place an incident that has coordinates but no area. */
export function toIncident(row: RowReader<IncidentField>, times: TimeReader, areas?: readonly MapArea[]): Incident | Rejection | Deferred {
  const time = incidentTime(row, times);
  if (!('at' in time)) return time;
  const { at, dateOnly } = time;
  const read = incidentPosition(row);
  // Coordinates that cannot be read cost a row only when its area was to come from them; else it is counted without a point.
  const position = read && !isRejection(read) ? read : undefined;
  let area = row.get('area');
  let placed: true | undefined;
  if (!area) {
    if (read && isRejection(read)) return read;
    if (!position) return row.reject('area', 'area.empty');
    if (!areas || areas.length === 0) return row.reject('area', 'area.noMap');
    const found = areaAt(areas, position);
    if (!found) return row.reject('area', 'area.offMap', { easting: Math.round(position[0]), northing: Math.round(position[1]) });
    area = found.name;
    placed = true;
  }
  const category = row.get('category');
  if (!category) return row.reject('category', 'category.empty');
  const spanned = incidentSpan(row, times, at, dateOnly);
  if (spanned && 'deferred' in spanned) return spanned;
  return {
    at,
    area,
    placed,
    position,
    category,
    id: row.optional('id'),
    description: row.optional('description'),
    source: row.optional('source'),
    address: row.optional('address'),
    flagged: FLAGGED.test(row.get('flag')) || undefined,
    dateOnly: dateOnly || undefined,
    span: spanned && 'span' in spanned ? spanned.span : undefined,
    spanProblem: spanned && 'problem' in spanned ? spanned.problem : undefined,
  };
}

/** What exports write in a "serious" column for yes. */
const FLAGGED = /^(ja|j|x|1|true|yes|y|hög|high|allvarlig|särskild)$/i;

/** One date-time column; or a date column with an optional time column; or a time column holding both. */
function incidentTime(row: RowReader<IncidentField>, times: TimeReader): { at: number; dateOnly: boolean } | Rejection | Deferred {
  if (!row.has('datetime') && row.has('date') && row.get('time') !== '') {
    const date = row.get('date');
    if (!date) return row.reject('date', 'date.empty');
    const parsed = times.dateAndTime(date, row.get('time'));
    return parsed.ok ? { at: parsed.value, dateOnly: parsed.dateOnly === true } : row.fail(parsed.field, parsed);
  }
  const field: IncidentField = row.has('datetime') ? 'datetime' : row.has('date') ? 'date' : 'time';
  const text = row.get(field);
  if (!text) return row.reject(field, 'dateTime.empty');
  const parsed = times.dateTime(text);
  return parsed.ok ? { at: parsed.value, dateOnly: parsed.dateOnly === true } : row.fail(field, parsed);
}
