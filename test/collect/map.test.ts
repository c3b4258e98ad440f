/**
 * Incidents with coordinates on the municipality's map: SWEREF 99 TM or WGS84
 * columns, an incident without an area placed in the area its coordinates lie
 * in and listed so, areas matched to the data's names through the aliases, the
 * data's areas the map lacks listed — the same on one thread as on several.
 */
import { describe, expect, it } from 'vitest';
import { collector } from '../support/collect.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const collect = collector();
const ring = (e: number, n: number, size = 1000) => [[e, n], [e + size, n], [e + size, n + size], [e, n + size], [e, n]];
const areas = tmp.write(
  'omraden.geojson',
  JSON.stringify({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3006' } },
    features: [
      { type: 'Feature', properties: { NAMN: 'Inre hamn' }, geometry: { type: 'Polygon', coordinates: [ring(612_000, 6_566_000)] } },
      { type: 'Feature', properties: { NAMN: 'Centrum' }, geometry: { type: 'Polygon', coordinates: [ring(613_000, 6_566_000)] } },
      { type: 'Feature', properties: { NAMN: 'Norrskolan' }, geometry: { type: 'Polygon', coordinates: [ring(612_000, 6_567_000)] } },
    ],
  }),
);
const config = { map: { areas }, areaAliases: { 'Inre hamn': 'Inre hamnen' }, seriousCategories: ['brand'] };

describe('incidents on the map', () => {
  it('places an incident without an area by its SWEREF 99 TM coordinates, and lists where', async () => {
    const { model } = await collect(
      [{ name: 'kommun.csv', content: 'Datum;Område;Kategori;Nordkoordinat;Östkoordinat\n2024-04-16;;brand;6566500;613500\n2024-04-17;Inre hamnen;brand;6 566 500,5;612 500\n2024-04-18;Stationen;stöld;;\n' }],
      config,
    );
    expect(model.rejected).toEqual([]);
    expect(model.map!.placed).toEqual([{ file: expect.stringMatching(/kommun\.csv$/), line: 2, area: 'Centrum' }]);
    expect(model.map!.areas.map((a) => [a.name, a.count])).toEqual([['Inre hamnen', 1], ['Centrum', 1], ['Norrskolan', 0]]);
    expect(model.map!.unmapped.map((a) => a.name)).toEqual(['Stationen']);
    expect(model.map!.points).toEqual([
      { category: 'brand', area: 'Centrum', date: '2024-04-16', position: [613_500, 6_566_500] },
      { category: 'brand', area: 'Inre hamnen', date: '2024-04-17', position: [612_500, 6_566_501] },
    ]);
    expect(model.map!.categories).toEqual([{ name: 'brand', count: 2, withPosition: 2 }]);
    expect([model.map!.withPosition, model.map!.withoutPosition]).toEqual([2, 1]);
  });

  it('takes an export with coordinates and no area column at all when there is a map, placing every row', async () => {
    const content = 'Datum;Kategori;Nordkoordinat;Östkoordinat\n2024-04-16;brand;6566500;613500\n2024-04-17;stöld;6567500;612500\n2024-04-18;stöld;6590000;640000\n';
    const { model } = await collect([{ name: 'gis.csv', content }], config);
    expect(model.map!.placed.map((p) => [p.line, p.area])).toEqual([[2, 'Centrum'], [3, 'Norrskolan']]);
    expect(model.rejected).toEqual([
      { file: expect.stringMatching(/gis\.csv$/), line: 4, column: null, code: 'area.offMap', reason: 'area is empty, and the coordinates (E 640000, N 6590000 in SWEREF 99 TM) lie in no area of the map' },
    ]);
    // Without a map the area column is needed, as ever.
    await expect(collect([{ name: 'gis2.csv', content }], {})).rejects.toThrow(/missing required column: area/);
  });

  it('reads WGS84 latitude and longitude with a decimal comma, and converts them', async () => {
    const { model } = await collect([{ name: 'app.csv', content: 'Tidpunkt;Plats;Typ;Lat;Lon\n2024-04-16 21:00;Centrum;brand;59,330231;18,059196\n' }], { seriousCategories: ['brand'], map: { areas } });
    expect(model.map!.points[0]!.position).toEqual([674_032, 6_580_822]);
  });

  it('rejects coordinates that are half there, not numbers, swapped or outside Sweden when the area was to come from them, naming the column', async () => {
    const { model } = await collect(
      [
        {
          name: 'bad.csv',
          content:
            'Datum;Område;Kategori;Nordkoordinat;Östkoordinat;Lat;Lon\n' +
            '2024-04-16;;brand;6566500;;;\n' +
            '2024-04-16;;brand;okänd;613500;;\n' +
            '2024-04-16;;brand;613500;6566500;;\n' +
            '2024-04-16;;brand;;;18,05;59,33\n' +
            '2024-04-16;;brand;6600000;700000;;\n' +
            '2024-04-16;Centrum;brand;;;;\n',
        },
      ],
      { map: { areas } },
    );
    expect(model.rejected.map((r) => [r.line, r.column, r.reason])).toEqual([
      [2, 5, 'Östkoordinat: northing is given but easting is empty'],
      [3, 4, 'Nordkoordinat: "okänd" is not a number (metres, e.g. 6580822)'],
      [4, 4, 'Nordkoordinat: northing 613500 and easting 6566500 are the wrong way round: in SWEREF 99 TM a northing in Sweden is 6.1 to 7.7 million metres'],
      [5, 6, 'Lat: latitude 18.05 and longitude 59.33 are the wrong way round'],
      [6, 2, 'Område: area is empty, and the coordinates (E 700000, N 6600000 in SWEREF 99 TM) lie in no area of the map'],
    ]);
    expect(model.incidents.total).toBe(1);
  });

  it('counts a row that has its area however its coordinates are written, drawing no point for coordinates it cannot read', async () => {
    const content =
      'Datum;Område;Kategori;Nordkoordinat;Östkoordinat;Lat;Lon\n' +
      '2024-04-16;Centrum;brand;6566500;;;\n' +
      '2024-04-17;Centrum;brand;okänd;613500;;\n' +
      '2024-04-18;Centrum;brand;;;0;0\n' +
      '2024-04-19;Centrum;brand;6566500;613500;;\n';
    for (const config of [{ map: { areas }, seriousCategories: ['brand'] }, { seriousCategories: ['brand'] }]) {
      const { model } = await collect([{ name: 'gps.csv', content }], config);
      expect(model.rejected).toEqual([]);
      expect(model.incidents.total).toBe(4);
    }
    const { model } = await collect([{ name: 'gps.csv', content }], { map: { areas }, seriousCategories: ['brand'] });
    expect(model.map!.points.map((p) => p.position)).toEqual([[613_500, 6_566_500]]);
  });

  it('draws map areas that the aliases make one as one area, counted once', async () => {
    const { model } = await collect(
      [{ name: 'k.csv', content: 'Datum;Område;Kategori\n2024-04-16;Centrum;stöld\n2024-04-17;Inre hamnen;stöld\n' }],
      { map: { areas }, areaAliases: { 'Inre hamn': 'Innerstaden', Centrum: 'Innerstaden', 'Inre hamnen': 'Innerstaden' } },
    );
    expect(model.map!.areas.map((a) => [a.name, a.count, a.polygons.length])).toEqual([['Innerstaden', 2, 2], ['Norrskolan', 0, 1]]);
  });

  it('rejects an incident without an area when there is no map to place it on', async () => {
    const { model } = await collect([{ name: 'nomap.csv', content: 'Datum;Område;Kategori;Nordkoordinat;Östkoordinat\n2024-04-16;;brand;6566500;613500\n2024-04-16;Centrum;brand;;\n' }]);
    expect(model.rejected[0]!.reason).toBe('Område: area is empty, and there is no map (config "map") to find it from the coordinates');
    expect(model.map).toBeNull();
  });

  it('gives the same map on several threads as on one', async () => {
    const content =
      'Datum;Tid;Område;Kategori;Nordkoordinat;Östkoordinat\r\n' +
      Array.from({ length: 3000 }, (_, i) => {
        const day = String(1 + (i % 28)).padStart(2, '0');
        const place = i % 3 === 0 ? ';' + (6_566_100 + (i % 800)) + ';' + (613_100 + (i % 700)) : i % 3 === 1 ? 'Centrum;' + (6_566_200 + (i % 700)) + ';' + (613_050 + (i % 900)) : 'Inre hamn;;';
        const [area, ...coords] = place.split(';');
        return `2024-04-${day};${String(i % 24).padStart(2, '0')}:00;${area};${i % 5 === 0 ? 'brand' : 'stöld'};${coords.join(';')}`;
      }).join('\r\n') +
      '\r\n';
    const files = [{ name: 'big.csv', content }];
    const one = await collect(files, config, { threads: 1 });
    const many = await collect(files, config, { threads: 3, splitFrom: 0 });
    expect(one.model.map!.placed.length).toBeGreaterThan(100);
    expect(one.model.map!.points.length).toBeGreaterThan(20);
    expect(many.model).toEqual(one.model);
  });
});
