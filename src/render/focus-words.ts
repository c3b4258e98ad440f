/**
 * The focus list in words: when ("tis–tor 18–23", "fre, lör 22–02"), why (each
 * reason's code worded from the texts, `focus.why.<code>`), the patrols ("3
 * ronder, 1 h 35 min", "inga ronder") and the sources. Helpers for the template.
 */
import { FOCUS_MIN_INCIDENTS } from '../model/focus-rank.js';
import type { FocusPlace, FocusWhen, FocusWhy, SourceCount } from '../model/report.js';
import { text, type Language } from '../texts/index.js';
import type { Formats } from './format.js';
import { stripSvg } from './strips.js';

/** Sources named per focus place; the rest are counted. */
const SHOWN_SOURCES = 3;

export function focusHelpers(language: Language, fmt: Formats, safe: (html: string) => unknown) {
  const t = (key: string, params: Record<string, unknown> = {}) => text(language, key, params);
  const hour = (h: number) => String(h).padStart(2, '0');
  const days = (weekdays: readonly number[]) => (weekdays.length === 7 ? t('focus.everyDay') : runsOf(weekdays).map(([a, b]) => (a === b ? fmt.weekdaysShort[a] : `${fmt.weekdaysShort[a]}–${fmt.weekdaysShort[b]}`)).join(', '));
  const hours = ([from, to]: readonly [number, number]) => (from === 0 && to === 24 ? t('focus.allDay') : `${hour(from)}–${hour(to)}`);
  const source = (s: string | null) => s ?? t('sources.unknown');
  const why = (w: FocusWhy): string | null => {
    switch (w.code) {
      case 'incidents':
        return t('focus.why.incidents', { count: fmt.number(w.count), share: fmt.number(w.share) });
      case 'rise':
      case 'fall':
        return t(`focus.why.${w.code}.${w.against}`, { count: fmt.number(w.count), expected: fmt.number(w.expected) });
      case 'hotspot':
        return t('focus.why.hotspot', { class: fmt.hotspotClass(w.class) });
      case 'noRounds':
        return null; // the patrol column says it
      case 'perPatrolHour':
        return w.municipality === null ? null : t('focus.why.perPatrolHour', { value: fmt.number(w.value), municipality: fmt.number(w.municipality) });
      case 'uncovered':
        return t(w.hours === 1 ? 'focus.why.uncoveredOne' : 'focus.why.uncovered', { hours: fmt.number(w.hours) });
      case 'fewTimes':
        return t('focus.why.fewTimes', { timed: fmt.number(w.timed) });
      case 'noCluster':
        return t('focus.why.noCluster');
    }
  };
  return {
    /** The fewest incidents a focus place has. */
    focusMin: () => FOCUS_MIN_INCIDENTS,
    /** "tis–tor 18–23", "fre, lör 22–02": one per cluster, the largest first. */
    focusWhen: (when: readonly FocusWhen[]) => when.map((w) => `${days(w.weekdays)} ${hours(w.hours)}`),
    /** The reasons in words, joined: "9 händelser (12 % av alla); ökning utöver slumpen: 9 mot 3,5 väntat". */
    focusWhy: (reasons: readonly FocusWhy[]) => reasons.map(why).filter((w) => w !== null).join('; '),
    /** What the patrols did there: "3 ronder, 1 h 35 min", "inga ronder", or that no patrol log is in. */
    focusPatrols: (place: FocusPlace) =>
      !place.patrolLogs ? t('focus.noLog') : place.rounds === 0 ? t('focus.noRounds') : t(place.rounds === 1 ? 'focus.oneRound' : 'focus.rounds', { rounds: fmt.number(place.rounds), minutes: fmt.duration(place.minutes) }),
    /** "kommunen 6, medborgare 2, okänd 1": the SHOWN_SOURCES largest, then how many more. */
    sourceCounts: (sources: readonly SourceCount[]) => {
      const shown = sources.slice(0, SHOWN_SOURCES).map((s) => `${source(s.source)} ${fmt.number(s.count)}`);
      const more = sources.slice(SHOWN_SOURCES).reduce((n, s) => n + s.count, 0);
      return [...shown, ...(more > 0 ? [t('sources.more', { count: fmt.number(more) })] : [])].join(', ');
    },
    /** A notable incident's source, or "okänd". */
    sourceName: source,
    /** The place's weekday × hour strip, its clusters outlined. */
    focusStrip: (place: FocusPlace) => safe(stripSvg(place.weekdayHour, place.when, fmt.weekdaysShort, t('focus.stripTitle', { area: place.area }))),
  };
}

/** Weekdays (sorted) as runs of consecutive days: [1, 2, 3, 5] → [[1, 3], [5, 5]]. */
export function runsOf(weekdays: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const d of [...weekdays].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[1] === d - 1) last[1] = d;
    else runs.push([d, d]);
  }
  return runs;
}
