/**
 * Names across kinds: a guard company's places against the incidents' areas,
 * and categories that differ only in form — each pointed out with the config
 * line that merges it, never a guess between two.
 */
import { describe, expect, it } from 'vitest';
import type { Activity, Incident, PatrolRound } from '../../src/domain.js';
import { ReportBuilder } from '../../src/model/build-report.js';
import { FileTally } from '../../src/model/file-tally.js';
import fc from 'fast-check';
import { NameIndex } from '../../src/model/name-index.js';
import { relate, words, type Fits } from '../../src/model/name-words.js';
import { reportPeriod } from '../../src/period.js';
import { at } from '../support/time.js';

const TZ = 'Europe/Stockholm';
const period = reportPeriod('2024-04-15', 14, TZ);
const meta = { language: 'sv' as const, municipality: 'Testby kommun', recipient: null, marking: null, timeZone: TZ, generator: 'test' };

/** `n` rows of each name, in the window, an incident file, a patrol file and an activity log. */
function model(names: { incidents?: [string, number][]; patrols?: [string, number][]; activities?: [string, number][]; categories?: [string, number][] }, aliases: { areas?: Record<string, string>; categories?: Record<string, string> } = {}) {
  const b = new ReportBuilder(period, aliases);
  let line = 2;
  const when = () => at(`2024-04-${16 + (line % 10)} ${String(line % 24).padStart(2, '0')}:00`) + line;
  const file = (name: string, kind: 'incidents' | 'patrols' | 'activities', fill: (t: FileTally) => void) => {
    const account = b.addFile(name, kind);
    const tally = new FileTally(period);
    fill(tally);
    b.addTally(account, tally.take());
  };
  file('händelser.csv', 'incidents', (t) => {
    for (const [area, n] of names.incidents ?? []) for (let i = 0; i < n; i++) t.incident(line++, { at: when(), area, category: 'stöld' } satisfies Incident);
    for (const [category, n] of names.categories ?? []) for (let i = 0; i < n; i++) t.incident(line++, { at: when(), area: 'Centrum', category } satisfies Incident);
  });
  file('ronder.csv', 'patrols', (t) => {
    for (const [area, n] of names.patrols ?? []) for (let i = 0; i < n; i++) t.patrol(line++, { start: when(), minutes: 30, area } satisfies PatrolRound);
  });
  file('aktiviteter.csv', 'activities', (t) => {
    for (const [area, n] of names.activities ?? []) for (let i = 0; i < n; i++) t.activity(line++, { on: at('2024-04-16 00:00'), name: 'Trygghetsvandring', area } satisfies Activity);
  });
  return b.build(meta);
}

const said = (m: ReturnType<typeof model>) => m.suggestions.map((s) => `${s.name} ${s.why} ${s.like}`);

describe('patrol areas matched to incident areas', () => {
  it('points out a part, an abbreviation, a name in brackets and a qualifier, with the config line', () => {
    const m = model({ incidents: [['Centrum', 25], ['Stationsområdet', 20]], patrols: [['Centrum/Torget', 12], ['Stationsomr.', 17], ['Torget (Centrum)', 4], ['Stationsområdet norra', 6]] });
    expect(m.suggestions).toEqual([
      { kind: 'area', name: 'Stationsomr.', count: 17, like: 'Stationsområdet', likeCount: 20, config: '"areaAliases": { "Stationsomr.": "Stationsområdet" }', why: 'abbreviates', nameIn: ['patrols'], likeIn: ['incidents'], candidates: ['Stationsområdet'] },
      { kind: 'area', name: 'Centrum/Torget', count: 12, like: 'Centrum', likeCount: 25, config: '"areaAliases": { "Centrum/Torget": "Centrum" }', why: 'contains', nameIn: ['patrols'], likeIn: ['incidents'], candidates: ['Centrum'] },
      { kind: 'area', name: 'Stationsområdet norra', count: 6, like: 'Stationsområdet', likeCount: 20, config: '"areaAliases": { "Stationsområdet norra": "Stationsområdet" }', why: 'contains', nameIn: ['patrols'], likeIn: ['incidents'], candidates: ['Stationsområdet'] },
      { kind: 'area', name: 'Torget (Centrum)', count: 4, like: 'Centrum', likeCount: 25, config: '"areaAliases": { "Torget (Centrum)": "Centrum" }', why: 'contains', nameIn: ['patrols'], likeIn: ['incidents'], candidates: ['Centrum'] },
    ]);
  });

  it('points out a patrol name that is part of an incident area, and the same words in another order', () => {
    const m = model({ incidents: [['Centrum/Torget', 9]], patrols: [['Centrum/Torget', 3], ['Torget', 5], ['Torget (Centrum)', 4]] });
    expect(m.suggestions).toEqual([
      { kind: 'area', name: 'Torget', count: 5, like: 'Centrum/Torget', likeCount: 12, config: '"areaAliases": { "Torget": "Centrum/Torget" }', why: 'part of', nameIn: ['patrols'], likeIn: ['incidents', 'patrols'], candidates: ['Centrum/Torget'] },
      { kind: 'area', name: 'Torget (Centrum)', count: 4, like: 'Centrum/Torget', likeCount: 12, config: '"areaAliases": { "Torget (Centrum)": "Centrum/Torget" }', why: 'looks like', nameIn: ['patrols'], likeIn: ['incidents', 'patrols'], candidates: ['Centrum/Torget'] },
    ]); // and nothing of Centrum/Torget, which the incidents name too
  });
});

describe('a name that fits two incident areas', () => {
  it('gives both candidates, each with its own line, and picks neither', () => {
    const m = model({ incidents: [['Centrum', 25], ['Torget', 4]], patrols: [['Centrum/Torget', 12]] });
    expect(m.suggestions).toEqual([
      { kind: 'area', name: 'Centrum/Torget', count: 12, like: 'Centrum', likeCount: 25, config: '"areaAliases": { "Centrum/Torget": "Centrum" }', why: 'contains', nameIn: ['patrols'], likeIn: ['incidents'], candidates: ['Centrum', 'Torget'] },
      { kind: 'area', name: 'Centrum/Torget', count: 12, like: 'Torget', likeCount: 4, config: '"areaAliases": { "Centrum/Torget": "Torget" }', why: 'contains', nameIn: ['patrols'], likeIn: ['incidents'], candidates: ['Centrum', 'Torget'] },
    ]);
  });

  it('prefers the more specific of two nested areas, and a whole-name match over a part', () => {
    expect(said(model({ incidents: [['Inre hamnen', 5], ['Hamnen', 5]], patrols: [['Inre hamnen/Kajen', 2]] }))).toEqual(['Inre hamnen/Kajen contains Inre hamnen']);
    expect(said(model({ incidents: [['Stationsområdet', 5], ['Stationsområdet norra', 5]], patrols: [['Stationsomr.', 2]] }))).toEqual(['Stationsomr. abbreviates Stationsområdet']);
  });

  it('points nowhere when a name fits more than three: it says too little', () => {
    const m = model({ incidents: [['Hamnen norra', 1], ['Torget norra', 1], ['Skolan norra', 1], ['Parken norra', 1]], patrols: [['Norra', 9]] });
    expect(m.suggestions).toEqual([]);
    expect(said(model({ incidents: [['Hamnen norra', 1], ['Torget norra', 1], ['Skolan norra', 1]], patrols: [['Norra', 9]] }))).toEqual([
      'Norra part of Hamnen norra', 'Norra part of Skolan norra', 'Norra part of Torget norra',
    ]);
  });
});

describe('the floor against false matches', () => {
  it('lets no area of under four letters be contained in, or contain, a patrol name', () => {
    expect(said(model({ incidents: [['Ö', 5], ['By', 5], ['Torp', 5]], patrols: [['Ö hamnen', 2], ['By skolan', 2], ['Torp/Ängen', 2], ['Hamn', 1]] }))).toEqual(['Torp/Ängen contains Torp']);
    expect(said(model({ incidents: [['Norra by', 5]], patrols: [['By', 2]] }))).toEqual([]);
  });

  it('takes a word ending in "." from three letters, one without from five, and numbers only as they are', () => {
    expect(said(model({ incidents: [['Norrskolan', 5], ['Stadsparken', 5], ['Område 21', 5]], patrols: [['Norrsk.', 1], ['St.', 1], ['Stadsp', 1], ['Område 2', 1]] }))).toEqual([
      'Norrsk. abbreviates Norrskolan', 'Stadsp abbreviates Stadsparken',
    ]);
    expect(said(model({ incidents: [['Norrskolan', 5]], patrols: [['Norr', 1]] }))).toEqual([]);
  });

  it('takes a beginning that more than three words begin with for no abbreviation', () => {
    const streets = ['Stationsgatan', 'Stationsvägen', 'Stationsparken'];
    expect(said(model({ incidents: streets.map((a) => [a, 2]), patrols: [['Stations', 1]] }))).toEqual(streets.sort().map((a) => `Stations abbreviates ${a}`));
    expect(said(model({ incidents: [...streets, 'Stationsområdet'].map((a) => [a, 2]), patrols: [['Stations', 1]] }))).toEqual([]);
  });

  it('matches case and diacritics aside, as the names are written by hand', () => {
    expect(said(model({ incidents: [['Stationsområdet', 5]], patrols: [['STATIONSOMRADET NORRA', 2], ['stationsomr', 1]] }))).toEqual([
      'STATIONSOMRADET NORRA contains Stationsområdet', 'stationsomr abbreviates Stationsområdet',
    ]);
  });
});

describe('what the look-alike pass and the config do already', () => {
  it('leaves a misspelling to the look-alike pass, and says it once', () => {
    expect(said(model({ incidents: [['Inre hamnen', 5]], patrols: [['Inre hamn', 2]] }))).toEqual(['Inre hamn looks like Inre hamnen']);
  });

  it('says nothing once the config merges the name', () => {
    expect(model({ incidents: [['Centrum', 5]], patrols: [['Centrum/Torget', 2]] }, { areas: { 'Centrum/Torget': 'Centrum' } }).suggestions).toEqual([]);
  });
});

describe('activity areas', () => {
  it('are matched to the incident areas too', () => {
    const m = model({ incidents: [['Stationsområdet', 5]], activities: [['Stationsomr.', 1]] });
    expect(m.suggestions).toMatchObject([{ name: 'Stationsomr.', why: 'abbreviates', like: 'Stationsområdet', nameIn: ['activities'], likeIn: ['incidents'] }]);
  });
});

describe('categories that differ only in form', () => {
  it('points a compound at the plain category it contains, with the categoryAliases line', () => {
    const m = model({ categories: [['Skadegörelse', 12], ['skadegörelse, klotter', 3]] });
    expect(m.suggestions).toEqual([
      { kind: 'category', name: 'skadegörelse, klotter', count: 3, like: 'Skadegörelse', likeCount: 12, config: '"categoryAliases": { "skadegörelse, klotter": "Skadegörelse" }', why: 'contains', nameIn: ['incidents'], likeIn: ['incidents'], candidates: ['Skadegörelse'] },
    ]);
    expect(said(model({ categories: [['Klotter', 5], ['Klotter/skadegörelse', 2]] }))).toEqual(['Klotter/skadegörelse contains Klotter']);
  });

  it('gives both when a compound holds two categories', () => {
    expect(said(model({ categories: [['Klotter', 5], ['Skadegörelse', 4], ['Klotter/skadegörelse', 2]] }))).toEqual([
      'Klotter/skadegörelse contains Klotter', 'Klotter/skadegörelse contains Skadegörelse',
    ]);
  });
});

describe('how two names relate, word by word', () => {
  const rel = (a: string, b: string) => relate(words(a), words(b));
  it('knows each relation and its floor', () => {
    expect(rel('Centrum/Torget', 'Centrum')).toBe('contains');
    expect(rel('Torget (Centrum)', 'Centrum')).toBe('contains');
    expect(rel('Stationsomr.', 'Stationsområdet')).toBe('abbreviates');
    expect(rel('Stationsomr. norra', 'Stationsområdet')).toBe('contains');
    expect(rel('Torget', 'Centrum/Torget')).toBe('part of');
    expect(rel('Torget (Centrum)', 'Centrum/Torget')).toBe('same words');
    expect(rel('Centrum', 'Centrumskolan')).toBe('abbreviates'); // a clear prefix: said, never merged without the coordinator
    expect(rel('Ö hamnen', 'Ö')).toBeUndefined();
    expect(rel('Inre västra hamnen', 'Inre hamnen')).toBeUndefined();
    expect(rel('Område 2', 'Område 21')).toBeUndefined();
  });
});

describe('the index of words', () => {
  it('finds every name that relates to a name, as trying every pair would', () => {
    const vocabulary = ['Centrum', 'Torget', 'Centr.', 'Stationsområdet', 'Stationsomr.', 'Stations', 'norra', 'Ö', 'By', 'Skola', '2', '21', 'Inre', 'hamnen', 'hamn'];
    const name = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 3 }).chain((ws) => fc.constantFrom(ws.join(' '), ws.join('/'), ws.join(', ')));
    fc.assert(
      fc.property(fc.array(name, { maxLength: 30 }), fc.array(name, { maxLength: 10 }), (targets, sources) => {
        const index = new NameIndex(targets.map(words));
        for (const source of sources) {
          const ws = words(source);
          const readings = ws.map((w) => index.readings(w));
          const fit: Fits = (w, full) => (w.text === full.text ? 'same' : readings[ws.indexOf(w)]!.includes(full.text) ? 'short' : undefined);
          const found = index.candidates(readings);
          targets.forEach((t, i) => {
            if (relate(ws, words(t), fit)) expect(found.has(i), `${source} → ${t}`).toBe(true);
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
