/**
 * The PDF's own description, set after Chromium has printed: title, author
 * (the municipality), subject, keywords with the marking, the program, and
 * the dates. Done with pdf-lib, which edits the document without re-rendering it.
 *
 * The result is reproducible: given the same date, the same printed pages give
 * the same bytes. Chromium numbers the tagged-PDF structure elements
 * (`/ID (node00000062)`) in an order that changes from run to run; they are
 * renumbered in document order, and the document ID is a hash of the content.
 */
import { createHash } from 'node:crypto';
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, PDFRef, type PDFObject } from 'pdf-lib';

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

export async function describePdf(pdf: Uint8Array, info: PdfInfo): Promise<Uint8Array> {
  // pdf-lib yields to the event loop every 100 objects by default; a report has thousands and nothing else waits.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setKeywords(info.keywords);
  doc.setCreator(info.creator);
  doc.setProducer(info.creator);
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
  renumberStructureIds(doc);
  // The document ID is the fingerprint of what was printed and how it is described: the same report, the same ID.
  const fingerprint = createHash('sha256').update(info.content).update(JSON.stringify({ ...info, content: undefined, date: info.date.getTime() }));
  const id = PDFHexString.of(fingerprint.digest('hex').slice(0, 32));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

const NODE_ID = /^node\d+$/;

/** Structure-element IDs in the order the elements are written, and the ID tree sorted to match. */
function renumberStructureIds(doc: PDFDocument): void {
  const renamed = new Map<string, string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const id = object.get(PDFName.of('ID'));
    if (!(id instanceof PDFString) || !NODE_ID.test(id.asString())) continue;
    const name = `node${String(renamed.size + 1).padStart(8, '0')}`;
    renamed.set(id.asString(), name);
    object.set(PDFName.of('ID'), PDFString.of(name));
  }
  if (renamed.size === 0) return;
  const rename = (o: PDFObject | undefined): void => {
    if (!(o instanceof PDFArray)) return;
    for (let i = 0; i < o.size(); i++) {
      const item = o.get(i);
      if (item instanceof PDFString && renamed.has(item.asString())) o.set(i, PDFString.of(renamed.get(item.asString())!));
    }
  };
  // Table cells point at their header cells by ID.
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const attributes = object.lookup(PDFName.of('A'));
    const list = attributes instanceof PDFArray ? attributes.asArray().map((a) => doc.context.lookup(a)) : [attributes];
    for (const a of list) if (a instanceof PDFDict) rename(a.lookup(PDFName.of('Headers')));
  }
  rebuildIdTree(doc, renamed);
}

/** The ID tree is a name tree, which must be sorted by name: one leaf, in the new order. */
function rebuildIdTree(doc: PDFDocument, renamed: Map<string, string>): void {
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'));
  if (!(root instanceof PDFDict)) return;
  const tree = root.lookup(PDFName.of('IDTree'));
  if (!(tree instanceof PDFDict)) return;
  const pairs: [string, PDFObject][] = [];
  const collect = (node: PDFDict): void => {
    const names = node.lookup(PDFName.of('Names'));
    if (names instanceof PDFArray) {
      for (let i = 0; i + 1 < names.size(); i += 2) {
        const key = names.get(i);
        const name = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : '';
        pairs.push([renamed.get(name) ?? name, names.get(i + 1)]);
      }
    }
    const kids = node.lookup(PDFName.of('Kids'));
    if (!(kids instanceof PDFArray)) return;
    for (const kid of kids.asArray()) {
      collect(doc.context.lookup(kid) as PDFDict);
      // The old nodes go: left in the file, their old names would differ from run to run.
      if (kid instanceof PDFRef) doc.context.delete(kid);
    }
  };
  collect(tree);
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  tree.delete(PDFName.of('Kids'));
  tree.delete(PDFName.of('Limits'));
  tree.set(PDFName.of('Names'), doc.context.obj(pairs.flatMap(([name, value]) => [PDFString.of(name), value])));
}
