/**
 * The PDF's description set by rewriting the whole document with pdf-lib: for a
 * PDF not in the shape Chromium writes, which `pdf-append.ts` cannot amend.
 * The same result for a reader: the same information, the structure-element
 * IDs renumbered in document order, the ID tree sorted to match.
 */
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, PDFRef, type PDFObject } from 'pdf-lib';
import type { PdfDescription } from './pdf-description.js';

export async function rewriteDescription(pdf: Uint8Array, info: PdfDescription): Promise<Uint8Array> {
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
  const id = PDFHexString.of(info.id);
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
