/** Which area a point is in: known answers on a border, in a hole, in a multipolygon. */
import { describe, expect, it } from 'vitest';
import { areaAt, polygonPlacement, type MapArea, type Polygon } from '../../src/geo/contains.js';

const square = (x: number, y: number, size: number) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]] as [number, number][];
const west: MapArea = { name: 'Väster', polygons: [[square(600_000, 6_560_000, 1000)]] };
const east: MapArea = { name: 'Öster', polygons: [[square(601_000, 6_560_000, 1000)]] };
// A park with a pond: the pond (a hole) is not the park.
const park: Polygon = [square(610_000, 6_570_000, 1000), square(610_400, 6_570_400, 200).reverse()];
// A harbour with an island: two polygons, one area.
const harbour: MapArea = { name: 'Hamnen', polygons: [[square(620_000, 6_560_000, 500)], [square(620_800, 6_560_000, 100)]] };

describe('point in polygon on SWEREF 99 TM metres', () => {
  it('finds the area a point lies inside', () => {
    expect(areaAt([west, east], [600_500, 6_560_500])?.name).toBe('Väster');
    expect(areaAt([west, east], [601_500, 6_560_500])?.name).toBe('Öster');
    expect(areaAt([west, east], [603_000, 6_560_500])).toBeUndefined();
  });

  it('counts a point on the border as inside, and gives a shared border to the first area in the map', () => {
    expect(polygonPlacement(west.polygons[0]!, [601_000, 6_560_500])).toBe('border');
    expect(polygonPlacement(west.polygons[0]!, [600_000, 6_560_000])).toBe('border'); // a corner
    expect(areaAt([west, east], [601_000, 6_560_500])?.name).toBe('Väster');
    expect(areaAt([east, west], [601_000, 6_560_500])?.name).toBe('Öster');
    expect(polygonPlacement(west.polygons[0]!, [601_000.01, 6_560_500])).toBe('outside');
  });

  it('leaves a point in a hole outside, and its rim on the border', () => {
    expect(polygonPlacement(park, [610_100, 6_570_100])).toBe('inside');
    expect(polygonPlacement(park, [610_500, 6_570_500])).toBe('outside');
    expect(polygonPlacement(park, [610_400, 6_570_500])).toBe('border');
  });

  it('finds a point on any polygon of a multipolygon, and not in the water between them', () => {
    expect(areaAt([harbour], [620_850, 6_560_050])?.name).toBe('Hamnen');
    expect(areaAt([harbour], [620_250, 6_560_250])?.name).toBe('Hamnen');
    expect(areaAt([harbour], [620_650, 6_560_050])).toBeUndefined();
  });
});
