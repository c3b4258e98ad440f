import { describe, expect, it } from 'vitest';
import { profileColumns, readByContent } from '../../src/ingest/column-content.js';
import { ignoredColumns, mapColumns, matchHeaders } from '../../src/ingest/columns.js';
import { namedByWords } from '../../src/ingest/header-words.js';
import { REQUIRED_INCIDENT_COLUMNS } from '../../src/ingest/incidents.js';
import { requireColumns, type ColumnCheck } from '../../src/ingest/missing-columns.js';
import { REQUIRED_PATROL_COLUMNS } from '../../src/ingest/patrols.js';

const TZ = 'Europe/Stockholm';

/** Throws what a file with these headers (and rows, for what they hold) is told. */
function check(headers: string[], more: Partial<ColumnCheck> & { rows?: string[][] } = {}) {
  const kind = more.kind ?? 'incidents';
  const matches = matchHeaders(kind, headers, more.configured);
  const content = readByContent(kind, matches, profileColumns(kind, headers, new Set(matches.map((m) => m.column)), more.rows ?? [], TZ));
  return () =>
    requireColumns({
      file: 'in.csv',
      kind,
      line: 1,
      headers,
      matches: [...matches, ...content.matches],
      required: kind === 'incidents' ? REQUIRED_INCIDENT_COLUMNS : REQUIRED_PATROL_COLUMNS,
      offers: content.offers,
      ...more,
    });
}

/** The config block at the end of a missing-columns message, parsed. */
function blockOf(message: string): unknown {
  return JSON.parse(message.slice(message.indexOf('{ "columns"')));
}

function thrown(f: () => void): string {
  try {
    f();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('did not throw');
}

describe('header matching', () => {
  it('matches Swedish and English headers whatever their case and spacing', () => {
    expect(mapColumns('incidents', ['ÄRENDENUMMER', ' Datum ', 'tid', 'Område', 'Händelsetyp', 'Beskrivning', 'Rapportör'])).toEqual({
      id: 0, date: 1, time: 2, area: 3, category: 4, description: 5, source: 6,
    });
    expect(mapColumns('incidents', ['Date and time', 'Location', 'Type', 'Address'])).toEqual({ datetime: 0, area: 1, category: 2, address: 3 });
    expect(mapColumns('patrols', ['Starttid', 'Sluttid', 'Plats', 'Väktare', 'Avvikelse'])).toEqual({ start: 0, end: 1, area: 2, guard: 3, remarks: 4 });
    expect(mapColumns('patrols', ['Datum', 'Starttid', 'Varaktighet (min)', 'Objekt'])).toEqual({ date: 0, start: 1, duration: 2, area: 3 });
  });

  it('lets the config name a header no alias knows, before any alias', () => {
    const map = mapColumns('incidents', ['När', 'Plats', 'Stadsdel/zon', 'Kategori'], { datetime: 'när', area: 'Stadsdel/zon' });
    expect(map).toEqual({ datetime: 0, area: 2, category: 3 });
  });

  it('prefers the more specific alias whatever the column order', () => {
    expect(mapColumns('incidents', ['Typ', 'Datum', 'Plats', 'Kategori'])).toMatchObject({ category: 3 });
  });
});

describe('headers by their parts', () => {
  it('reads a header whose words all name one field', () => {
    expect(mapColumns('incidents', ['Datum (händelse)', 'Plats/Område', 'Typ av händelse'])).toEqual({ date: 0, area: 1, category: 2 });
    expect(mapColumns('incidents', ['Tidpunkt', 'Område (stadsdel)', 'Händelsetyp'])).toEqual({ datetime: 0, area: 1, category: 2 });
    expect(mapColumns('patrols', ['Starttid rond', 'Slut_tid', 'Plats, Område', 'Väktare-ID'])).toEqual({ start: 0, end: 1, area: 2, guard: 3 });
    expect(mapColumns('activities', ['Datum', 'Typ av insats (kod)', 'Plats/Område'])).toEqual({ date: 0, activity: 1, area: 2 });
  });

  it('says which words named the field', () => {
    const matches = matchHeaders('incidents', ['Tidpunkt', 'Plats/Område', 'Typ av händelse', 'Händelseplats']);
    expect(matches.filter((m) => m.by === 'parts').map((m) => `"${m.header}": ${m.why}`)).toEqual([
      '"Plats/Område": "plats" and "område" name area',
      '"Typ av händelse": "typ" names category',
    ]);
    expect(matches.find((m) => m.field === 'datetime')).toMatchObject({ by: 'alias', why: '"tidpunkt" is a header for date and time' });
  });

  it('reads a Swedish compound by its last word, and an English word only whole', () => {
    expect(mapColumns('incidents', ['Händelsedatum', 'Brottsplats', 'Ärendetyp'])).toEqual({ date: 0, area: 1, category: 2 });
    expect(mapColumns('patrols', ['Rondstart', 'Weekend', 'Bevakningsområde'])).toEqual({ start: 0, area: 2 });
  });

  it('reads a date word and a time word together as the date and time', () => {
    expect(namedByWords('incidents', 'Datum och klockslag').fields).toEqual(['datetime']);
    expect(namedByWords('incidents', 'Date & time (UTC)').fields).toEqual(['datetime']);
    // A longer alias is one name, not its words: "datum och tid" is not a date and a time.
    expect(namedByWords('incidents', 'Datum och tid (lokal)')).toEqual({ fields: ['datetime'], words: ['datum och tid'] });
  });

  it('lets small words name nothing, though alone they are aliases', () => {
    expect(namedByWords('patrols', 'Tid till åtgärd').fields).toEqual([]);
    expect(namedByWords('activities', 'Genomförd av (namn)').fields).toEqual(['party']);
  });

  it('reads nothing from a header whose words name two fields, and says so', () => {
    const headers = ['Tidpunkt', 'Plats/Beskrivning', 'Kategori'];
    const matches = matchHeaders('incidents', headers);
    expect(matches.map((m) => m.field)).toEqual(['datetime', 'category']);
    expect(ignoredColumns('incidents', headers, matches)).toEqual([{ column: 1, header: 'Plats/Beskrivning', why: 'it names area and description' }]);
  });

  it('lets an exact alias win over a header that names the field by its words, wherever it stands', () => {
    const headers = ['Datum (rapport)', 'Område (stadsdel)', 'Datum', 'Område', 'Kategori'];
    const matches = matchHeaders('incidents', headers);
    expect(matches.map((m) => [m.field, m.header, m.by])).toEqual([
      ['date', 'Datum', 'alias'],
      ['area', 'Område', 'alias'],
      ['category', 'Kategori', 'alias'],
    ]);
    expect(ignoredColumns('incidents', headers, matches)).toEqual([
      { column: 0, header: 'Datum (rapport)', why: 'date is read from "Datum"' },
      { column: 1, header: 'Område (stadsdel)', why: 'area is read from "Område"' },
    ]);
  });

  it('reads the first of two headers that name one field by their words, as with two alike, and says why the other is not', () => {
    const headers = ['Datum (händelse)', 'Datum (rapport)', 'Plats', 'Kategori', 'Handläggare', ''];
    const matches = matchHeaders('incidents', headers);
    expect(matches.find((m) => m.field === 'date')).toMatchObject({ column: 0, by: 'parts' });
    expect(ignoredColumns('incidents', headers, matches)).toEqual([
      { column: 1, header: 'Datum (rapport)', why: 'date is read from "Datum (händelse)"' },
      { column: 4, header: 'Handläggare', why: null },
    ]);
    // The same rule for headers alike.
    expect(mapColumns('incidents', ['Datum', 'Datum', 'Plats', 'Kategori'])).toMatchObject({ date: 0 });
  });
});

describe('columns by what they hold', () => {
  const content = (kind: 'incidents' | 'patrols' | 'activities', headers: string[], rows: string[][]) => {
    const matches = matchHeaders(kind, headers);
    return readByContent(kind, matches, profileColumns(kind, headers, new Set(matches.map((m) => m.column)), rows, TZ));
  };

  it('takes the one column of dates and times for the date and time', () => {
    const read = content('incidents', ['Inträffade', 'Plats', 'Typ', 'Anteckning'], [
      ['2024-04-16 10:00', 'Centrum', 'stöld', 'ring 12'],
      ['', 'Hamnen', 'klotter', ''],
      ['17/4/2024 kl. 22:15', 'Hamnen', 'klotter', '3'],
    ]);
    expect(read.matches).toEqual([{ field: 'datetime', column: 0, header: 'Inträffade', by: 'content', why: 'every value is a date and time' }]);
  });

  it('takes a column of dates alone for the date, and then a column of times of day for the time', () => {
    const read = content('incidents', ['Dag', 'Klockan', 'Plats', 'Typ'], [['2024-04-16', '10:00', 'Centrum', 'stöld'], ['20240417', 'kl. 22.15', 'Hamnen', 'brand']]);
    expect(read.matches.map((m) => [m.field, m.header, m.why])).toEqual([
      ['date', 'Dag', 'every value is a date'],
      ['time', 'Klockan', 'every value is a time of day'],
    ]);
  });

  it('takes the times of day beside a date column the header names', () => {
    expect(content('incidents', ['Datum', 'Klockan', 'Plats', 'Typ'], [['2024-04-16', '10:00', 'Centrum', 'stöld']]).matches).toMatchObject([{ field: 'time', header: 'Klockan' }]);
  });

  it('takes a column of lengths of time for the duration of patrol rounds', () => {
    const read = content('patrols', ['Starttid', 'Längd', 'Objekt'], [['2024-04-16 22:00', '45 min', 'Torget'], ['2024-04-16 23:00', '1,5 h', 'Hamnen'], ['2024-04-17 00:30', '30', 'Hamnen']]);
    expect(read.matches).toEqual([{ field: 'duration', column: 1, header: 'Längd', by: 'content', why: 'every value is a length of time' }]);
  });

  it('takes a patrol start from dates and times, and an activity date from dates', () => {
    expect(content('patrols', ['Påbörjades', 'Minuter', 'Objekt'], [['2024-04-16 22:00', '45', 'Torget']]).matches).toMatchObject([{ field: 'start', header: 'Påbörjades' }]);
    expect(content('activities', ['Utförd', 'Aktivitet'], [['2024-04-16', 'Hundsök i skola']]).matches).toMatchObject([{ field: 'date', header: 'Utförd' }]);
  });

  it('guesses nothing from two columns of dates, and offers both', () => {
    const read = content('incidents', ['Registrerad', 'Inträffade', 'Plats', 'Typ'], [['2024-04-17 08:00', '2024-04-16 22:00', 'Centrum', 'stöld']]);
    expect(read.matches).toEqual([]);
    expect(read.offers).toEqual({ datetime: [{ column: 0, header: 'Registrerad', holds: 'dates and times' }, { column: 1, header: 'Inträffade', holds: 'dates and times' }] });
  });

  it('takes no bare numbers or times of day for minutes: they may be counts or clock times', () => {
    const counts = content('patrols', ['Starttid', 'Kontroller', 'Objekt'], [['2024-04-16 22:00', '3', 'Torget'], ['2024-04-16 23:00', '5', 'Hamnen']]);
    expect(counts.matches).toEqual([]);
    expect(counts.offers.duration).toEqual([{ column: 1, header: 'Kontroller', holds: 'lengths of time' }]);
    expect(content('patrols', ['Starttid', 'Klart', 'Objekt'], [['2024-04-16 22:00', '22:45', 'Torget']]).matches).toEqual([]);
  });

  it('takes no column whose values are not all of a kind, nor one whose header names a field', () => {
    expect(content('incidents', ['När', 'Plats', 'Typ'], [['2024-04-16 10:00', 'Centrum', 'stöld'], ['igår', 'Hamnen', 'brand']]).matches).toEqual([]);
    // "Kategori (datum)" names a field by its words: it is no column without a header that says what it is.
    expect(content('incidents', ['Plats (datum)', 'Område', 'Typ'], [['2024-04-16 10:00', 'Centrum', 'stöld']]).matches).toEqual([]);
  });
});

describe('what a file missing columns is told, all at once', () => {
  it('names every missing field, the headers found and what they were read as, and a config block to fill in', () => {
    const message = thrown(check(['Inträffade', 'Notering', 'Händelse']));
    expect(message).toBe(
      'in.csv:1: missing required columns: datetime ("tidpunkt", "datum och tid", "datum/tid", "datum & tid"…) or date ("datum", "händelsedatum", "date", "incident date"…) or time ("tid", "klockslag", "kl", "time"…); ' +
        'area ("område", "plats", "stadsdel", "area"…); category ("kategori", "händelsetyp", "typ", "category"…). Headers found: "Inträffade", "Notering", "Händelse". ' +
        'To read the file, add to the config, with a header of the file for each "FILL IN": { "columns": { "incidents": { "datetime": "FILL IN", "area": "FILL IN", "category": "FILL IN" } } }',
    );
    expect(blockOf(message)).toEqual({ columns: { incidents: { datetime: 'FILL IN', area: 'FILL IN', category: 'FILL IN' } } });
  });

  it('fills the block with the best guesses: a misspelling, a header naming two fields, a column of dates', () => {
    const rows = [['2024-04-17 08:00', '2024-04-16 22:00', 'Centrum', 'Torget', 'stöld']];
    const message = thrown(check(['Registrerad', 'Inträffade', 'Omrde', 'Plats/Adress', 'Vad'], { rows }));
    expect(message).toBe(
      'in.csv:1: missing required columns: datetime ("tidpunkt", "datum och tid", "datum/tid", "datum & tid"…) or date ("datum", "händelsedatum", "date", "incident date"…) or time ("tid", "klockslag", "kl", "time"…); ' +
        'area ("område", "plats", "stadsdel", "area"…); category ("kategori", "händelsetyp", "typ", "category"…). ' +
        'Headers found: "Registrerad", "Inträffade", "Omrde", "Plats/Adress", "Vad". ' +
        'For datetime: "Registrerad" and "Inträffade" both hold dates and times: which one is it? "Omrde" is close to "område": a typing error? "Plats/Adress" names area and address: which one is it? ' +
        'To read the file, add to the config, with a header of the file for each "FILL IN": { "columns": { "incidents": { "datetime": "Registrerad", "area": "Omrde", "category": "FILL IN" } } }',
    );
  });

  it('shows what the headers found were read as, and keeps the config\'s own headers in the block', () => {
    const message = thrown(check(['När', 'Zone', 'Typ av händelse'], { configured: { datetime: 'När', area: 'Zon' } }));
    expect(message).toBe(
      'in.csv:1: the header "Zon" that the config gives for area (columns.incidents.area) is not in the file. Headers found: "När" (datetime), "Zone", "Typ av händelse" (category). ' +
        '"Zone" is close to "Zon": a typing error? To read the file, add to the config: { "columns": { "incidents": { "datetime": "När", "area": "Zone" } } }',
    );
  });

  it('says nothing when every required field is there', () => {
    expect(check(['Datum (händelse)', 'Plats/Område', 'Typ av händelse'])).not.toThrow();
  });

  it('offers the end and the duration of a patrol round from what the columns hold', () => {
    const rows = [['2024-04-16 22:00', '22:45', '45', 'Torget']];
    expect(thrown(check(['Starttid', 'Klart', 'Antal', 'Objekt'], { kind: 'patrols', rows }))).toBe(
      'in.csv:1: missing required column: end ("sluttid", "slut", "avslutad", "till"…) or duration ("varaktighet (min)", "varaktighet", "minuter", "tid (min)"…). ' +
        'Headers found: "Starttid" (start), "Klart", "Antal", "Objekt" (area). For end: "Klart" holds times of day. For duration: "Klart" and "Antal" both hold lengths of time: which one is it? ' +
        'To read the file, add to the config: { "columns": { "patrols": { "end": "Klart" } } }',
    );
  });
});
