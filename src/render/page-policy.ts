/**
 * What a report's page may load, whatever its template says: inline data and the
 * template folder's own files (a logo, a font, a style sheet), nothing else — no
 * frame, object, script, fetch, form or other address. The policy is put into the
 * document, so that an HTML report opened in a browser keeps it, and the printing
 * page is also sent it with the document, before any of the template's markup.
 */

/** 'self' is the page's own address, under which the printer serves only the template folder's files. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  // Inline: the template's <style> and the charts' style attributes.
  "style-src 'self' 'unsafe-inline' data:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const META = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`;

/** The document's start, up to its <head> tag, when it has one before any other element. */
const HEAD = /^\uFEFF?\s*(?:<!doctype[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<html\b[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<head\b[^>]*>/i;
const DOCTYPE = /^\uFEFF?\s*<!doctype[^>]*>/i;

/**
 * The document with the policy as the first thing in its head. Without a <head> tag first, it goes
 * straight after the doctype, where the HTML parser opens the head for it: nothing the template
 * puts before it can load.
 */
export function withPolicy(html: string): string {
  const at = HEAD.exec(html) ?? DOCTYPE.exec(html);
  const end = at ? at[0].length : 0;
  return `${html.slice(0, end)}${META}${html.slice(end)}`;
}
