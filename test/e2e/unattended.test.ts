/** Runs with no person watching: cron, batches, two runs at once, a run stopped, reproducible files. */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { describe, expect, it } from 'vitest';
import { NO_CONFIG, ROOT, runCli, spawnCli } from '../support/cli.js';
import { pdfInfo, pdfPages } from '../support/pdf-text.js';
import { descendants, eventually } from '../support/processes.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const fixtureConfig = JSON.parse(readFileSync(join(ROOT, 'fixtures/lagesbild.config.json'), 'utf8'));

/** A set-up as a cron job has it: exports in a folder, a config that names them and the output folder. */
function setUp(name: string, extra: Record<string, unknown> = {}): string {
  const dir = join(tmp.dir, name);
  mkdirSync(join(dir, 'exporter'), { recursive: true });
  for (const f of ['incidents-kommun.csv', 'incidents-medborgare.csv', 'patrols-vaktbolag.csv', 'patrols-ronder-extra.csv']) copyFileSync(join(ROOT, 'fixtures', f), join(dir, 'exporter', f));
  copyFileSync(join(ROOT, 'fixtures', 'strandvik-omraden.geojson'), join(dir, 'strandvik-omraden.geojson')); // the map, beside the config that names it
  const config = {
    ...fixtureConfig,
    period: { anchor: '2024-04-01' },
    inputs: { incidents: ['exporter/incidents-*.csv'], patrols: ['exporter/patrols-*.csv'] },
    output: { dir: 'rapporter' },
    ...extra,
  };
  writeFileSync(join(dir, 'lagesbild.config.json'), JSON.stringify(config, null, 2));
  return dir;
}

// On 30 April 2024 the last complete fortnight on a cadence from 1 April is 15–28 April: v. 16–17.
const NOW = '2024-04-30T06:00';

describe('a cron job', () => {
  const dir = setUp('cron');
  const cron = ['generate', '--config', join(dir, 'lagesbild.config.json'), '--now', NOW];

  it('needs only the config: it picks the window, reads the exports the config names, and names the file by the period', async () => {
    const r = await runCli([...cron, '--log-format', 'json'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'rapporter'))).toEqual(['lagesbild-2024-v16-v17.pdf']);
    const lines = r.stderr.trim().split('\n').map((l) => JSON.parse(l));
    const wrote = lines.find((l) => l.message.startsWith('Wrote'));
    expect(wrote).toMatchObject({
      level: 'info',
      period: { start: '2024-04-15', end: '2024-04-28', weeks: [16, 17] },
      file: join(dir, 'rapporter', 'lagesbild-2024-v16-v17.pdf'),
      counts: { incidents: 75, patrolRounds: 67, rejected: 11, duplicates: expect.any(Number) },
    });
    expect(wrote.duration).toBeGreaterThan(0);
    expect(lines.filter((l) => l.level === 'warn').length).toBe(11); // one a rejected row, each with its file
  });

  it('does nothing, and says so, when run again for the same window; --force makes it again', async () => {
    const file = join(dir, 'rapporter', 'lagesbild-2024-v16-v17.pdf');
    const before = readFileSync(file);
    const again = await runCli([...cron, '--now', '2024-05-06T06:00'], { cwd: tmp.dir }); // a weekly cron line, a week later
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('lagesbild-2024-v16-v17.pdf exists already: nothing to do (--force makes it again)');
    expect(readFileSync(file).equals(before)).toBe(true);
    const forced = await runCli([...cron, '--force'], { cwd: tmp.dir });
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain(`Wrote ${join('cron', 'rapporter', 'lagesbild-2024-v16-v17.pdf')}`);
    expect(readdirSync(join(dir, 'rapporter'))).toEqual(['lagesbild-2024-v16-v17.pdf']);
  });

  it('names the exports in the report as the config does, wherever the command runs', async () => {
    const here = await runCli(['generate', '--config', join(dir, 'lagesbild.config.json'), '--now', NOW, '--format', 'json', '-o', '-', '-q'], { cwd: tmp.dir });
    const there = await runCli(['generate', '--config', 'lagesbild.config.json', '--now', NOW, '--format', 'json', '-o', '-', '-q'], { cwd: dir });
    expect(here.stdout).toBe(there.stdout);
    expect(JSON.parse(here.stdout).inputs.map((i: { file: string }) => i.file)).toEqual([
      'exporter/incidents-kommun.csv',
      'exporter/incidents-medborgare.csv',
      'exporter/patrols-ronder-extra.csv',
      'exporter/patrols-vaktbolag.csv',
    ]);
  });

  it('writes errors as JSON lines too, commander\'s included', async () => {
    const r = await runCli([...cron, '--log-format', 'json', '--bogus']);
    expect(r.code).toBe(4);
    expect(r.stderr.trim().split('\n').map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ level: 'error', message: "unknown option '--bogus'" })]);
    const missing = await runCli(['generate', '-i', 'saknas.csv', '--from', '2024-04-15', '--log-format', 'json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ level: 'info', message: NO_CONFIG.trim(), config: null }),
      expect.objectContaining({ level: 'error', message: 'saknas.csv: no such file' }),
    ]);
  });

  it('says which config key names exports that are missing', async () => {
    const missing = setUp('missing', { inputs: { incidents: ['exporter/inga-*.csv'] } });
    const r = await runCli(['generate', '--config', join(missing, 'lagesbild.config.json'), '--now', NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`config: ${join(missing, 'lagesbild.config.json')}\nerror: ${join(missing, 'exporter/inga-*.csv')}: no file matches this pattern (config key "inputs.incidents")\n`);
  });
});

describe('a batch', () => {
  it('makes one report per entry, each with its own exports and reader', async () => {
    const dir = setUp('batch', {
      reports: [
        { name: 'hamnen', recipient: 'Lokalpolisområde Hamnen', marking: 'TLP:AMBER', inputs: { incidents: ['exporter/incidents-kommun.csv'] } },
        { name: 'alla', recipient: 'Lokalpolisområde Strandvik' },
      ],
    });
    const r = await runCli(['generate', '--config', join(dir, 'lagesbild.config.json'), '--now', NOW, '--quiet']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'rapporter')).sort()).toEqual(['lagesbild-alla-2024-v16-v17.pdf', 'lagesbild-hamnen-2024-v16-v17.pdf']);
    const hamnen = await pdfPages(readFileSync(join(dir, 'rapporter', 'lagesbild-hamnen-2024-v16-v17.pdf')));
    const alla = await pdfPages(readFileSync(join(dir, 'rapporter', 'lagesbild-alla-2024-v16-v17.pdf')));
    expect(hamnen[0]).toContain('Till Lokalpolisområde Hamnen');
    expect(hamnen[0]).toContain('TLP:AMBER');
    expect(alla[0]).toContain('Till Lokalpolisområde Strandvik');
    expect(alla[0]).toMatch(/Händelser\s+75/);
    expect(hamnen[0]).not.toMatch(/Händelser\s+75/);
  });

  it('says a problem of the exports its reports share once, not once a report', async () => {
    const dir = setUp('batch-warnings', { reports: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] });
    const r = await runCli(['generate', '--config', join(dir, 'lagesbild.config.json'), '--now', NOW, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.includes('Tid: "25:61" is not a valid time of day'))).toHaveLength(1);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('Wrote '))).toHaveLength(3);
  });

  it('makes the other reports when one has no exports, and ends with that one\'s code', async () => {
    const dir = setUp('batch-missing', {
      reports: [
        { name: 'syd', inputs: { incidents: ['exporter/syd-*.csv'] } },
        { name: 'norr', inputs: { notes: 'exporter/anteckningar.md' } },
      ],
    });
    writeFileSync(join(dir, 'exporter/anteckningar.md'), '**Norr** lugnt.\n');
    const r = await runCli(['generate', '--config', join(dir, 'lagesbild.config.json'), '--now', NOW, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: report "syd": ${join(dir, 'exporter/syd-*.csv')}: no file matches this pattern (config key "reports.0.inputs.incidents")`);
    // The report that names only its notes reads the config's exports.
    const norr = JSON.parse(readFileSync(join(dir, 'rapporter', 'lagesbild-norr-2024-v16-v17.json'), 'utf8'));
    expect(norr.incidents.total).toBe(75);
    expect(norr.assessment).toEqual({ markdown: '**Norr** lugnt.\n', source: 'exporter/anteckningar.md' });
    const validate = await runCli(['validate', '--config', join(dir, 'lagesbild.config.json'), '--now', NOW]);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain('no file matches this pattern (config key "reports.0.inputs.incidents")');
  });

  it('validates the exports of every report of a batch', async () => {
    const dir = setUp('batch-validate', { inputs: undefined, reports: [{ name: 'a', inputs: { incidents: ['exporter/incidents-kommun.csv'] } }, { name: 'b', inputs: { incidents: ['exporter/incidents-medborgare.csv'], patrols: ['exporter/patrols-*.csv'] } }] });
    const r = await runCli(['validate', '--config', join(dir, 'lagesbild.config.json'), '--now', NOW, '--format', 'json']);
    expect(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file)).toEqual([
      'exporter/incidents-kommun.csv',
      'exporter/incidents-medborgare.csv',
      'exporter/patrols-ronder-extra.csv',
      'exporter/patrols-vaktbolag.csv',
    ]);
  });

  it('refuses a file name pattern that would give every report the same name', async () => {
    const dir = setUp('batch-name', { output: { dir: 'rapporter', name: 'lagesbild-{weeks}.pdf' }, reports: [{ name: 'a' }, { name: 'b' }] });
    const r = await runCli(['generate', '--config', join(dir, 'lagesbild.config.json'), '--now', NOW]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('key "output.name": must hold {report} when the config lists reports');
  });
});

describe('two runs at once', () => {
  it('do not corrupt each other: one writes, the other waits and then finds the report made', async () => {
    const dir = setUp('concurrent');
    const args = ['generate', '--config', join(dir, 'lagesbild.config.json'), '--now', NOW];
    const [a, b] = await Promise.all([runCli(args), runCli(args)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const said = a.stderr + b.stderr;
    expect(said.match(/Wrote /g)).toHaveLength(1);
    expect(said).toContain('exists already: nothing to do');
    const pages = await pdfPages(readFileSync(join(dir, 'rapporter', 'lagesbild-2024-v16-v17.pdf')));
    expect(pages[0]).toMatch(/Händelser\s+75/);
    expect(readdirSync(join(dir, 'rapporter'))).toEqual(['lagesbild-2024-v16-v17.pdf']);
  });

  it('gives up with its own exit code when the other run keeps the folder for longer than output.lockWait', async () => {
    const dir = setUp('locked', { output: { dir: 'rapporter', lockWait: 1 } });
    mkdirSync(join(dir, 'rapporter'));
    const release = await lockfile.lock(join(dir, 'rapporter'), { lockfilePath: join(dir, 'rapporter', '.lagesbild.lock'), realpath: false });
    try {
      const r = await runCli(['generate', '--config', join(dir, 'lagesbild.config.json'), '--now', NOW, '--format', 'json']);
      expect(r.code).toBe(8);
      expect(r.stderr).toContain('another lagesbild run is writing to this folder and has not finished after 1 s');
    } finally {
      await release();
    }
  });
});

describe('a run that is stopped', () => {
  it('leaves no half-written file, no temporary file and no browser', async () => {
    const dir = setUp('stopped');
    const child = spawnCli(['generate', '--config', join(dir, 'lagesbild.config.json'), '--now', NOW]);
    // Stop it while Chromium runs.
    const browserUp = await eventually(() => descendants(child.pid).some((p) => /chrom/i.test(p.command)), 20_000);
    expect(browserUp).toBe(true);
    const browsers = descendants(child.pid).map((p) => p.pid);
    child.kill('SIGTERM');
    const { code, signal, stderr } = await child.done;
    // It ended itself, after cleaning up, with the shell's code for SIGTERM.
    expect([code, signal]).toEqual([128 + 15, null]);
    expect(stderr).toContain('stopped by SIGTERM');
    const left = existsSync(join(dir, 'rapporter')) ? readdirSync(join(dir, 'rapporter')) : [];
    expect(left).toEqual([]);
    expect(await eventually(() => browsers.every((pid) => !existsSync(`/proc/${pid}`)))).toBe(true);
  });
});

describe('a run that was killed while writing', () => {
  it('has its temporary file removed by the next run into that folder, and only what is surely a dead run\'s', async () => {
    const dir = setUp('killed');
    const out = join(dir, 'rapporter');
    mkdirSync(out);
    const old = new Date(Date.now() - 5 * 60_000);
    const plant = (name: string, bytes: number, mtime?: Date) => {
      writeFileSync(join(out, name), Buffer.alloc(bytes, 0x25));
      if (mtime) utimesSync(join(out, name), mtime, mtime);
    };
    plant('.lagesbild-2024-v16-v17.json.0a1b2c3d4e5f.tmp', 2_500_000, old); // what kill -9 during the write leaves
    plant('.lagesbild-2024-v16-v17.json.ffffffffffff.tmp', 10); // just made: perhaps a live run's
    plant('.anteckningar.tmp', 10, old); // not a name lagesbild gives
    plant('utkast.json', 10, old);
    symlinkSync(join(dir, 'lagesbild.config.json'), join(out, '.lank.json.aaaaaaaaaaaa.tmp'));
    const r = await runCli(['generate', '--config', join(dir, 'lagesbild.config.json'), '--now', NOW, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`removed from ${out} the temporary file of a run that was killed while writing: .lagesbild-2024-v16-v17.json.0a1b2c3d4e5f.tmp (2.5 MB)\n`);
    expect(readdirSync(out).sort()).toEqual(['.anteckningar.tmp', '.lagesbild-2024-v16-v17.json.ffffffffffff.tmp', '.lank.json.aaaaaaaaaaaa.tmp', 'lagesbild-2024-v16-v17.json', 'utkast.json']);
    expect(existsSync(join(dir, 'lagesbild.config.json'))).toBe(true);
    // The report is the run's own, not the leftover bytes.
    expect(JSON.parse(readFileSync(join(out, 'lagesbild-2024-v16-v17.json'), 'utf8')).period.start).toBe('2024-04-15');
  });
});

describe('reproducible output', () => {
  it('gives the same bytes for the same inputs and --now or SOURCE_DATE_EPOCH, with the PDF dated by it', async () => {
    const dir = setUp('same');
    const base = ['generate', '--config', join(dir, 'lagesbild.config.json'), '--from', '2024-04-15', '--quiet', '--force'];
    const make = async (name: string, extra: string[], env: NodeJS.ProcessEnv = {}) => {
      const r = await runCli([...base, ...extra, '-o', join(dir, name)], { env });
      expect(r.code).toBe(0);
      return readFileSync(join(dir, name));
    };
    const epoch = String(Date.UTC(2024, 3, 30, 4, 0) / 1000); // 2024-04-30 06:00 in Stockholm
    const first = await make('a.pdf', ['--now', NOW]);
    const second = await make('b.pdf', [], { SOURCE_DATE_EPOCH: epoch });
    expect(second.equals(first)).toBe(true);
    const info = await pdfInfo(first);
    expect(info.CreationDate).toBe("D:20240430040000Z");
    expect(info.ModDate).toBe(info.CreationDate);
    expect((await make('a.html', ['--now', NOW])).equals(await make('b.html', ['--now', NOW]))).toBe(true);
    expect((await make('a.json', [])).equals(await make('b.json', []))).toBe(true);
  });
});
