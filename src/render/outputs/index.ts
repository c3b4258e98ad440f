/**
 * The output formats: the one list. A new format is a module beside this one
 * and its line here; `--format`'s choices, the names that choose a format and
 * what `generate` makes for it all follow from the list.
 */
import { html } from './html.js';
import { json } from './json.js';
import { pdf } from './pdf.js';

/** In the order --help and its messages list them. */
export const OUTPUTS = { pdf, html, json } as const;

export type Format = keyof typeof OUTPUTS;
export const FORMATS = Object.keys(OUTPUTS) as Format[];
/** Without --format and an output name that says one. */
export const DEFAULT_FORMAT: Format = 'pdf';

/** What a format's render gives: text or bytes. */
export type OutputData<F extends Format> = Awaited<ReturnType<(typeof OUTPUTS)[F]['render']>>;

/** The format a file name's extension (lower case, no dot) chooses, if any. */
export function formatOfExtension(extension: string): Format | undefined {
  return FORMATS.find((f) => (OUTPUTS[f].extensions as readonly string[]).includes(extension));
}
