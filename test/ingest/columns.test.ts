import { describe, expect, it } from 'vitest';
import { mapColumns, requireColumns } from '../../src/ingest/columns.js';
import { REQUIRED_INCIDENT_COLUMNS } from '../../src/ingest/incidents.js';

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

  it('names the missing field, its aliases and the headers found', () => {
    const headers = ['Datum', 'Plats', 'Text'];
    const map = mapColumns('incidents', headers);
    expect(() => requireColumns({ file: 'in.csv', kind: 'incidents', line: 1, headers, map, required: REQUIRED_INCIDENT_COLUMNS })).toThrow(
      'in.csv:1: missing required column: category ("kategori", "händelsetyp", "typ", "category"…). Headers found: "Datum", "Plats", "Text". Map another header in the config under "columns.incidents".',
    );
  });

  it('points at a header that is a misspelling of the one missing', () => {
    const headers = ['Datum', 'Omrde', 'Katgori'];
    const map = mapColumns('incidents', headers);
    expect(() => requireColumns({ file: 'in.csv', kind: 'incidents', line: 2, headers, map, required: REQUIRED_INCIDENT_COLUMNS })).toThrow(
      /^in\.csv:2: missing required column: area .* Headers found: "Datum", "Omrde", "Katgori"\. "Omrde" is close to "område": a typing error\?/,
    );
  });

  it('says when a header the config names is not there', () => {
    const headers = ['Datum', 'Zone', 'Kategori'];
    const map = mapColumns('incidents', headers, { area: 'Zon' });
    expect(() => requireColumns({ file: 'in.csv', kind: 'incidents', line: 1, headers, map, required: REQUIRED_INCIDENT_COLUMNS, configured: { area: 'Zon' } })).toThrow(
      'in.csv:1: the header "Zon" that the config gives for area (columns.incidents.area) is not in the file. Headers found: "Datum", "Zone", "Kategori".',
    );
  });

  it('prefers the more specific alias whatever the column order', () => {
    expect(mapColumns('incidents', ['Typ', 'Datum', 'Plats', 'Kategori'])).toMatchObject({ category: 3 });
  });
});
