/**
 * A path masked name by name, so that what is left still finds the file: each folder and the
 * file's own name on its own, the extension apart (`.csv` would otherwise be read as the end of
 * an e-mail address, and the whole name masked).
 */
const EXTENSION = /\.(?:csv|tsv|txt|tab|xlsx?|json|geojson|ya?ml|md|pdf|html?|log|gz|zip|bak|old|tmp|lock)$/i;

export function maskEachName(path: string, mask: (name: string) => string): string {
  return path
    .split('/')
    .map((name) => {
      const extension = EXTENSION.exec(name)?.[0] ?? '';
      const stem = name.slice(0, name.length - extension.length);
      return stem === '' ? name : mask(stem) + extension;
    })
    .join('/');
}
