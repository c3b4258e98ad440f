// A step of `npm run build`: the default template's files compiled by Handlebars now, not in every
// run (src/render/precompiled.ts), into dist/precompiled-templates.json, keyed by each file's text.
// Each is checked for data put in unescaped here too, as html.ts checks a template it compiles.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { checkEscaping } from '../dist/render/template-files.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'templates/default');
const files = [...readdirSync(dir).filter((f) => f.endsWith('.hbs')), ...readdirSync(join(dir, 'partials')).map((f) => join('partials', f))];
const specs = {};
for (const file of files) {
  const source = readFileSync(join(dir, file), 'utf8');
  checkEscaping(Handlebars, source, join('templates/default', file));
  // The options html.ts compiles with.
  specs[createHash('sha256').update(source).digest('hex')] = Handlebars.precompile(source, { strict: false, noEscape: false });
}
writeFileSync(join(root, 'dist/precompiled-templates.json'), JSON.stringify(specs));
