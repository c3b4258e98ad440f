import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeLocation, findConfig } from '../../src/config/find.js';
import { loadConfig } from '../../src/config/load.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();

/** A folder tree under the temporary folder, made a git repository at its root so that no search leaves it. */
function tree(name: string, files: Record<string, string>): string {
  const root = join(tmp.dir, name);
  mkdirSync(join(root, '.git'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('finding the config', () => {
  it('takes the one in the working folder', () => {
    const root = tree('here', { 'lagesbild.config.yaml': 'municipality: Här\n' });
    expect(findConfig(undefined, root, { env: {} })).toEqual({ file: join(root, 'lagesbild.config.yaml'), source: 'found', searched: [root] });
  });

  it('looks in each folder above, and stops at the first that has one', () => {
    const root = tree('up', { 'lagesbild.config.json': '{}', 'kommun/lagesbild.config.yml': 'municipality: Kommun\n', 'kommun/exporter/2024/.keep': '' });
    const cwd = join(root, 'kommun/exporter/2024');
    expect(findConfig(undefined, cwd, { env: {} })).toEqual({
      file: join(root, 'kommun/lagesbild.config.yml'),
      source: 'found',
      searched: [cwd, join(root, 'kommun/exporter'), join(root, 'kommun')],
    });
  });

  it('stops at the root of a git repository, and says where it looked', () => {
    const outer = tree('outer', { 'lagesbild.config.json': '{}', 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/src/.keep': '' });
    const cwd = join(outer, 'repo/src');
    const found = findConfig(undefined, cwd, { env: {} });
    expect(found).toEqual({ file: null, source: 'none', searched: [cwd, join(outer, 'repo')] });
    expect(describeLocation(found)).toBe(`no config found (looked in ${cwd}, ${join(outer, 'repo')}); using the defaults`);
  });

  it('outside a repository looks up to the root of the file system', () => {
    const cwd = join(tmp.dir, 'bare', 'deep');
    mkdirSync(cwd, { recursive: true });
    const { searched, source } = findConfig(undefined, cwd, { env: {} });
    expect(source).toBe('none');
    expect(searched.slice(0, 3)).toEqual([cwd, join(tmp.dir, 'bare'), tmp.dir]);
    expect(searched).toContain(tmpdir());
    expect(searched.at(-1)).toBe('/');
  });

  it('takes LAGESBILD_CONFIG over the search, and --config over both; an empty one is none', () => {
    const root = tree('env', { 'lagesbild.config.json': '{}' });
    const env = { LAGESBILD_CONFIG: '/srv/lagesbild/kommun.yaml' };
    expect(findConfig(undefined, root, { env })).toEqual({ file: '/srv/lagesbild/kommun.yaml', source: 'environment', searched: [] });
    expect(findConfig('egen.json', root, { env })).toEqual({ file: 'egen.json', source: 'option', searched: [] });
    expect(findConfig(undefined, root, { env: { LAGESBILD_CONFIG: '' } }).source).toBe('found');
    expect(describeLocation(findConfig(undefined, root, { env }))).toBe('config: /srv/lagesbild/kommun.yaml (from LAGESBILD_CONFIG)');
  });

  it('for a test case: its own folder only, and no LAGESBILD_CONFIG', () => {
    const root = tree('case', { 'lagesbild.config.json': '{}', 'tests/exempel/case.yaml': '' });
    const cwd = join(root, 'tests/exempel');
    expect(findConfig(undefined, cwd, { env: { LAGESBILD_CONFIG: '/x.json' }, parents: false })).toEqual({ file: null, source: 'none', searched: [cwd] });
  });

  it('refuses a folder with two configs, which would be a guess', () => {
    const root = tree('two', { 'lagesbild.config.json': '{}', 'lagesbild.config.yaml': '' });
    expect(() => findConfig(undefined, root, { env: {} })).toThrow(`${root}: holds lagesbild.config.json and lagesbild.config.yaml: keep one, or say which with --config`);
  });

  it.runIf(process.getuid?.() === 0)('refuses a config found by looking that another user owns', () => {
    const root = tree('theirs', { 'lagesbild.config.json': '{"chromium": "/tmp/inte-chromium"}', 'mine/.keep': '' });
    chownSync(join(root, 'lagesbild.config.json'), 4242, 4242);
    expect(() => findConfig(undefined, join(root, 'mine'), { env: {} })).toThrow(
      `${join(root, 'lagesbild.config.json')}: owned by another user (uid 4242); a config found by looking is used only if it is yours: give it with --config to use it`,
    );
  });
});

describe('loading the config found', () => {
  it('says when LAGESBILD_CONFIG names a file that is not there', async () => {
    await expect(loadConfig(undefined, tmp.dir, { env: { LAGESBILD_CONFIG: join(tmp.dir, 'saknas.yaml') } })).rejects.toThrow(
      `${join(tmp.dir, 'saknas.yaml')}: cannot read the config file that LAGESBILD_CONFIG names (no such file)`,
    );
  });

  it('resolves the paths of a config found above against its own folder', async () => {
    const root = tree('paths', { 'lagesbild.config.yaml': 'template: mall\nmap:\n  areas: karta/omraden.geojson\n', 'exporter/.keep': '' });
    const { config, file } = await loadConfig(undefined, join(root, 'exporter'), { env: {} });
    expect(file).toBe(join(root, 'lagesbild.config.yaml'));
    expect([config.template, config.map?.areas]).toEqual([join(root, 'mall'), join(root, 'karta/omraden.geojson')]);
  });
});
