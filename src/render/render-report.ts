/**
 * A report model → the bytes of one output format. JSON needs nothing more;
 * HTML loads Handlebars and the template; only PDF needs a browser, which the
 * caller hands in so that a batch prints every report with the same one.
 * Each loads only when its format is asked for: JSON costs no Handlebars, HTML no pdf-lib.
 */
import type { ReportModel } from '../model/report.js';
import type { RenderedHtml } from './html.js';
import type { PdfPrinter } from './pdf.js';

export type Format = 'pdf' | 'html' | 'json';

export interface RenderOptions {
  /** A template folder whose files replace the default's. */
  template?: string;
  /** The HTML, when it was made already (a batch makes the next report's while one prints). */
  doc?: RenderedHtml;
  /** Needed for PDF. */
  printer?: PdfPrinter;
  /** The PDF's creation date. */
  date: Date;
}

export function renderJson(model: ReportModel): string {
  return JSON.stringify(model, null, 2) + '\n';
}

export async function renderReport(model: ReportModel, format: Format, options: RenderOptions): Promise<string | Uint8Array> {
  if (format === 'json') return renderJson(model);
  const doc = options.doc ?? (await (await import('./html.js')).renderHtml(model, options.template));
  if (format === 'html') return doc.html;
  if (!options.printer) throw new Error('a PDF needs a printer');
  const pdf = await options.printer.print(doc);
  const [{ describePdf }, { formatsFor }, { text }] = await Promise.all([import('./pdf-metadata.js'), import('./format.js'), import('./texts.js')]);
  const { language, municipality, recipient, marking, generator } = model.meta;
  const fmt = formatsFor(language);
  const title = text(language, 'report.title', { weeks: fmt.weekRange(model.period.weeks) });
  return describePdf(pdf, {
    title: `${title}, ${fmt.dateRange(model.period.start, model.period.end)} – ${municipality}`,
    author: municipality,
    subject: `${title} ${model.period.start.slice(0, 4)}${recipient ? ` ${text(language, 'footer.to', { recipient }).replace(/^./, (c) => c.toLowerCase())}` : ''}`,
    keywords: ['lägesbild', marking ?? text(language, 'header.noMarking')],
    creator: generator,
    date: options.date,
    content: doc.html + doc.headerTemplate + doc.footerTemplate,
  });
}
