/**
 * The PDF's description added the way PDF allows a document to be amended: by
 * appending new versions of a few objects and a new cross-reference section
 * (an incremental update), leaving Chromium's bytes before them as they are.
 * pdf-lib would parse and write all of a tagged report's 4,000 objects again,
 * which took longer than anything lagesbild does besides printing.
 *
 * Only the shape Chromium (Skia) writes is taken: a classic cross-reference
 * table, no earlier update, no encryption. Anything else returns null, and the
 * caller rewrites the document with pdf-lib instead.
 */
import type { PdfDescription } from './pdf-description.js';

/** Structure-element IDs as Chromium names them, in a literal string: `(node00000062)`. */
const NODE_ID = /\(node(\d+)\)/g;

export function appendDescription(pdf: Uint8Array, description: PdfDescription): Uint8Array | null {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = bytes.toString('latin1');
  const trailer = readTrailer(text);
  if (!trailer) return null;
  const xref = readXref(text, trailer.startxref);
  if (!xref) return null;
  const object = (n: number): string | null => {
    const span = objectSpan(text, xref, n);
    return span && text.slice(span.start, span.end).trim();
  };

  const catalog = object(trailer.root);
  if (!catalog) return null;
  // The window shows the title, not the file name: Chromium says so itself; a PDF that does not is told to.
  const showsTitle = /\/DisplayDocTitle true/.test(catalog);
  if (!showsTitle && /\/ViewerPreferences/.test(catalog)) return null;
  const renamed = renameStructureIds(text);
  if (!renamed) return null;
  const updates = new Map<number, string>();

  // The ID tree is a name tree and must stay sorted by name: one new root holds every pair, in the new order.
  const treeRoot = /\/StructTreeRoot (\d+) 0 R/.exec(catalog);
  const structRoot = treeRoot ? object(Number(treeRoot[1])) : null;
  const idTree = structRoot ? /\/IDTree (\d+) 0 R/.exec(structRoot) : null;
  /** Objects replaced by the update: emptied, as what they held (the old order, the time) would differ from run to run. */
  const emptied: { start: number; end: number }[] = [];
  if (idTree) {
    const nodes: number[] = [];
    const pairs = namePairs((n) => object(n), Number(idTree[1]), renamed.names, nodes);
    if (!pairs) return null;
    for (const n of nodes) emptied.push(objectSpan(text, xref, n)!);
    pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    updates.set(Number(idTree[1]), `<</Names [${pairs.map(([name, ref]) => `(${name}) ${ref}`).join('\n')}]>>`);
  }
  if (!showsTitle) updates.set(trailer.root, catalog.replace(/>>\s*$/, '\n/ViewerPreferences <</DisplayDocTitle true>>>>'));
  const info = trailer.info ?? trailer.size;
  // Chromium's own description bears the time it printed.
  if (trailer.info !== undefined) emptied.push(objectSpan(text, xref, trailer.info) ?? { start: 0, end: 0 });
  updates.set(info, infoDictionary(description));

  const head = Buffer.from(bytes);
  for (const { at, name } of renamed.replacements) head.write(name, at, 'latin1');
  // Each keeps its length, so that every byte offset stays where it was.
  for (const { start, end } of emptied) if (end > start) head.fill(' ', start, end).write('\n<<>>', start, 'latin1');
  return Buffer.concat([head, Buffer.from(update(head.length, updates, { ...trailer, info, size: Math.max(trailer.size, info + 1) }, description.id), 'latin1')]);
}

interface Trailer {
  size: number;
  root: number;
  info: number | undefined;
  startxref: number;
}

function readTrailer(text: string): Trailer | null {
  const tail = text.slice(-1024);
  const at = tail.lastIndexOf('trailer');
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (at === -1 || !start) return null;
  const dict = tail.slice(at, start.index);
  if (/\/(Prev|Encrypt|XRefStm)\b/.test(dict)) return null;
  const size = /\/Size (\d+)/.exec(dict);
  const root = /\/Root (\d+) 0 R/.exec(dict);
  if (!size || !root) return null;
  const info = /\/Info (\d+) 0 R/.exec(dict);
  return { size: Number(size[1]), root: Number(root[1]), info: info ? Number(info[1]) : undefined, startxref: Number(start[1]) };
}

/** Byte offsets of the objects in use, from a classic cross-reference table. */
function readXref(text: string, start: number): Map<number, number> | null {
  if (text.slice(start, start + 4) !== 'xref') return null;
  const offsets = new Map<number, number>();
  const section = /(\d+) (\d+)\s*\n/y;
  let at = text.indexOf('\n', start) + 1;
  for (;;) {
    section.lastIndex = at;
    const head = section.exec(text);
    if (!head) break;
    const first = Number(head[1]);
    const count = Number(head[2]);
    at = section.lastIndex;
    for (let i = 0; i < count; i++, at += 20) {
      const entry = text.slice(at, at + 20);
      if (!/^\d{10} \d{5} [nf][ \r]?[\r\n]$/.test(entry)) return null;
      if (entry[17] === 'n') offsets.set(first + i, Number(entry.slice(0, 10)));
    }
  }
  return /^\s*trailer/.test(text.slice(at, at + 16)) ? offsets : null;
}

/** Where the body of object `n` (`n 0 obj <<…>> endobj`) stands, or null when there is none or it is no dictionary. */
function objectSpan(text: string, xref: Map<number, number>, n: number): { start: number; end: number } | null {
  const at = xref.get(n);
  if (at === undefined) return null;
  const header = `${n} 0 obj`;
  if (!text.startsWith(header, at)) return null;
  const start = at + header.length;
  const end = text.indexOf('endobj', start);
  const body = text.slice(start, end).trim();
  return end !== -1 && body.startsWith('<<') && body.endsWith('>>') ? { start, end } : null;
}

/**
 * Chromium numbers structure elements in an order that changes from run to run:
 * they are named again in the order they are written, each name as long as
 * before, so that every byte offset stays where it was.
 */
function renameStructureIds(text: string): { names: Map<string, string>; replacements: { at: number; name: string }[] } | null {
  const names = new Map<string, string>();
  for (const m of text.matchAll(/\/ID \(node(\d+)\)/g)) {
    const old = `node${m[1]}`;
    if (names.has(old)) continue;
    const name = `node${String(names.size + 1).padStart(m[1]!.length, '0')}`;
    if (name.length !== old.length) return null;
    names.set(old, name);
  }
  const replacements: { at: number; name: string }[] = [];
  for (const m of text.matchAll(NODE_ID)) {
    const name = names.get(`node${m[1]}`);
    if (name) replacements.push({ at: m.index! + 1, name });
  }
  return { names, replacements };
}

/** Every (name, reference) pair of a name tree, names as renamed; null when a node is not in the expected form. */
function namePairs(object: (n: number) => string | null, n: number, names: Map<string, string>, nodes: number[], depth = 0): [string, string][] | null {
  const node = object(n);
  if (!node || depth > 16) return null;
  nodes.push(n);
  const pairs: [string, string][] = [];
  const list = /\/Names \[([^\]]*)\]/.exec(node);
  if (list) {
    const pair = /\s*\((node\d+)\)\s*(\d+ \d+ R)/y;
    const body = list[1]!.trim();
    let at = 0;
    while (at < body.length) {
      pair.lastIndex = at;
      const m = pair.exec(body);
      if (!m) return null;
      pairs.push([names.get(m[1]!) ?? m[1]!, m[2]!]);
      at = pair.lastIndex;
    }
  }
  const kids = /\/Kids \[([^\]]*)\]/.exec(node);
  for (const kid of kids ? kids[1]!.matchAll(/(\d+) 0 R/g) : []) {
    const more = namePairs(object, Number(kid[1]), names, nodes, depth + 1);
    if (!more) return null;
    pairs.push(...more);
  }
  return pairs;
}

function infoDictionary(d: PdfDescription): string {
  const date = pdfDate(d.date);
  return [
    '<<',
    `/Title ${textString(d.title)}`,
    `/Author ${textString(d.author)}`,
    `/Subject ${textString(d.subject)}`,
    `/Keywords ${textString(d.keywords.join(' '))}`,
    `/Creator ${textString(d.creator)}`,
    `/Producer ${textString(d.creator)}`,
    `/CreationDate (${date})`,
    `/ModDate (${date})`,
    '>>',
  ].join('\n');
}

/** A PDF text string in UTF-16BE with its byte-order mark: åäö and dashes as they are. */
export function textString(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** `D:YYYYMMDDHHmmSSZ`, in UTC. */
export function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** The appended objects, their cross-reference section and the new trailer. */
function update(offset: number, objects: Map<number, string>, trailer: Trailer, id: string): string {
  let body = '\n';
  const entries: [number, number][] = [];
  for (const [n, dict] of [...objects].sort(([a], [b]) => a - b)) {
    entries.push([n, offset + body.length]);
    body += `${n} 0 obj\n${dict}\nendobj\n`;
  }
  const xrefAt = offset + body.length;
  const xref = entries.map(([n, at]) => `${n} 1\n${String(at).padStart(10, '0')} 00000 n \n`).join('');
  return (
    body +
    `xref\n${xref}trailer\n<</Size ${trailer.size}\n/Root ${trailer.root} 0 R\n/Info ${trailer.info} 0 R\n/ID [<${id}> <${id}>]\n/Prev ${trailer.startxref}>>\n` +
    `startxref\n${xrefAt}\n%%EOF\n`
  );
}
