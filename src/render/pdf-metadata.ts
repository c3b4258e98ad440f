/**
 * The PDF's own description, set after Chromium has printed: title, author
 * (the municipality), subject, keywords with the marking, the program, and
 * the dates, without re-rendering anything.
 *
 * The result is reproducible: given the same date, the same printed pages give
 * the same bytes. Chromium numbers the tagged-PDF structure elements
 * (`/ID (node00000062)`) in an order that changes from run to run; they are
 * renumbered in document order, and the document ID is a hash of the content.
 */
import { createHash } from 'node:crypto';
import { appendDescription } from './pdf-append.js';
import type { PdfDescription, PdfInfo } from './pdf-description.js';

export async function describePdf(pdf: Uint8Array, info: PdfInfo): Promise<Uint8Array> {
  // The document ID is the fingerprint of what was printed and how it is described: the same report, the same ID.
  const { content, ...rest } = info;
  const fingerprint = createHash('sha256').update(content).update(JSON.stringify({ ...rest, date: info.date.getTime() }));
  const description: PdfDescription = { ...rest, id: fingerprint.digest('hex').slice(0, 32).toUpperCase() };
  // Chromium's PDF is amended in place; only a PDF of another shape is read and written again whole.
  return appendDescription(pdf, description) ?? (await import('./pdf-rewrite.js')).rewriteDescription(pdf, description);
}
