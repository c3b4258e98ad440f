/**
 * Maps as inline SVG strings, drawn from the report model's areas in SWEREF 99
 * TM: a choropleth of incidents per area, a map of the change against the
 * previous window, and a point map per serious category. d3-geo fits the planar
 * grid to the page and makes the paths; no script, tiles or requests. Shades
 * are ordered light to dark and the numbers are written in, so a map reads in
 * black and white too; rises beyond chance are hatched as well as red.
 */
import { geoIdentity, geoPath, type GeoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import polylabel from 'polylabel';
import type { MapAreaCount, MapSummary, SwerefPosition } from '../model/report.js';
import { escapeXml } from './charts.js';
import { NOT_GIVEN } from './format.js';
import { cutName } from './long-names.js';

export interface MapWords {
  title: string;
  /** Legend heading, e.g. "Händelser under perioden". */
  legend: string;
  none: string;
  /** The change map's legend: a rise or fall beyond chance, and ordinary movement. */
  rise: string;
  fall: string;
  same: string;
  metres: string;
  kilometres: string;
  signed: (n: number) => string;
  number: (n: number) => string;
}

interface Frame {
  width: number;
  height: number;
  path: GeoPath;
  projection: GeoProjection;
  features: Feature<MultiPolygon, { area: MapAreaCount }>[];
}

/** From light to dark: ordered by lightness, so that grey print keeps the order (after ColorBrewer's OrRd). */
export const COUNT_SHADES = ['#f4f4f4', '#fdd49e', '#fc8d59', '#d7301f', '#7f0000'];
/** A rise or fall beyond chance, and ordinary movement (ColorBrewer's RdBu ends, and the lightest grey). */
const CHANGE_SHADES = { fall: '#2166ac', ordinary: '#f4f4f4', rise: '#b2182b' } as const;

const LEGEND_HEIGHT = 44;
/** The longest name a map's label shows, in characters. */
export const MAP_LABEL = 28;

function frame(map: MapSummary, width: number, maxHeight: number): Frame {
  const features = map.areas.map((area) => ({
    type: 'Feature' as const,
    properties: { area },
    geometry: { type: 'MultiPolygon' as const, coordinates: area.polygons },
  }));
  const collection: FeatureCollection<MultiPolygon, { area: MapAreaCount }> = { type: 'FeatureCollection', features };
  // The grid is planar already: identity, with north up (SVG's y runs down).
  const probe = geoIdentity().reflectY(true).fitExtent([[10, 10], [width - 10, 1e6]], collection); // as wide as the page allows
  const [[, y0], [, y1]] = geoPath(probe).bounds(collection);
  const height = Math.min(maxHeight, Math.ceil(y1 - y0 + 20));
  const projection = geoIdentity().reflectY(true).fitExtent([[10, 10], [width - 10, height - 10]], collection) as unknown as GeoProjection;
  return { width, height, path: geoPath(projection).digits(1), projection, features };
}

/** Class limits for counts: none, then up to four equal steps to the largest. */
export function countClasses(max: number): { from: number; to: number }[] {
  if (max <= 0) return [{ from: 0, to: 0 }];
  const step = Math.max(1, Math.ceil(max / 4));
  const classes = [{ from: 0, to: 0 }];
  for (let from = 1; from <= max; from += step) classes.push({ from, to: Math.min(max, from + step - 1) });
  return classes;
}

export function choroplethSvg(map: MapSummary, words: MapWords, width = 680, maxHeight = 330): string {
  const f = frame(map, width, maxHeight);
  const classes = countClasses(Math.max(0, ...map.areas.map((a) => a.count)));
  const shade = (count: number) => classes.findIndex((c) => count >= c.from && count <= c.to);
  const parts = f.features.map((feature) => {
    const i = Math.max(0, shade(feature.properties.area.count));
    return areaPath(f, feature, COUNT_SHADES[i]!);
  });
  for (const feature of f.features) {
    const { area } = feature.properties;
    const dark = shade(area.count) >= 3;
    parts.push(label(f, feature, area.name, words.number(area.count), dark));
  }
  parts.push(scaleBar(f, words));
  const legend = classes.map((c, i) => ({ fill: COUNT_SHADES[i]!, text: c.to === 0 ? words.none : c.from === c.to ? words.number(c.from) : `${words.number(c.from)}–${words.number(c.to)}` }));
  parts.push(legendRow(f, words.legend, legend));
  return svg(f.width, f.height + LEGEND_HEIGHT, parts, words.title);
}

/** Whether an area's count rose or fell beyond chance (the report's signals), or null. */
export type AreaSignal = (area: string) => 'rise' | 'fall' | null;

/**
 * The change against the previous window, written in each area; only an area whose count rose or
 * fell beyond chance is coloured (red and hatched, or blue), as in the tables, so that ordinary
 * movement is not read as a signal.
 */
export function changeMapSvg(map: MapSummary, words: MapWords, signalOf: AreaSignal = () => null, width = 680, maxHeight = 330): string {
  const f = frame(map, width, maxHeight);
  const parts = [
    // Rises hatched as well as red, so that a rise and a fall of the same shade of grey differ on paper.
    '<defs><pattern id="map-rise" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="7" stroke="#000" stroke-width="1.2" stroke-opacity="0.55"/></pattern></defs>',
  ];
  for (const feature of f.features) {
    const { area } = feature.properties;
    // No change is drawn where the windows are not compared (exports that do not cover them in full).
    const cls = area.change === null ? undefined : (signalOf(area.name) ?? 'ordinary');
    parts.push(areaPath(f, feature, cls ? CHANGE_SHADES[cls] : '#ffffff'));
    if (cls === 'rise') parts.push(`<path d="${f.path(feature)}" fill="url(#map-rise)" fill-rule="evenodd" stroke="none"/>`);
  }
  for (const feature of f.features) {
    const { area } = feature.properties;
    // The embedded typeface has no →: now and (before), as in the area × category table.
    const before = area.previous === null ? NOT_GIVEN : words.number(area.previous);
    parts.push(label(f, feature, area.name, area.change === null ? NOT_GIVEN : words.signed(area.change), false, `${words.number(area.count)} (${before})`));
  }
  parts.push(scaleBar(f, words));
  const legend: { fill: string; text: string; hatch?: boolean }[] = [
    { fill: CHANGE_SHADES.rise, text: words.rise, hatch: true },
    { fill: CHANGE_SHADES.ordinary, text: words.same },
    { fill: CHANGE_SHADES.fall, text: words.fall },
  ];
  parts.push(legendRow(f, words.legend, legend));
  return svg(f.width, f.height + LEGEND_HEIGHT, parts, words.title);
}

/** The areas in grey, the category's incidents of the window as black dots ringed in white. */
export function pointMapSvg(map: MapSummary, category: string, words: MapWords, width = 340, maxHeight = 300): string {
  const f = frame(map, width, maxHeight);
  const parts = f.features.map((feature) => areaPath(f, feature, '#ececec', '#8c8c8c'));
  for (const feature of f.features) parts.push(label(f, feature, feature.properties.area.name, undefined, false, undefined, 7.5));
  const points = map.points.filter((p) => p.category === category);
  for (const p of points) {
    const [x, y] = f.projection(p.position) ?? [NaN, NaN];
    if (Number.isFinite(x) && Number.isFinite(y)) parts.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3.6" fill="#000" stroke="#fff" stroke-width="1.2"/>`);
  }
  parts.push(scaleBar(f, words, 7));
  return svg(f.width, f.height, parts, `${words.title}: ${category}`);
}

function areaPath(f: Frame, feature: Frame['features'][number], fill: string, stroke = '#333'): string {
  return `<path d="${f.path(feature)}" fill="${fill}" fill-rule="evenodd" stroke="${stroke}" stroke-width="0.9" stroke-linejoin="round"/>`;
}

/** Name and figure at the point deepest inside the area's largest polygon, so that a bent area keeps its label inside. */
function label(f: Frame, feature: Frame['features'][number], name: string, figure: string | undefined, dark: boolean, note?: string, size = 9.5): string {
  const [x, y] = labelPoint(f, feature.properties.area);
  const fill = dark ? '#fff' : '#000';
  const top = figure === undefined ? y + 3 : note === undefined ? y - 2 : y - 8;
  // A label cannot wrap: a long name is cut, whole in the tables and the JSON.
  const lines: { text: string; y: number; size: number; bold?: boolean }[] = [{ text: cutName(name, MAP_LABEL), y: top, size }];
  if (figure !== undefined) lines.push({ text: figure, y: top + 13, size: 12, bold: true });
  if (note !== undefined) lines.push({ text: note, y: top + 24, size: 8.5 });
  // A pale box behind the words on a light or hatched area, so they read on any shade. (A stroked halo would print every word twice in the PDF's text.)
  let out = '';
  if (!dark) {
    const width = Math.max(...lines.map((l) => l.text.length * l.size * 0.52)) + 6;
    const height = lines[lines.length - 1]!.y - top + size + 5;
    out += `<rect x="${(x - width / 2).toFixed(1)}" y="${(top - size - 1).toFixed(1)}" width="${width.toFixed(1)}" height="${height.toFixed(1)}" rx="2" fill="#fff" fill-opacity="0.72"/>`;
  }
  for (const l of lines) out += `<text x="${x}" y="${l.y}" text-anchor="middle" font-size="${l.size}"${l.bold ? ' font-weight="bold"' : ''} fill="${fill}">${escapeXml(l.text)}</text>`;
  return out;
}

function labelPoint(f: Frame, area: MapAreaCount): [number, number] {
  let best: { polygon: [number, number][][]; size: number } | undefined;
  for (const polygon of area.polygons) {
    const projected = polygon.map((ring) => ring.map((p) => f.projection(p as SwerefPosition) ?? ([0, 0] as [number, number])));
    const size = Math.abs(ringArea(projected[0] ?? []));
    if (!best || size > best.size) best = { polygon: projected, size };
  }
  if (!best) return [0, 0];
  const [x, y] = polylabel(best.polygon, 1);
  return [Math.round(x! * 10) / 10, Math.round(y! * 10) / 10];
}

function ringArea(ring: [number, number][]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0]! + ring[i]![0]!) * (ring[j]![1]! - ring[i]![1]!);
  return sum / 2;
}

/** A bar of a round length, about a fifth of the map's width: the grid is in metres, so one factor converts. */
function scaleBar(f: Frame, words: MapWords, size = 8): string {
  const pixelsPerMetre = f.projection.scale();
  const target = f.width / 5 / pixelsPerMetre;
  const length = [50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 50_000].reduce((best, l) => (Math.abs(l - target) < Math.abs(best - target) ? l : best));
  const w = length * pixelsPerMetre;
  const x = 10;
  const y = f.height - 8;
  const text = length >= 1000 ? `${words.number(length / 1000)} ${words.kilometres}` : `${words.number(length)} ${words.metres}`;
  return (
    `<g class="scale"><rect x="${x}" y="${y - 4}" width="${(w / 2).toFixed(1)}" height="4" fill="#000"/><rect x="${(x + w / 2).toFixed(1)}" y="${y - 4}" width="${(w / 2).toFixed(1)}" height="4" fill="#fff" stroke="#000" stroke-width="0.6"/>` +
    `<text x="${(x + w + 4).toFixed(1)}" y="${y}" font-size="${size}">${escapeXml(text)}</text>` +
    `<text x="${f.width - 14}" y="${f.height - 8}" font-size="${size + 2}" font-weight="bold" text-anchor="middle">N</text>` +
    `<path d="M${f.width - 14} ${f.height - 32} l-4 10 h8 z" fill="#000"/></g>`
  );
}

function legendRow(f: Frame, heading: string, entries: { fill: string; text: string; hatch?: boolean }[]): string {
  const y = f.height + 8;
  const parts = [`<text x="10" y="${y + 8}" font-size="9" font-weight="bold">${escapeXml(heading)}</text>`];
  const step = Math.min(130, (f.width - 20) / entries.length);
  entries.forEach((e, i) => {
    const x = 10 + i * step;
    parts.push(`<rect x="${x}" y="${y + 16}" width="18" height="12" fill="${e.fill}" stroke="#333" stroke-width="0.6"/>`);
    if (e.hatch) parts.push(`<rect x="${x}" y="${y + 16}" width="18" height="12" fill="url(#map-rise)" stroke="none"/>`);
    parts.push(`<text x="${x + 23}" y="${y + 26}" font-size="9">${escapeXml(e.text)}</text>`);
  });
  return parts.join('');
}

function svg(width: number, height: number, parts: string[], title: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeXml(title)}" class="map">` +
    `<title>${escapeXml(title)}</title>` +
    `<style>text{font-family:'Source Sans 3',sans-serif}</style>` +
    parts.join('') +
    '</svg>'
  );
}
