/**
 * What a PDF is described with, shared by the modules that set it: `pdf-metadata.ts`, which
 * makes the description, and `pdf-append.ts` and `pdf-rewrite.ts`, which write it into the
 * document. Types only, so that none of them imports another for them.
 */

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  /** Creation and modification date. */
  date: Date;
  /** What was printed (the HTML, header and footer): the same content, the same document ID. */
  content: string;
}

/** What goes into the PDF: the information and the document ID made from it. */
export type PdfDescription = Omit<PdfInfo, 'content'> & { id: string };
