/**
 * Which area a point lies in: planar point-in-polygon on SWEREF 99 TM metres.
 * A point on a ring counts as inside, so that a point on the border between
 * two areas goes to the first of them in the map's order, never to none.
 */
import type { Crs, Position } from './sweref.js';

/** A closed ring of positions (first = last). */
export type Ring = Position[];
/** An outer ring, then its holes. */
export type Polygon = Ring[];

export interface MapArea {
  name: string;
  polygons: Polygon[];
}

/** A municipality's areas, from its GIS export. */
export interface AreaMap {
  /** The file's name, as the report shows it. */
  source: string;
  /** The file's coordinate system; the areas are in SWEREF 99 TM whatever it was. */
  crs: Crs;
  /** In the file's order; features with the same name are one area. */
  areas: MapArea[];
}

export type Placement = 'inside' | 'border' | 'outside';

/** Distance under which a point is taken to be on a line: a millimetre, finer than any export. */
const ON_LINE = 1e-3;

export function ringPlacement(ring: Ring, [x, y]: Position): Placement {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (onSegment(x, y, xi, yi, xj, yj)) return 'border';
    // Even-odd rule: count the edges a ray to the east crosses.
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

/** Inside the outer ring and in none of its holes; on any ring is the border. */
export function polygonPlacement(polygon: Polygon, point: Position): Placement {
  const [outer, ...holes] = polygon;
  if (!outer) return 'outside';
  const placement = ringPlacement(outer, point);
  if (placement !== 'inside') return placement;
  for (const hole of holes) {
    const inHole = ringPlacement(hole, point);
    if (inHole === 'border') return 'border';
    if (inHole === 'inside') return 'outside';
  }
  return 'inside';
}

export function areaContains(area: MapArea, point: Position): boolean {
  return area.polygons.some((p) => polygonPlacement(p, point) !== 'outside');
}

/** The first area, in the map's order, that holds the point (its border included); undefined when none does. */
export function areaAt(areas: readonly MapArea[], point: Position): MapArea | undefined {
  return areas.find((a) => areaContains(a, point));
}

function onSegment(x: number, y: number, x1: number, y1: number, x2: number, y2: number): boolean {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / length2));
  const px = x1 + t * dx - x;
  const py = y1 + t * dy - y;
  return px * px + py * py <= ON_LINE * ON_LINE;
}
