/** Place, not person: personal data in the exports reaches no output unless --no-redact says so. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ARGS, runCli } from '../support/cli.js';
import { pdfPages } from '../support/pdf-text.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();
/** What the fixtures' descriptions hold: a personnummer, a phone number, an e-mail address, a plate, another personnummer and phone number. */
const PERSONAL = ['850709-9805', '070-123 45 67', 'anna.berg@example.se', 'ABC 123', '19121212-1212', '+46 8 123 456 78'];

describe('redaction by default', () => {
  it('leaves no personal data of the fixtures in the PDF, and still lists the serious incidents with their descriptions', async () => {
    const output = join(tmp.dir, 'lagesbild.pdf');
    const r = await runCli([...FIXTURE_ARGS, '-o', output]);
    expect(r.code).toBe(0);
    // Words as a reader sees them, whatever the line breaks.
    const text = (await pdfPages(readFileSync(output))).join('\n').replace(/\s+/g, ' ');
    for (const value of PERSONAL) expect(text).not.toContain(value);
    expect(text).toContain('Slagsmål vid parkeringshuset, polis på plats, vittne [personnummer] hörd, tel. [telefonnummer].');
    expect(text).toContain('anmälaren nås på [e-post]');
    expect(text).toContain('Bil [registreringsnummer] lämnade platsen');
    expect(text).toContain(
      'Maskerade personuppgifter Personuppgifter i texten är ersatta med sitt slag inom hakparentes, t.ex. [personnummer]: e-postadress 1, personnummer 2, registreringsnummer 1, telefonnummer 2.',
    );
  });

  it('leaves none in the HTML and the JSON either, which count what was masked', async () => {
    const html = await runCli([...FIXTURE_ARGS, '--format', 'html', '-o', '-', '-q']);
    const json = await runCli([...FIXTURE_ARGS, '--format', 'json', '-o', '-', '-q']);
    for (const value of PERSONAL) {
      expect(html.stdout).not.toContain(value);
      expect(json.stdout).not.toContain(value);
    }
    expect(JSON.parse(json.stdout).redaction).toEqual({ enabled: true, counts: { 'e-post': 1, personnummer: 2, registreringsnummer: 1, telefonnummer: 2 } });
  });

  it('masks a rejected value in the warnings, the JSON log, validate and the report', async () => {
    // A personnummer typed into the date column: the rejection quotes it.
    const file = tmp.write('felaktig.csv', 'Datum;Område;Kategori;Beskrivning\n850709-9805;Centrum;hot;Hot mot personal, ring 0701234567\n2024-04-16;Centrum;hot;Hot\n');
    const args = ['generate', '-i', file, '--from', '2024-04-15', '--format', 'json', '-o', '-'];
    const text = await runCli(args);
    expect(text.stderr).toContain(`${file}:2:1: Datum: "[personnummer]" is not a date`);
    const json = await runCli([...args, '--log-format', 'json']);
    expect(json.stderr).toContain('Datum: \\"[personnummer]\\" is not a date');
    const validate = await runCli(['validate', '-i', file, '--from', '2024-04-15', '--format', 'json']);
    expect(validate.stdout).toContain('Datum: \\"[personnummer]\\" is not a date');
    // The Swedish appendix words it from the code, the value masked as in the English.
    const html = await runCli(['generate', '-i', file, '--from', '2024-04-15', '--format', 'html', '-o', '-', '-q']);
    expect(html.stdout).toContain('Datum: &quot;[personnummer]&quot; är inget datum (väntat t.ex. 2024-04-29)');
    expect(JSON.parse(text.stdout).rejected).toEqual([{ file, line: 2, column: 1, code: 'date.invalid', reason: 'Datum: "[personnummer]" is not a date (expected e.g. 2024-04-29)' }]);
    for (const out of [text.stdout, text.stderr, json.stderr, validate.stdout, html.stdout]) expect(out).not.toContain('850709-9805');
  });

  it('masks a file that cannot be used, described by its own words, and names from the config in messages', async () => {
    // No header: the first row is taken for one, and quoted.
    const file = tmp.write('utan-rubrik.csv', '2024-04-02;10:00;Torget;hot;Kim Berg 850709-9805 ringde från 070-123 45 67\n');
    const config = tmp.write('kim.json', JSON.stringify({ redaction: { names: ['Kim Berg'] } }));
    const validate = await runCli(['validate', '-c', config, '-i', file, '--from', '2024-04-01']);
    const json = await runCli(['validate', '-c', config, '-i', file, '--from', '2024-04-01', '--format', 'json']);
    const generate = await runCli(['generate', '-c', config, '-i', file, '--from', '2024-04-01', '-o', '-', '--format', 'json']);
    expect(validate.code).toBe(2);
    expect(validate.stdout).toContain('"[namn] [personnummer] ringde från [telefonnummer]"');
    for (const out of [validate.stdout, json.stdout, generate.stderr]) {
      for (const value of ['Kim Berg', '850709-9805', '070-123 45 67']) expect(out).not.toContain(value);
    }
  });

  it('masks personal data in file names wherever they are shown, the rest of the name kept so the file can be found', async () => {
    const dir = join(tmp.dir, 'filnamn');
    mkdirSync(dir);
    const rows = 'Datum;Tid;Område;Kategori\n2024-04-16;10:00;Centrum;hot\n2024-04-3x;10:00;Centrum;hot\n';
    const person = join(dir, 'anmälan-850709-9805.csv');
    const mail = join(dir, 'anna.berg@example.se-april.csv');
    const phone = join(dir, 'samtal 070-123 45 67.csv');
    writeFileSync(person, rows);
    writeFileSync(mail, 'Datum;Tid;Område;Kategori\n2024-04-17;10:00;Centrum;hot\n');
    writeFileSync(phone, 'a;b\n1;2\n');
    const [personShown, mailShown, phoneShown] = [join(dir, 'anmälan-[personnummer].csv'), join(dir, '[e-post]-april.csv'), join(dir, 'samtal [telefonnummer].csv')];
    const generate = ['generate', '-i', person, mail, '--from', '2024-04-15', '--format', 'json', '-o', '-'];
    const text = await runCli(generate);
    const json = await runCli([...generate, '--log-format', 'json']);
    const unusable = await runCli(['generate', '-i', phone, '--from', '2024-04-15', '--format', 'json', '-o', '-']);
    const validate = await runCli(['validate', '-i', person, mail, phone, '--from', '2024-04-15']);
    const validateJson = await runCli(['validate', '-i', person, mail, phone, '--from', '2024-04-15', '--format', 'json']);

    const model = JSON.parse(text.stdout);
    expect(model.inputs.map((i: { file: string }) => i.file)).toEqual([personShown, mailShown]);
    expect(model.rejected.map((r: { file: string }) => r.file)).toEqual([personShown]);
    expect(text.stderr).toContain(`warning: ${personShown}:3:1: Datum: "2024-04-3x" is not a date`);
    const warning = json.stderr.split('\n').map((l) => (l ? JSON.parse(l) : {})).find((l) => l.level === 'warn' && String(l.message).includes(':3:1:'));
    expect([warning.message, warning.file]).toEqual([`${personShown}:3:1: Datum: "2024-04-3x" is not a date (expected e.g. 2024-04-29)`, personShown]);
    expect(unusable.code).toBe(2);
    expect(unusable.stderr).toContain(`error: ${phoneShown}:1: missing required column`);
    // Each file is matched with its own account: the one that cannot be used is said to be so.
    expect(validate.code).toBe(2);
    expect(validate.stdout).toContain(`${phoneShown} (incidents)\n  cannot be used: line 1: missing required column`);
    expect(validate.stdout).toContain(`${personShown} (incidents)\n  encoding   UTF-8`);
    expect(validate.stdout).toContain(`${personShown}:3:1: Datum: "2024-04-3x" is not a date`);
    expect(validate.stdout).toContain('1 of 3 files cannot be used.');
    const report = JSON.parse(validateJson.stdout);
    expect(report.files.map((f: { file: string; usable: boolean }) => [f.file, f.usable])).toEqual([[personShown, true], [mailShown, true], [phoneShown, false]]);
    expect(report.problems.map((p: { file: string }) => p.file)).toEqual([phoneShown, personShown]);
    for (const out of [text.stdout, text.stderr, json.stdout, json.stderr, unusable.stderr, validate.stdout, validateJson.stdout]) {
      for (const value of ['850709-9805', 'anna.berg', '070-123 45 67']) expect(out).not.toContain(value);
    }
    // As they are with --no-redact.
    const raw = await runCli([...generate, '--no-redact']);
    expect(JSON.parse(raw.stdout).inputs.map((i: { file: string }) => i.file)).toEqual([person, mail]);
    expect(raw.stderr).toContain(`warning: ${person}:3:1:`);
  });

  it('suggests no merge of names that hold personal data, and says that some were left out', async () => {
    const file = tmp.write(
      'likheter.csv',
      'Datum;Tid;Område;Kategori\n' +
        ['Kalle kalle@a.se', 'Kalle kalle@a.se', 'Kalle kalle@b.se', 'Inre hamnen', 'Inre hamnen', 'Inre hamn'].map((area, i) => `2024-04-16;1${i}:00;${area};hot`).join('\n') +
        '\n',
    );
    const generate = await runCli(['generate', '-i', file, '--from', '2024-04-15', '--format', 'json', '-o', '-']);
    const validate = await runCli(['validate', '-i', file, '--from', '2024-04-15']);
    const left = '1 name that looks like another is not suggested for merging: the names hold personal data, which a config line would show (--no-redact shows them)';
    expect(JSON.parse(generate.stdout).suggestions.map((s: { config: string }) => s.config)).toEqual(['"areaAliases": { "Inre hamn": "Inre hamnen" }']);
    expect(generate.stderr).toContain(`warning: ${left}`);
    expect(validate.stdout).toContain('Suggestions:\n  area "Inre hamn" (1 row) looks like "Inre hamnen" (2); to count them as one, add to the config: "areaAliases": { "Inre hamn": "Inre hamnen" }\n\n');
    expect(validate.stderr).toContain(`warning: ${left}`);
    for (const out of [generate.stdout, generate.stderr, validate.stdout]) expect(out).not.toMatch(/"Kalle \[e-post\]": /);
    // With --no-redact the names are shown, and so is the suggestion.
    const raw = await runCli(['validate', '-i', file, '--from', '2024-04-15', '--no-redact']);
    expect(raw.stdout).toContain('"areaAliases": { "Kalle kalle@b.se": "Kalle kalle@a.se" }');
    expect(raw.stderr).not.toContain('not suggested');
  });

  it('counts what the data held, not how often the report repeats it', async () => {
    const file = tmp.write('gata.csv', 'Datum;Tid;Område;Kategori;Beskrivning\n2024-04-16;10:00;Gata ABC 123;hot;x\n');
    const r = await runCli(['generate', '-i', file, '--from', '2024-04-15', '-o', '-', '--format', 'json', '-q']);
    expect(JSON.parse(r.stdout).redaction.counts).toEqual({ registreringsnummer: 1 });
  });

  it('shows the data with --no-redact, and says so in the report', async () => {
    const output = join(tmp.dir, 'omaskerad.pdf');
    const r = await runCli([...FIXTURE_ARGS, '--no-redact', '-o', output]);
    expect(r.code).toBe(0);
    const text = (await pdfPages(readFileSync(output))).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('850709-9805');
    expect(text).toContain('Maskering avstängd (--no-redact): texten visas som den står i underlaget, med personuppgifter.');
  });

  it('masks the names and patterns the config adds', async () => {
    const config = tmp.write('namn.json', JSON.stringify({ redaction: { names: ['Kim Berg'], patterns: [{ kind: 'ärendenummer', pattern: '5000-K\\d+-\\d{2}' }] } }));
    const file = tmp.write('namn.csv', 'Datum;Område;Kategori;Beskrivning\n2024-04-16;Centrum;hot;Kim Berg hotade personal, polisens ärende 5000-K123456-24\n');
    const r = await runCli(['generate', '-c', config, '-i', file, '--from', '2024-04-15', '--format', 'json', '-o', '-', '-q']);
    const model = JSON.parse(r.stdout);
    expect(model.notable.items[0].description).toBe('[namn] hotade personal, polisens ärende [ärendenummer]');
    expect(model.redaction.counts).toEqual({ namn: 1, ärendenummer: 1 });
  });
});
