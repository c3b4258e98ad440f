/**
 * Cutting an export's history short — dropping its rows before some day, as a
 * shorter export would — never changes the report window's counts (when the
 * cut is before the window), and never yields a number, a change or a class
 * from the days cut off: whatever the report still shows is what the whole
 * exports show, or it is null.
 *
 * A kind's exports here are a series from one system, each covering days of its
 * own (incidents-v08.csv, incidents-v10.csv, …), whose union is what the kind
 * covers. Two systems exporting the same days side by side are not told apart:
 * a stale one beside a fresh one is not seen (README, "What the exports cover").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Incident, PatrolRound } from '../../src/domain.js';
import { ReportBuilder } from '../../src/model/build-report.js';
import { FileTally } from '../../src/model/file-tally.js';
import type { ReportModel } from '../../src/model/report.js';
import { hotspots } from '../../src/model/sections/hotspots.js';
import { addCalendarDays, reportPeriod } from '../../src/period.js';
import { at } from '../support/time.js';

const TZ = 'Europe/Stockholm';
const HISTORY = 5;
const period = reportPeriod('2024-04-15', 14, TZ, HISTORY);
const FIRST = period.history[HISTORY - 1]!.start; // 2024-02-19
const DAYS = HISTORY * 14;
/** The report window's first day, counted from the history's. */
const REPORT_WINDOW = 14 * (HISTORY - 1);
const meta = { language: 'sv' as const, municipality: 'Testby kommun', recipient: null, marking: null, timeZone: TZ, generator: 'test' };
const AREAS = ['Torget', 'Hamnen', 'Skolan', 'Parken'];

interface Export {
  kind: 'incidents' | 'patrols';
  /** The days it covers, from the history's first day (0). */
  from: number;
  to: number;
  rows: { day: number; area: number }[];
  /** Rows before this day are cut off; `from` keeps them all. */
  cut: number;
}

/** A kind's series of exports: the history's days dealt out into consecutive spans, rows in each, each cut somewhere or not. */
const series = (kind: Export['kind']): fc.Arbitrary<Export[]> =>
  fc
    .record({
      bounds: fc.uniqueArray(fc.integer({ min: 1, max: DAYS - 1 }), { maxLength: 2 }),
      // Skewed to one area, so that there are hot-spots to class.
      rows: fc.array(fc.record({ day: fc.integer({ min: 0, max: DAYS - 1 }), area: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: AREAS.length - 1 })) }), { maxLength: 150 }),
      cuts: fc.array(fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: DAYS })), { minLength: 3, maxLength: 3 }),
    })
    .map(({ bounds, rows, cuts }) => {
      const starts = [0, ...bounds.sort((a, b) => a - b)];
      return starts.map((from, i) => {
        const to = (starts[i + 1] ?? DAYS) - 1;
        const cut = cuts[i]! < 0 ? from : Math.min(Math.max(cuts[i]!, from), to + 1);
        return { kind, from, to, rows: rows.filter((r) => r.day >= from && r.day <= to), cut };
      });
    });

const dayOf = (n: number) => addCalendarDays(FIRST, n, TZ);

/**
 * The report of the exports. Whole, each declares the days it covers: the truth to hold the cut
 * ones to. Cut, it declares its last day only, and covers from its first row left.
 */
function report(exports: readonly Export[], cut: boolean): ReportModel {
  const b = new ReportBuilder(period);
  let n = 0;
  exports.forEach((e, i) => {
    const tally = new FileTally(period);
    for (const r of e.rows) {
      n++;
      if (cut && r.day < e.cut) continue;
      const when = at(`${dayOf(r.day)} ${String(n % 24).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`);
      // Every row its own id: no two are the same incident, whichever are cut.
      if (e.kind === 'incidents') tally.incident(n + 1, { at: when, area: AREAS[r.area]!, category: ['stöld', 'brand'][n % 2]!, id: `${i}-${n}` } satisfies Incident);
      else tally.patrol(n + 1, { start: when, minutes: 30 + (n % 30), area: AREAS[r.area]! } satisfies PatrolRound);
    }
    const declared = cut && e.cut > e.from ? { to: dayOf(e.to) } : { from: dayOf(e.from), to: dayOf(e.to) };
    b.addTally(b.addFile(`${e.kind}-${i}.csv`, e.kind, declared), tally.take());
  });
  return b.build(meta);
}

/** What the report window counts, by name. */
const windowCounts = (m: ReportModel) => ({
  incidents: m.incidents.total,
  byArea: Object.fromEntries(m.incidents.byArea.filter((a) => a.count > 0).map((a) => [a.name, a.count])),
  byCategory: Object.fromEntries(m.incidents.byCategory.filter((c) => c.count > 0).map((c) => [c.name, c.count])),
  rounds: m.patrols.total,
  roundsByArea: Object.fromEntries(m.patrols.byArea.filter((a) => a.rounds > 0).map((a) => [a.name, a.rounds])),
  byDay: m.timePatterns.byDay.map((d) => d.count ?? 0),
});

describe('an export cut short', () => {
  it('never changes the report window’s counts, and never gives a count, change or class from the days cut off', () => {
    fc.assert(
      fc.property(series('incidents'), fc.option(series('patrols'), { nil: undefined }), (incidents, rounds) => {
        const exports = [...incidents, ...(rounds ?? [])];
        const whole = report(exports, false);
        const cut = report(exports, true);
        // The whole exports cover everything: the truth.
        expect(whole.period.coverage.every((w) => w.complete)).toBe(true);

        if (exports.every((e) => e.cut <= REPORT_WINDOW)) expect(windowCounts(cut)).toEqual(windowCounts(whole));

        // Every comparison still given is the whole exports' one.
        const given = (m: ReportModel) => [
          ['total', m.incidents.previousTotal, m.incidents.change, m.incidents.changePercent],
          ...m.incidents.byArea.map((a) => [a.name, a.previous, a.change, a.changePercent]),
          ...m.incidents.byCategory.map((c) => [`c:${c.name}`, c.previous, c.change, c.changePercent]),
          ...(m.map?.areas ?? []).map((a) => [`m:${a.name}`, a.previous, a.change]),
          ['rounds', m.patrols.previousTotal, m.patrols.previousMinutes],
        ];
        const truth = new Map(given(whole).map(([key, ...rest]) => [key, rest]));
        for (const [key, ...shown] of given(cut)) {
          const expected = truth.get(key)!;
          shown.forEach((value, i) => {
            if (value !== null) expect([key, i, value]).toEqual([key, i, expected[i]]);
          });
        }
        // Risers are only from a comparison that is given.
        if (cut.incidents.change === null) expect(cut.summary.risingAreas).toEqual([]);
        else expect(cut.summary.risingAreas).toEqual(whole.summary.risingAreas);

        // The history: a count where the window is covered in full, the whole exports' count; else null.
        const complete = cut.period.coverage.map((w) => !w.missing.some((m) => m.kind === 'incidents'));
        const wholeHistory = new Map(whole.hotspots.areas.map((a) => [a.name, a.history as number[]]));
        for (const area of cut.hotspots.areas) {
          const full = wholeHistory.get(area.name)!;
          expect(area.history).toEqual(full.map((count, k) => (complete[k] ? count : null)));
        }
        // The signals' windows: a count where covered in full, the whole exports' count; else null. Nothing is tested on a partial report window.
        const tallied = cut.period.tallied.map((w) => w.complete);
        expect(cut.incidents.history).toEqual(whole.incidents.history.map((count, k) => (tallied[k] ? count : null)));
        for (const s of cut.signals) expect(s.history).toEqual(s.history.map((count, k) => (tallied[k] ? count : null)));
        if (!tallied[0]) expect(cut.signals).toEqual([]);
        // A class, where given, is the one the whole exports' counts give over the windows still covered,
        // rising or falling with the area's signal (judged on the cut report's covered windows, as above).
        const signalOf = new Map(cut.signals.filter((s) => s.area !== null && s.category === null).map((s) => [s.area!, s.direction]));
        const expectedClasses = hotspots([...wholeHistory].map(([name, history]) => ({ name, history, signal: signalOf.get(name) ?? null })), complete);
        const classOf = new Map(expectedClasses.areas.map((a) => [a.name, a.class]));
        for (const area of cut.hotspots.areas) expect([area.name, area.class]).toEqual([area.name, classOf.get(area.name) ?? null]);
        expect(cut.hotspots.noClassReason).toBe(expectedClasses.noClassReason);
        if (!complete[0]) expect(cut.hotspots.areas.every((a) => a.class === null)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
