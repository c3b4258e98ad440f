/** What a config file may say, with defaults. Unknown keys are errors, so a typo is caught. */
import { z } from 'zod';
import { DEFAULT_BASELINE_WINDOWS, isCalendarDate } from '../period.js';
import { DEFAULT_FALSE_DISCOVERY_RATE, DEFAULT_MIN_PERCENT_BASE } from '../stats/index.js';
import { isKnownEncoding } from '../encoding-names.js';
import { ACTIVITY_FIELDS, INCIDENT_FIELDS, PATROL_FIELDS } from '../fields.js';

const calendarDate = z.string().refine(isCalendarDate, { message: 'must be a date written YYYY-MM-DD' });

const timeZone = z.string().refine(isTimeZone, { message: 'must be an IANA time zone such as "Europe/Stockholm"' });

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const headerMap = <T extends Record<string, unknown>>(fields: T) =>
  z.partialRecord(z.enum(Object.keys(fields) as [keyof T & string, ...(keyof T & string)[]]), z.string().min(1));

const aliases = z.record(z.string().min(1), z.string().trim().min(1, { message: 'must name the area or category to merge into' }));

const activityNames = z.array(z.string().trim().min(1)).min(1, { message: 'must name at least one activity that counts' });
const commitment = z
  .object({
    name: z.string().trim().min(1),
    party: z.enum(['polis', 'kommun', 'båda']).default('båda'),
    target: z.number().int().min(1),
    activities: activityNames,
    quotas: z.array(z.object({ name: z.string().trim().min(1), target: z.number().int().min(1), activities: activityNames }).strict()).default([]),
  })
  .strict();

/**
 * An export and the days it covers, when its rows do not show them: a week with no
 * incident is still covered. Either side may be left to the rows.
 */
const declaredExport = z
  .object({ file: z.string().trim().min(1), from: calendarDate.optional(), to: calendarDate.optional() })
  .strict()
  .refine((e) => e.from !== undefined || e.to !== undefined, { message: 'must give "from" or "to" (or both), the first and last day the export covers; else write the file name alone' })
  .refine((e) => e.from === undefined || e.to === undefined || e.from <= e.to, { message: '"from" must not be after "to"', path: ['to'] });
export type DeclaredExport = z.infer<typeof declaredExport>;

/** File names or glob patterns (`exports/*.csv`), relative to the config file; or such an entry with the days it covers. */
const paths = z.array(z.union([z.string().trim().min(1), declaredExport])).min(1);
const inputs = z
  .object({ incidents: paths.optional(), patrols: paths.optional(), activities: paths.optional(), notes: z.string().trim().min(1).optional() })
  .strict();

/** Words the output file name may hold; {weeks} or {from} keeps fortnights apart. */
export const NAME_FIELDS = ['year', 'weeks', 'from', 'to', 'report', 'format'] as const;
const namePattern = z
  .string()
  .trim()
  .min(1)
  .refine((s) => !/[/\\]/.test(s), { message: 'is a file name, not a path: put the folder in "output.dir"' })
  .refine((s) => /\{(weeks|from)\}/.test(s), { message: 'must hold {weeks} or {from}, so that each window gets a name of its own' })
  .refine((s) => [...s.matchAll(/\{([^}]*)\}/g)].every((m) => (NAME_FIELDS as readonly string[]).includes(m[1]!)), {
    message: `may hold only ${NAME_FIELDS.map((f) => `{${f}}`).join(' ')}`,
  });

/** A regular expression that compiles and cannot match nothing (which would mask between every character). */
const regexSource = z.string().min(1).refine(
  (s) => {
    try {
      // Nor at a point between words (\\b), which would put markers everywhere.
      return [...'ab cd 12'.matchAll(new RegExp(s, 'gu'))].every((m) => m[0] !== '') && !new RegExp(s, 'u').test('');
    } catch {
      return false;
    }
  },
  { message: 'must be a regular expression that matches some text (e.g. "\\\\b5000-K\\\\d+-\\\\d{2}\\\\b")' },
);

/** A report of a batch: its own name, inputs and reader; the rest as the config says. */
const report = z
  .object({
    name: z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u, { message: 'must be a short name of letters, digits, - and _ (it goes into the file name)' }),
    municipality: z.string().trim().min(1).optional(),
    recipient: z.string().trim().min(1).optional(),
    marking: z.string().trim().min(1).optional(),
    inputs: inputs.optional(),
  })
  .strict();

export const configSchema = z
  .object({
    /** The language of the report: sv or en. */
    language: z.enum(['sv', 'en']).default('sv'),
    municipality: z.string().trim().min(1).default('Kommunen'),
    recipient: z.string().trim().min(1).optional(),
    marking: z.string().trim().min(1).optional(),
    timezone: timeZone.default('Europe/Stockholm'),
    period: z
      .object({
        anchor: calendarDate.default('2024-01-01'),
        days: z.number().int().min(1).max(366).default(14),
        /** Windows back in time for trends and hot-spot classes, the current one included. */
        history: z.number().int().min(2).max(52).default(6),
      })
      .strict()
      .prefault({}),
    /** Which changes are signals: the baseline's windows, the false discovery rate, the smallest base a percent is printed on. */
    signals: z
      .object({
        baselineWindows: z.number().int().min(1).max(104).default(DEFAULT_BASELINE_WINDOWS),
        falseDiscoveryRate: z.number().gt(0, { message: 'must be above 0 (0.1: on average at most one signal in ten is chance)' }).lt(1, { message: 'must be below 1 (0.1: on average at most one signal in ten is chance)' }).default(DEFAULT_FALSE_DISCOVERY_RATE),
        minPercentBase: z.number().min(0).default(DEFAULT_MIN_PERCENT_BASE),
      })
      .strict()
      .prefault({}),
    /** Fokus kommande period: how many places page 1 ranks; 5 as the model's DEFAULT_FOCUS_PLACES. */
    focus: z.object({ places: z.number().int().min(1).max(20).default(5) }).strict().prefault({}),
    columns: z
      .object({ incidents: headerMap(INCIDENT_FIELDS).optional(), patrols: headerMap(PATROL_FIELDS).optional(), activities: headerMap(ACTIVITY_FIELDS).optional() })
      .strict()
      .prefault({}),
    /** Day/month order of slashed dates (04/05/2024), for files whose rows do not show it. */
    dateOrder: z.enum(['dmy', 'mdy']).optional(),
    /** File name or path → encoding, for files whose encoding is not detected right. */
    encodings: z.record(z.string().min(1), z.string().refine(isKnownEncoding, { message: 'is not an encoding lagesbild knows (e.g. utf-8, windows-1252, utf-16le)' })).default({}),
    /** Incidents in these categories are listed one by one in the report; left out, the default rules (src/model/serious-categories.ts). */
    seriousCategories: z.array(z.string().trim().min(1)).optional(),
    /** Medborgarlöften: promises with a yearly target, followed up against the activity log (--activities). */
    commitments: z.array(commitment).default([]),
    areaAliases: aliases.default({}),
    categoryAliases: aliases.default({}),
    /** Where generate reads its exports when no --incidents is given: for cron. */
    inputs: inputs.optional(),
    /** Write no report when the exports do not cover the report window in full (exit 1), as --strict does: for cron. */
    refuseIncomplete: z.boolean().default(false),
    output: z
      .object({
        /** Relative to the config file; without it, the working folder. */
        dir: z.string().trim().min(1).optional(),
        name: namePattern.optional(),
        /** Who may read a report: lägesbilder are not public. Octal, e.g. "0640" to let the group read it. */
        mode: z
          .string()
          .regex(/^0?[0-7]{3}$/, { message: 'must be a file mode in octal, e.g. "0600" or "0640"' })
          .refine((m) => (parseInt(m, 8) & 0o600) === 0o600, { message: 'must let the owner read and write the report' })
          .refine((m) => (parseInt(m, 8) & 0o007) === 0, { message: 'must not let everyone read or write the report: a lägesbild is not public' })
          .default('0600'),
        /** Seconds to wait for another run that holds the output folder. */
        lockWait: z.number().min(0).max(3600).default(120),
        /** Seconds after which a lock that is not refreshed (every 5 s while its run works) is taken as a dead run's. */
        lockStale: z.number().min(4).max(3600).default(60),
      })
      .strict()
      .prefault({}),
    /** One report per entry, in one run sharing one browser. */
    reports: z
      .array(report)
      .default([])
      .refine((list) => new Set(list.map((r) => r.name)).size === list.length, { message: 'each report needs a name of its own' }),
    chromium: z.string().min(1).optional(),
    /** Personal data in free text is masked by default; these add names and patterns to what is masked. */
    redaction: z
      .object({
        names: z.array(z.string().trim().min(1)).default([]),
        patterns: z.array(z.object({ kind: z.string().trim().min(1), pattern: regexSource }).strict()).default([]),
      })
      .strict()
      .prefault({}),
    /** Seconds Chromium may take to start, and to print one report, before it is killed and tried once more. */
    renderTimeout: z.number().min(1).max(3600).default(60),
    /** A template folder whose files replace the default's. */
    template: z.string().min(1).optional(),
    /** The municipality's areas as a GeoJSON file, for the maps; without it the report has none. */
    map: z
      .object({
        /** Relative to the config file. */
        areas: z.string().trim().min(1),
        /** The feature property that names the area. */
        nameProperty: z.string().trim().min(1).optional(),
        /** For a GeoJSON file that does not say its coordinate system (no "crs" member) and whose coordinates do not show it. */
        crs: z.enum(['EPSG:3006', 'EPSG:4326']).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;

export const defaultConfig: Config = configSchema.parse({});
