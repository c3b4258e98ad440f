import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE_DIR } from '../src/render/html.js';
import { hasText, LANGUAGES, text } from '../src/texts/index.js';

const files = ['report.hbs', 'header.hbs', 'footer.hbs', ...readdirSync(join(DEFAULT_TEMPLATE_DIR, 'partials')).map((f) => join('partials', f))];
const used = files.flatMap((f) => [...readFileSync(join(DEFAULT_TEMPLATE_DIR, f), 'utf8').matchAll(/\{\{t "([^"]+)"/g)].map((m) => m[1]!));

describe("the default template's words", () => {
  it('has every text the template asks for, in every language', () => {
    expect(used.length).toBeGreaterThan(80);
    for (const key of used) {
      expect(hasText(key), key).toBe(true);
      for (const language of LANGUAGES) expect(text(language, key), `${language} ${key}`).not.toBe(key);
    }
  });

  it('fills in the named values', () => {
    expect(text('sv', 'hotspots.shortHistory', { covered: 2, wanted: 6 })).toBe('Underlaget täcker bara 2 av 6 perioder helt; klasserna bygger på dem, och en period som inte täcks helt står som –.');
    expect(text('en', 'report.title', { weeks: 'weeks 16–17' })).toBe('Situation report weeks 16–17');
  });
});
