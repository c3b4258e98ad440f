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
