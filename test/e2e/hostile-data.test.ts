import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_CONFIG, runCli } from '../support/cli.js';
import { pdfPages } from '../support/pdf-text.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();

describe('CSV content is data, never markup', async () => {
  const incidents = tmp.write(
    'elak.csv',
    'Tidpunkt;Plats;Kategori;Beskrivning\n' +
      '2024-04-16 10:00;<script>alert(1)</script>;<img src=file:///etc/passwd>;x\n' +
      '2024-04-17 10:00;{{meta.municipality}};"<iframe src=""https://example.org""></iframe>";x\n',
  );
  const args = ['generate', '--incidents', incidents, '--from', '2024-04-15', '--quiet'];
  const html = (await runCli([...args, '--format', 'html', '--output', '-'])).stdout;
  const pdfRun = await runCli([...args, '--output', join(tmp.dir, 'elak.pdf')]);

  it('escapes it in the HTML', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src&#x3D;file:///etc/passwd&gt;');
    expect(html).not.toMatch(/<script|<img|<iframe/i);
    expect(html).toContain('{{meta.municipality}}');
  });

  it('prints it as text in the PDF, with nothing blocked because nothing was asked for', async () => {
    expect(pdfRun.code).toBe(0);
    // Two rows cover two days: that is said, and nothing else (nothing blocked).
    expect(pdfRun.stderr).toBe(
      `warning: ${incidents} covers 2024-04-16 – 2024-04-17; the report window 2024-04-15 – 2024-04-28 is incomplete: no incident export covers 2024-04-15 and 2024-04-18 – 2024-04-28; ` +
        'the comparison window 2024-04-01 – 2024-04-14 is incomplete: no incident export covers 2024-04-01 – 2024-04-14; ' +
        '4 older windows of the hot-spot history, 2024-02-05 – 2024-03-31, are incomplete: no incident export covers 2024-02-05 – 2024-03-31\n',
    );
    const text = (await pdfPages(readFileSync(join(tmp.dir, 'elak.pdf')))).join('\n');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=file:///etc/passwd>');
    expect(text).toContain('{{meta.municipality}}');
  });
});

describe("the coordinator's notes", async () => {
  const notes = tmp.write(
    'bedomning.md',
    '**Hamnen** ökar.\n\n1. Väktare kl. 21–01\n2. <script>alert(1)</script> och <img src="file:///etc/passwd">\n\n![bild](https://example.org/spion.png)\n',
  );
  const incidents = tmp.write('n.csv', 'Tidpunkt;Område;Kategori\n2024-04-16 10:00;Hamnen;stöld\n');
  const output = join(tmp.dir, 'notes.pdf');
  const run = await runCli(['generate', '--incidents', incidents, '--from', '2024-04-15', '--notes', notes, '--output', output]);
  const html = (await runCli(['generate', '--incidents', incidents, '--from', '2024-04-15', '--notes', notes, '--format', 'html', '-o', '-', '-q'])).stdout;

  it('are rendered as Markdown under their own heading, raw HTML as text and no image fetched', async () => {
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('blocked');
    expect(html).toContain('<strong>Hamnen</strong> ökar.');
    expect(html).toContain('<li>Väktare kl. 21–01</li>');
    expect(html).not.toMatch(/<script|<img/i);
    const text = (await pdfPages(readFileSync(output))).join('\n');
    expect(text).toContain('Bedömning och insatser');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toMatch(/!\s?bild/); // a link, not an image: nothing is fetched
  });

  it('say which file could not be read', async () => {
    const r = await runCli(['generate', '--incidents', incidents, '--from', '2024-04-15', '--notes', join(tmp.dir, 'saknas.md'), '-o', '-', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${NO_CONFIG}error: ${join(tmp.dir, 'saknas.md')}: cannot read the notes: no such file\n`);
  });
});

describe('a municipality\'s own template', async () => {
  const dir = join(tmp.dir, 'mall');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(join(dir, 'partials'), { recursive: true });
  writeFileSync(join(dir, 'partials', 'title.hbs'), '<header><h1>Trygghetsläge för {{meta.municipality}}</h1><p>{{weekRange period.weeks}}</p></header>');
  writeFileSync(join(dir, 'style.css'), 'h1 { color: rgb(0, 80, 160); }');
  const incidents = tmp.write('t.csv', 'Tidpunkt;Område;Kategori\n2024-04-16 10:00;Hamnen;stöld\n');

  it('replaces the partials it has and keeps the rest of the default, its CSS added last', async () => {
    const r = await runCli(['generate', '--incidents', incidents, '--from', '2024-04-15', '--template', dir, '--format', 'html', '-o', '-', '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<h1>Trygghetsläge för Kommunen</h1><p>v. 16–17</p>');
    expect(r.stdout).toContain('<h2>Sammanfattning</h2>');
    expect(r.stdout.indexOf('h1 { color: rgb(0, 80, 160); }')).toBeGreaterThan(r.stdout.indexOf('.figures'));
  });

  it('must be a folder', async () => {
    const r = await runCli(['generate', '--incidents', incidents, '--from', '2024-04-15', '--template', join(dir, 'nej'), '--format', 'html', '-o', '-']);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(`${NO_CONFIG}error: --template: ${join(dir, 'nej')} is not a folder\n`);
  });
});

describe('a template folder is a closed box', async () => {
  const { mkdirSync, writeFileSync, symlinkSync } = await import('node:fs');
  const { PNG } = await import('pngjs');
  const incidents = tmp.write('box.csv', 'Tidpunkt;Område;Kategori;Beskrivning\n2024-04-16 10:00;Hamnen;hot;background: url(https://example.org/spion.png)\n');
  const template = (name: string, title: string) => {
    const dir = join(tmp.dir, name);
    mkdirSync(join(dir, 'partials'), { recursive: true });
    writeFileSync(join(dir, 'partials', 'title.hbs'), title);
    return dir;
  };
  const generate = (dir: string, output = '-', format = 'html') =>
    runCli(['generate', '--incidents', incidents, '--from', '2024-04-15', '--template', dir, '--format', format, '-o', output]);

  it('refuses a template that puts data in unescaped, naming the file and line', async () => {
    const dir = template('trippel', '<header>\n<h1>{{{meta.municipality}}}</h1></header>');
    const r = await generate(dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `${NO_CONFIG}error: template ${join(dir, 'partials/title.hbs')}:2: {{{meta.municipality}}} would put data into the page unescaped, where it could become markup; use {{meta.municipality}}\n`,
    );
    const amp = await generate(template('ampersand', '<h1>{{& meta.municipality}}</h1>'));
    expect(amp.code).toBe(3);
  });

  it('serves the printing page the template\'s own files, and nothing outside the folder, links included', async () => {
    const dir = template('logga', '<header><img src="logo.png" alt="logga"><img src="../../../../etc/passwd"><img src="hemligt.png"><h1>Med logga</h1></header>');
    const logo = new PNG({ width: 40, height: 20 });
    logo.data.fill(200);
    writeFileSync(join(dir, 'logo.png'), PNG.sync.write(logo));
    // A link in the folder to a file outside it.
    symlinkSync('/etc/hostname', join(dir, 'hemligt.png'));
    const output = join(tmp.dir, 'logga.pdf');
    const r = await generate(dir, output, 'pdf');
    expect(r.code).toBe(0);
    const blocked = r.stderr.split('\n').filter((l) => l.includes('blocked'));
    expect(blocked).toEqual([
      'warning: the report page tried to load https://lagesbild.invalid/etc/passwd; blocked',
      'warning: the report page tried to load https://lagesbild.invalid/hemligt.png; blocked',
    ]);
    expect(r.stderr).not.toContain('logo.png');
    expect((await pdfPages(readFileSync(output)))[0]).toContain('Med logga');
    // The default report has no raster image: this one is the logo.
    expect(readFileSync(output).toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
  });

  it('refuses data put in unescaped under the name of the template\'s CSS', async () => {
    const dir = template('blockparam', '<h1>x</h1>');
    writeFileSync(join(dir, 'partials', 'notable.hbs'), '{{#each notable.items as |css|}}{{{css}}}{{/each}}');
    const r = await generate(dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${join(dir, 'partials/notable.hbs')}:1: {{{css}}} would put data into the page unescaped`);
  });

  it('takes no style.css from outside the folder, and no folder as an asset', async () => {
    const dir = template('stil', '<header><img src="partials"><h1>Stil</h1></header>');
    symlinkSync(tmp.write('hemlig.css', '/* hemlig */'), join(dir, 'style.css'));
    const r = await generate(dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`${NO_CONFIG}error: template ${join(dir, 'style.css')}: is a link to a file outside the template folder\n`);
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 'style.css'));
    const output = join(tmp.dir, 'stil.pdf');
    const printed = await generate(dir, output, 'pdf');
    expect(printed.code).toBe(0);
    expect(printed.stderr).toContain('warning: the report page tried to load https://lagesbild.invalid/partials; blocked');
  });

  it('refuses a partial that is a link out of the folder', async () => {
    const dir = template('lank', '<h1>x</h1>');
    const outside = tmp.write('utanfor.hbs', '<p>{{meta.municipality}}</p>');
    symlinkSync(outside, join(dir, 'partials', 'notable.hbs'));
    const r = await generate(dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`${NO_CONFIG}error: template ${join(dir, 'partials/notable.hbs')}: is a link to a file outside the template folder\n`);
  });

  it('prints CSS in the data as text, and nothing is fetched', async () => {
    const output = join(tmp.dir, 'css.pdf');
    const r = await runCli(['generate', '--incidents', incidents, '--from', '2024-04-15', '-o', output]);
    expect(r.stderr).not.toContain('blocked');
    expect((await pdfPages(readFileSync(output))).join('\n')).toContain('background: url(https://example.org/spion.png)');
  });
});
