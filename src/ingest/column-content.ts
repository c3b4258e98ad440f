/**
 * Columns told by what they hold, for a field no header names: every value of
 * the first rows a date and time, a time of day, a length of time. A column is
 * taken only when it is the one such column and the field is still missing;
 * otherwise what fits is offered, for the missing-columns message to suggest.
 * Values are read by the parsers the rows are read with, so a column taken by
 * its content is read right.
 */
import type { InputKind } from '../domain.js';
import { columnsBlock, type ColumnMatch } from './columns.js';
import { namedByWords } from './header-words.js';
import { parseDuration, TimeReader, type DateOrder } from './times.js';

/** What the sampled values of one column are. */
export interface ColumnProfile {
  column: number;
  header: string;
  /** Every value a date, a date and time, or a slashed date whose order the file has yet to show. */
  dates: boolean;
  /** How many of those dates have a time of day. */
  withTime: 'all' | 'some' | 'none';
  timesOfDay: boolean;
  durations: boolean;
  /** Some value is only a length of time (`45 min`, `1,5 h`, `25:30`), not a bare number or a time of day that could be something else. */
  plainlyDurations: boolean;
}

/** A column that fits a missing field, and what it holds, in words. */
export interface Offer {
  column: number;
  header: string;
  holds: string;
}

export interface ContentReading {
  matches: ColumnMatch[];
  /** Columns that would fit a field still missing (several, or not sure enough to take). */
  offers: Partial<Record<string, Offer[]>>;
}

/** The columns whose header names no field, profiled from the sampled rows; columns with no value are left out. */
export function profileColumns(kind: InputKind, headers: readonly string[], taken: ReadonlySet<number>, rows: readonly (readonly string[])[], timeZone: string, order?: DateOrder): ColumnProfile[] {
  const profiles: ColumnProfile[] = [];
  for (const [column, header] of headers.entries()) {
    if (taken.has(column) || namedByWords(kind, header).fields.length > 0) continue;
    const values = rows.map((r) => (r[column] ?? '').trim()).filter((v) => v !== '');
    if (values.length > 0) profiles.push(profile(column, header, values, new TimeReader(timeZone, order)));
  }
  return profiles;
}

function profile(column: number, header: string, values: readonly string[], times: TimeReader): ColumnProfile {
  let dates = true;
  let timed = 0;
  for (const v of values) {
    const read = readDate(v, times);
    if (read === undefined) {
      dates = false;
      break;
    }
    if (read.timed) timed++;
  }
  const timesOfDay = values.every((v) => times.timeOfDay(v).ok);
  const durations = values.every((v) => parseDuration(v).ok);
  const plainlyDurations = durations && values.some((v) => !/^\d+$/.test(v) && !times.timeOfDay(v).ok);
  return { column, header, dates, withTime: timed === values.length ? 'all' : timed > 0 ? 'some' : 'none', timesOfDay, durations, plainlyDurations };
}

/** A date (and perhaps a time), as a row would read it; a slashed date the file has not yet ordered counts, read either way. */
function readDate(text: string, times: TimeReader): { timed: boolean } | undefined {
  const read = times.dateTime(text);
  if (read.ok) return { timed: read.dateOnly !== true };
  if (!read.pending) return undefined;
  for (const order of ['dmy', 'mdy'] as const) {
    const either = new TimeReader(times.timeZone, order).dateTime(text);
    if (either.ok) return { timed: either.dateOnly !== true };
  }
  return undefined;
}

const HOLDS = {
  dateTime: 'dates and times',
  dates: 'dates',
  timesOfDay: 'times of day',
  durations: 'lengths of time',
};

/** What a column not read holds, when it is a kind of value a field is read from: for `validate`'s list of ignored columns. */
export function whatItHolds(p: ColumnProfile): string | undefined {
  if (p.dates) return p.withTime === 'all' ? HOLDS.dateTime : p.withTime === 'some' ? 'dates, some with a time of day' : HOLDS.dates;
  if (p.timesOfDay) return HOLDS.timesOfDay;
  return p.plainlyDurations ? HOLDS.durations : undefined;
}

const holdsDates = (p: ColumnProfile) => (p.withTime === 'none' ? HOLDS.dates : HOLDS.dateTime);
const EVERY_DATE = { all: 'every value is a date and time', some: 'every value is a date, some with a time of day', none: 'every value is a date' } as const;

/**
 * What can be read from the columns' content, given the fields matched by header.
 * Each rule fills a field when it is missing and exactly one column fits.
 */
export function readByContent(kind: InputKind, matched: readonly ColumnMatch[], profiles: readonly ColumnProfile[]): ContentReading {
  const matches: ColumnMatch[] = [];
  const offers: ContentReading['offers'] = {};
  const has = (f: string) => matched.some((m) => m.field === f) || matches.some((m) => m.field === f);
  const free = () => profiles.filter((p) => !matches.some((m) => m.column === p.column));
  const offer = (field: string, fits: ColumnProfile[], holds: (p: ColumnProfile) => string) => {
    if (fits.length > 0) offers[field] = fits.map((p) => ({ column: p.column, header: p.header, holds: holds(p) }));
  };
  const take = (field: string, p: ColumnProfile, why: string) => matches.push({ field, column: p.column, header: p.header, by: 'content', why });

  if (kind === 'incidents') {
    if (!has('datetime') && !has('date') && !has('time')) {
      const fits = free().filter((p) => p.dates);
      if (fits.length === 1) take(fits[0]!.withTime === 'none' ? 'date' : 'datetime', fits[0]!, EVERY_DATE[fits[0]!.withTime]);
      else offer('datetime', fits, holdsDates);
    }
    if (has('date') && !has('time') && !has('datetime')) {
      const fits = free().filter((p) => p.timesOfDay);
      if (fits.length === 1) take('time', fits[0]!, 'every value is a time of day');
    }
  } else if (kind === 'patrols') {
    if (!has('start')) {
      const fits = free().filter((p) => p.dates && p.withTime === 'all');
      if (fits.length === 1) take('start', fits[0]!, EVERY_DATE.all);
      else offer('start', fits, holdsDates);
    }
    if (!has('end') && !has('duration')) {
      const durations = free().filter((p) => p.durations);
      const plainly = durations.filter((p) => p.plainlyDurations);
      // Bare numbers may be counts, and 1:30 a time of day: offered, never taken.
      if (plainly.length === 1 && durations.length === 1) take('duration', plainly[0]!, 'every value is a length of time');
      else {
        offer('end', free().filter((p) => (p.dates && p.withTime === 'all') || p.timesOfDay), (p) => (p.dates ? HOLDS.dateTime : HOLDS.timesOfDay));
        offer('duration', durations, () => HOLDS.durations);
      }
    }
  } else if (!has('date')) {
    const fits = free().filter((p) => p.dates);
    if (fits.length === 1) take('date', fits[0]!, EVERY_DATE[fits[0]!.withTime]);
    else offer('date', fits, holdsDates);
  }
  return { matches, offers };
}

/** Whether the header alone leaves a field that content could fill: only then are rows sampled. */
export function contentCouldHelp(kind: InputKind, matched: readonly ColumnMatch[]): boolean {
  const has = (f: string) => matched.some((m) => m.field === f);
  if (kind === 'incidents') return !has('datetime') && !has('time');
  if (kind === 'patrols') return !has('start') || (!has('end') && !has('duration'));
  return !has('date');
}

/**
 * An incident's date read by the words of a header ("Datum (rapport)") beside a column no header
 * names that holds dates and times ("Inträffade"): the one may be the report's day, the other when
 * it happened. Neither is the rule's to choose; the coordinator is told.
 */
export function doubtsOf(kind: InputKind, matches: readonly ColumnMatch[], profiles: readonly ColumnProfile[]): string[] {
  const date = matches.find((m) => m.field === 'date');
  if (kind !== 'incidents' || date?.by !== 'parts' || matches.some((m) => m.field === 'time' || m.field === 'datetime')) return [];
  const timed = profiles.filter((p) => p.dates && p.withTime !== 'none' && !matches.some((m) => m.column === p.column));
  return timed.map(
    (p) =>
      `the date is read from "${date.header}" by its words, but "${p.header}", which is not read, holds dates and times: ` +
      `if it tells when the incidents happened, add to the config: ${columnsBlock(kind, [['datetime', p.header]])}`,
  );
}
