/**
 * The log masks personal data that a message quotes from a row, as the report
 * does, and shows the run's own paths as the report shows file names: personal
 * data masked name by name, the rest as it is, even a folder named like a
 * registration number.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/cli/log.js';

function capture(format: 'text' | 'json' = 'text') {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { log: createLogger({ stream, format, env: {} }), output: () => text };
}

const path = '/tmp/lagesbild-test-JLF311/lagesbild.pdf';

describe('the log', () => {
  it('masks a registration number in a message, but not in a path the run named', () => {
    const { log, output } = capture();
    log.paths([path, 'fixtures/ABC123/incidents.csv']);
    log.info(`Wrote ${path}: bil ABC123 sedd`);
    log.warn('fixtures/ABC123/incidents.csv:4:6: Beskrivning: "KLM 456 vid kajen"');
    expect(output()).toBe(
      `Wrote ${path}: bil [registreringsnummer] sedd\n` + 'warning: fixtures/ABC123/incidents.csv:4:6: Beskrivning: "[registreringsnummer] vid kajen"\n',
    );
  });

  it('keeps no "-" (stdout) or other name short enough to split personal data', () => {
    const { log, output } = capture();
    log.paths(['-', '07', path]);
    log.info('ringde från 070-123 45 67, personnummer 850709-9805');
    expect(output()).toBe('ringde från [telefonnummer], personnummer [personnummer]\n');
  });

  it('masks personal data in a path the run named as the report masks file names, in the message and in the fields', () => {
    const { log, output } = capture('json');
    const input = 'exporter/anna.berg@example.se-april.csv';
    log.paths([input, '/srv/lagesbild/850709-9805/lagesbild.config.json']);
    // An error names the file as given; a warning from the model names it as the model does, masked already.
    log.error(`${input}: no such file`, { file: input });
    log.warn('exporter/[e-post]-april.csv:3:1: Datum: "2024-04-3x" is not a date', { file: 'exporter/[e-post]-april.csv' });
    log.info('config: /srv/lagesbild/850709-9805/lagesbild.config.json', { config: '/srv/lagesbild/850709-9805/lagesbild.config.json' });
    const lines = output().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.message, l.file ?? l.config])).toEqual([
      ['exporter/[e-post]-april.csv: no such file', 'exporter/[e-post]-april.csv'],
      ['exporter/[e-post]-april.csv:3:1: Datum: "2024-04-3x" is not a date', 'exporter/[e-post]-april.csv'],
      ['config: /srv/lagesbild/[personnummer]/lagesbild.config.json', '/srv/lagesbild/[personnummer]/lagesbild.config.json'],
    ]);
  });

  it('shows paths and messages as they are with --no-redact', () => {
    const { log, output } = capture();
    log.paths(['anmälan 850709-9805.csv']);
    log.maskWith(false);
    log.error('anmälan 850709-9805.csv: no such file; ring 070-123 45 67');
    expect(output()).toBe('error: anmälan 850709-9805.csv: no such file; ring 070-123 45 67\n');
  });

  it('masks what looks like a registration number in a path it was not told of', () => {
    const { log, output } = capture('json');
    log.info(`Wrote ${path}`);
    expect(JSON.parse(output()).message).toBe('Wrote /tmp/lagesbild-test-[registreringsnummer]/lagesbild.pdf');
  });
});
