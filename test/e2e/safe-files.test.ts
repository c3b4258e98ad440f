/** Reports are not public, inputs are evidence: modes, untouched inputs, and a marking that is never silently missing. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ARGS, ROOT, runCli } from '../support/cli.js';
import { pdfInfo, pdfPages } from '../support/pdf-text.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const INPUTS = ['incidents-kommun.csv', 'incidents-medborgare.csv', 'patrols-vaktbolag.csv', 'patrols-ronder-extra.csv', 'lagesbild.config.json'].map((f) => join(ROOT, 'fixtures', f));
const fingerprint = (file: string) => ({ sha: createHash('sha256').update(readFileSync(file)).digest('hex'), mtime: statSync(file).mtimeMs, mode: statSync(file).mode });

describe('files', () => {
  it('writes reports readable by their owner only, and leaves every input as it was', async () => {
    const before = INPUTS.map(fingerprint);
    const output = join(tmp.dir, 'r.json');
    // Even with a umask that would let everyone read it.
    await promisify(execFile)('/bin/sh', ['-c', `umask 000 && "$0" bin/lagesbild "$@"`, process.execPath, ...FIXTURE_ARGS, '--format', 'json', '-o', output, '-q'], { cwd: ROOT });
    expect(statSync(output).mode & 0o777).toBe(0o600);
    expect(INPUTS.map(fingerprint)).toEqual(before);
  });

  it('gives the mode the config asks for, and refuses one the owner cannot read', async () => {
    const config = tmp.write('mode.json', JSON.stringify({ output: { mode: '0640' } }));
    const output = join(tmp.dir, 'grupp.json');
    const r = await runCli(['generate', '-c', config, '-i', 'fixtures/incidents-kommun.csv', '--from', '2024-04-15', '-o', output, '-q']);
    expect(r.code).toBe(0);
    expect(statSync(output).mode & 0o777).toBe(0o640);
    const bad = tmp.write('bad-mode.json', JSON.stringify({ output: { mode: '0044' } }));
    const refused = await runCli(['generate', '-c', bad, '-i', 'fixtures/incidents-kommun.csv', '--from', '2024-04-15', '-o', '-']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toBe(`error: ${bad}:1:19: key "output.mode": must let the owner read and write the report\n`);
    const open = tmp.write('open-mode.json', JSON.stringify({ output: { mode: '0644' } }));
    const everyone = await runCli(['generate', '-c', open, '-i', 'fixtures/incidents-kommun.csv', '--from', '2024-04-15', '-o', '-']);
    expect(everyone.stderr).toBe(`error: ${open}:1:19: key "output.mode": must not let everyone read or write the report: a lägesbild is not public\n`);
  });
});

describe('the marking', () => {
  it('is on every page and in the PDF\'s keywords; without one, page one says there is none', async () => {
    const marked = join(tmp.dir, 'marked.pdf');
    expect((await runCli([...FIXTURE_ARGS, '-o', marked, '-q'])).code).toBe(0);
    const pages = await pdfPages(readFileSync(marked));
    for (const page of pages) expect(page).toContain('BEGRÄNSAD DELNING');
    expect((await pdfInfo(readFileSync(marked))).Keywords).toContain('Begränsad delning');

    const unmarked = join(tmp.dir, 'unmarked.pdf');
    expect((await runCli(['generate', '-i', 'fixtures/incidents-kommun.csv', '--from', '2024-04-15', '-o', unmarked, '-q'])).code).toBe(0);
    const [first, ...rest] = await pdfPages(readFileSync(unmarked));
    // In the running header, and in the title block.
    expect(first!.match(/Ingen märkning angiven/gi)).toHaveLength(2);
    for (const page of rest) expect(page).toMatch(/Ingen märkning angiven/i);
    expect((await pdfInfo(readFileSync(unmarked))).Keywords).toContain('Ingen märkning angiven');
  });
});
