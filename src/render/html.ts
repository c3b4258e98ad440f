/**
 * Report model → HTML, with a Handlebars template folder: `report.hbs`,
 * `partials/*.hbs`, `style.css`, and `header.hbs` / `footer.hbs` for the PDF's
 * running header and footer. Data is always escaped: CSV content is text, never markup.
 */
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import MarkdownIt from 'markdown-it';
import { TemplateError } from '../errors.js';
import type { MapSummary, ReportModel } from '../model/report.js';
import { dayLineSvg, heatmapSvg, trendSvg, type Trend } from './charts.js';
import { changeMapSvg, choroplethSvg, pointMapSvg, type MapWords } from './maps.js';
import { fontFaceCss } from './fonts.js';
import type { InputKind } from '../domain.js';
import { isComplete } from '../model/coverage.js';
import { coverageSentences } from './coverage-notes.js';
import { formatsFor, NOT_GIVEN } from './format.js';
import { cutName, hasLongRun } from './long-names.js';
import { withPolicy } from './page-policy.js';
import { precompiled } from './precompiled.js';
import { focusHelpers } from './focus-words.js';
import { baselineState, DEFAULT_BASELINE_WINDOWS, falseDiscoveryRate, knownWindows, lastYearIndex, TREND_MIN_WINDOWS, minPercentBase, SHOWN_SIGNALS, showsPercent, signalOf, type Signal, type SignalsView } from './signals.js';
import { checkEscaping, TemplateFiles } from './template-files.js';
import { rowsLeft, shownRows } from './table-rows.js';
import { text, type Language } from '../texts/index.js';

export const DEFAULT_TEMPLATE_DIR = fileURLToPath(new URL('../../templates/default/', import.meta.url));

export interface RenderedHtml {
  html: string;
  headerTemplate: string;
  footerTemplate: string;
  /** Folders the page's own assets (a logo) may come from, first match wins; none when absent. */
  assets?: readonly string[];
  /** The template folder given (--template, the config's), to name when its page cannot be printed; none for the default. */
  template?: string;
}

/**
 * Renders with the default template, or with a template folder that overrides
 * any of its files: `report.hbs`, `header.hbs`, `footer.hbs`, any partial;
 * its `style.css` is added after the default's, so it can change what it needs.
 */
export async function renderHtml(model: ReportModel, templateDir?: string): Promise<RenderedHtml> {
  const template = await compiledTemplate(templateDir, model.meta.language);
  const context = { ...model, css: template.css };
  try {
    // The page policy first in the document, whatever the template's head holds: the page loads nothing from outside.
    const html = withPolicy(template.report(context));
    return { html, headerTemplate: template.header(context), footerTemplate: template.footer(context), assets: template.dirs, template: templateDir };
  } catch (error) {
    throw new TemplateError(`template ${templateDir ?? DEFAULT_TEMPLATE_DIR}: ${(error as Error).message}`, { cause: error });
  }
}

interface CompiledTemplate {
  report: Handlebars.TemplateDelegate;
  header: Handlebars.TemplateDelegate;
  footer: Handlebars.TemplateDelegate;
  css: string;
  dirs: readonly string[];
}

/**
 * Templates compiled, by what they are made of: the reports of a batch compile
 * theirs once, and a file edited between two renders is compiled anew.
 */
const compiled = new Map<string, CompiledTemplate>();
const KEPT_TEMPLATES = 8;

async function compiledTemplate(templateDir: string | undefined, language: Language): Promise<CompiledTemplate> {
  const files = new TemplateFiles(templateDir ? [templateDir, DEFAULT_TEMPLATE_DIR] : [DEFAULT_TEMPLATE_DIR]);
  const partials = await Promise.all((await files.partialNames()).map(async (file) => [file, await files.text(join('partials', file))] as const));
  const [report, header, footer] = await Promise.all(['report.hbs', 'header.hbs', 'footer.hbs'].map((name) => files.text(name)));
  const ownStyle = templateDir ? new TemplateFiles([templateDir]).find('style.css') : undefined;
  const ownCss = ownStyle ? await new TemplateFiles([templateDir!]).text('style.css') : '';
  // The embedded typeface first, so that a template's own CSS can use it or override it.
  const fontCss = await fontFaceCss();
  const css = [fontCss, await new TemplateFiles([DEFAULT_TEMPLATE_DIR]).text('style.css'), ownCss].join('\n');
  const key = createHash('sha256').update(JSON.stringify([language, files.dirs, partials, report, header, footer, css])).digest('hex');
  const known = compiled.get(key);
  if (known) return known;

  const hbs = Handlebars.create();
  registerHelpers(hbs, language, fontCss);
  // A file compiled at build time was checked for unescaped data there (scripts/precompile-templates.mjs).
  const checked = (source: string, name: string) => {
    const spec = precompiled(source);
    if (!spec) checkEscaping(hbs, source, files.find(name) ?? name);
    return spec;
  };
  for (const [file, source] of partials) {
    const spec = checked(source, join('partials', file));
    hbs.registerPartial(basename(file, '.hbs'), spec ? hbs.template(spec) : source);
  }
  const compile = (source: string, name: string) => {
    const spec = checked(source, name);
    return spec ? hbs.template(spec) : hbs.compile(source, { strict: false, noEscape: false });
  };
  const template = { report: compile(report!, 'report.hbs'), header: compile(header!, 'header.hbs'), footer: compile(footer!, 'footer.hbs'), css, dirs: files.dirs };
  if (compiled.size >= KEPT_TEMPLATES) compiled.delete(compiled.keys().next().value!);
  compiled.set(key, template);
  return template;
}

/** A cell rose strongly when it has at least this many more incidents, and half again as many as before (or none before). */
export const STRONG_RISE = { count: 2, share: 0.5 };

const notes = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable('image');
/** Headings in the notes sit under the section's own heading. */
const underSection = (html: string) => html.replace(/<(\/?)h([1-4])>/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 2)}>`);

const root = (options: Handlebars.HelperOptions) => options.data.root as SignalsView;

function registerHelpers(hbs: typeof Handlebars, language: Language, fontCss: string): void {
  const fmt = formatsFor(language);
  const mapWords = (title: string, legend: string): MapWords => ({
    title: text(language, title),
    legend: text(language, legend),
    none: text(language, 'maps.none'),
    rise: text(language, 'maps.rise'),
    fall: text(language, 'maps.fall'),
    same: text(language, 'maps.same'),
    metres: text(language, 'maps.metres'),
    kilometres: text(language, 'maps.kilometres'),
    signed: fmt.signed,
    number: fmt.number,
  });
  hbs.registerHelper({
    ...focusHelpers(language, fmt, (html) => new hbs.SafeString(html)),
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
    /** `{{reason reason}}` in `{{#each rejected}}`: the row's reason in the report's language, worded from the row's code. */
    reason(this: unknown, reason: string) {
      const row = this as { code?: unknown } | null | undefined;
      return fmt.reason({ code: row?.code, reason });
    },
    encoding: fmt.encoding,
    /** The embedded typeface for the running header and footer, which Chromium renders apart from the page. */
    fontFace: () => new hbs.SafeString(`<style>${fontCss}</style>`),
    /** The template's words in the report's language: {{t "key" name=value}}. */
    t: (key: string, options: Handlebars.HelperOptions) => text(language, key, options.hash),
    /** "rise", "fall" or "same": a CSS class for a change; "rise strong" for a strong rise (see STRONG_RISE). */
    trend: (change: number | null, previous: unknown) => {
      if (change === null || change === undefined) return '';
      if (change < 0) return 'fall';
      if (change === 0) return 'same';
      const before = typeof previous === 'number' ? previous : undefined;
      const strong = before !== undefined && change >= STRONG_RISE.count && (before === 0 || change / before >= STRONG_RISE.share);
      return strong ? 'rise strong' : 'rise';
    },
    /** `{{percentOf changePercent previous count}}`: the percent, or on a base under signalMethod.minPercentBase the counts ("3 till 9") instead. */
    percentOf: (p: number | null, base: number | null, count: unknown, options: Handlebars.HelperOptions) => {
      if (showsPercent(root(options), base)) return fmt.percent(p);
      // "3 till 9", not "3 → 9": the embedded typeface has no →, and a system font would creep into the PDF.
      return typeof base === 'number' && typeof count === 'number' ? text(language, 'table.counts', { from: fmt.number(base), to: fmt.number(count) }) : '';
    },
    /** How many windows before the report window a baseline is made of, at most (signalMethod.baselineWindows, 26 by default). */
    baselineWindows: (options: Handlebars.HelperOptions) => root(options).signalMethod?.baselineWindows ?? DEFAULT_BASELINE_WINDOWS,
    /** The smallest base a percent is printed on (signalMethod.minPercentBase, 5 by default). */
    minPercentBase: (options: Handlebars.HelperOptions) => minPercentBase(root(options)),
    /** `{{#if (showsPercent base)}}`: whether a percent of this base is printed. */
    showsPercent: (base: number | null, options: Handlebars.HelperOptions) => showsPercent(root(options), base),
    /** `{{signalOf area category}}`: "rise", "fall" or "" for a series (null for a total over areas or categories). */
    signalOf: (area: string | null, category: string | null, options: Handlebars.HelperOptions) => signalOf(root(options), area, category) ?? '',
    /** ` signal rise` / ` signal fall` for a cell of a series with a signal, nothing otherwise. */
    signalClass: (area: string | null, category: string | null, options: Handlebars.HelperOptions) => {
      const direction = signalOf(root(options), area, category);
      return direction ? ` signal ${direction}` : '';
    },
    /** The arrow before a matrix cell's count when its series has a signal (the cell is framed and coloured too). */
    cellMark: (area: string | null, category: string | null, options: Handlebars.HelperOptions) => {
      const direction = signalOf(root(options), area, category);
      return direction === 'rise' ? '↑' : direction === 'fall' ? '↓' : '';
    },
    /** The mark of a signal: an arrow in a box, which reads in black and white too (the legend says what it means). */
    signalMark: (direction: unknown) =>
      direction === 'rise' || direction === 'fall'
        ? new hbs.SafeString(`<span class="mark ${direction}" title="${text(language, `signals.${direction}`)}">${direction === 'rise' ? '↑' : '↓'}</span>`)
        : '',
    /** The signals page 1 names, and how many more there are. */
    shownSignals: (options: Handlebars.HelperOptions) => (root(options).signals ?? []).slice(0, SHOWN_SIGNALS),
    moreSignals: (options: Handlebars.HelperOptions) => Math.max(0, (root(options).signals ?? []).length - SHOWN_SIGNALS),
    /** "Inre hamnen · brand", "brand (alla områden)", "Inre hamnen (alla kategorier)", "hela kommunen". */
    seriesName: (signal: Signal) =>
      signal.area !== null && signal.category !== null
        ? `${signal.area} · ${signal.category}`
        : signal.area !== null
          ? text(language, 'signals.areaTotal', { area: signal.area })
          : signal.category !== null
            ? text(language, 'signals.categoryTotal', { category: signal.category })
            : text(language, 'signals.total'),
    /** A p or q value after its letter: `q {{probability q}}` is "q = 0,031" or "q < 0,001". */
    probability: fmt.probability,
    /** The share of the false discovery rate, as a percent: 0.1 → "10 %". */
    rate: (options: Handlebars.HelperOptions) => fmt.percent(falseDiscoveryRate(root(options)) * 100).replace(/^\+/, ''),
    /** The trend of the total (no argument) or of a signal's series, over the tallied windows; a sparkline when `small=true`. */
    trendChart: (...args: unknown[]) => {
      const options = args.pop() as Handlebars.HelperOptions;
      const model = root(options);
      const signal = args[0] as Signal | undefined;
      const counts = signal ? signal.history : (model.incidents.history ?? []);
      if (counts.length === 0) return '';
      // A mean of fewer windows than a baseline needs was not tested against: not drawn.
      const mean = signal ? (signal.against === 'baseline' ? signal.expected : null) : baselineState(model) === 'none' ? null : (model.incidents.baseline?.mean ?? null);
      const trend: Trend = { counts, labels: (model.period.tallied ?? []).map((w) => fmt.shortDate(w.start)), lastYear: lastYearIndex(model), mean };
      const words = { title: text(language, 'trend.title'), now: text(language, 'trend.now'), lastYear: text(language, 'trend.lastYear'), mean: text(language, 'trend.mean') };
      return new hbs.SafeString(trendSvg(trend, words, options.hash.small === true));
    },
    /** `{{#if (eq (baselineState) "thin")}}`: how much baseline the tests had (see signals.ts). */
    baselineState: (options: Handlebars.HelperOptions) => baselineState(root(options)),
    /** The change from `base` to `count` in percent (base > 0; see showsPercent). */
    percentChange: (count: number, base: number) => ((count - base) / base) * 100,
    /** Whether the total's trend is drawn: only over at least TREND_MIN_WINDOWS known windows, else it is a line of a point or two. */
    trendDrawn: (options: Handlebars.HelperOptions) => knownWindows(root(options)) >= TREND_MIN_WINDOWS,
    trendKnown: (options: Handlebars.HelperOptions) => knownWindows(root(options)),
    /** Where the same window last year is among the tallied windows: its index, or -1 beyond them. */
    lastYearAt: (options: Handlebars.HelperOptions) => lastYearIndex(root(options)),
    eq: (a: unknown, b: unknown) => a === b,
    gt: (a: number, b: number) => a > b,
    /** Charts are SVG the tool draws from numbers, escaped as it goes: safe to put in as markup. */
    heatmap: (grid: number[][]) => new hbs.SafeString(heatmapSvg(grid, fmt.weekdaysShort, text(language, 'time.heatmap'), fmt.number)),
    dayLine: (days: { date: string; count: number | null }[]) => new hbs.SafeString(dayLineSvg(days, text(language, 'time.perDay'))),
    /** Maps, like the charts: SVG drawn from the model's numbers and geometry, every name escaped. */
    choropleth: (map: MapSummary) => new hbs.SafeString(choroplethSvg(map, mapWords('maps.countTitle', 'maps.countLegend'))),
    changeMap: (map: MapSummary, options: Handlebars.HelperOptions) =>
      new hbs.SafeString(changeMapSvg(map, mapWords('maps.changeTitle', 'maps.changeLegend'), (area) => signalOf(root(options), area, null))),
    pointMap: (map: MapSummary, category: string) => new hbs.SafeString(pointMapSvg(map, category, mapWords('maps.pointsTitle', 'maps.pointsTitle'))),
    /** The coordinator's notes: Markdown with raw HTML escaped and images left out, so nothing in them runs or loads. */
    markdown: (md: unknown) => new hbs.SafeString(typeof md === 'string' ? underSection(notes.render(md)) : ''),
    /** "personnummer 3, telefonnummer 1": what was masked, by kind, in the report's language. */
    redacted: (counts: Record<string, number>) =>
      Object.keys(counts ?? {}).length === 0
        ? text(language, 'appendix.redactionNone')
        : text(language, 'appendix.redactionCounts', { counts: Object.entries(counts).map(([kind, n]) => `${text(language, `redaction.${kind}`, {}, kind)} ${fmt.number(n)}`).join(', ') }),
    /** `{{#each (coverageNotes 1)}}`: a sentence per export of a kind that leaves a window incomplete, up to that window (default all). */
    coverageNotes: (...args: unknown[]) => {
      const options = args.pop() as Handlebars.HelperOptions;
      const upTo = typeof args[0] === 'number' ? args[0] : Infinity;
      return coverageSentences(options.data.root as ReportModel, language, fmt.dateRange, upTo);
    },
    /** `{{#if (covered "incidents" 1)}}`: whether the exports of a kind cover window n of the history (0 the report window) in full. */
    covered: (kind: InputKind, index: number, options: Handlebars.HelperOptions) => isComplete((options.data.root as ReportModel).period.coverage, kind, index),
    /** `{{#each (firstRows incidents.byArea)}}`: a long table's first TABLE_ROWS rows, and those past them a signal marks. */
    firstRows: (rows: unknown[]) => shownRows(rows),
    /** `{{#with (rowsLeft incidents.byArea)}}`: what firstRows leaves out, `rows` and `sum.count` (each numeric field summed); nothing when it lists all. */
    rowsLeft: (rows: unknown[]) => rowsLeft(rows),
    /** `{{fit name}}` in a table: a name with a long unbroken run may break anywhere (class "long-name"), so the numbers beside it stay on the page. */
    fit: (value: unknown) => {
      const escaped = hbs.escapeExpression(value === null || value === undefined ? '' : String(value));
      return new hbs.SafeString(typeof value === 'string' && hasLongRun(value) ? `<span class="long-name">${escaped}</span>` : escaped);
    },
    /** `{{cut this 40}}`: a name where it cannot wrap (a standing column heading), at most that many characters, "…" in the middle. */
    cut: (value: unknown, max: unknown) => cutName(value === null || value === undefined ? '' : String(value), typeof max === 'number' ? max : 40),
    join: (items: unknown[], separator: unknown) => (Array.isArray(items) ? items.map((i) => i ?? NOT_GIVEN).join(typeof separator === 'string' ? separator : ', ') : ''),
  });
}
