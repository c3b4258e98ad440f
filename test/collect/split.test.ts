/** Where a file is cut for reading on several threads: at record boundaries, the first part the share asked. */
import { closeSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitAtRecords } from '../../src/collect/split.js';
import { tempDir } from '../support/tmp.js';

async function cut(content: string, parts: number, share?: number) {
  const file = tempDir().write('x.csv', content);
  const fd = openSync(file, 'r');
  try {
    return await splitAtRecords({ fd, size: Buffer.byteLength(content) }, parts, share);
  } finally {
    closeSync(fd);
  }
}

const lines = (n: number) => Array.from({ length: n }, (_, i) => `row ${String(i).padStart(4, '0')};"a\nb"`).join('\n') + '\n';

describe('cutting a file at records', () => {
  it('gives equal parts by default, each starting a record, with its line', async () => {
    const text = lines(1000);
    const ranges = (await cut(text, 4))!;
    expect(ranges).toHaveLength(4);
    for (const r of ranges) expect(text.slice(r.start, r.start + 4)).toBe('row ');
    for (const r of ranges) expect(text.slice(0, r.start).split('\n').length).toBe(r.firstLine);
    const sizes = ranges.map((r) => r.end - r.start);
    for (const s of sizes) expect(Math.abs(s - text.length / 4)).toBeLessThan(40);
    expect(ranges.at(-1)!.end).toBe(text.length);
  });

  it('gives the first part the share asked of an equal part, the others the rest alike', async () => {
    const text = lines(2000);
    const ranges = (await cut(text, 3, 0.5))!;
    const sizes = ranges.map((r) => r.end - r.start);
    expect(Math.abs(sizes[0]! - text.length / 6)).toBeLessThan(40);
    expect(Math.abs(sizes[1]! - (text.length * 5) / 12)).toBeLessThan(40);
    expect(Math.abs(sizes[2]! - (text.length * 5) / 12)).toBeLessThan(40);
  });
});
