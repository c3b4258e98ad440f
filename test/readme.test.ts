import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_FIELDS, INCIDENT_FIELDS, PATROL_FIELDS } from '../src/fields.js';
import { ExitCode } from '../src/errors.js';
import { REASON_PARAMS } from '../src/reasons.js';
import { OTHER_NUMBERS } from '../src/redact/phone.js';
import { ABBREVIATIONS, WORDS } from '../src/redact/plate.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('the README tells the truth', () => {
  it('lists every header alias the code matches', () => {
    for (const fields of [INCIDENT_FIELDS, PATROL_FIELDS, ACTIVITY_FIELDS]) {
      for (const [field, aliases] of Object.entries(fields)) {
        expect(readme).toContain(`| \`${field}\` | ${(aliases as readonly string[]).map((a) => `\`${a}\``).join(', ')} |`);
      }
    }
  });

  it('lists every rejection code', () => {
    const table = readme.slice(readme.indexOf('| code | the row |'), readme.indexOf('A file that cannot be used at all'));
    const listed = [...table.matchAll(/`([\w.]+)`/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(REASON_PARAMS).sort());
  });

  it('lists every word that makes digits another number than a phone, and every abbreviation and word that is no plate', () => {
    for (const list of [OTHER_NUMBERS, ABBREVIATIONS, WORDS]) expect(readme).toContain(list.map((w) => `\`${w}\``).join(', '));
  });

  it('documents every exit code', () => {
    for (const code of Object.values(ExitCode)) expect(readme).toMatch(new RegExp(`^\\| ${code} \\| `, 'm'));
  });

  it('gives the set-up and test commands that CI runs', () => {
    const ci = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');
    expect(readme).toContain('npm run setup   #');
    expect(readme).toContain('npm test        #');
    expect(ci).toMatch(/^npm run setup$/m);
    expect(ci).toMatch(/^npm test$/m);
  });
});
