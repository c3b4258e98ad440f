import { TimeReader } from '../../src/ingest/times.js';
import { reasonText } from '../../src/texts/reasons.js';

/** The instant of a local Stockholm time written 2024-04-15 10:00. */
export function at(text: string, timeZone = 'Europe/Stockholm'): number {
  const r = new TimeReader(timeZone).dateTime(text);
  if (!r.ok) throw new Error(r.pending ? `${text}: day/month order unknown` : reasonText('en', r));
  return r.value;
}
