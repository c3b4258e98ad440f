/**
 * The log masks personal data that a message quotes from a row, as the report
 * does, but says the run's own paths as they are, even a folder named like a
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
    log.keep([path, 'fixtures/ABC123/incidents.csv']);
    log.info(`Wrote ${path}: bil ABC123 sedd`);
    log.warn('fixtures/ABC123/incidents.csv:4:6: Beskrivning: "KLM 456 vid kajen"');
    expect(output()).toBe(
      `Wrote ${path}: bil [registreringsnummer] sedd\n` + 'warning: fixtures/ABC123/incidents.csv:4:6: Beskrivning: "[registreringsnummer] vid kajen"\n',
    );
  });

  it('keeps no "-" (stdout) or other name short enough to split personal data', () => {
    const { log, output } = capture();
    log.keep(['-', '07', path]);
    log.info('ringde från 070-123 45 67, personnummer 850709-9805');
    expect(output()).toBe('ringde från [telefonnummer], personnummer [personnummer]\n');
  });

  it('masks what looks like a registration number in a path it was not told of', () => {
    const { log, output } = capture('json');
    log.info(`Wrote ${path}`);
    expect(JSON.parse(output()).message).toBe('Wrote /tmp/lagesbild-test-[registreringsnummer]/lagesbild.pdf');
  });
});
