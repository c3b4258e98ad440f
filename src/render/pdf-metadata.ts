/**
 * The PDF's own description, set after Chromium has printed: title, author
 * (the municipality), subject, keywords with the marking, and the program.
 * Done with pdf-lib, which edits the document's info without re-rendering it.
 */
import { PDFDocument } from 'pdf-lib';

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
}

export async function describePdf(pdf: Uint8Array, info: PdfInfo): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setKeywords(info.keywords);
  doc.setCreator(info.creator);
  doc.setProducer(info.creator);
  return doc.save({ useObjectStreams: false });
}
