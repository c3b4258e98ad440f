/**
 * Small multiples: a tiny weekday × hour strip per focus place, so that its
 * "when" is seen as well as read. A grey scale of the place's own counts, the
 * cells of its clusters outlined; only the focus places are drawn, so the size
 * is bounded by the list, not by the areas of the exports.
 */
import { escapeXml } from './charts.js';

const CELL = 4;
const LEFT = 15;
const TOP = 6;

export interface StripCluster {
  weekdays: readonly number[];
  hours: readonly [number, number];
}

/** `weekdays`: the short names, Monday first; `title`: what a screen reader says of it. */
export function stripSvg(grid: readonly (readonly number[])[], clusters: readonly StripCluster[], weekdays: readonly string[], title: string): string {
  const max = Math.max(0, ...grid.flat());
  const parts: string[] = [];
  for (const h of [0, 6, 12, 18]) parts.push(`<text x="${LEFT + h * CELL}" y="${TOP - 1.2}" class="axis">${String(h).padStart(2, '0')}</text>`);
  grid.forEach((row, d) => {
    const y = TOP + d * CELL;
    // Every other weekday named: at this size seven names would run into each other.
    if (d % 2 === 0) parts.push(`<text x="${LEFT - 1.5}" y="${y + CELL + 0.6}" class="axis" text-anchor="end">${escapeXml(weekdays[d] ?? '')}</text>`);
    row.forEach((count, h) => {
      const grey = max > 0 && count > 0 ? Math.round(225 - (count / max) * 205) : 255;
      parts.push(`<rect x="${LEFT + h * CELL}" y="${y}" width="${CELL}" height="${CELL}" fill="rgb(${grey},${grey},${grey})" stroke="#ccc" stroke-width="0.25"/>`);
    });
  });
  for (const c of clusters) for (const box of boxesOf(c)) parts.push(`<rect x="${LEFT + box.x * CELL}" y="${TOP + box.y * CELL}" width="${box.w * CELL}" height="${CELL}" fill="none" stroke="#000" stroke-width="0.7"/>`);
  const width = LEFT + 24 * CELL + 1;
  const height = TOP + 7 * CELL + 1;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width * 1.2}" height="${height * 1.2}" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title><style>.axis{font:4.2px 'Source Sans 3',sans-serif;fill:#333}</style>${parts.join('')}</svg>`
  );
}

/** A cluster's outline, a row at a time: a run across midnight is two boxes, the early hours on the next day's row. */
function boxesOf({ weekdays, hours: [from, to] }: StripCluster): { x: number; y: number; w: number }[] {
  return weekdays.flatMap((d) => (to > from ? [{ x: from, y: d, w: to - from }] : [{ x: from, y: d, w: 24 - from }, { x: 0, y: (d + 1) % 7, w: to }]).filter((b) => b.w > 0));
}
