import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { PdfInfo } from '../../src/render/pdf-description.js';
import { describePdf } from '../../src/render/pdf-metadata.js';
import { pdfInfo } from '../support/pdf-text.js';

const INFO: PdfInfo = {
  title: 'Lägesbild v. 16–17 – Strandviks kommun',
  author: 'Strandviks kommun',
  subject: 'Lägesbild v. 16–17 2024',
  keywords: ['lägesbild', 'Begränsad delning'],
  creator: 'lagesbild test',
  date: new Date('2024-04-30T04:00:00Z'),
  content: '<html>…</html>',
};

/**
 * A tagged PDF shaped like Chromium's: structure elements named `nodeNNNNNNNN`
 * with numbers as a browser hands them out, a table cell pointing at its header
 * cell by ID, and an ID tree sorted by those names.
 */
async function taggedPdf(numbers: number[], options: { objectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([200, 200]);
  const ctx = doc.context;
  const name = (n: number) => `node${String(n).padStart(8, '0')}`;
  const elements = numbers.map((n) => ctx.register(ctx.obj({ Type: 'StructElem', S: 'TH', ID: PDFString.of(name(n)) })));
  // The last element is a data cell whose header is the first.
  ctx.register(ctx.obj({ Type: 'StructElem', S: 'TD', A: ctx.obj({ O: 'Table', Headers: [PDFString.of(name(numbers[0]!))] }) }));
  const pairs = numbers.map((n, i) => [n, elements[i]!] as const).sort(([a], [b]) => a - b);
  const leaf = ctx.register(ctx.obj({ Names: pairs.flatMap(([n, ref]) => [PDFString.of(name(n)), ref]) }));
  const idTree = ctx.register(ctx.obj({ Kids: [leaf] }));
  doc.catalog.set(PDFName.of('StructTreeRoot'), ctx.register(ctx.obj({ Type: 'StructTreeRoot', IDTree: idTree })));
  return doc.save({ useObjectStreams: options.objectStreams ?? false });
}

/** The ID tree as a reader finds it: name → the ID of the element it points to. */
async function idTree(pdf: Uint8Array): Promise<[string, string][]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const collect = (node: PDFDict): [string, string][] => {
    const names = node.lookup(PDFName.of('Names'));
    const kids = node.lookup(PDFName.of('Kids'));
    const own: [string, string][] = [];
    if (names instanceof PDFArray) {
      for (let i = 0; i < names.size(); i += 2) {
        const element = names.lookup(i + 1, PDFDict);
        own.push([(names.get(i) as PDFString).asString(), (element.get(PDFName.of('ID')) as PDFString).asString()]);
      }
    }
    return [...own, ...(kids instanceof PDFArray ? kids.asArray().flatMap((k) => collect(doc.context.lookup(k, PDFDict))) : [])];
  };
  return collect(root.lookup(PDFName.of('IDTree'), PDFDict));
}

/** The header IDs the data cell points at. */
async function cellHeaders(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('S')) !== PDFName.of('TD')) continue;
    const headers = object.lookup(PDFName.of('A'), PDFDict).lookup(PDFName.of('Headers'), PDFArray);
    return headers.asArray().map((h) => (h as PDFString).asString());
  }
  throw new Error('no data cell');
}

describe.each([
  ['amended in place, as Chromium writes it (a classic cross-reference table)', false],
  ['written again whole, for any other PDF (here one with object streams)', true],
])('the PDF description, %s', (_, objectStreams) => {
  it('holds title, author, subject, keywords, program and dates, åäö and dashes as they are', async () => {
    const pdf = await taggedPdf([62, 7, 3135], { objectStreams });
    const out = await describePdf(pdf, INFO);
    // Amended: Chromium's bytes, then an update pointing back at their cross-reference table.
    expect(Buffer.from(out).toString('latin1').includes(`/Prev ${/startxref\s+(\d+)/.exec(Buffer.from(pdf).toString('latin1').slice(-50))![1]}>>`)).toBe(!objectStreams);
    expect(await pdfInfo(out)).toMatchObject({
      Title: INFO.title,
      Author: INFO.author,
      Subject: INFO.subject,
      Keywords: 'lägesbild Begränsad delning',
      Creator: 'lagesbild test',
      Producer: 'lagesbild test',
      CreationDate: 'D:20240430040000Z',
      ModDate: 'D:20240430040000Z',
    });
  });

  it('names the structure elements in the order they are written, so that the same pages give the same bytes', async () => {
    const first = await describePdf(await taggedPdf([62, 7, 3135], { objectStreams }), INFO);
    const second = await describePdf(await taggedPdf([410, 9, 77], { objectStreams }), INFO);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    // Sorted by the new names, each pointing at the element that now bears it.
    expect(await idTree(first)).toEqual([
      ['node00000001', 'node00000001'],
      ['node00000002', 'node00000002'],
      ['node00000003', 'node00000003'],
    ]);
    // The data cell's header reference follows its header cell's new name.
    expect(await cellHeaders(first)).toEqual(['node00000001']);
  });
});

describe('the document ID', () => {
  it('is the same for the same content and description, and another for another', async () => {
    const pdf = await taggedPdf([1, 2]);
    const id = async (info: PdfInfo) => /\/ID \[\s*<([0-9A-F]+)>/i.exec(Buffer.from(await describePdf(pdf, info)).toString('latin1').slice(-400))![1];
    expect(await id(INFO)).toBe(await id({ ...INFO }));
    expect(await id({ ...INFO, content: '<html>other</html>' })).not.toBe(await id(INFO));
    expect(await id({ ...INFO, keywords: ['lägesbild', 'Ingen märkning angiven'] })).not.toBe(await id(INFO));
  });
});
