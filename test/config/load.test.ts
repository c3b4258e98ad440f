import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();

describe('config', () => {
  it('fills in defaults', async () => {
    const c = await parseConfig('{}', 'c.json');
    expect(c).toMatchObject({ timezone: 'Europe/Stockholm', period: { anchor: '2024-01-01', days: 14 }, areaAliases: {}, columns: {} });
  });

  it('reads YAML as well as JSON', async () => {
    const c = await parseConfig('municipality: Strandviks kommun\nareaAliases:\n  Inre hamn: Inre hamnen\ncolumns:\n  incidents:\n    area: Stadsdel/zon\n', 'c.yaml');
    expect(c.municipality).toBe('Strandviks kommun');
    expect(c.areaAliases).toEqual({ 'Inre hamn': 'Inre hamnen' });
    expect(c.columns.incidents).toEqual({ area: 'Stadsdel/zon' });
  });

  it('names the key that is wrong', async () => {
    await expect(parseConfig('{"period": {"anchor": "2024-13-01"}}', 'c.json')).rejects.toThrow('c.json: key "period.anchor": must be a date written YYYY-MM-DD');
    await expect(parseConfig('{"timezone": "Europe/Strandvik"}', 'c.json')).rejects.toThrow('c.json: key "timezone": must be an IANA time zone');
    await expect(parseConfig('{"municipalty": "x"}', 'c.json')).rejects.toThrow('c.json: unknown key "municipalty"');
    await expect(parseConfig('{"columns": {"incidents": {"omrade": "Plats"}}}', 'c.json')).rejects.toThrow('c.json: unknown key "columns.incidents.omrade"');
    await expect(parseConfig('{"municipality": ', 'c.json')).rejects.toThrow(/c\.json: not valid JSON/);
  });

  it('finds lagesbild.config.json in the working directory, and says when --config names a missing file', async () => {
    tmp.write('lagesbild.config.json', '{"municipality": "Hittad kommun"}');
    expect((await loadConfig(undefined, tmp.dir)).config.municipality).toBe('Hittad kommun');
    await expect(loadConfig(tmp.dir + '/saknas.json', tmp.dir)).rejects.toThrow(/saknas\.json: cannot read the config file \(no such file\)/);
  });
});
