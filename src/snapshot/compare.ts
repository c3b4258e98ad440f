/** What differs between an expected output and the one made now, in a few lines a person can act on. */
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export interface TextDifference {
  line: number;
  expected: string;
  actual: string;
}

/** The first line that differs, or undefined when the texts are the same. */
export function firstDifferentLine(expected: string, actual: string): TextDifference | undefined {
  if (expected === actual) return undefined;
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return { line: i + 1, expected: clip(a[i]), actual: clip(b[i]) };
  }
  return undefined;
}

/** The JSON paths whose values differ, at most `limit` of them. */
export function jsonDifferences(expected: unknown, actual: unknown, limit = 10): string[] {
  const found: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (found.length >= limit) return;
    if (a === b) return;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
      found.push(`${path || '(top)'}: expected ${clip(JSON.stringify(a))}, got ${clip(JSON.stringify(b))}`);
      return;
    }
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
  };
  walk(expected, actual, '');
  return found;
}

export interface ImageComparison {
  /** Pixels that differ beyond the colour threshold (anti-aliasing aside). */
  differing: number;
  total: number;
  /** The page drawn pale, the changed pixels red in a magenta frame; undefined when the sizes differ. */
  diff: Buffer | undefined;
  sizeChanged: boolean;
}

/** undefined when the expected file is not a PNG image. */
export function compareImages(expected: Buffer, actual: Buffer, { threshold = 0.1 } = {}): ImageComparison | undefined {
  let a: PNG;
  try {
    a = PNG.sync.read(expected);
  } catch {
    return undefined;
  }
  const b = PNG.sync.read(actual);
  if (a.width !== b.width || a.height !== b.height) return { differing: Math.max(a.width * a.height, b.width * b.height), total: a.width * a.height, diff: undefined, sizeChanged: true };
  const out = new PNG({ width: a.width, height: a.height });
  const differing = pixelmatch(a.data, b.data, out.data, a.width, a.height, { threshold, includeAA: false, diffColor: RED });
  if (differing > 0) frameDifferences(out);
  return { differing, total: a.width * a.height, diff: PNG.sync.write(out), sizeChanged: false };
}

const RED: [number, number, number] = [255, 0, 0];
const MAGENTA: [number, number, number] = [255, 0, 255];

/** A frame around the changed pixels: a changed character is a few pixels, easy to miss on a whole page. */
function frameDifferences(png: PNG): void {
  const { width, height, data } = png;
  let [left, top, right, bottom] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (data[i] !== RED[0] || data[i + 1] !== RED[1] || data[i + 2] !== RED[2]) continue;
      [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
    }
  }
  const pad = 6;
  [left, top, right, bottom] = [Math.max(0, left - pad), Math.max(0, top - pad), Math.min(width - 1, right + pad), Math.min(height - 1, bottom + pad)];
  const paint = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    [data[i], data[i + 1], data[i + 2], data[i + 3]] = [...MAGENTA, 255];
  };
  for (let t = 0; t < 2; t++) {
    for (let x = left; x <= right; x++) (paint(x, Math.min(height - 1, top + t)), paint(x, Math.max(0, bottom - t)));
    for (let y = top; y <= bottom; y++) (paint(Math.min(width - 1, left + t), y), paint(Math.max(0, right - t), y));
  }
}

function clip(s: string | undefined, max = 160): string {
  if (s === undefined) return '(nothing)';
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
