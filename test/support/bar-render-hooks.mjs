// Module hooks for bar-render-modules.mjs.
const BARRED = /^(puppeteer-core|puppeteer|pdf-lib|handlebars)(\/|$)/;

export async function resolve(specifier, context, next) {
  if (BARRED.test(specifier)) throw new Error(`barred module imported: ${specifier}`);
  return next(specifier, context);
}
