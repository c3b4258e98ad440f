/**
 * Why a row cannot be used, as data: a code, and the values its wording needs.
 * The wordings, in English and Swedish, are with the other texts
 * (texts/reasons.ts): English is the `reason` of the JSON model, the
 * warnings and `validate`; Swedish is the report's appendix. Plain data, so a
 * rejection goes to and from a worker thread as it is.
 */

/** Every code, with its params: `text` as the export wrote it, `number` a count or a coordinate. */
export const REASON_PARAMS = {
  'row.fieldCount': { fields: 'number', headers: 'number' },
  // A broken line (issue 15, part 4): a quote opened on it is never closed.
  'quote.notClosed': {},
  'area.empty': {},
  'area.noMap': {},
  'area.offMap': { easting: 'number', northing: 'number' },
  'category.empty': {},
  'activity.empty': {},
  'date.empty': {},
  'dateTime.empty': {},
  'dateTime.invalid': { value: 'text' },
  'date.invalid': { value: 'text' },
  'date.notReal': { value: 'text' },
  'date.notRealDayMonth': { value: 'text' },
  'date.notRealMonthDay': { value: 'text' },
  'time.invalid': { value: 'text' },
  'time.notReal': { value: 'text' },
  'start.empty': {},
  'round.endBeforeStart': { value: 'text' },
  'round.overMidnight': { value: 'text', hours: 'number', minutes: 'number' },
  'round.tooLong': { hours: 'number', minutes: 'number' },
  'round.noEnd': {},
  'duration.tooLong': { value: 'text' },
  'duration.negative': { value: 'text' },
  'duration.invalid': { value: 'text' },
  // A from/to span that cannot be used (issue 17, part 6): a warning, the incident counts at its report time.
  'span.endBeforeStart': { value: 'text' },
  'span.tooLong': { value: 'text', days: 'number' },
  'coordinates.half': { given: 'text', missing: 'text' },
  'coordinates.notMetres': { value: 'text' },
  'coordinates.notDegrees': { value: 'text' },
  'coordinates.swappedMetres': { northing: 'number', easting: 'number' },
  'coordinates.outsideMetres': { northing: 'number', easting: 'number' },
  'coordinates.swappedDegrees': { latitude: 'number', longitude: 'number' },
  'coordinates.outsideDegrees': { latitude: 'number', longitude: 'number' },
} as const satisfies Record<string, Record<string, ParamKind>>;

export type ParamKind = 'text' | 'number';
export type ReasonCode = keyof typeof REASON_PARAMS;

type ParamValue<K> = K extends 'number' ? number : string;
/** A code's params; `column` is the header of the column to blame, as the file spells it, when there is one. */
export type ReasonParams<C extends ReasonCode = ReasonCode> = { -readonly [P in keyof (typeof REASON_PARAMS)[C]]: ParamValue<(typeof REASON_PARAMS)[C][P]> } & {
  column?: string;
};

/** A code and its params: `{ code: 'date.invalid', params: { value: '2024-04-3x', column: 'Datum' } }`. */
export type Reason<C extends ReasonCode = ReasonCode> = { [K in C]: { code: K; params: ReasonParams<K> } }[C];

/** The params argument of a code: left out when the code has none. */
export type ParamsArg<C extends ReasonCode> = {} extends ReasonParams<C> ? [params?: ReasonParams<C>] : [params: ReasonParams<C>];

export function reason<C extends ReasonCode>(code: C, ...[params]: ParamsArg<C>): Reason<C> {
  return { code, params: params ?? {} } as Reason<C>;
}

export function isReasonCode(code: unknown): code is ReasonCode {
  return typeof code === 'string' && Object.hasOwn(REASON_PARAMS, code);
}
