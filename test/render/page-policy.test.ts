import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { reportPeriod } from '../../src/period.js';
import { makeModel } from '../../src/pipeline/make-model.js';
import { renderHtml } from '../../src/render/html.js';
import { CONTENT_SECURITY_POLICY, withPolicy } from '../../src/render/page-policy.js';
import { tempDir } from '../support/tmp.js';

const tmp = tempDir();

const META = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`;

describe('the page policy in the document', () => {
  it('allows inline data and the page’s own files, and nothing else', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline' data:; base-uri 'none'; form-action 'none'",
    );
  });

  it('goes first in the head, before anything of the template’s', () => {
    expect(withPolicy('<!doctype html>\n<html lang="sv">\n<head>\n<meta charset="utf-8"><link rel="preconnect" href="http://x">')).toBe(
      `<!doctype html>\n<html lang="sv">\n<head>${META}\n<meta charset="utf-8"><link rel="preconnect" href="http://x">`,
    );
    expect(withPolicy('<!-- kommunens mall --><HTML><HEAD class="x"><title>t</title>')).toBe(`<!-- kommunens mall --><HTML><HEAD class="x">${META}<title>t</title>`);
  });

  it('goes straight after the doctype, or first of all, when the template has no head tag first', () => {
    expect(withPolicy('<!DOCTYPE html><iframe src="http://x"></iframe><head></head>')).toBe(`<!DOCTYPE html>${META}<iframe src="http://x"></iframe><head></head>`);
    expect(withPolicy('<img src="http://x"><p>rapport</p>')).toBe(`${META}<img src="http://x"><p>rapport</p>`);
  });

  it('is in every report the default template makes', async () => {
    const config = configSchema.parse({});
    const file = tmp.write('incidents.csv', 'Datum;Tid;Område;Kategori\n2024-04-16;10:00;Centrum;stöld\n');
    const { model } = await makeModel([{ file, kind: 'incidents' }], reportPeriod('2024-04-15', 14, config.timezone, config.period.history), config);
    const { html } = await renderHtml(model);
    expect(html.startsWith(`<!doctype html>\n<html lang="sv">\n<head>${META}\n<meta charset="utf-8">`)).toBe(true);
  });
});
