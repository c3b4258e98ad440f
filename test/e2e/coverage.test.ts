/**
 * Exports that do not cover the windows they are compared over: one not
 * refreshed (it ends 2 December, the window 13 December), and a six-week one
 * beside an old one. The real command, as a coordinator and a cron job run it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { pdfPages } from '../support/pdf-text.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();

/** Calendar days from one to another, inclusive. */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** A page's text with its line breaks as spaces: the PDF breaks lines where the page is full. */
const words = (text: string) => text.replace(/\s+/g, ' ');

const AREAS = ['Centrum', 'Inre hamnen', 'Stationsområdet', 'Skolan'];

/** An incident export with `perDay(day)` incidents a day, areas and categories in turn. */
function incidents(from: string, to: string, perDay: (day: string) => number, areas = AREAS): string {
  const rows = ['Datum;Tid;Område;Kategori;Ärendenummer'];
  let n = 0;
  for (const day of days(from, to)) {
    for (let i = 0; i < perDay(day); i++) {
      n++;
      rows.push(`${day};${String(8 + i).padStart(2, '0')}:15;${areas[n % areas.length]};${['skadegörelse', 'stöld', 'klotter'][n % 3]};K-${n}`);
    }
  }
  return rows.join('\n') + '\n';
}

/** Two rounds an evening. */
function patrols(from: string, to: string): string {
  return ['Starttid;Sluttid;Område;Väktare', ...days(from, to).flatMap((d) => [`${d} 20:00;${d} 20:45;Centrum;V1`, `${d} 22:00;${d} 22:45;Inre hamnen;V1`])].join('\n') + '\n';
}

/** A set-up in its own folder: the exports under exporter/, a config that names them. */
function setUp(name: string, files: Record<string, string>, config: Record<string, unknown>): string {
  const dir = join(tmp.dir, name);
  mkdirSync(join(dir, 'exporter'), { recursive: true });
  mkdirSync(join(dir, 'rapporter'));
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, 'exporter', file), content);
  writeFileSync(join(dir, 'lagesbild.config.json'), JSON.stringify({ output: { dir: 'rapporter' }, ...config }, null, 2));
  return dir;
}

// 61 incidents in the comparison window (16–29 November), 15 in the three days the export has of the window (30 November – 2 December).
const STALE = {
  'incidents-kommun.csv': incidents('2024-01-02', '2024-12-02', (d) => (d >= '2024-11-30' ? 5 : d >= '2024-11-16' && d <= '2024-11-20' ? 5 : 4)),
  'patrols-vaktbolag.csv': patrols('2024-10-01', '2024-12-02'),
};
const STALE_INPUTS = { incidents: ['exporter/incidents-kommun.csv'], patrols: ['exporter/patrols-vaktbolag.csv'] };
const INCIDENTS_LINE =
  'exporter/incidents-kommun.csv covers 2024-01-02 – 2024-12-02; the report window 2024-11-30 – 2024-12-13 is incomplete: no incident export covers 2024-12-03 – 2024-12-13';
const PATROLS_LINE =
  'exporter/patrols-vaktbolag.csv covers 2024-10-01 – 2024-12-02; the report window 2024-11-30 – 2024-12-13 is incomplete: no patrol log covers 2024-12-03 – 2024-12-13';

describe('an export that was not refreshed (it ends 2 December; the window ends 13 December)', async () => {
  const dir = setUp('stale', STALE, { inputs: STALE_INPUTS });
  const config = join(dir, 'lagesbild.config.json');
  const run = (...args: string[]) => runCli(['generate', '--config', config, '--from', '2024-11-30', ...args], { cwd: dir });
  const json = await run('--format', 'json', '-o', 'rapporter/r.json');
  const model = JSON.parse(readFileSync(join(dir, 'rapporter/r.json'), 'utf8'));

  it('writes the report (exit 0), saying once per export which file ends where and what is missing', () => {
    expect(json.code).toBe(0);
    expect(json.stderr).toBe(
      `config: ${config}\n` +
        `warning: ${INCIDENTS_LINE}\n` +
        `warning: ${PATROLS_LINE}\n` +
        'Wrote rapporter/r.json: lägesbild v. 48–50 (2024-11-30 – 2024-12-13), 15 incidents, 6 patrol rounds; the report window is incomplete (incidents, patrols): see the warnings\n',
    );
  });

  it('gives no fall of −75.4 %: the change, the risers and the classes are null, the previous count is there', () => {
    expect(model.incidents).toMatchObject({ total: 15, previousTotal: 61, change: null, changePercent: null });
    expect(model.incidents.byArea.every((a: { change: unknown; changePercent: unknown }) => a.change === null && a.changePercent === null)).toBe(true);
    expect(model.incidents.byCategory.map((c: { previous: number }) => c.previous).reduce((a: number, b: number) => a + b, 0)).toBe(61);
    expect(model.summary).toEqual({ risingAreas: [], risingCategories: [] });
    expect(model.patrols).toMatchObject({ total: 6, previousTotal: 28 });
    expect(model.period.coverage[0]).toEqual({
      start: '2024-11-30',
      end: '2024-12-13',
      complete: false,
      missing: [
        { kind: 'incidents', from: '2024-12-03', to: '2024-12-13' },
        { kind: 'patrols', from: '2024-12-03', to: '2024-12-13' },
      ],
    });
    expect(model.period.coverage.slice(1).every((w: { complete: boolean }) => w.complete)).toBe(true);
    expect(model.inputs.map((i: { covers: unknown }) => i.covers)).toEqual([
      { from: '2024-01-02', to: '2024-12-02', declared: false },
      { from: '2024-10-01', to: '2024-12-02', declared: false },
    ]);
    expect(model.hotspots).toMatchObject({ windowsWithData: 5, enoughHistory: false, noClassReason: 'report window incomplete' });
    expect(model.hotspots.areas.map((a: { history: unknown[]; class: unknown }) => [a.history[0], a.class])).toEqual([[null, null], [null, null], [null, null], [null, null]]);
    expect(model.timePatterns.byDay.slice(2, 4)).toEqual([{ date: '2024-12-02', count: 5 }, { date: '2024-12-03', count: null }]);
  });

  it('writes nothing with --strict (exit 1), and says why and which file ends where', async () => {
    const strict = await run('--strict', '-o', 'rapporter/strict.pdf');
    expect(strict.code).toBe(1);
    expect(existsSync(join(dir, 'rapporter/strict.pdf'))).toBe(false);
    expect(strict.stderr.split('\n').at(-2)).toBe(`error: no report written (--strict): the exports do not cover the report window in full: ${INCIDENTS_LINE}; ${PATROLS_LINE}`);
  });

  it('writes nothing for a cron job whose config says refuseIncomplete (exit 1), nor leaves a file behind', async () => {
    const cron = setUp('stale-cron', STALE, { inputs: STALE_INPUTS, refuseIncomplete: true, period: { anchor: '2024-11-30' } });
    const r = await runCli(['generate', '--config', join(cron, 'lagesbild.config.json'), '--now', '2024-12-16T06:15', '--log-format', 'json'], { cwd: cron });
    expect(r.code).toBe(1);
    expect(readdirSync(join(cron, 'rapporter'))).toEqual([]);
    const log = r.stderr.trim().split('\n').map((l) => JSON.parse(l));
    expect(log.map((l) => [l.level, l.message])).toEqual([
      ['info', `config: ${join(cron, 'lagesbild.config.json')}`],
      ['warn', INCIDENTS_LINE],
      ['warn', PATROLS_LINE],
      ['error', `no report written (refuseIncomplete in the config): the exports do not cover the report window in full: ${INCIDENTS_LINE}; ${PATROLS_LINE}`],
    ]);
    expect(log[1].file).toBe('exporter/incidents-kommun.csv');
  });

  it('takes an export as covering the days its config entry declares: then the fall is real and is shown', async () => {
    const declared = setUp('stale-declared', STALE, {
      inputs: { incidents: [{ file: 'exporter/incidents-kommun.csv', to: '2024-12-13' }], patrols: [{ file: 'exporter/patrols-vaktbolag.csv', from: '2024-10-01', to: '2024-12-13' }] },
    });
    const r = await runCli(['generate', '--config', join(declared, 'lagesbild.config.json'), '--from', '2024-11-30', '--strict', '--format', 'json', '-o', '-'], { cwd: declared });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('incomplete');
    const m = JSON.parse(r.stdout);
    expect(m.incidents).toMatchObject({ total: 15, previousTotal: 61, change: -46, changePercent: -75.4 });
    expect(m.inputs[0].covers).toEqual({ from: '2024-01-02', to: '2024-12-13', declared: true });
  });

  it('refuses a declared span that ends before it begins, naming the key', async () => {
    const wrong = setUp('stale-wrong', STALE, { inputs: { incidents: [{ file: 'exporter/incidents-kommun.csv', from: '2024-12-13', to: '2024-01-02' }] } });
    const r = await runCli(['generate', '--config', join(wrong, 'lagesbild.config.json'), '--from', '2024-11-30'], { cwd: wrong });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('key "inputs.incidents.0.to": "from" must not be after "to"');
  });

  it('says the same in validate, which still exits 0 as every row can be used', async () => {
    const v = await runCli(['validate', '--config', config, '--from', '2024-11-30'], { cwd: dir });
    expect(v.code).toBe(0);
    expect(v.stdout).toContain(`Incomplete windows:\n  ${INCIDENTS_LINE}\n  ${PATROLS_LINE}\n`);
    const j = JSON.parse((await runCli(['validate', '--config', config, '--from', '2024-11-30', '--format', 'json'], { cwd: dir })).stdout);
    expect(j.period.coverage[0].complete).toBe(false);
    expect(j.coverage).toEqual([
      { file: 'exporter/incidents-kommun.csv', message: INCIDENTS_LINE, compared: true },
      { file: 'exporter/patrols-vaktbolag.csv', message: PATROLS_LINE, compared: true },
    ]);
  });

  it('says on page 1 of the PDF, before any number, that the window is incomplete, and no change; in the appendix too', async () => {
    const pdf = await run('-o', 'rapporter/r.pdf');
    expect(pdf.code).toBe(0);
    const pages = await pdfPages(readFileSync(join(dir, 'rapporter/r.pdf')));
    const first = words(pages[0]!);
    expect(first).toContain(
      'Sammanfattning OFULLSTÄNDIGT UNDERLAG Exporterna täcker inte hela perioden. Antal som bygger på dem är för låga och jämförs inte med förra perioden. ' +
        'exporter/incidents-kommun.csv täcker 2 januari – 2 december 2024; perioden 30 november – 13 december 2024 är ofullständig: ingen händelseexport täcker 3–13 december 2024 ' +
        'exporter/patrols-vaktbolag.csv täcker 1 oktober – 2 december 2024; perioden 30 november – 13 december 2024 är ofullständig: ingen bevakningslogg täcker 3–13 december 2024 ' +
        'Händelser 15 jämförs inte: perioden är ofullständig Bevakningsrundor 6 4 h 30 min · jämförs inte: perioden är ofullständig',
    );
    expect(first.indexOf('OFULLSTÄNDIGT UNDERLAG')).toBeLessThan(first.indexOf('Händelser'));
    // No change is judged: page 1's signals say the window was not tested.
    expect(first).toContain('Förändringar utöver slumpen Ingen prövning: underlaget täcker inte hela perioden.');
    const all = words(pages.join('\n'));
    expect(all).not.toMatch(/75,4|−46/);
    expect(all).toContain('Underlaget täcker inte hela perioden: inget område får någon klass');
    expect(all).toMatch(/Vad exporterna täcker[\s\S]*perioden\s+30 november – 13 december 2024\s+nej\s+händelser: 3–13 december 2024; bevakning: 3–13 december 2024/);
  });

  it('says it in the English report too', async () => {
    const pdf = await run('--language', 'en', '-o', 'rapporter/en.pdf');
    expect(pdf.code).toBe(0);
    const first = words((await pdfPages(readFileSync(join(dir, 'rapporter/en.pdf'))))[0]!);
    expect(first).toContain('Summary INCOMPLETE EXPORTS The exports do not cover the whole period.');
    expect(first).toContain('exporter/incidents-kommun.csv covers 2 January – 2 December 2024; the report window 30 November – 13 December 2024 is incomplete: no incident export covers 3–13 December 2024');
    expect(first).toContain('Incidents 15 not compared: the period is incomplete');
  });
});

describe('a six-week export beside an old one', async () => {
  // Torget has 3 incidents a day throughout; between the exports, 5 February – 17 March, no export covers anything.
  const steady = () => 3;
  const dir = setUp('six-weeks', {
    'incidents-jan.csv': incidents('2024-01-08', '2024-02-04', steady, ['Torget']),
    'incidents-6v.csv': incidents('2024-03-18', '2024-04-28', steady, ['Torget']),
  }, { inputs: { incidents: ['exporter/incidents-*.csv'] } });
  const r = await runCli(['generate', '--config', join(dir, 'lagesbild.config.json'), '--from', '2024-04-15', '--format', 'json', '-o', '-'], { cwd: dir });
  const model = JSON.parse(r.stdout);

  it('gives no class from the windows between them: a steady area is persistent, not rising against zeros', () => {
    expect(r.code).toBe(0);
    expect(model.hotspots).toMatchObject({ windows: 6, windowsWithData: 3, enoughHistory: false, noClassReason: null });
    expect(model.hotspots.areas).toEqual([{ name: 'Torget', count: 42, share: 100, cumulativeShare: 100, core: true, history: [42, 42, 42, null, null, null], class: 'persistent' }]);
  });

  it('says it once per export, as information: the report and comparison windows are complete', () => {
    const gap = '3 older windows of the hot-spot history, 2024-02-05 – 2024-03-17, are incomplete: no incident export covers 2024-02-05 – 2024-03-17';
    expect(r.stderr).toContain(`\nexporter/incidents-6v.csv covers 2024-03-18 – 2024-04-28; ${gap}\n`);
    expect(r.stderr).toContain(`\nexporter/incidents-jan.csv covers 2024-01-08 – 2024-02-04; ${gap}\n`);
    expect(r.stderr).not.toContain('warning');
    expect(model.incidents).toMatchObject({ total: 42, previousTotal: 42, change: 0, changePercent: 0 });
  });
});
