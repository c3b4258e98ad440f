/**
 * Why a row was rejected, in words: each code of src/reasons.ts in English and
 * in Swedish, `{name}` standing for a param. A rejection pinned on a column is
 * headed by the column's header, "Datum: …", in either language.
 *
 * English is what the JSON model keeps as `reason`, beside the `code`, and
 * what the warnings and `validate` say. The Swedish report reads the params
 * back out of that English with the code's English text, so a value masked
 * there is masked in Swedish too, and the model holds no value twice.
 */
import { isReasonCode, REASON_PARAMS, type Reason, type ReasonCode } from '../reasons.js';
import { fill, type Language } from './index.js';

/** Some codes are not yet in Swedish: the Swedish report has so far given them in English, as here. */
export const REASON_TEXTS: Record<ReasonCode, Record<Language, string>> = {
  'row.fieldCount': { en: 'row has {fields} fields but the header has {headers}', sv: 'raden har {fields} fält men rubrikraden {headers}' },
  // A broken line (issue 15, part 4).
  'quote.notClosed': { en: 'quote never closed', sv: 'citattecknet avslutas aldrig' },
  'area.empty': { en: 'area is empty', sv: 'området saknas' },
  'area.noMap': {
    en: 'area is empty, and there is no map (config "map") to find it from the coordinates',
    sv: 'area is empty, and there is no map (config "map") to find it from the coordinates',
  },
  'area.offMap': {
    en: 'area is empty, and the coordinates (E {easting}, N {northing} in SWEREF 99 TM) lie in no area of the map',
    sv: 'area is empty, and the coordinates (E {easting}, N {northing} in SWEREF 99 TM) lie in no area of the map',
  },
  'category.empty': { en: 'category is empty', sv: 'kategorin saknas' },
  'activity.empty': { en: 'activity is empty', sv: 'activity is empty' },
  'date.empty': { en: 'date is empty', sv: 'datum saknas' },
  'dateTime.empty': { en: 'date and time are empty', sv: 'datum och tid saknas' },
  'dateTime.invalid': { en: '"{value}" is not a date and time (expected e.g. 2024-04-29 13:58)', sv: '"{value}" är inte datum och tid (väntat t.ex. 2024-04-29 13:58)' },
  'date.invalid': { en: '"{value}" is not a date (expected e.g. 2024-04-29)', sv: '"{value}" är inget datum (väntat t.ex. 2024-04-29)' },
  'date.notReal': { en: '"{value}" is not a real date', sv: '"{value}" är inget verkligt datum' },
  'date.notRealDayMonth': { en: `"{value}" is not a real date in the file's D/M/YYYY order`, sv: '"{value}" är inget verkligt datum med dag före månad, som i resten av filen' },
  'date.notRealMonthDay': { en: `"{value}" is not a real date in the file's M/D/YYYY order`, sv: '"{value}" är inget verkligt datum med månad före dag, som i resten av filen' },
  'time.invalid': { en: '"{value}" is not a time of day (expected e.g. 13:58)', sv: '"{value}" är inget klockslag (väntat t.ex. 13:58)' },
  'time.notReal': { en: '"{value}" is not a valid time of day', sv: '"{value}" är inget giltigt klockslag' },
  'start.empty': { en: 'start time is empty', sv: 'starttid saknas' },
  'span.endBeforeStart': { en: 'end "{value}" is before the start; counted at its report time', sv: 'slutet "{value}" är före början; räknas vid anmälningstiden' },
  'span.tooLong': { en: 'the span to "{value}" is longer than {days} days; counted at its report time', sv: 'tiden fram till "{value}" är längre än {days} dygn; räknas vid anmälningstiden' },
  'round.endBeforeStart': { en: 'end time "{value}" is before the start', sv: 'sluttiden "{value}" är före starttiden' },
  'round.overMidnight': {
    en: 'end time "{value}" is before the start time; as a round over midnight it would last {hours} h {minutes} min',
    sv: 'sluttiden "{value}" är före starttiden; som runda över midnatt skulle den vara {hours} h {minutes} min',
  },
  'round.tooLong': { en: 'the round would last {hours} h {minutes} min, more than 24 hours', sv: 'rundan skulle vara {hours} h {minutes} min, mer än ett dygn' },
  'round.noEnd': { en: 'neither an end time nor a duration is given', sv: 'varken sluttid eller varaktighet anges' },
  'duration.tooLong': { en: 'duration "{value}" is more than 24 hours', sv: 'varaktigheten "{value}" är mer än ett dygn' },
  'duration.negative': { en: 'duration "{value}" is negative', sv: 'varaktigheten "{value}" är negativ' },
  'duration.invalid': {
    en: 'duration "{value}" is not a length of time (expected minutes, 1:30 or 1,5 h)',
    sv: 'varaktigheten "{value}" är ingen tidslängd (väntat minuter, 1:30 eller 1,5 h)',
  },
  'coordinates.half': { en: '{given} is given but {missing} is empty', sv: '{given} is given but {missing} is empty' },
  'coordinates.notMetres': { en: '"{value}" is not a number (metres, e.g. 6580822)', sv: '"{value}" is not a number (metres, e.g. 6580822)' },
  'coordinates.notDegrees': { en: '"{value}" is not a number (degrees, e.g. 59.3293)', sv: '"{value}" is not a number (degrees, e.g. 59.3293)' },
  'coordinates.swappedMetres': {
    en: 'northing {northing} and easting {easting} are the wrong way round: in SWEREF 99 TM a northing in Sweden is 6.1 to 7.7 million metres',
    sv: 'northing {northing} and easting {easting} are the wrong way round: in SWEREF 99 TM a northing in Sweden is 6.1 to 7.7 million metres',
  },
  'coordinates.outsideMetres': {
    en: 'N {northing}, E {easting} is not a place in Sweden in SWEREF 99 TM (EPSG:3006): another coordinate system?',
    sv: 'N {northing}, E {easting} is not a place in Sweden in SWEREF 99 TM (EPSG:3006): another coordinate system?',
  },
  'coordinates.swappedDegrees': {
    en: 'latitude {latitude} and longitude {longitude} are the wrong way round',
    sv: 'latitude {latitude} and longitude {longitude} are the wrong way round',
  },
  'coordinates.outsideDegrees': {
    en: 'latitude {latitude}, longitude {longitude} is not a place in Sweden (WGS84 degrees)',
    sv: 'latitude {latitude}, longitude {longitude} is not a place in Sweden (WGS84 degrees)',
  },
};

/** A reason in words: `Datum: "2024-04-3x" is not a date (expected e.g. 2024-04-29)`. */
export function reasonText(language: Language, { code, params }: Reason): string {
  const words = fill(REASON_TEXTS[code][language], params);
  return params.column === undefined ? words : `${params.column}: ${words}`;
}

/**
 * A rejected row of the model, its reason in the report's language: the
 * English `reason` as it is, or worded again from the params read back out of
 * it. A reason its code's English does not match (a masked word in the
 * text itself) stays as it is.
 */
export function rejectedReason(language: Language, row: { code?: unknown; reason: string }): string {
  if (language === 'en' || !isReasonCode(row.code)) return row.reason;
  const { pattern, names } = readBack(row.code);
  const m = pattern.exec(row.reason);
  if (!m) return row.reason;
  const params = Object.fromEntries(names.map((name, i) => [name, m[i + 2]]));
  return m[1] + fill(REASON_TEXTS[row.code][language], params);
}

const NUMBER = '(-?\\d+(?:\\.\\d+)?(?:e[+-]\\d+)?)';
const readers = new Map<ReasonCode, { pattern: RegExp; names: string[] }>();

/**
 * The code's English text as a pattern: whatever heads it (the header, "Datum: "),
 * then the text with each `{name}` caught, numbers as numbers.
 */
function readBack(code: ReasonCode): { pattern: RegExp; names: string[] } {
  let reader = readers.get(code);
  if (reader === undefined) {
    const kinds: Record<string, string> = REASON_PARAMS[code];
    const names: string[] = [];
    const parts = REASON_TEXTS[code].en.split(/\{(\w+)\}/);
    const body = parts.map((part, i) => {
      if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part);
      return kinds[part] === 'number' ? NUMBER : '(.*)';
    });
    reader = { pattern: new RegExp(`^([\\s\\S]*?)${body.join('')}$`), names };
    readers.set(code, reader);
  }
  return reader;
}
