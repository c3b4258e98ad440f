/**
 * What the exports cover: the union of a kind's spans, the windows it leaves
 * incomplete, and what the report does with them — no comparison, no count of
 * 0 for days no export covers, no hot-spot class from them.
 */
import { describe, expect, it } from 'vitest';
import type { Incident, PatrolRound } from '../../src/domain.js';
import { ReportBuilder, type DeclaredSpan } from '../../src/model/build-report.js';
import { coverageNotes, coversOf, windowCoverage } from '../../src/model/coverage.js';
import { FileTally } from '../../src/model/file-tally.js';
import { hotspots } from '../../src/model/sections/hotspots.js';
import { change } from '../../src/model/sections/section.js';
import { addCalendarDays, reportPeriod } from '../../src/period.js';
import { coverageSentences, isoRange } from '../../src/render/coverage-notes.js';
import { formatsFor } from '../../src/render/format.js';
import { at } from '../support/time.js';

const TZ = 'Europe/Stockholm';
const meta = { language: 'sv' as const, municipality: 'Testby kommun', recipient: null, marking: null, timeZone: TZ, generator: 'test' };
const WINDOWS = [
  { start: '2024-04-15', end: '2024-04-28' },
  { start: '2024-04-01', end: '2024-04-14' },
  { start: '2024-03-18', end: '2024-03-31' },
];
const covers = (from: string, to: string) => ({ from, to, declared: false });

describe('what a kind of export covers', () => {
  it('is the union of its exports: overlapping and touching spans join, a gap between them is missing', () => {
    const inputs = [
      { kind: 'incidents' as const, covers: covers('2024-03-18', '2024-04-03') },
      { kind: 'incidents' as const, covers: covers('2024-04-02', '2024-04-09') }, // overlaps
      { kind: 'incidents' as const, covers: covers('2024-04-10', '2024-04-20') }, // touches
      { kind: 'incidents' as const, covers: covers('2024-04-24', '2024-05-06') }, // after a gap of three days
    ];
    expect(windowCoverage(WINDOWS, inputs)).toEqual([
      { start: '2024-04-15', end: '2024-04-28', complete: false, missing: [{ kind: 'incidents', from: '2024-04-21', to: '2024-04-23' }] },
      { start: '2024-04-01', end: '2024-04-14', complete: true, missing: [] },
      { start: '2024-03-18', end: '2024-03-31', complete: true, missing: [] },
    ]);
  });

  it('leaves the ends of a window out when the exports start late or end early (a stale export)', () => {
    const coverage = windowCoverage(WINDOWS, [{ kind: 'incidents', covers: covers('2024-03-20', '2024-04-17') }]);
    expect(coverage.map((w) => w.missing)).toEqual([
      [{ kind: 'incidents', from: '2024-04-18', to: '2024-04-28' }],
      [],
      [{ kind: 'incidents', from: '2024-03-18', to: '2024-03-19' }],
    ]);
  });

  it('checks each kind on the windows it is counted in: incidents on all, patrol rounds on the two compared, activities on the report window', () => {
    const inputs = [
      { kind: 'incidents' as const, covers: covers('2024-03-01', '2024-05-01') },
      { kind: 'patrols' as const, covers: covers('2024-04-05', '2024-05-01') },
      { kind: 'activities' as const, covers: covers('2024-01-01', '2024-04-20') },
    ];
    expect(windowCoverage(WINDOWS, inputs).map((w) => w.missing)).toEqual([
      [{ kind: 'activities', from: '2024-04-21', to: '2024-04-28' }],
      [{ kind: 'patrols', from: '2024-04-01', to: '2024-04-04' }],
      [], // patrols are not counted this far back
    ]);
  });

  it('finds no window incomplete for a kind with no export at all, and every day missing for an export with no usable row', () => {
    expect(windowCoverage(WINDOWS, []).every((w) => w.complete)).toBe(true);
    expect(windowCoverage(WINDOWS, [{ kind: 'patrols', covers: null }]).slice(0, 2).map((w) => w.missing)).toEqual([
      [{ kind: 'patrols', from: '2024-04-15', to: '2024-04-28' }],
      [{ kind: 'patrols', from: '2024-04-01', to: '2024-04-14' }],
    ]);
  });

  it('takes the days the config declares over those its rows show, either side', () => {
    const span = { first: '2024-04-03', last: '2024-04-26' };
    expect(coversOf(span, undefined)).toEqual({ from: '2024-04-03', to: '2024-04-26', declared: false });
    expect(coversOf(span, { to: '2024-04-28' })).toEqual({ from: '2024-04-03', to: '2024-04-28', declared: true });
    expect(coversOf(null, { from: '2024-04-01', to: '2024-04-28' })).toEqual({ from: '2024-04-01', to: '2024-04-28', declared: true });
    expect(coversOf(null, undefined)).toBeNull();
  });

  it('notes every export of a kind that leaves a window incomplete, with what each covers', () => {
    const inputs = [
      { file: 'kommun.csv', kind: 'incidents' as const, covers: covers('2024-03-18', '2024-04-20') },
      { file: 'skolan.csv', kind: 'incidents' as const, covers: covers('2024-04-01', '2024-04-18') },
      { file: 'ronder.csv', kind: 'patrols' as const, covers: covers('2024-03-01', '2024-05-01') },
    ];
    const notes = coverageNotes(windowCoverage(WINDOWS, inputs), inputs);
    expect(notes.map((n) => [n.file, n.windows.map((w) => [w.index, w.missing])])).toEqual([
      ['kommun.csv', [[0, [{ from: '2024-04-21', to: '2024-04-28' }]]]],
      ['skolan.csv', [[0, [{ from: '2024-04-21', to: '2024-04-28' }]]]],
    ]);
  });
});

describe('the words for an incomplete window', () => {
  const period = reportPeriod('2024-11-30', 14, TZ, 4);
  const model = (inputs: { file: string; kind: 'incidents' | 'patrols'; covers: ReturnType<typeof covers> | null }[]) =>
    ({ period: { coverage: windowCoverage(period.history, inputs) }, inputs }) as never;

  it('name the file, the days it covers, and each incomplete window with the days no export of its kind covers, in English', () => {
    const m = model([
      { file: 'incidents-kommun.csv', kind: 'incidents', covers: covers('2024-01-02', '2024-12-02') },
      { file: 'ronder.csv', kind: 'patrols', covers: { from: '2024-11-20', to: '2024-12-13', declared: true } },
      { file: 'tom.csv', kind: 'patrols', covers: null },
    ]);
    expect(coverageSentences(m, 'en', isoRange)).toEqual([
      'incidents-kommun.csv covers 2024-01-02 – 2024-12-02; the report window 2024-11-30 – 2024-12-13 is incomplete: no incident export covers 2024-12-03 – 2024-12-13',
      'ronder.csv covers 2024-11-20 – 2024-12-13 (as the config declares); the comparison window 2024-11-16 – 2024-11-29 is incomplete: no patrol log covers 2024-11-16 – 2024-11-19',
      'tom.csv has no usable rows, so it covers no day; the comparison window 2024-11-16 – 2024-11-29 is incomplete: no patrol log covers 2024-11-16 – 2024-11-19',
    ]);
  });

  it('say the same in Swedish with the report’s dates, the older windows of the history together', () => {
    const m = model([
      { file: 'sex-veckor.csv', kind: 'incidents', covers: covers('2024-11-05', '2024-12-13') },
      { file: 'ronder.csv', kind: 'patrols', covers: covers('2024-11-16', '2024-12-12') },
    ]);
    expect(coverageSentences(m, 'sv', formatsFor('sv').dateRange)).toEqual([
      'sex-veckor.csv täcker 5 november – 13 december 2024; 2 äldre perioder i brännpunkternas historik, 19 oktober – 15 november 2024, är ofullständiga: ingen händelseexport täcker 19 oktober – 4 november 2024',
      'ronder.csv täcker 16 november – 12 december 2024; perioden 30 november – 13 december 2024 är ofullständig: ingen bevakningslogg täcker 13 december 2024',
    ]);
  });
});

describe('counts of windows the exports do not cover', () => {
  it('compares no partial count: the previous one is not given when it is partial, the change not when either is', () => {
    expect(change(15, 61)).toEqual({ count: 15, previous: 61, change: -46, changePercent: -75.4 });
    expect(change(15, 61, { now: false, before: true })).toEqual({ count: 15, previous: 61, change: null, changePercent: null });
    expect(change(15, 61, { now: true, before: false })).toEqual({ count: 15, previous: null, change: null, changePercent: null });
  });

  /** An incident export (its rows, and what it declares), and a patrol log, through the builder. */
  function report(incidents: Incident[], declared?: DeclaredSpan, rounds: PatrolRound[] = [], history = 4) {
    const period = reportPeriod('2024-11-30', 14, TZ, history);
    const b = new ReportBuilder(period);
    const tally = new FileTally(period);
    incidents.forEach((r, i) => tally.incident(i + 2, r));
    b.addTally(b.addFile('incidents-kommun.csv', 'incidents', declared), tally.take());
    if (rounds.length) {
      const t = new FileTally(period);
      rounds.forEach((r, i) => t.patrol(i + 2, r));
      b.addTally(b.addFile('ronder.csv', 'patrols'), t.take());
    }
    return b.build(meta);
  }
  /** n incidents a day in an area, from one day to another. */
  const daily = (from: string, to: string, n: number, area = 'Centrum', category = 'skadegörelse'): Incident[] => {
    const out: Incident[] = [];
    for (let d = from; d <= to; d = addCalendarDays(d, 1, TZ)) for (let i = 0; i < n; i++) out.push({ at: at(`${d} ${String(8 + i).padStart(2, '0')}:00`), area, category });
    return out;
  };

  it('gives no change, no riser and no map change for an export that was not refreshed (it ends 2 December, the window 13 December)', () => {
    const m = report([...daily('2024-10-01', '2024-11-29', 4), ...daily('2024-11-30', '2024-12-02', 5)]);
    expect(m.period.coverage[0]).toEqual({ start: '2024-11-30', end: '2024-12-13', complete: false, missing: [{ kind: 'incidents', from: '2024-12-03', to: '2024-12-13' }] });
    expect(m.incidents).toMatchObject({ total: 15, previousTotal: 56, change: null, changePercent: null });
    expect(m.incidents.byArea).toEqual([{ name: 'Centrum', count: 15, previous: 56, change: null, changePercent: null, lastYear: null, baseline: { windows: 4, mean: 56, sd: 0 }, signal: null }]);
    // A partial report window is tested against nothing: 15 against 56 is no fall.
    expect(m.signals).toEqual([]);
    expect(m.signalMethod.tested).toEqual({ total: 0, areas: 0, categories: 0, cells: 0 });
    expect(m.incidents.byAreaCategory[0]).toMatchObject({ change: null, changePercent: null });
    expect(m.incidents.matrix.total).toEqual({ count: 15, previous: 56, change: null, changePercent: null });
    expect(m.summary.risingAreas).toEqual([]);
    expect(m.timePatterns.byDay.map((d) => d.count)).toEqual([5, 5, 5, null, null, null, null, null, null, null, null, null, null, null]);
    expect(m.hotspots).toMatchObject({ windowsWithData: 3, enoughHistory: false, noClassReason: 'report window incomplete' });
    expect(m.hotspots.areas[0]).toMatchObject({ history: [null, 56, 56, 56], class: null });
  });

  it('gives no previous count when the exports begin inside the comparison window', () => {
    const m = report(daily('2024-11-20', '2024-12-13', 3));
    expect(m.incidents).toMatchObject({ total: 42, previousTotal: null, change: null, changePercent: null });
    expect(m.hotspots).toMatchObject({ windowsWithData: 1, noClassReason: 'no earlier window complete' });
    expect(m.hotspots.areas[0]!.history).toEqual([42, null, null, null]);
  });

  it('gives no previous patrol rounds when the patrol log does not cover the comparison window, and compares the incidents still', () => {
    const rounds = ['2024-11-25', '2024-12-01', '2024-12-13'].map((d) => ({ start: at(`${d} 21:00`), minutes: 30, area: 'Centrum' }));
    const m = report(daily('2024-11-01', '2024-12-13', 1), undefined, rounds);
    expect(m.patrols).toEqual({ total: 2, minutes: 60, previousTotal: null, previousMinutes: null, byArea: [{ name: 'Centrum', rounds: 2, minutes: 60, previousRounds: null, previousMinutes: null }] });
    expect(m.incidents).toMatchObject({ total: 14, previousTotal: 14, change: 0, changePercent: 0 });
  });

  it('counts a week with no incident as covered when the config declares it', () => {
    // No row after 6 December, but the export says it covers up to the 13th: the window is complete, the fall real.
    const m = report(daily('2024-11-16', '2024-12-06', 2), { to: '2024-12-13' });
    expect(m.period.coverage[0]!.complete).toBe(true);
    expect(m.inputs[0]!.covers).toEqual({ from: '2024-11-16', to: '2024-12-13', declared: true });
    expect(m.incidents).toMatchObject({ total: 14, previousTotal: 28, change: -14, changePercent: -50 });
    expect(m.timePatterns.byDay[13]).toEqual({ date: '2024-12-13', count: 0 });
  });
});

describe('hot-spot classes', () => {
  const areas = [
    { name: 'Torget', history: [36, 36, 1, 0] },
    { name: 'Hamnen', history: [10, 0, 0, 0] },
  ];

  it('come from windows covered in full only: an area older than the export is neither rising nor new', () => {
    // The exports cover the two newest windows; before them, zeros of days no export covers.
    const h = hotspots(areas, [true, true, false, false]);
    expect(h.areas.map((a) => [a.name, a.history, a.class])).toEqual([
      ['Torget', [36, 36, null, null], 'persistent'],
      ['Hamnen', [10, 0, null, null], 'new'],
    ]);
    expect(h).toMatchObject({ windows: 4, windowsWithData: 2, enoughHistory: false, noClassReason: null });
    // Rising only with a rise beyond chance (the signals'), however large the ratio.
    expect(hotspots(areas, [true, true, true, true]).areas[0]!.class).toBe('persistent');
    expect(hotspots([{ ...areas[0]!, signal: 'rise' }, areas[1]!], [true, true, true, true]).areas[0]!.class).toBe('rising');
    expect(hotspots([{ ...areas[0]!, signal: 'fall' }, areas[1]!], [true, true, true, true]).areas[0]!.class).toBe('falling');
  });

  it('skip a window in the middle that the exports do not cover', () => {
    const h = hotspots([{ name: 'Torget', history: [20, 0, 20, 20] }], [true, false, true, true]);
    expect(h.areas[0]).toMatchObject({ history: [20, null, 20, 20], class: 'persistent' });
  });

  it('are given to no area when the report window is incomplete, or no earlier window is complete, and say why', () => {
    expect(hotspots(areas, [false, true, true, true])).toMatchObject({ noClassReason: 'report window incomplete', windowsWithData: 3 });
    expect(hotspots(areas, [false, true, true, true]).areas.map((a) => a.class)).toEqual([null, null]);
    expect(hotspots(areas, [true, false, false, false])).toMatchObject({ noClassReason: 'no earlier window complete', windowsWithData: 1 });
  });
});
