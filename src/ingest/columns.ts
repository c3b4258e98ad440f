/**
 * Which column holds what. Headers are matched case-insensitively against Swedish
 * and English aliases; a config file can name any other header for a field.
 */
import type { InputKind } from '../domain.js';
import { InputError } from '../errors.js';

export const INCIDENT_FIELDS = {
  datetime: ['tidpunkt', 'datum och tid', 'datum/tid', 'datum & tid', 'händelsetid', 'händelsetidpunkt', 'date and time', 'datetime', 'date/time', 'timestamp', 'time of incident', 'occurred at', 'occurred'],
  date: ['datum', 'händelsedatum', 'date', 'incident date'],
  time: ['tid', 'klockslag', 'kl', 'time', 'time of day'],
  area: ['område', 'plats', 'stadsdel', 'area', 'location', 'place', 'district'],
  category: ['kategori', 'händelsetyp', 'typ', 'category', 'type', 'incident type', 'event type'],
  id: ['id', 'ärendenummer', 'ärendenr', 'ärende-id', 'ärende', 'händelse-id', 'löpnummer', 'incident id', 'case id', 'case number', 'reference'],
  description: ['beskrivning', 'händelsebeskrivning', 'fritext', 'description', 'text', 'details'],
  source: ['källa', 'rapportör', 'inrapporterad av', 'rapporterad av', 'uppgiftslämnare', 'source', 'reporter', 'reported by'],
  address: ['adress', 'gatuadress', 'address', 'street address', 'street'],
} as const;

export const PATROL_FIELDS = {
  start: ['starttid', 'start', 'påbörjad', 'från', 'start time', 'started', 'started at', 'from'],
  end: ['sluttid', 'slut', 'avslutad', 'till', 'end time', 'end', 'ended', 'ended at', 'to'],
  duration: ['varaktighet (min)', 'varaktighet', 'minuter', 'tid (min)', 'längd (min)', 'duration (min)', 'duration', 'minutes'],
  date: ['datum', 'date'],
  area: ['område', 'plats', 'objekt', 'bevakningsobjekt', 'area', 'location', 'site', 'object'],
  guard: ['väktare', 'enhet', 'bevakare', 'patrull', 'guard', 'unit', 'patrol'],
  remarks: ['avvikelse', 'avvikelser', 'anmärkning', 'kommentar', 'remarks', 'deviation', 'deviations', 'comment'],
} as const;

export type IncidentField = keyof typeof INCIDENT_FIELDS;
export type PatrolField = keyof typeof PATROL_FIELDS;
export type FieldOf<K extends InputKind> = K extends 'incidents' ? IncidentField : PatrolField;

const FIELDS = { incidents: INCIDENT_FIELDS, patrols: PATROL_FIELDS } as const;

/** Field name → 0-based column index. */
export type ColumnMap<F extends string> = Partial<Record<F, number>>;

export function normalizeHeader(header: string): string {
  return header.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
}

/**
 * Maps a file's header row to fields: a header configured for a field wins,
 * then the first header matching one of the field's aliases.
 */
export function mapColumns<K extends InputKind>(
  kind: K,
  headers: readonly string[],
  configured: Partial<Record<string, string>> = {},
): ColumnMap<FieldOf<K>> {
  const normalized = headers.map(normalizeHeader);
  const map: Record<string, number> = {};
  const taken = new Set<number>();
  const fields = FIELDS[kind] as Record<string, readonly string[]>;
  for (const [field, header] of Object.entries(configured)) {
    if (header === undefined) continue;
    const index = normalized.indexOf(normalizeHeader(header));
    if (index >= 0) {
      map[field] = index;
      taken.add(index);
    }
  }
  for (const [field, aliases] of Object.entries(fields)) {
    if (map[field] !== undefined) continue;
    const index = normalized.findIndex((h, i) => !taken.has(i) && aliases.includes(h));
    if (index >= 0) {
      map[field] = index;
      taken.add(index);
    }
  }
  return map as ColumnMap<FieldOf<K>>;
}

/** Throws, naming the file, the missing field, its aliases and the headers that were found. */
export function requireColumns<F extends string>(
  file: string,
  kind: InputKind,
  headers: readonly string[],
  map: ColumnMap<F>,
  required: ReadonlyArray<F | readonly F[]>,
): void {
  const fields = FIELDS[kind] as Record<string, readonly string[]>;
  for (const need of required) {
    const options: readonly F[] = typeof need === 'string' ? [need] : need;
    if (options.some((f) => map[f] !== undefined)) continue;
    const wanted = options.map((f) => `${f} (${fields[f]!.slice(0, 4).map(quote).join(', ')}…)`).join(' or ');
    throw new InputError(
      { file, line: 1 },
      `missing required column: ${wanted}. Headers found: ${headers.map(quote).join(', ') || '(none)'}. ` +
        `Map another header in the config under "columns.${kind}".`,
    );
  }
}

const quote = (s: string) => `"${s}"`;
