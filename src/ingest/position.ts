/**
 * Where an incident happened, from its coordinate columns: SWEREF 99 TM
 * northing and easting (used as they are), or WGS84 latitude and longitude
 * (converted). A pair that is half there, not numbers, swapped or outside
 * Sweden rejects the row, naming the column.
 */
import type { Rejection } from '../domain.js';
import { fromWgs84, isSwedishDegrees, isSwerefPosition, type Position } from '../geo/sweref.js';
import type { IncidentField } from './columns.js';
import { isRejection, type RowReader } from './row.js';

/** A number as exports write it: decimal point or comma, spaces as thousands separators. */
const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

export function incidentPosition(row: RowReader<IncidentField>): Position | Rejection | undefined {
  const metres = pair(row, 'northing', 'easting');
  if (metres) {
    if (isRejection(metres)) return metres;
    const [northing, easting] = metres.values;
    if (isSwerefPosition([easting, northing])) return [easting, northing];
    const swapped = isSwerefPosition([northing, easting]);
    return row.reject('northing', swapped ? 'coordinates.swappedMetres' : 'coordinates.outsideMetres', { northing, easting });
  }
  const degrees = pair(row, 'latitude', 'longitude');
  if (degrees) {
    if (isRejection(degrees)) return degrees;
    const [latitude, longitude] = degrees.values;
    if (isSwedishDegrees(longitude, latitude)) return fromWgs84(longitude, latitude);
    return row.reject('latitude', isSwedishDegrees(latitude, longitude) ? 'coordinates.swappedDegrees' : 'coordinates.outsideDegrees', { latitude, longitude });
  }
  return undefined;
}

/** Both values of a pair as numbers; undefined when both are empty. */
function pair(row: RowReader<IncidentField>, a: IncidentField, b: IncidentField): { values: [number, number] } | Rejection | undefined {
  if (!row.has(a) && !row.has(b)) return undefined;
  const texts = [row.get(a), row.get(b)];
  if (texts[0] === '' && texts[1] === '') return undefined;
  const values: number[] = [];
  for (const [i, field] of [a, b].entries()) {
    const text = texts[i]!;
    const other = [a, b][1 - i]!;
    if (text === '') return row.reject(row.has(field) ? field : other, 'coordinates.half', { given: other, missing: field });
    const compact = text.replace(/[\s\u00a0\u202f]/g, '');
    if (!NUMBER.test(compact)) return row.reject(field, field === 'northing' || field === 'easting' ? 'coordinates.notMetres' : 'coordinates.notDegrees', { value: text });
    values.push(Number(compact.replace(',', '.')));
  }
  return { values: values as [number, number] };
}
