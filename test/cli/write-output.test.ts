import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutput } from '../../src/cli/write-output.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();

describe('writing the report', () => {
  it('creates the file readable by its owner only, and leaves no temporary file', async () => {
    const path = join(tmp.dir, 'a.json');
    await writeOutput(path, '{"a":1}', { force: false });
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(tmp.dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('never replaces an existing report without force', async () => {
    const path = tmp.write('b.pdf', 'the old report');
    await expect(writeOutput(path, 'new', { force: false })).rejects.toThrow(`${path}: exists already; use --force to replace it`);
    expect(readFileSync(path, 'utf8')).toBe('the old report');
    await writeOutput(path, 'new', { force: true });
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(tmp.dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('creates a missing folder, and says when the place cannot be written', async () => {
    await writeOutput(join(tmp.dir, 'ny-mapp', 'c.pdf'), 'x', { force: false });
    expect(readFileSync(join(tmp.dir, 'ny-mapp', 'c.pdf'), 'utf8')).toBe('x');
    const file = tmp.write('en-fil', '');
    await expect(writeOutput(join(file, 'd.pdf'), 'x', { force: false })).rejects.toThrow(/en-fil\/d\.pdf: cannot write the report: a part of the path is a file, not a folder/);
  });
});
