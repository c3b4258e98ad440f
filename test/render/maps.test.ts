/**
 * The maps drawn as SVG from the model: shades ordered light to dark, counts
 * written in, names escaped; no map section without a map in the config.
 */
import { describe, expect, it } from 'vitest';
import { changeMapSvg, choroplethSvg, countClasses, pointMapSvg, type MapWords } from '../../src/render/maps.js';
import type { MapSummary } from '../../src/model/report.js';
import { renderHtml } from '../../src/render/html.js';
import { collector } from '../support/collect.js';

const words: MapWords = {
  title: 'Karta', legend: 'Händelser', none: 'inga', rise: 'ökning utöver slumpen', fall: 'minskning utöver slumpen',
  same: 'vanlig variation', metres: 'm', kilometres: 'km', signed: (n) => (n > 0 ? `+${n}` : String(n)), number: String,
};
const square = (e: number, n: number) => [[[e, n], [e + 1000, n], [e + 1000, n + 1000], [e, n + 1000], [e, n]]] as [number, number][][];
const map: MapSummary = {
  source: 'omraden.geojson', crs: 'EPSG:3006',
  areas: [
    { name: 'Hamnen <&>', count: 12, previous: 4, change: 8, changePercent: 200, polygons: [square(612_000, 6_566_000)] },
    { name: 'Centrum', count: 0, previous: 2, change: -2, changePercent: -100, polygons: [square(613_000, 6_566_000)] },
  ],
  unmapped: [], categories: [{ name: 'brand', count: 1, withPosition: 1 }],
  points: [{ category: 'brand', area: 'Centrum', date: '2024-04-16', position: [613_500, 6_566_500] }],
  withPosition: 1, withoutPosition: 0, placed: [],
};

describe('maps as SVG', () => {
  it('classes counts from none up to the largest in four steps', () => {
    expect(countClasses(0)).toEqual([{ from: 0, to: 0 }]);
    expect(countClasses(29)).toEqual([{ from: 0, to: 0 }, { from: 1, to: 8 }, { from: 9, to: 16 }, { from: 17, to: 24 }, { from: 25, to: 29 }]);
    expect(countClasses(2)).toEqual([{ from: 0, to: 0 }, { from: 1, to: 1 }, { from: 2, to: 2 }]);
  });

  it('colours only an area that rose or fell beyond chance on the change map, as the tables do', () => {
    const fills = (svg: string) => [...svg.matchAll(/<path d="M[^"]*" fill="([^"]*)" fill-rule="evenodd" stroke="#333"/g)].map((m) => m[1]);
    // +8 on 4 and −2 on 2 look large, but without a signal they are ordinary movement: the same light grey.
    const plain = changeMapSvg(map, words);
    expect(fills(plain)).toEqual(['#f4f4f4', '#f4f4f4']);
    expect(plain).not.toContain('fill="url(#map-rise)" fill-rule');
    const judged = changeMapSvg(map, words, (area) => (area === 'Hamnen <&>' ? 'rise' : null));
    expect(fills(judged)).toEqual(['#b2182b', '#f4f4f4']);
    expect(judged.match(/fill="url\(#map-rise\)" fill-rule/g)).toHaveLength(1);
    expect(judged).toContain('>ökning utöver slumpen<');
    expect(judged).toContain('>vanlig variation<');
  });

  it('writes each name and count on the map, escaped, with a legend, and no script', () => {
    const svg = choroplethSvg(map, words);
    expect(svg).toContain('Hamnen &lt;&amp;&gt;');
    expect(svg).toMatch(/font-weight="bold" fill="#fff">12</); // the darkest shade, written in white
    expect(svg).toContain('>inga<');
    expect(svg).not.toMatch(/<script|href=/);
    expect(svg.match(/<path d="M[^"]*" fill="[^"]*" fill-rule="evenodd"/g)).toHaveLength(2); // one path an area
  });

  it('draws each point of the category inside the map', () => {
    const svg = pointMapSvg(map, 'brand', words);
    const [, cx, cy] = /<circle cx="([\d.]+)" cy="([\d.]+)"/.exec(svg)!;
    const [, width, height] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!;
    expect(Number(cx)).toBeGreaterThan(Number(width) / 2); // Centrum is the eastern square
    expect(Number(cy)).toBeLessThan(Number(height));
  });
});

describe('a report without a map', async () => {
  const collect = collector();
  const { model } = await collect([{ name: 'a.csv', content: 'Datum;Område;Kategori\n2024-04-16;Centrum;brand\n' }]);

  it('has no map in the model and no map page, and renders the rest', async () => {
    expect(model.map).toBeNull();
    const { html } = await renderHtml(model);
    expect(html).not.toContain('class="maps');
    expect(html).not.toContain('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 680');
    expect(html).toContain('Händelser per område');
  });
});
