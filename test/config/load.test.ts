import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();

/** The message a config's text gives, or "ok". */
const message = (text: string, file = 'c.json') =>
  parseConfig(text, file).then(
    () => 'ok',
    (error: Error) => error.message,
  );

const TOP_KEYS =
  'language, municipality, recipient, marking, timezone, period, signals, focus, columns, dateOrder, encodings, seriousCategories, commitments, areaAliases, categoryAliases, inputs, refuseIncomplete, output, reports, chromium, redaction, renderTimeout, template, map';

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

  it('reads a file that starts with a byte-order mark, and counts no column for it', async () => {
    expect((await parseConfig('\uFEFF{"municipality": "Strandvik"}', 'c.json')).municipality).toBe('Strandvik');
    expect((await parseConfig('\uFEFFmunicipality: Strandvik\n', 'c.yaml')).municipality).toBe('Strandvik');
    expect(await message('\uFEFF{"perod": 1}')).toMatch(/^c\.json:1:2: unknown key "perod"/);
    expect(await message('\uFEFF{"municipality" 1}')).toBe('c.json:1:17: not valid JSON: expected ":" after the key "municipality", found "1"');
  });
});

describe('a JSON syntax error', () => {
  it('is named by line and column, in words of its own', async () => {
    expect(await message('{\n  "municipality": "Strandvik",\n  "period": {\n    "days": 14,\n  }\n}\n')).toBe(
      'c.json:4:15: not valid JSON: a "," before "}": JSON has none after the last entry',
    );
    expect(await message('{\n  "municipality": "Strandvik"\n  "period": {}\n}')).toBe('c.json:3:3: not valid JSON: expected "," or "}", found a string');
    expect(await message('{"municipality": ')).toBe('c.json:1:18: not valid JSON: expected a value, found the end of the file');
    expect(await message("{'municipality': 'Strandvik'}")).toBe('c.json:1:2: not valid JSON: expected a key in double quotes, found "\'"');
    expect(await message('{"municipality": Strandvik}')).toBe('c.json:1:18: not valid JSON: expected a value, found "Strandvik" (a string is written in double quotes)');
    expect(await message('{"municipality": "Strand\nvik"}')).toBe('c.json:1:18: not valid JSON: a string that is not closed on its line');
    expect(await message('{"period": {"days": 014}}')).toBe('c.json:1:21: not valid JSON: "014" is not a number JSON can read');
    expect(await message('{} {}')).toBe('c.json:1:4: not valid JSON: "{" after the end of the JSON');
    expect(await message('')).toBe('c.json:1:1: not valid JSON: the file is empty: a config with no settings is {}');
  });

  it('counts lines of a file written on Windows (CRLF) as an editor does', async () => {
    expect(await message('{\r\n  "a": 1,\r\n  "b": }\r\n')).toBe('c.json:3:8: not valid JSON: expected a value, found "}"');
  });
});

describe('a YAML syntax error', () => {
  it('is named by line and column', async () => {
    expect(await message('municipality: Strandvik\nperiod:\n  days: [14\n', 'c.yaml')).toBe(
      'c.yaml:4:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
    expect(await message('municipality: Strandvik: kommun\n', 'c.yaml')).toBe('c.yaml:1:15: not valid YAML: Nested mappings are not allowed in compact mappings');
    expect(await message('municipality: a\nmunicipality: b\n', 'c.yml')).toBe('c.yml:2:1: not valid YAML: Map keys must be unique');
  });
});

describe('an unknown key', () => {
  it('is named where it is written, with the key meant and the keys that may stand there', async () => {
    expect(await message('{\n  "perod": { "days": 14 }\n}')).toBe(`c.json:2:3: unknown key "perod"; did you mean "period"? valid keys here: ${TOP_KEYS}`);
    expect(await message('municipality: Strandvik\nperod:\n  days: 14\n', 'c.yaml')).toBe(`c.yaml:2:1: unknown key "perod"; did you mean "period"? valid keys here: ${TOP_KEYS}`);
  });

  it('is named by its whole path when it is nested', async () => {
    expect(await message('{\n  "output": {\n    "dir": "rapporter",\n    "nmae": "v{weeks}.pdf"\n  }\n}')).toBe(
      'c.json:4:5: unknown key "output.nmae"; did you mean "output.name"? valid keys here: dir, name, mode, lockWait, lockStale',
    );
    expect(await message('output:\n  dir: rapporter\n  nmae: v{weeks}.pdf\n', 'c.yaml')).toBe(
      'c.yaml:3:3: unknown key "output.nmae"; did you mean "output.name"? valid keys here: dir, name, mode, lockWait, lockStale',
    );
    expect(await message('{"reports": [{"name": "norr"}, {"name": "syd", "municipalty": "Syd"}]}')).toBe(
      'c.json:1:48: unknown key "reports.1.municipalty"; did you mean "reports.1.municipality"? valid keys here: name, municipality, recipient, marking, inputs',
    );
  });

  it('gets no guess when nothing is near, and the fields a column map may name', async () => {
    expect(await message('{"columns": {"incidents": {"omrade": "Plats"}}}')).toBe(
      'c.json:1:28: unknown key "columns.incidents.omrade"; valid keys here: datetime, date, time, area, category, id, description, source, address, flag, from, to, northing, easting, latitude, longitude',
    );
    expect(await message('dateorder: dmy\n', 'c.yaml')).toMatch(/^c\.yaml:1:1: unknown key "dateorder"; did you mean "dateOrder"\?/);
  });

  it('names every unknown key of an object, the first one\'s place, and goes before what it may have caused', async () => {
    expect(await message('perod: 1\nlangauge: sv\n', 'c.yaml')).toBe(
      `c.yaml:1:1: unknown keys "perod" (did you mean "period"?), "langauge" (did you mean "language"?); valid keys here: ${TOP_KEYS}`,
    );
    // "nmae" is why "name" seems missing: the misspelling is what to fix.
    expect(await message('{"reports": [{"nmae": "norr"}]}')).toMatch(/^c\.json:1:15: unknown key "reports\.0\.nmae"; did you mean "reports\.0\.name"\?/);
  });
});

describe('a wrong value', () => {
  it('is named by its key, and by where the value is', async () => {
    expect(await message('{"period": {"anchor": "2024-13-01"}}')).toBe('c.json:1:23: key "period.anchor": must be a date written YYYY-MM-DD');
    expect(await message('{"timezone": "Europe/Strandvik"}')).toBe('c.json:1:14: key "timezone": must be an IANA time zone such as "Europe/Stockholm"');
    expect(await message('period:\n  days: 0\n', 'c.yaml')).toBe('c.yaml:2:9: key "period.days": Too small: expected number to be >=1');
    expect(await message('{"encodings": {"skolans.logg.csv": "klingon"}}')).toBe(
      'c.json:1:36: key "encodings.skolans.logg.csv": is not an encoding lagesbild knows (e.g. utf-8, windows-1252, utf-16le)',
    );
  });

  it('that is missing is placed at the key above it', async () => {
    expect(await message('{\n  "map": { "crs": "EPSG:3006" }\n}')).toBe('c.json:2:3: key "map.areas": Invalid input: expected string, received undefined');
  });
});

describe('paths in a config', () => {
  it('are relative to the config file, wherever the command runs', async () => {
    const c = await parseConfig('{"template": "mall", "map": {"areas": "karta/omraden.geojson"}, "chromium": "bin/chromium"}', 'lagesbild.config.json', '/srv/kommun/lagesbild.config.json');
    expect([c.template, c.map?.areas, c.chromium]).toEqual(['/srv/kommun/mall', '/srv/kommun/karta/omraden.geojson', '/srv/kommun/bin/chromium']);
  });
});

describe('loading', () => {
  it('finds lagesbild.config.json in the working folder, and says when --config names a missing file', async () => {
    tmp.write('lagesbild.config.json', '{"municipality": "Hittad kommun"}');
    expect((await loadConfig(undefined, tmp.dir, { env: {} })).config.municipality).toBe('Hittad kommun');
    await expect(loadConfig(tmp.dir + '/saknas.json', tmp.dir)).rejects.toThrow(`${tmp.dir}/saknas.json: cannot read the config file (no such file)`);
  });

  it('reads a config given relative to the working folder, not to the process\'s', async () => {
    const dir = join(tmp.dir, 'relativ');
    mkdirSync(join(dir, 'mall'), { recursive: true });
    writeFileSync(join(dir, 'egen.yaml'), 'municipality: Relativ\ntemplate: mall\n');
    const loaded = await loadConfig('egen.yaml', dir);
    expect(loaded).toMatchObject({ file: 'egen.yaml', source: 'option', config: { municipality: 'Relativ', template: join(dir, 'mall') } });
  });
});
