/** What a reader of a PDF sees: text per page, the document's info, its bookmarks (pdf.js). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfPageTexts } from '../../src/snapshot/pdf-text.js';

/** The runner's own extraction: what `lagesbild test` compares is what the tests read. */
export const pdfPages = pdfPageTexts;

export async function pdfInfo(data: Uint8Array): Promise<Record<string, unknown>> {
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return info as Record<string, unknown>;
}

/** The titles of the PDF's bookmarks, depth first. */
export async function pdfOutline(data: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
  const titles: string[] = [];
  const walk = (items: { title: string; items: unknown[] }[] | null) => {
    for (const item of items ?? []) {
      titles.push(item.title);
      walk(item.items as { title: string; items: unknown[] }[]);
    }
  };
  walk((await doc.getOutline()) as { title: string; items: unknown[] }[] | null);
  await doc.destroy();
  return titles;
}
