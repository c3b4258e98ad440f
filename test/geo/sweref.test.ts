/** WGS84 ↔ SWEREF 99 TM with known answers: the projection's origin, and a surveyed point. */
import { describe, expect, it } from 'vitest';
import { fromWgs84, toWgs84 } from '../../src/geo/sweref.js';

describe('SWEREF 99 TM', () => {
  it('puts the central meridian at the equator at the false easting, 500 000 m', () => {
    const [e, n] = fromWgs84(15, 0);
    expect(e).toBeCloseTo(500_000, 3);
    expect(n).toBeCloseTo(0, 3);
  });

  it('gives Stockholm Central Station its published grid position (N 6 580 822, E 674 032)', () => {
    const [e, n] = fromWgs84(18.059196, 59.330231);
    expect(Math.round(n)).toBe(6_580_822);
    expect(Math.round(e)).toBe(674_032);
  });

  it('keeps the scale factor 0.9996 on the central meridian: 1° of latitude at 60° N is 111 412 m × 0.9996', () => {
    // The length of a degree of latitude at 60° on GRS 80 (meridian radius of curvature × π/180) is 111 412.3 m.
    const [, north] = fromWgs84(15, 60.5);
    const [, south] = fromWgs84(15, 59.5);
    expect((north - south) / 0.9996).toBeCloseTo(111_412, -1);
  });

  it('converts back to the same degrees to well under a millimetre', () => {
    for (const [lon, lat] of [[11.97, 57.71], [18.06, 59.33], [20.26, 63.83], [13.0, 55.6]] as const) {
      const [back, forth] = toWgs84(fromWgs84(lon, lat));
      expect(back).toBeCloseTo(lon, 9);
      expect(forth).toBeCloseTo(lat, 9);
    }
  });
});
