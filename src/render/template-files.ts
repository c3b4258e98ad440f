/**
 * A template's files, read only from inside its folder: a name with `..`, an
 * absolute path, or a link that leads out of the folder is refused. A
 * municipality's folder is looked in first, then the default's. The same rule
 * serves the page's own assets (a logo) to the printing browser.
 */
import { existsSync, realpathSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import type Handlebars from 'handlebars';
import { TemplateError } from '../errors.js';

export class TemplateFiles {
  constructor(readonly dirs: readonly string[]) {}

  /** The text of the first folder's file of that name. */
  async text(name: string): Promise<string> {
    const path = this.find(name);
    if (path === undefined) throw new TemplateError(`template: no ${name} in ${this.dirs.join(' or ')}`);
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      throw new TemplateError(`template ${path}: cannot read (${(error as NodeJS.ErrnoException).code})`, { cause: error });
    }
  }

  /** The partials of every folder, by name; a folder's own replaces the default's. */
  async partialNames(): Promise<string[]> {
    const names = new Set<string>();
    for (const dir of this.dirs) {
      const files = await readdir(join(dir, 'partials')).catch(() => [] as string[]);
      for (const f of files) if (extname(f) === '.hbs') names.add(f);
    }
    return [...names].sort();
  }

  /** The path of a file inside one of the folders, or undefined; never outside them. */
  find(name: string): string | undefined {
    if (isAbsolute(name) || name.split(/[\\/]/).includes('..')) throw new TemplateError(`template: "${name}" points outside the template folder`);
    for (const dir of this.dirs) {
      const path = join(dir, name);
      if (!existsSync(path)) continue;
      const inside = relative(realpathSync(dir), realpathSync(path));
      if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
        throw new TemplateError(`template ${path}: is a link to a file outside the template folder`);
      }
      return path;
    }
    return undefined;
  }
}

/**
 * Data put in unescaped (`{{{x}}}`, `{{& x}}`) could become markup; only the template's own CSS
 * may be, named from the root so that no block parameter or partial argument can take its name.
 */
const UNESCAPED_ALLOWED = new Set(['@root.css']);

/** Refuses a template that would put data into the page unescaped, naming the file and line. */
export function checkEscaping(hbs: typeof Handlebars, source: string, file: string): void {
  let ast: ReturnType<typeof Handlebars.parse>;
  try {
    ast = hbs.parse(source);
  } catch (error) {
    throw new TemplateError(`template ${file}: ${String((error as Error).message).split('\n')[0]}`, { cause: error });
  }
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const n = node as { type?: string; escaped?: boolean; path?: { original?: string }; loc?: { start: { line: number } } };
    if (n.type === 'MustacheStatement' && n.escaped === false && !UNESCAPED_ALLOWED.has(String(n.path?.original))) {
      throw new TemplateError(
        `template ${file}:${n.loc?.start.line ?? '?'}: {{{${n.path?.original ?? '…'}}}} would put data into the page unescaped, where it could become markup; use {{${n.path?.original ?? '…'}}}`,
      );
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'loc') walk(value);
  };
  walk(ast);
}
