/**
 * A report model → the bytes of one output format, with what that output needs:
 * the HTML is made here unless the caller made it already (a batch makes the
 * next report's while one prints); the browser is the caller's, so that a batch
 * prints every report with the same one.
 */
import type { ReportModel } from '../../model/report.js';
import type { RenderedHtml } from '../html.js';
import type { PdfPrinter } from '../pdf.js';
import { OUTPUTS, type Format, type OutputData } from './index.js';
import type { Output, RenderContext } from './output.js';

export interface RenderOptions {
  /** A template folder whose files replace the default's. */
  template?: string;
  /** The HTML, when it was made already. */
  doc?: RenderedHtml;
  /** For an output that needs a browser. */
  printer?: PdfPrinter;
  /** The report's date: the PDF's creation date. */
  date: Date;
}

export async function renderReport<F extends Format>(model: ReportModel, format: F, options: RenderOptions): Promise<OutputData<F>> {
  const output: Output = OUTPUTS[format];
  const { needs } = output;
  const doc = needs.html ? (options.doc ?? (await (await import('../html.js')).renderHtml(model, options.template))) : undefined;
  if (needs.browser && !options.printer) throw new Error(`a ${format.toUpperCase()} needs a printer`);
  // What the output needs is there; what it does not need, it does not read.
  const context = { date: options.date, doc, printer: options.printer } as RenderContext<{ html: true; browser: true }>;
  return (await output.render(model, context)) as OutputData<F>;
}
