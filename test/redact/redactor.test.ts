import { describe, expect, it } from 'vitest';
import { luhn } from '../../src/redact/identity.js';
import { reportPeriod } from '../../src/period.js';
import { redactionContext } from '../../src/redact/context.js';
import { Redactor } from '../../src/redact/redactor.js';

const masked = (text: string, rules = {}) => new Redactor(rules).text(text);

describe('what is masked', () => {
  it.each([
    ['Anmälare 850709-9805 hörd på plats.', 'Anmälare [personnummer] hörd på plats.'],
    ['pnr 198507099805', 'pnr [personnummer]'],
    ['pnr 19850709-9805', 'pnr [personnummer]'],
    ['äldre: 121212+1212', 'äldre: [personnummer]'],
    ['8507099805 hördes', '[personnummer] hördes'],
    ['samordningsnr 850769-9802', 'samordningsnr [samordningsnummer]'],
    ['Ring 070-123 45 67 vid behov', 'Ring [telefonnummer] vid behov'],
    ['tel 0701234567.', 'tel [telefonnummer].'],
    ['växel 08-123 456 78', 'växel [telefonnummer]'],
    ['031-12 34 56 (kväll)', '[telefonnummer] (kväll)'],
    ['+46 70 123 45 67', '[telefonnummer]'],
    ['+46(0)70-1234567', '[telefonnummer]'],
    ['0046701234567', '[telefonnummer]'],
    ['mejl anna.svensson@example.se skickat', 'mejl [e-post] skickat'],
    ['Bil ABC 123 stod kvar', 'Bil [registreringsnummer] stod kvar'],
    ['bil XYZ12A i hamnen', 'bil [registreringsnummer] i hamnen'],
    ['reg.nr MLB-845', 'reg.nr [registreringsnummer]'],
    // As Word and Excel write them: en dashes, no-break spaces; and dots and brackets.
    ['pnr 850709\u20139805', 'pnr [personnummer]'],
    ['tel 070\u2013123 45 67', 'tel [telefonnummer]'],
    ['tel 070\u00a0123\u00a045\u00a067', 'tel [telefonnummer]'],
    ['tel 070.123.45.67', 'tel [telefonnummer]'],
    ['tel (070) 123 45 67', 'tel [telefonnummer]'],
    ['0701-23 45 67', '[telefonnummer]'],
    ['+46701234567', '[telefonnummer]'],
  ])('%s', (input, output) => {
    expect(masked(input)).toBe(output);
  });
});

describe('what looks like it and is left alone', () => {
  it.each([
    'Händelsen 2024-04-15 kl. 13:58',
    'Datum 15.04.2024 och 01-02-2024',
    'Ärende SK-2024-0311 och K-2024-001234',
    'Polisens diarienummer 5000-K123456-24',
    'Belopp 1 500 000 kr, 2 400 kr',
    'Organisationsnummer 556016-0680', // a company: month 60
    '8507099806 har fel kontrollsiffra',
    '850732-1234 är inget datum',
    'Rond 22:15–23:05, 45 min, 1,5 h',
    'Vecka 16–17, 20240415',
    'Plats E4 115 och väg 222',
    'BRÅ 2024, SFI 123, EST 2024, LVU 2020',
    'ABB 2024 och ABC 1234',
    'Klockan 0800 och 0930',
    'Larmkod 1234567890',
    'Öppet kl 0800-1600 och 08.00–16.00',
    'Datum 02 04 2024',
    'Böter SEK 500, larm SOS 112, BOX 123',
  ])('%s', (input) => {
    expect(masked(input)).toBe(input);
  });
});

describe('the rules', () => {
  it('checks the Luhn digit of the ten digits', () => {
    expect(luhn('8507099805')).toBe(true);
    expect(luhn('8507099806')).toBe(false);
  });

  it("takes a day of the report's span and a time of day for a time stamp; another day, or no report, for a personnummer", () => {
    const text = 'Larm 20240415 0100 och 240415 0100';
    const span = (from: string) => redactionContext(reportPeriod(from, 14, 'Europe/Stockholm', 6));
    expect(span('2024-04-15').times).toEqual({ from: '2024-02-05', to: '2024-05-29' });
    expect(new Redactor({}, span('2024-04-15')).text(text)).toBe(text);
    // A year later the same digits are someone born that night.
    expect(new Redactor({}, span('2025-04-14')).text(text)).toBe('Larm [personnummer] och [personnummer]');
    expect(new Redactor().text(text)).toBe('Larm [personnummer] och [personnummer]');
    // Over 100 years old: never a time stamp.
    expect(new Redactor({}, span('2024-04-15')).text('240415+0100')).toBe('[personnummer]');
  });

  it('masks a file name name by name, the extension and the rest kept, a plate-like folder too', () => {
    const r = new Redactor({ names: ['Kim Berg'] });
    expect(r.fileName('exporter/anmälan-850709-9805.csv')).toBe('exporter/anmälan-[personnummer].csv');
    expect(r.fileName('/srv/in/anna.berg@example.se-april.csv')).toBe('/srv/in/[e-post]-april.csv');
    expect(r.fileName('anna.berg@example.se.csv')).toBe('[e-post].csv');
    expect(r.fileName('/tmp/lagesbild-abc123/från Kim Berg 070-123 45 67.CSV')).toBe('/tmp/lagesbild-abc123/från [namn] [telefonnummer].CSV');
    expect(r.fileName('lagesbild-2024-v16-v17.pdf')).toBe('lagesbild-2024-v16-v17.pdf');
    expect(r.summary()).toEqual({ 'e-post': 1, namn: 1, personnummer: 1, telefonnummer: 1 });
  });

  it("says whether a text holds personal data, and counts nothing for it", () => {
    const r = new Redactor();
    expect(r.holds('Kalle anna@example.se')).toBe(true);
    expect(r.holds('Inre hamnen')).toBe(false);
    expect(r.holds('BUP 123')).toBe(false);
    expect(r.summary()).toEqual({});
  });

  it('masks configured names as whole words in any case, and extra patterns', () => {
    const r = new Redactor({ names: ['Anna Svensson', 'Kim'], patterns: [{ kind: 'ärendenummer', pattern: '\\b5000-K\\d+-\\d{2}\\b' }] });
    expect(r.text('anna  svensson och Kim såg det; Kimberly inte. Ärende 5000-K123456-24.')).toBe('[namn] och [namn] såg det; Kimberly inte. Ärende [ärendenummer].');
    expect(r.summary()).toEqual({ namn: 2, ärendenummer: 1 });
    expect(r.text('Anna Svenssons cykel')).toBe('[namn] cykel');
  });

  it('steps over a configured pattern that matches nothing, and masks where it matches', () => {
    expect(new Redactor({ patterns: [{ kind: 'x', pattern: 'x*' }] }).text('axxbx')).toBe('a[x]b[x]');
  });

  it('gives a masked copy and leaves what it was given as it was (a batch builds its next report from it)', () => {
    const given = { rows: [{ description: 'ring 070-123 45 67' }], n: 3 };
    const masked = new Redactor().deep(given);
    expect(masked).toEqual({ rows: [{ description: 'ring [telefonnummer]' }], n: 3 });
    expect(given).toEqual({ rows: [{ description: 'ring 070-123 45 67' }], n: 3 });
  });

  it("leaves a rejection's code alone, its reason masked: a code is the tool's word, not the data's", () => {
    const r = new Redactor({ names: ['Start', 'Area'] });
    const masked = r.deep({ rejected: [{ code: 'start.empty', reason: 'Start: start time is empty' }, { code: 'Area 51', reason: 'area is empty' }] });
    expect(masked).toEqual({ rejected: [{ code: 'start.empty', reason: '[namn]: [namn] time is empty' }, { code: '[namn] 51', reason: '[namn] is empty' }] });
    expect(r.summary()).toEqual({ namn: 2 });
  });

  it('counts by kind each value once, however often and however it is written', () => {
    const r = new Redactor();
    r.deep({ a: ['070-123 45 67', { b: '850709-9805 och 0701234567, 08-123 456 78' }], c: ['850709-9805'], n: 3 });
    expect(r.summary()).toEqual({ personnummer: 1, telefonnummer: 2 });
  });
});
