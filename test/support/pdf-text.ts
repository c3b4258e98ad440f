/** The text of each page of a PDF, as a reader would copy it out (pdf.js, no system tools). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfPages(data: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
        .join('')
        .replace(/[ \t]+/g, ' '),
    );
  }
  await doc.destroy();
  return pages;
}

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
