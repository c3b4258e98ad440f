/**
 * What an output format is: the file names it answers to, what it needs made
 * before it can render (the report as HTML, a browser to print with), and its
 * render, which turns the report model into what is written: text or bytes.
 *
 * An output loads its heavy modules (Handlebars, Puppeteer, pdf-lib) inside
 * its render, with `import()`: the list of outputs is loaded by every command,
 * --help's too, and JSON must cost no Handlebars, HTML no pdf-lib.
 */
import type { ReportModel } from '../../model/report.js';
import type { RenderedHtml } from '../html.js';
import type { PdfPrinter } from '../pdf.js';

/** What the caller makes for an output before its render, as the output says. */
export interface Needs {
  /** The report as HTML, from the template (Handlebars). */
  readonly html: boolean;
  /** A browser to print with (Chromium), one a run. */
  readonly browser: boolean;
}

/** What a render is given: the report's date, and what the output needs. */
export type RenderContext<N extends Needs = Needs> = { date: Date } & (N['html'] extends true ? { doc: RenderedHtml } : unknown) &
  (N['browser'] extends true ? { printer: PdfPrinter } : unknown);

export interface Output<N extends Needs = Needs, Data extends string | Uint8Array = string | Uint8Array> {
  /** File-name extensions that choose it (lower case, no dot); the first is its own. */
  readonly extensions: readonly [string, ...string[]];
  readonly needs: N;
  /** The report as it is written to the file or stdout: text (written as UTF-8) or bytes. */
  render(model: ReportModel, context: RenderContext<N>): Promise<Data>;
}

/** An output, its needs kept as written, so that its render is given what they say. */
export function defineOutput<const N extends Needs, Data extends string | Uint8Array>(output: Output<N, Data>): Output<N, Data> {
  return output;
}
