import { describe, expect, it } from 'vitest';
import { REASON_PARAMS, type Reason, type ReasonCode } from '../src/reasons.js';
import { LANGUAGES } from '../src/texts/index.js';
import { REASON_TEXTS, reasonText, rejectedReason } from '../src/texts/reasons.js';
import { collector } from './support/collect.js';

const collect = collector();
const CODES = Object.keys(REASON_PARAMS) as ReasonCode[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** The codes the Swedish report has so far given in English; translating one is a change to the report, made on purpose. */
const NOT_YET_IN_SWEDISH = [
  'area.noMap', 'area.offMap', 'activity.empty', 'coordinates.half', 'coordinates.notMetres', 'coordinates.notDegrees',
  'coordinates.swappedMetres', 'coordinates.outsideMetres', 'coordinates.swappedDegrees', 'coordinates.outsideDegrees',
];

/** Params for a code, each value of its kind. */
function sample(code: ReasonCode, text = 'x "y" z'): Reason {
  const params = Object.fromEntries(Object.entries(REASON_PARAMS[code]).map(([name, kind], i) => [name, kind === 'number' ? 12 + i : `${text}${i}`]));
  return { code, params } as Reason;
}

describe('rejection reasons as data', () => {
  it('has every code in English and in Swedish, each wording using only the params of its code', () => {
    expect(CODES.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(REASON_TEXTS).sort()).toEqual([...CODES].sort());
    for (const code of CODES) {
      const params = Object.keys(REASON_PARAMS[code]).sort();
      for (const language of LANGUAGES) {
        const words = REASON_TEXTS[code][language];
        expect(words.trim(), `${code} ${language}`).not.toBe('');
        expect(placeholders(words).filter((p) => !params.includes(p)), `${code} ${language}`).toEqual([]);
      }
      // The Swedish is worded from params read back out of the English: it names each one once, with text between.
      expect(placeholders(REASON_TEXTS[code].en).sort(), code).toEqual(params);
      expect(REASON_TEXTS[code].en, code).not.toMatch(/\}\{/);
    }
  });

  it('is in Swedish for every code but the few the report has always given in English', () => {
    const english = CODES.filter((code) => REASON_TEXTS[code].sv === REASON_TEXTS[code].en);
    expect(english.sort()).toEqual([...NOT_YET_IN_SWEDISH].sort());
    for (const code of CODES.filter((c) => !NOT_YET_IN_SWEDISH.includes(c))) {
      expect(REASON_TEXTS[code].sv, code).not.toMatch(/\b(is|are|the|not|empty|expected|has|would|given)\b/);
    }
  });

  it('words a reason as before, in English and in Swedish', () => {
    const cases: [Reason, string, string][] = [
      [{ code: 'date.invalid', params: { value: '2024-04-3x', column: 'Datum' } }, 'Datum: "2024-04-3x" is not a date (expected e.g. 2024-04-29)', 'Datum: "2024-04-3x" är inget datum (väntat t.ex. 2024-04-29)'],
      [{ code: 'row.fieldCount', params: { fields: 3, headers: 8 } }, 'row has 3 fields but the header has 8', 'raden har 3 fält men rubrikraden 8'],
      [
        { code: 'round.overMidnight', params: { value: '20:00', hours: 23, minutes: 0, column: 'Sluttid' } },
        'Sluttid: end time "20:00" is before the start time; as a round over midnight it would last 23 h 0 min',
        'Sluttid: sluttiden "20:00" är före starttiden; som runda över midnatt skulle den vara 23 h 0 min',
      ],
      [{ code: 'date.notRealDayMonth', params: { value: '4/29/2024', column: 'Datum' } }, `Datum: "4/29/2024" is not a real date in the file's D/M/YYYY order`, 'Datum: "4/29/2024" är inget verkligt datum med dag före månad, som i resten av filen'],
      [{ code: 'area.empty', params: { column: 'Område' } }, 'Område: area is empty', 'Område: området saknas'],
      [{ code: 'round.noEnd', params: {} }, 'neither an end time nor a duration is given', 'varken sluttid eller varaktighet anges'],
      [{ code: 'coordinates.half', params: { given: 'northing', missing: 'easting', column: 'Östkoordinat' } }, 'Östkoordinat: northing is given but easting is empty', 'Östkoordinat: northing is given but easting is empty'],
    ];
    for (const [reason, english, swedish] of cases) {
      expect(reasonText('en', reason)).toBe(english);
      expect(reasonText('sv', reason)).toBe(swedish);
      // As the report does it: from the model's row, its code and English reason.
      expect(rejectedReason('sv', { code: reason.code, reason: english })).toBe(swedish);
      expect(rejectedReason('en', { code: reason.code, reason: english })).toBe(english);
    }
  });

  it('reads the params back out of any English it words, headed by a column or not', () => {
    for (const code of CODES) {
      for (const text of ['2024-04-3x', 'a "quoted" value', 'x is not a date (expected e.g. 2024-04-29)', '']) {
        for (const column of [undefined, 'Datum', 'Kol: "a"']) {
          const reason = sample(code, text);
          if (column !== undefined) reason.params.column = column;
          expect(rejectedReason('sv', { code, reason: reasonText('en', reason) }), code).toBe(reasonText('sv', reason));
        }
      }
    }
  });

  it('keeps what was masked masked, and leaves a reason as it is when the code does not fit it', () => {
    expect(rejectedReason('sv', { code: 'date.invalid', reason: 'Datum: "[personnummer]" is not a date (expected e.g. 2024-04-29)' })).toBe('Datum: "[personnummer]" är inget datum (väntat t.ex. 2024-04-29)');
    // A configured name ("Start") masked in the wording itself; and a value over two lines.
    expect(rejectedReason('sv', { code: 'start.empty', reason: 'Starttid: [namn] time is empty' })).toBe('Starttid: [namn] time is empty');
    expect(rejectedReason('sv', { code: 'time.invalid', reason: 'Tid: "10:00\nx" is not a time of day (expected e.g. 13:58)' })).toBe('Tid: "10:00\nx" is not a time of day (expected e.g. 13:58)');
    expect(rejectedReason('sv', { code: 'round.tooLong', reason: 'the round would last [x] h 0 min, more than 24 hours' })).toBe('the round would last [x] h 0 min, more than 24 hours');
    expect(rejectedReason('sv', { code: 'no.suchCode', reason: 'area is empty' })).toBe('area is empty');
    expect(rejectedReason('sv', { reason: 'area is empty' })).toBe('area is empty');
  });

  it('has Swedish for every reason the ingest gives', async () => {
    const incidents = [
      'Datum;Tid;Område;Kategori;Extra',
      '2024-04-3x;10:00;Centrum;stöld;', '2024-04-16;25:61;Centrum;stöld;', '2024-04-16;kl;Centrum;stöld;', '2024-02-30;10:00;Centrum;stöld;',
      '2024-04-16;10:00;;stöld;', '2024-04-16;10:00;Centrum;;', '2024-04-16;10:00;Centrum;stöld;;extra', ';10:00;Centrum;stöld;',
      '2024-04-16;10:00;Centrum', '2024-04-16;10:00;Centrum;stöld;"aldrig stängt',
      // A file with no row that can be used cannot be used at all: each file has one good row.
      '2024-04-16;11:00;Centrum;stöld;',
    ].join('\n');
    const single = 'Tidpunkt;Område;Kategori\nigår;Centrum;stöld\n;Centrum;stöld\n2024-04-16 10:00;Centrum;stöld\n';
    const slashed = 'Datum;Område;Kategori\n29/4/2024;Centrum;stöld\n4/29/2024;Centrum;stöld\n';
    const patrols = [
      'Datum;Starttid;Sluttid;Varaktighet;Område',
      '2024-04-16;;;45;Centrum', '2024-04-16;21:00;2024-04-16 20:00;;Centrum', '2024-04-16;21:00;20:00;;Centrum', '2024-04-16;21:00;2024-04-18 22:00;;Centrum',
      '2024-04-16;21:00;;;Centrum', '2024-04-16;21:00;;-5;Centrum', '2024-04-16;21:00;;lång;Centrum', '2024-04-16;21:00;;3000;Centrum',
      '2024-04-16;21:00;;45;Centrum',
    ].join('\n');
    const c = await collect([
      { name: 'i.csv', content: incidents },
      { name: 's.csv', content: single },
      { name: 'd.csv', content: slashed },
      { name: 'p.csv', content: patrols, kind: 'patrols' },
    ]);
    const rows = c.model.rejected;
    expect(rows.length).toBeGreaterThanOrEqual(18);
    expect(rows.map((r) => r.code)).toContain('quote.notClosed');
    for (const row of rows) {
      const swedish = rejectedReason('sv', row);
      expect(swedish, row.reason).not.toBe(row.reason);
      expect(swedish, row.reason).not.toMatch(/\b(is|are|the|not|empty|expected|has|would|given)\b/);
    }
  });
});
