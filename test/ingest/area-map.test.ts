/**
 * The municipality's areas from a GeoJSON export: SWEREF 99 TM as it is, WGS84
 * converted, and bad geometry refused with a message that names the file and the feature.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { parseAreaMap } from '../../src/ingest/area-map.js';

const ring = (e: number, n: number, size = 500) => [[e, n], [e + size, n], [e + size, n + size], [e, n + size], [e, n]];
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties, geometry });
const collection = (features: unknown[], crs?: string) =>
  JSON.stringify({ type: 'FeatureCollection', ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}), features });
const polygon = (e = 612_000, n = 6_566_000) => ({ type: 'Polygon', coordinates: [ring(e, n)] });

function error(text: string, options = {}): string {
  try {
    parseAreaMap(text, 'omraden.geojson', options);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('no error');
}

describe('reading the map of areas', () => {
  it("takes a GIS export in SWEREF 99 TM as it is, with its crs member and the area's name in any case", () => {
    const map = parseAreaMap(collection([feature({ NAMN: 'Centrum', OBJECTID: 1 }, polygon())], 'urn:ogc:def:crs:EPSG::3006'), 'omraden.geojson');
    expect(map.crs).toBe('EPSG:3006');
    expect(map.areas).toEqual([{ name: 'Centrum', polygons: [[ring(612_000, 6_566_000)]] }]);
  });

  it('converts WGS84 (RFC 7946, no crs member) to SWEREF 99 TM', () => {
    const lonLat = [[18.059196, 59.330231], [18.0601, 59.3302], [18.0601, 59.3312], [18.0591, 59.3312], [18.059196, 59.330231]]; // from Stockholm Central Station
    const map = parseAreaMap(collection([feature({ name: 'Stationen' }, { type: 'Polygon', coordinates: [lonLat] })]), 'a.geojson');
    expect(map.crs).toBe('EPSG:4326');
    const [e, n] = map.areas[0]!.polygons[0]![0]![0]!;
    expect(Math.round(e)).toBe(674_032);
    expect(Math.round(n)).toBe(6_580_822);
  });

  it('knows SWEREF 99 TM without a crs member by its metres, and merges features of the same name into one area', () => {
    const map = parseAreaMap(
      collection([feature({ namn: 'Hamnen' }, polygon()), feature({ namn: 'hamnen ' }, { type: 'MultiPolygon', coordinates: [[ring(613_000, 6_566_000)]] })]),
      'a.geojson',
    );
    expect(map.crs).toBe('EPSG:3006');
    expect(map.areas).toHaveLength(1);
    expect(map.areas[0]!.polygons).toHaveLength(2);
  });

  it('refuses a ring that is not closed, naming the feature and the ring', () => {
    const open = { type: 'Polygon', coordinates: [ring(612_000, 6_566_000).slice(0, 4).concat([[612_000, 6_566_001]])] };
    expect(error(collection([feature({ namn: 'Centrum' }, polygon()), feature({ namn: 'Solbacken' }, open)]))).toBe(
      'omraden.geojson: feature 2 of 2 ("Solbacken"): outer ring is not closed: it starts at [612000, 6566000] and ends at [612000, 6566001]; a GeoJSON ring ends where it starts',
    );
  });

  it('refuses a coordinate system it does not convert, and coordinates that are not what the file says', () => {
    expect(error(collection([feature({ namn: 'Centrum' }, polygon())], 'urn:ogc:def:crs:EPSG::3021'))).toMatch(
      /^omraden\.geojson: its coordinate system is urn:ogc:def:crs:EPSG::3021, which lagesbild does not convert: export the areas in SWEREF 99 TM \(EPSG:3006\) or WGS84 \(EPSG:4326\)$/,
    );
    expect(error(collection([feature({ namn: 'Centrum' }, polygon())], 'EPSG:3010'))).toContain('a local SWEREF 99 zone, not SWEREF 99 TM');
    expect(error(collection([feature({ namn: 'Centrum' }, polygon())], 'urn:ogc:def:crs:OGC:1.3:CRS84'))).toBe(
      'omraden.geojson: feature 1 of 1 ("Centrum"): outer ring: [612000, 6566000] is not WGS84 [longitude, latitude] in Sweden (as the file\'s crs says); it looks like SWEREF 99 TM metres: set the crs to EPSG:3006',
    );
    const latLon = [[59.33, 18.05], [59.33, 18.06], [59.34, 18.06], [59.33, 18.05]];
    expect(error(collection([feature({ namn: 'Centrum' }, { type: 'Polygon', coordinates: [latLon] })], 'EPSG:4326'))).toContain(
      'feature 1 of 1 ("Centrum"): outer ring: [59.33, 18.05] is [latitude, longitude]; GeoJSON writes [longitude, latitude]',
    );
  });

  it('refuses a feature without its name, listing the properties it has', () => {
    expect(error(collection([feature({ namn: 'Centrum' }, polygon()), feature({ OBJECTID: 7, OMR_NAMN: 'Solbacken' }, polygon())]))).toBe(
      'omraden.geojson: feature 2 of 2: has no name: a name property ("namn", "name", "område", "omrade", "områdesnamn", "stadsdel", "area") is missing or empty. Its properties: "OBJECTID", "OMR_NAMN"; set "map": { "nameProperty": "…" } in the config to the one that names the area',
    );
    expect(error(collection([feature({ namn: 'Centrum' }, polygon())]), { nameProperty: 'OMR_NAMN' })).toContain('the property "OMR_NAMN" (map.nameProperty) is missing or empty');
  });

  it('refuses what is not an area: a point, no geometry, not GeoJSON at all', () => {
    expect(error(collection([feature({ namn: 'Torget' }, { type: 'Point', coordinates: [612_000, 6_566_000] })]))).toBe(
      'omraden.geojson: feature 1 of 1 ("Torget"): is a Point; an area is a Polygon or a MultiPolygon',
    );
    expect(error(collection([feature({ namn: 'Torget' }, null)]))).toBe('omraden.geojson: feature 1 of 1 ("Torget"): has no geometry');
    expect(error('{"type": "Feature"')).toMatch(/^omraden\.geojson: not valid JSON \(/);
    expect(error('{"type": "Topology"}')).toMatch(/^omraden\.geojson: not a GeoJSON FeatureCollection/);
  });
});
