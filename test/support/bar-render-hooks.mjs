// Module hooks for bar-render-modules.mjs: the modules that render HTML or print PDFs, as built
// (dist/render/*.js) or as bundled chunks (dist/bundle/html-HASH.js), and the packages they use.
const BARRED = [
  /^(puppeteer-core|puppeteer|pdf-lib|handlebars)(\/|$)/,
  /\/dist\/(render|bundle)\/(html|pdf|pdf-metadata|pdf-rewrite|puppeteer-core)(-[A-Z0-9]{8})?\.js$/,
];

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (BARRED.some((b) => b.test(specifier) || b.test(resolved.url))) throw new Error(`barred module imported: ${resolved.url}`);
  return resolved;
}
