/** One row of an activity log (what was done towards the medborgarlöften) → an Activity, or why not. */
import type { Activity, Rejection } from '../domain.js';
import type { ActivityField } from './columns.js';
import type { Deferred, RowReader } from './row.js';
import type { TimeReader } from './times.js';

export const REQUIRED_ACTIVITY_COLUMNS = ['date', 'activity'] as const;

export function toActivity(row: RowReader<ActivityField>, times: TimeReader): Activity | Rejection | Deferred {
  const date = row.get('date');
  if (!date) return row.reject('date', 'date.empty');
  const parsed = times.dateTime(date);
  if (!parsed.ok) return row.fail('date', parsed);
  const name = row.get('activity');
  if (!name) return row.reject('activity', 'activity.empty');
  return { on: parsed.value, name, area: row.optional('area'), party: row.optional('party') };
}
