/**
 * The report printed by Chromium, then described (title, author, subject,
 * keywords with the marking, dates) reproducibly: needs the HTML and a browser.
 * pdf-lib and the texts load only when a PDF is made.
 */
import { defineOutput } from './output.js';

export const pdf = defineOutput({
  extensions: ['pdf'],
  needs: { html: true, browser: true },
  async render(model, { doc, printer, date }): Promise<Uint8Array> {
    const printed = await printer.print(doc);
    const [{ describePdf }, { formatsFor }, { text }] = await Promise.all([import('../pdf-metadata.js'), import('../format.js'), import('../../texts/index.js')]);
    const { language, municipality, recipient, marking, generator } = model.meta;
    const fmt = formatsFor(language);
    const title = text(language, 'report.title', { weeks: fmt.weekRange(model.period.weeks) });
    return describePdf(printed, {
      title: `${title}, ${fmt.dateRange(model.period.start, model.period.end)} – ${municipality}`,
      author: municipality,
      subject: `${title} ${model.period.start.slice(0, 4)}${recipient ? ` ${text(language, 'footer.to', { recipient }).replace(/^./, (c) => c.toLowerCase())}` : ''}`,
      keywords: ['lägesbild', marking ?? text(language, 'header.noMarking')],
      creator: generator,
      date,
      content: doc.html + doc.headerTemplate + doc.footerTemplate,
    });
  },
});
