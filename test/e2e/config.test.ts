/** Which config a run uses, what its log says of it, and what a coordinator sees when the config is wrong. */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
const NOW = '2024-04-30T06:00';
const INCIDENTS = join(ROOT, 'fixtures/incidents-kommun.csv');

/** A folder in the test's temporary one; a `.git` in it bounds a search, so that none goes on to what other tests leave in /tmp. */
function folder(...path: string[]): string {
  const dir = join(tmp.dir, ...path);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A set-up whose config names its exports, notes and output folder relative to itself. */
function setUp(name: string): string {
  const dir = folder(name);
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'exporter', '2024'), { recursive: true });
  for (const f of ['incidents-kommun.csv', 'patrols-vaktbolag.csv']) copyFileSync(join(ROOT, 'fixtures', f), join(dir, 'exporter', f));
  writeFileSync(join(dir, 'bedomning.md'), '## Bedömning\n\nLugnt.\n');
  writeFileSync(
    join(dir, 'lagesbild.config.yaml'),
    'municipality: Uppåt kommun\nperiod:\n  anchor: 2024-04-01\ninputs:\n  incidents: [exporter/incidents-*.csv]\n  patrols: [exporter/patrols-*.csv]\n  notes: bedomning.md\noutput:\n  dir: rapporter\n',
  );
  return dir;
}

describe('the config a run uses', () => {
  it('is found in a folder above the working one, and what it names is found beside it', async () => {
    const dir = setUp('uppat');
    const r = await runCli(['generate', '--now', NOW, '--format', 'json'], { cwd: join(dir, 'exporter', '2024') });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(`config: ${join(dir, 'lagesbild.config.yaml')}`);
    expect(readdirSync(join(dir, 'rapporter'))).toEqual(['lagesbild-2024-v16-v17.json']);
    const model = JSON.parse(readFileSync(join(dir, 'rapporter', 'lagesbild-2024-v16-v17.json'), 'utf8'));
    expect(model.meta.municipality).toBe('Uppåt kommun');
    expect(model.inputs.map((i: { file: string }) => i.file)).toEqual(['exporter/incidents-kommun.csv', 'exporter/patrols-vaktbolag.csv']);
    expect(model.assessment).toMatchObject({ source: 'bedomning.md' });
  });

  it('is the one LAGESBILD_CONFIG names, over one the search would find; --config is over both', async () => {
    const dir = setUp('miljo');
    const other = folder('miljo-annan');
    writeFileSync(join(other, 'lagesbild.config.json'), '{"municipality": "Fel kommun"}');
    const config = join(dir, 'lagesbild.config.yaml');
    const r = await runCli(['validate', '--now', NOW], { cwd: other, env: { LAGESBILD_CONFIG: config } });
    expect(r.stderr).toBe(`config: ${config} (from LAGESBILD_CONFIG)\n`);
    expect(r.stdout).toContain('exporter/incidents-kommun.csv (incidents)');
    const given = await runCli(['validate', '--config', 'lagesbild.config.json', '-i', INCIDENTS, '--from', '2024-04-15'], { cwd: other, env: { LAGESBILD_CONFIG: config } });
    expect(given.stderr).toBe('config: lagesbild.config.json\n');
  });

  it('is an error, exit 3, when LAGESBILD_CONFIG names a file that is not there', async () => {
    const missing = join(tmp.dir, 'saknas', 'lagesbild.config.yaml');
    const r = await runCli(['generate', '-i', INCIDENTS, '--from', '2024-04-15', '--format', 'json', '-o', '-'], { cwd: tmp.dir, env: { LAGESBILD_CONFIG: missing } });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`error: ${missing}: cannot read the config file that LAGESBILD_CONFIG names (no such file)\n`);
  });

  it('is none when no folder up to the repository\'s root has one: the log says where it looked', async () => {
    const root = folder('utan');
    mkdirSync(join(root, '.git'));
    const cwd = folder('utan', 'undermapp');
    const r = await runCli(['validate', '-i', INCIDENTS, '--from', '2024-04-15'], { cwd });
    expect(r.code).toBe(1); // the fixture's rejected rows
    expect(r.stderr).toBe(`no config found (looked in ${cwd}, ${root}); using the defaults\n`);
    const json = await runCli(['validate', '-i', INCIDENTS, '--from', '2024-04-15', '--log-format', 'json'], { cwd });
    expect(JSON.parse(json.stderr)).toMatchObject({ level: 'info', message: `no config found (looked in ${cwd}, ${root}); using the defaults`, config: null });
    const quiet = await runCli(['validate', '-i', INCIDENTS, '--from', '2024-04-15', '--quiet'], { cwd });
    expect(quiet.stderr).toBe('');
  });
});

describe('a config that is wrong', () => {
  const run = (cwd: string) => runCli(['generate', '-i', INCIDENTS, '--from', '2024-04-15', '--format', 'json', '-o', '-'], { cwd });

  it('names the line and column of a JSON syntax error, exit 3', async () => {
    const dir = folder('json-fel');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'lagesbild.config.json'), '{\n  "municipality": "Strandviks kommun",\n  "period": { "days": 14, },\n}\n');
    const r = await run(dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`error: ${join(dir, 'lagesbild.config.json')}:3:25: not valid JSON: a "," before "}": JSON has none after the last entry\n`);
  });

  it('names the line and column of a YAML syntax error, exit 3', async () => {
    const dir = folder('yaml-fel');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'lagesbild.config.yaml'), 'municipality: Strandviks kommun\nperiod:\n  days: [14\n');
    const r = await run(dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`error: ${join(dir, 'lagesbild.config.yaml')}:4:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\n`);
  });

  it('says which key was meant by one misspelt, and which keys may stand there, exit 3', async () => {
    const dir = folder('nyckel-fel');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'lagesbild.config.yaml'), 'municipality: Strandviks kommun\noutput:\n  dir: rapporter\n  nmae: "{weeks}.pdf"\n');
    const r = await run(dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`error: ${join(dir, 'lagesbild.config.yaml')}:4:3: unknown key "output.nmae"; did you mean "output.name"? valid keys here: dir, name, mode, lockWait, lockStale\n`);
  });
});
