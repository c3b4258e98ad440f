/**
 * The report's typeface, Source Sans 3 from its Fontsource package, embedded in
 * the document as data: the PDF looks the same on every machine, and nothing is
 * fetched. Read once per run.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const FILES = dirname(require.resolve('@fontsource/source-sans-3/package.json'));
const FACES: [weight: number, style: 'normal' | 'italic'][] = [
  [400, 'normal'],
  [400, 'italic'],
  [700, 'normal'],
];

export const FONT_FAMILY = 'Source Sans 3';

let css: Promise<string> | undefined;

/** @font-face rules with the fonts inline. */
export function fontFaceCss(): Promise<string> {
  css ??= Promise.all(
    FACES.map(async ([weight, style]) => {
      const data = await readFile(join(FILES, 'files', `source-sans-3-latin-${weight}-${style}.woff2`));
      return `@font-face{font-family:'${FONT_FAMILY}';font-style:${style};font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data.toString('base64')}) format('woff2');}`;
    }),
  ).then((rules) => rules.join('\n'));
  return css;
}
