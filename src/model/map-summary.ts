/**
 * The maps' part of the report model: each area of the map with its counts,
 * matched to the data's names through the same keys and aliases as every
 * other name; the data's areas that the map lacks, listed so none is lost.
 */
import type { AreaMap } from '../geo/contains.js';
import type { NameBook } from './names.js';
import type { Change, MapPoint, MapSummary, NamedCount, SwerefPosition } from './report.js';

export interface MapInputs {
  map: AreaMap;
  areas: NameBook;
  counts: (key: string) => Change;
  /** The data's areas with incidents in either window, most first. */
  ranked: { key: string; value: NamedCount }[];
  categories: { name: string; count: number }[];
  points: MapPoint[];
  withPosition: number;
  withoutPosition: number;
  placed: MapSummary['placed'];
}

export function mapSummary(input: MapInputs): MapSummary {
  const { map, areas } = input;
  // Areas of the map that the aliases make one are one area, drawn with all their polygons and counted once.
  const byKey = new Map<string, { name: string; polygons: AreaMap['areas'][number]['polygons'] }>();
  for (const area of map.areas) {
    const key = areas.keyOf(area.name);
    const known = byKey.get(key);
    if (known) known.polygons = [...known.polygons, ...area.polygons];
    else byKey.set(key, { name: area.name, polygons: area.polygons });
  }
  const drawn = new Set(byKey.keys());
  const mapAreas = [...byKey].map(([key, area]) => ({
    name: areas.displayOr(key, area.name),
    ...input.counts(key),
    // A metre is far finer than print, and keeps a detailed export's JSON small.
    polygons: area.polygons.map((polygon) => polygon.map((ring) => ring.map(([e, n]) => [Math.round(e), Math.round(n)] as SwerefPosition))),
  }));
  return {
    source: map.source,
    crs: map.crs,
    areas: mapAreas,
    unmapped: input.ranked.filter((r) => !drawn.has(r.key)).map((r) => r.value),
    categories: input.categories.map((c) => ({ ...c, withPosition: input.points.filter((p) => p.category === c.name).length })),
    points: input.points.map((p) => ({ ...p, position: [Math.round(p.position[0]), Math.round(p.position[1])] })),
    withPosition: input.withPosition,
    withoutPosition: input.withoutPosition,
    placed: input.placed,
  };
}
