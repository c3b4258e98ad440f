import { describe, expect, it } from 'vitest';
import { reportPeriod } from '../../src/period.js';
import { redactionContext } from '../../src/redact/context.js';
import { Redactor } from '../../src/redact/redactor.js';
import { NEGATIVES, POSITIVES } from './corpus.js';

/** As the report of 2024-04-15 – 2024-04-28 masks, with the default history of six windows. */
const context = redactionContext(reportPeriod('2024-04-15', 14, 'Europe/Stockholm', 6));
const masked = (text: string) => new Redactor({}, context).text(text);

describe('the corpus', () => {
  it('has at least 40 forms of each', () => {
    expect(POSITIVES.length).toBeGreaterThanOrEqual(40);
    expect(NEGATIVES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(POSITIVES)('masks %s as [%s], alone and in a sentence', (form, kind) => {
    expect(masked(form)).toBe(`[${kind}]`);
    expect(masked(`Anmälare ${form} hörd på plats.`)).toBe(`Anmälare [${kind}] hörd på plats.`);
  });

  it.each(NEGATIVES)('leaves %s as it is, alone and in a sentence', (text) => {
    expect(masked(text)).toBe(text);
    expect(masked(`Noterat ${text} på plats.`)).toBe(`Noterat ${text} på plats.`);
  });
});
