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

export interface PlacedText {
  page: number;
  str: string;
  /** Where the text starts and ends across the page, in points from its left edge (turned text included). */
  left: number;
  right: number;
  pageWidth: number;
}

/** Every piece of text with where it lies across its page: what is off the page is not on paper. */
export async function pdfPlacedTexts(data: Uint8Array): Promise<PlacedText[]> {
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
  const placed: PlacedText[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0, , x1] = page.view as [number, number, number, number];
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const [a, b, , , x] = item.transform as number[];
      // width runs along the text's own direction: its share across the page is width · cos(angle).
      const end = x! + item.width * (a! / (Math.hypot(a!, b!) || 1));
      placed.push({ page: i, str: item.str, left: Math.min(x!, end), right: Math.max(x!, end), pageWidth: x1 - x0 });
    }
  }
  await doc.destroy();
  return placed;
}
