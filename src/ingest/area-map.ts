/**
 * The municipality's areas from a GeoJSON file (a GIS export): polygons and
 * multipolygons in SWEREF 99 TM (EPSG:3006) or WGS84, each named by a property.
 * Read once per run; every problem names the file and the feature, and is the
 * set-up's to fix (exit 3), like the config that points to the file.
 */
import { readFile } from 'node:fs/promises';
import { ConfigError, InputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';
import type { AreaMap, MapArea, Polygon, Ring } from '../geo/contains.js';
import { CRS, fromWgs84, isSwedishDegrees, isSwerefPosition, type Crs, type Position } from '../geo/sweref.js';
import { looseKey } from '../text.js';

export interface AreaMapOptions {
  /** The property that names each area; default: the first of DEFAULT_NAME_PROPERTIES a feature has. */
  nameProperty?: string;
  /** For a file without a `crs` member that the coordinates alone do not settle. */
  crs?: Crs;
  /** How the report names the file (default: the path). */
  shownAs?: string;
}

/** Property names GIS exports use for an area's name, matched without regard to case. */
export const DEFAULT_NAME_PROPERTIES = ['namn', 'name', 'område', 'omrade', 'områdesnamn', 'stadsdel', 'area'];

/** `read`: how the file's text is read (the run's inputs: opened once, a pipe copied, a device refused). */
export async function loadAreaMap(file: string, options: AreaMapOptions = {}, read = (path: string) => readFile(path, 'utf8')): Promise<AreaMap> {
  let text: string;
  try {
    text = await read(file);
  } catch (error) {
    const why = error instanceof InputError ? error.detail.replace(/^cannot read the file: /, '') : describeFsError(error);
    throw new ConfigError(`${file}: cannot read the map's areas (map.areas): ${why}`, { cause: error });
  }
  return parseAreaMap(text, file, options);
}

interface Feature {
  type?: unknown;
  properties?: unknown;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
}

export function parseAreaMap(text: string, file: string, options: AreaMapOptions = {}): AreaMap {
  const fail = (message: string): never => {
    throw new ConfigError(`${file}: ${message}`);
  };
  let json: { type?: unknown; features?: unknown; crs?: unknown };
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, '')) as typeof json;
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message.split('\n')[0]}); the map's areas are a GeoJSON file`);
  }
  if (json === null || typeof json !== 'object' || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    return fail('not a GeoJSON FeatureCollection: the map\'s areas are a file with "type": "FeatureCollection" and its "features"');
  }
  const features = json.features as Feature[];
  if (features.length === 0) fail('the FeatureCollection has no features: no areas to draw');
  const declared = declaredCrs(json.crs, fail);
  let crs: Crs | undefined = declared ?? options.crs;
  const merged = new Map<string, MapArea>();

  features.forEach((feature, index) => {
    const name = featureName(feature, options.nameProperty);
    const which = `feature ${index + 1} of ${features.length}${name ? ` ("${name}")` : ''}`;
    const wrong = (message: string): never => fail(`${which}: ${message}`);
    if (!name) {
      const keys = feature?.properties && typeof feature.properties === 'object' ? Object.keys(feature.properties) : [];
      const wanted = options.nameProperty ? `the property "${options.nameProperty}" (map.nameProperty)` : `a name property (${DEFAULT_NAME_PROPERTIES.map((p) => `"${p}"`).join(', ')})`;
      wrong(`has no name: ${wanted} is missing or empty. Its properties: ${keys.length ? keys.map((k) => `"${k}"`).join(', ') : 'none'}; set "map": { "nameProperty": "…" } in the config to the one that names the area`);
    }
    const geometry = feature.geometry;
    if (!geometry || typeof geometry !== 'object') return wrong('has no geometry');
    const polygons =
      geometry.type === 'Polygon'
        ? [geometry.coordinates]
        : geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)
          ? geometry.coordinates
          : wrong(`is a ${String(geometry.type)}; an area is a Polygon or a MultiPolygon`);
    const read: Polygon[] = (polygons as unknown[]).map((polygon, p) => {
      const where = (ring: number) => `${polygons.length > 1 ? `polygon ${p + 1}, ` : ''}${ring === 0 ? 'outer ring' : `hole ${ring}`}`;
      if (!Array.isArray(polygon) || polygon.length === 0) return wrong(`${polygons.length > 1 ? `polygon ${p + 1}` : 'the polygon'} has no rings`);
      return polygon.map((ring: unknown, r) => {
        if (!Array.isArray(ring) || ring.length < 4) return wrong(`${where(r)}: a ring needs at least 4 positions, the last the same as the first`);
        const positions = ring.map((pos: unknown, i) => {
          if (!Array.isArray(pos) || pos.length < 2 || !Number.isFinite(pos[0]) || !Number.isFinite(pos[1])) {
            return wrong(`${where(r)}, position ${i + 1}: ${JSON.stringify(pos)} is not a pair of numbers`);
          }
          return [pos[0], pos[1]] as Position;
        });
        const first = positions[0]!;
        const last = positions[positions.length - 1]!;
        if (first[0] !== last[0] || first[1] !== last[1]) {
          wrong(`${where(r)} is not closed: it starts at ${show(first)} and ends at ${show(last)}; a GeoJSON ring ends where it starts`);
        }
        crs ??= guessCrs(first) ?? wrong(`${show(first)} is neither WGS84 degrees [longitude, latitude] in Sweden nor SWEREF 99 TM metres [easting, northing]`);
        return positions.map((position) => toSweref(position, crs!, declared !== undefined, (message) => wrong(`${where(r)}: ${message}`))) as Ring;
      });
    });
    const key = looseKey(name!);
    const area = merged.get(key);
    if (area) area.polygons.push(...read);
    else merged.set(key, { name: name!.trim().replace(/\s+/g, ' '), polygons: read });
  });
  return { source: options.shownAs ?? file, crs: crs!, areas: [...merged.values()] };
}

/** The `crs` member of older GeoJSON, which QGIS and ogr2ogr write for anything but WGS84. */
function declaredCrs(member: unknown, fail: (message: string) => never): Crs | undefined {
  if (member === undefined || member === null) return undefined;
  const name = (member as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name !== 'string') return fail('its "crs" member names no coordinate system');
  if (/CRS84$/i.test(name)) return CRS.wgs84;
  const code = /EPSG:{1,2}(\d+)$/i.exec(name)?.[1];
  if (code === '3006') return CRS.sweref;
  if (code === '4326') return CRS.wgs84;
  return fail(
    `its coordinate system is ${name}, which lagesbild does not convert: export the areas in SWEREF 99 TM (EPSG:3006) or WGS84 (EPSG:4326)` +
      (code && Number(code) >= 3007 && Number(code) <= 3018 ? ' (this is a local SWEREF 99 zone, not SWEREF 99 TM)' : ''),
  );
}

function guessCrs(position: Position): Crs | undefined {
  if (isSwerefPosition(position)) return CRS.sweref;
  if (isSwedishDegrees(position[0], position[1])) return CRS.wgs84;
  return undefined;
}

function toSweref(position: Position, crs: Crs, declared: boolean, wrong: (message: string) => never): Position {
  const said = declared ? "as the file's crs says" : 'as its first position shows';
  if (crs === CRS.sweref) {
    if (isSwerefPosition(position)) return position;
    return wrong(`${show(position)} is not SWEREF 99 TM [easting, northing] in Sweden (${said})${isSwedishDegrees(position[0], position[1]) ? '; it looks like WGS84 degrees' : ''}`);
  }
  const [longitude, latitude] = position;
  if (isSwedishDegrees(longitude, latitude)) return fromWgs84(longitude, latitude);
  if (isSwedishDegrees(latitude, longitude)) return wrong(`${show(position)} is [latitude, longitude]; GeoJSON writes [longitude, latitude]`);
  return wrong(`${show(position)} is not WGS84 [longitude, latitude] in Sweden (${said})${isSwerefPosition(position) ? '; it looks like SWEREF 99 TM metres: set the crs to EPSG:3006' : ''}`);
}

function featureName(feature: Feature, property: string | undefined): string | undefined {
  const properties = feature && typeof feature.properties === 'object' && feature.properties !== null ? (feature.properties as Record<string, unknown>) : {};
  const keys = Object.keys(properties);
  const candidates = property ? [property] : DEFAULT_NAME_PROPERTIES;
  for (const wanted of candidates) {
    const key = keys.find((k) => k.toLowerCase() === wanted.toLowerCase());
    const value = key === undefined ? undefined : properties[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

const show = ([x, y]: Position) => `[${x}, ${y}]`;
