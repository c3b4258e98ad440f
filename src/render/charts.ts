/**
 * Charts as inline SVG strings, made here from the report model: no script in
 * the page, nothing fetched, and readable in black and white (shades of grey
 * with the numbers written in).
 */
const WEEKDAYS = ['mån', 'tis', 'ons', 'tor', 'fre', 'lör', 'sön'];

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Weekday × hour: a grey scale from white (none) to near-black (the most), each count written in its cell.
 * Counts spread over a span are shares: `format` rounds them for the eye (one decimal), and a share that
 * rounds to nothing is shaded but not written.
 */
export function heatmapSvg(grid: readonly (readonly number[])[], weekdays: readonly string[] = WEEKDAYS, title = 'Händelser per veckodag och timme', format: (n: number) => string = oneDecimal): string {
  const cell = { w: 26, h: 20 };
  const left = 34;
  const top = 16;
  const max = Math.max(1, ...grid.flat());
  const parts: string[] = [];
  for (let h = 0; h < 24; h++) {
    parts.push(`<text x="${left + h * cell.w + cell.w / 2}" y="${top - 4}" class="axis" text-anchor="middle">${String(h).padStart(2, '0')}</text>`);
  }
  grid.forEach((row, d) => {
    const y = top + d * cell.h;
    parts.push(`<text x="${left - 4}" y="${y + cell.h / 2 + 3.5}" class="axis" text-anchor="end">${escapeXml(weekdays[d] ?? '')}</text>`);
    row.forEach((count, h) => {
      const x = left + h * cell.w;
      const level = count / max;
      const grey = Math.round(255 - level * 215);
      parts.push(`<rect x="${x}" y="${y}" width="${cell.w}" height="${cell.h}" fill="rgb(${grey},${grey},${grey})" stroke="#bbb" stroke-width="0.5"/>`);
      const label = format(count);
      if (count > 0 && label !== '0') {
        parts.push(`<text x="${x + cell.w / 2}" y="${y + cell.h / 2 + 3.5}" text-anchor="middle" class="cell" fill="${level > 0.55 ? '#fff' : '#000'}">${escapeXml(label)}</text>`);
      }
    });
  });
  const width = left + 24 * cell.w + 2;
  const height = top + 7 * cell.h + 2;
  return svg(width, height, parts, title);
}

const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);

/** Incidents per day of the window as a line with its points numbered; a day without a count (no export covers it) breaks the line and is marked –. */
export function dayLineSvg(days: readonly { date: string; count: number | null }[], title = 'Händelser per dag'): string {
  const width = 650;
  const height = 150;
  const pad = { left: 30, right: 10, top: 14, bottom: 24 };
  const max = Math.max(1, ...days.map((d) => d.count ?? 0));
  // The first point stands clear of the axis, so its label is not written over it.
  const inset = 14;
  const step = days.length > 1 ? (width - pad.left - pad.right - inset) / (days.length - 1) : 0;
  const x = (i: number) => pad.left + inset + i * step;
  const y = (n: number) => pad.top + (1 - n / max) * (height - pad.top - pad.bottom);
  const parts: string[] = [
    `<line x1="${pad.left}" y1="${y(0)}" x2="${width - pad.right}" y2="${y(0)}" stroke="#000" stroke-width="0.8"/>`,
    `<line x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${y(0)}" stroke="#000" stroke-width="0.8"/>`,
    `<text x="${pad.left - 4}" y="${y(max) + 3}" class="axis" text-anchor="end">${max}</text>`,
    `<text x="${pad.left - 4}" y="${y(0) + 3}" class="axis" text-anchor="end">0</text>`,
    ...runs(days).map((run) => `<polyline fill="none" stroke="#000" stroke-width="1.5" points="${run.map((i) => `${x(i)},${y(days[i]!.count!)}`).join(' ')}"/>`),
  ];
  days.forEach((d, i) => {
    const [, month, day] = d.date.split('-');
    if (d.count === null) parts.push(`<text x="${x(i)}" y="${y(0) - 5}" class="cell" text-anchor="middle" fill="#777">–</text>`);
    else {
      parts.push(`<circle cx="${x(i)}" cy="${y(d.count)}" r="2.5" fill="#000"/>`);
      parts.push(`<text x="${x(i)}" y="${y(d.count) - 5}" class="cell" text-anchor="middle">${d.count}</text>`);
    }
    parts.push(`<text x="${x(i)}" y="${height - 8}" class="axis" text-anchor="middle">${Number(day)}/${Number(month)}</text>`);
  });
  return svg(width, height, parts, title);
}

export interface TrendWords {
  title: string;
  now: string;
  lastYear: string;
  mean: string;
}

export interface Trend {
  /** Counts per window, newest first (index 0 = the report window); null where the exports do not cover the window. */
  counts: readonly (number | null)[];
  /** A label per window, newest first; written under every fourth window and the newest. */
  labels: readonly string[];
  /** The window of the same weeks last year among them, or -1. */
  lastYear: number;
  /** The baseline's mean, drawn as a dashed line; null without one. */
  mean: number | null;
}

/**
 * Counts per window over the last half-year or year, oldest left: a line broken
 * where a window is not covered (marked –), the report window a filled square
 * with its count, the same window last year a ring with its count, the baseline
 * a dashed line. `small`: a sparkline for a row of page 1, with no axis labels.
 */
export function trendSvg(trend: Trend, words: TrendWords, small = false): string {
  const n = trend.counts.length;
  const width = small ? 190 : 650;
  const height = small ? 34 : 112;
  const pad = small ? { left: 4, right: 22, top: 6, bottom: 4 } : { left: 30, right: 40, top: 22, bottom: 24 };
  const known = trend.counts.filter((c): c is number => c !== null);
  const max = Math.max(1, ...known, trend.mean ?? 0);
  const step = n > 1 ? (width - pad.left - pad.right) / (n - 1) : 0;
  // Newest first in the model, newest right on the page.
  const x = (i: number) => width - pad.right - i * step;
  const y = (c: number) => pad.top + (1 - c / max) * (height - pad.top - pad.bottom);
  const byX = [...trend.counts.keys()].reverse();
  const parts: string[] = [];
  if (!small) {
    parts.push(
      `<line x1="${pad.left}" y1="${y(0)}" x2="${width - pad.right}" y2="${y(0)}" stroke="#000" stroke-width="0.8"/>`,
      `<text x="${pad.left - 4}" y="${y(max) + 3}" class="axis" text-anchor="end">${max}</text>`,
      `<text x="${pad.left - 4}" y="${y(0) + 3}" class="axis" text-anchor="end">0</text>`,
    );
  }
  if (trend.mean !== null) {
    parts.push(`<line x1="${pad.left}" y1="${y(trend.mean).toFixed(1)}" x2="${width - pad.right}" y2="${y(trend.mean).toFixed(1)}" stroke="#777" stroke-width="0.8" stroke-dasharray="3 2"/>`);
    if (!small) parts.push(`<text x="${width - pad.right + 3}" y="${(y(trend.mean) + 3).toFixed(1)}" class="axis">${escapeXml(words.mean)}</text>`);
  }
  const line = (run: number[]) => `<polyline fill="none" stroke="#000" stroke-width="${small ? 1.1 : 1.4}" points="${run.map((i) => `${x(i).toFixed(1)},${y(trend.counts[i]!).toFixed(1)}`).join(' ')}"/>`;
  parts.push(...runs(byX.map((i) => ({ count: trend.counts[i]! }))).map((run) => line(run.map((j) => byX[j]!))));
  byX.forEach((i) => {
    const c = trend.counts[i]!;
    if (c === null) {
      if (!small) parts.push(`<text x="${x(i).toFixed(1)}" y="${(y(0) - 2).toFixed(1)}" class="cell" text-anchor="middle" fill="#777">–</text>`);
    } else if (!small && i !== 0 && i !== trend.lastYear) parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(c).toFixed(1)}" r="1.6" fill="#000"/>`);
    if (!small && (i % 4 === 0 || i === n - 1)) parts.push(`<text x="${x(i).toFixed(1)}" y="${height - 8}" class="axis" text-anchor="middle">${escapeXml(trend.labels[i] ?? '')}</text>`);
  });
  const lastYear = trend.lastYear >= 0 ? trend.counts[trend.lastYear] : null;
  if (lastYear !== null && lastYear !== undefined) {
    const [cx, cy] = [x(trend.lastYear), y(lastYear)];
    parts.push(`<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${small ? 2.4 : 3.4}" fill="#fff" stroke="#000" stroke-width="1.2"/>`);
    // Its label clear of the axis when last year is the oldest window, as with 26 fortnights.
    const anchor = cx < pad.left + 30 ? 'start' : 'middle';
    if (!small) parts.push(`<text x="${(anchor === 'start' ? cx - 3 : cx).toFixed(1)}" y="${(cy - 6).toFixed(1)}" class="cell" text-anchor="${anchor}">${escapeXml(words.lastYear)} ${lastYear}</text>`);
  }
  const now = trend.counts[0];
  if (now !== null && now !== undefined) {
    const s = small ? 2.4 : 3.4;
    parts.push(`<rect x="${(x(0) - s).toFixed(1)}" y="${(y(now) - s).toFixed(1)}" width="${2 * s}" height="${2 * s}" fill="#000"/>`);
    if (small) parts.push(`<text x="${(x(0) + s + 2).toFixed(1)}" y="${(y(now) + 3).toFixed(1)}" class="cell">${now}</text>`);
    else parts.push(`<text x="${(x(0) + s).toFixed(1)}" y="${(y(now) - 6).toFixed(1)}" class="cell" text-anchor="end" font-weight="bold">${escapeXml(words.now)} ${now}</text>`);
  }
  return svg(width, height, parts, words.title);
}

/** The indexes of the days with a count, in runs of consecutive days. */
function runs(days: readonly { count: number | null }[]): number[][] {
  const out: number[][] = [];
  days.forEach((d, i) => {
    if (d.count === null) return;
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === i - 1) last.push(i);
    else out.push([i]);
  });
  return out;
}

function svg(width: number, height: number, parts: string[], title: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title>` +
    `<style>.axis{font:8px 'Source Sans 3',sans-serif;fill:#333}.cell{font:8.5px 'Source Sans 3',sans-serif}</style>` +
    parts.join('') +
    '</svg>'
  );
}
