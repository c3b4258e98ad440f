/**
 * WGS84 degrees ↔ SWEREF 99 TM (EPSG:3006) metres. Every geometry and point is
 * held in SWEREF 99 TM: the national grid most municipal GIS exports use, and
 * planar, so that containment and drawing need no spherical arithmetic.
 */
import proj4 from 'proj4';

/** [easting, northing] in SWEREF 99 TM metres. */
export type Position = [number, number];

/** EPSG:3006 as proj4 defines it: transverse Mercator on 15° E on GRS 80, SWEREF 99 = WGS84 at this scale. */
const SWEREF99TM = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';
const converter = proj4('EPSG:4326', SWEREF99TM);

export const CRS = { sweref: 'EPSG:3006', wgs84: 'EPSG:4326' } as const;
export type Crs = (typeof CRS)[keyof typeof CRS];

export function fromWgs84(longitude: number, latitude: number): Position {
  const [e, n] = converter.forward([longitude, latitude]) as [number, number];
  return [e, n];
}

export function toWgs84([easting, northing]: Position): [longitude: number, latitude: number] {
  const [lon, lat] = converter.inverse([easting, northing]) as [number, number];
  return [lon, lat];
}

/**
 * Where SWEREF 99 TM is meant to be used (Sweden and its waters), a little widened.
 * Coordinates outside are a swapped pair, the wrong system, or a typing error.
 */
export const SWEDEN = {
  latitude: [54.5, 69.5],
  longitude: [10, 25],
  northing: [6_050_000, 7_700_000],
  easting: [200_000, 1_000_000],
} as const;

export const within = (value: number, [low, high]: readonly [number, number]) => value >= low && value <= high;

export function isSwerefPosition([e, n]: Position): boolean {
  return within(e, SWEDEN.easting) && within(n, SWEDEN.northing);
}

export function isSwedishDegrees(longitude: number, latitude: number): boolean {
  return within(latitude, SWEDEN.latitude) && within(longitude, SWEDEN.longitude);
}
