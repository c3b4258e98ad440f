/**
 * Report model → HTML, with a Handlebars template folder: `report.hbs`,
 * `partials/*.hbs`, `style.css`, and `header.hbs` / `footer.hbs` for the PDF's
 * running header and footer. Data is always escaped: CSV content is text, never markup.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import MarkdownIt from 'markdown-it';
import { RenderError } from '../errors.js';
import type { ReportModel } from '../model/report.js';
import { dayLineSvg, heatmapSvg } from './charts.js';
import { fontFaceCss } from './fonts.js';
import { formatsFor } from './format.js';
import { text, type Language } from './texts.js';

export const DEFAULT_TEMPLATE_DIR = fileURLToPath(new URL('../../templates/default/', import.meta.url));

export interface RenderedHtml {
  html: string;
  headerTemplate: string;
  footerTemplate: string;
}

/**
 * Renders with the default template, or with a template folder that overrides
 * any of its files: `report.hbs`, `header.hbs`, `footer.hbs`, any partial;
 * its `style.css` is added after the default's, so it can change what it needs.
 */
export async function renderHtml(model: ReportModel, templateDir?: string): Promise<RenderedHtml> {
  const hbs = Handlebars.create();
  const fontCss = await fontFaceCss();
  registerHelpers(hbs, model.meta.language, fontCss);
  const dirs = templateDir ? [templateDir, DEFAULT_TEMPLATE_DIR] : [DEFAULT_TEMPLATE_DIR];
  const read = (name: string) => readTemplateFile(dirs, name);
  const partials = new Set((await Promise.all(dirs.map(listPartials))).flat());
  for (const file of partials) hbs.registerPartial(basename(file, '.hbs'), await read(join('partials', file)));
  const ownCss = templateDir ? await readFile(join(templateDir, 'style.css'), 'utf8').catch(() => '') : '';
  // The embedded typeface first, so that a template's own CSS can use it or override it.
  const css = [fontCss, await readTemplateFile([DEFAULT_TEMPLATE_DIR], 'style.css'), ownCss].join('\n');
  const context = { ...model, css };
  const compile = (source: string) => hbs.compile(source, { strict: false, noEscape: false });
  try {
    return {
      html: compile(await read('report.hbs'))(context),
      headerTemplate: compile(await read('header.hbs'))(context),
      footerTemplate: compile(await read('footer.hbs'))(context),
    };
  } catch (error) {
    throw new RenderError(`template ${templateDir ?? DEFAULT_TEMPLATE_DIR}: ${(error as Error).message}`, { cause: error });
  }
}

/** The first of the folders that has the file. */
async function readTemplateFile(dirs: readonly string[], name: string): Promise<string> {
  for (const dir of dirs) {
    try {
      return await readFile(join(dir, name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new RenderError(`template ${join(dir, name)}: cannot read (${(error as NodeJS.ErrnoException).code})`, { cause: error });
      }
    }
  }
  throw new RenderError(`template: no ${name} in ${dirs.join(' or ')}`);
}

async function listPartials(dir: string): Promise<string[]> {
  try {
    return (await readdir(join(dir, 'partials'))).filter((f) => extname(f) === '.hbs').sort();
  } catch {
    return [];
  }
}

/** A cell rose strongly when it has at least this many more incidents, and half again as many as before (or none before). */
export const STRONG_RISE = { count: 2, share: 0.5 };

const notes = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable('image');
/** Headings in the notes sit under the section's own heading. */
const underSection = (html: string) => html.replace(/<(\/?)h([1-4])>/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 2)}>`);

function registerHelpers(hbs: typeof Handlebars, language: Language, fontCss: string): void {
  const fmt = formatsFor(language);
  hbs.registerHelper({
    longDate: fmt.longDate,
    shortDate: fmt.shortDate,
    dateRange: fmt.dateRange,
    weekRange: fmt.weekRange,
    number: fmt.number,
    signed: fmt.signed,
    percent: fmt.percent,
    arrow: fmt.arrow,
    duration: fmt.duration,
    weekday: fmt.weekday,
    hourSpan: fmt.hourSpan,
    hotspotClass: fmt.hotspotClass,
    commitmentStatus: fmt.commitmentStatus,
    reason: fmt.reason,
    encoding: fmt.encoding,
    /** The embedded typeface for the running header and footer, which Chromium renders apart from the page. */
    fontFace: () => new hbs.SafeString(`<style>${fontCss}</style>`),
    /** The template's words in the report's language: {{t "key" name=value}}. */
    t: (key: string, options: Handlebars.HelperOptions) => text(language, key, options.hash),
    /** "rise", "fall" or "same": a CSS class for a change; "rise strong" for a strong rise (see STRONG_RISE). */
    trend: (change: number, previous: unknown) => {
      if (change < 0) return 'fall';
      if (change === 0) return 'same';
      const before = typeof previous === 'number' ? previous : undefined;
      const strong = before !== undefined && change >= STRONG_RISE.count && (before === 0 || change / before >= STRONG_RISE.share);
      return strong ? 'rise strong' : 'rise';
    },
    eq: (a: unknown, b: unknown) => a === b,
    gt: (a: number, b: number) => a > b,
    /** Charts are SVG the tool draws from numbers, escaped as it goes: safe to put in as markup. */
    heatmap: (grid: number[][]) => new hbs.SafeString(heatmapSvg(grid, fmt.weekdaysShort, text(language, 'time.heatmap'))),
    dayLine: (days: { date: string; count: number }[]) => new hbs.SafeString(dayLineSvg(days, text(language, 'time.perDay'))),
    /** The coordinator's notes: Markdown with raw HTML escaped and images left out, so nothing in them runs or loads. */
    markdown: (md: unknown) => new hbs.SafeString(typeof md === 'string' ? underSection(notes.render(md)) : ''),
    /** "personnummer 3, telefonnummer 1": what was masked, by kind, in the report's language. */
    redacted: (counts: Record<string, number>) =>
      Object.keys(counts ?? {}).length === 0
        ? text(language, 'appendix.redactionNone')
        : text(language, 'appendix.redactionCounts', { counts: Object.entries(counts).map(([kind, n]) => `${text(language, `redaction.${kind}`, {}, kind)} ${fmt.number(n)}`).join(', ') }),
    join: (items: unknown[], separator: unknown) => (Array.isArray(items) ? items.join(typeof separator === 'string' ? separator : ', ') : ''),
  });
}
