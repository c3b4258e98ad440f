/**
 * The fields of each kind of export, each with the headers (Swedish and English,
 * compared loosely) it goes by. Shared by the config, which lets a municipality
 * name other headers, and the ingest, which matches them.
 */
import type { InputKind } from './domain.js';

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
  flag: ['särskild händelse', 'allvarlig', 'flagga', 'flaggad', 'prioritet', 'serious', 'flagged', 'priority'],
  // When it happened, as a span: a break-in found in the morning happened between 22:00 and 06:00 (aoristic counting).
  from: ['från', 'från tidpunkt', 'tidpunkt från', 'händelsetid från', 'händelsetidpunkt från', 'brottstid från', 'brottsdatum från', 'datum från', 'från datum', 'inträffade från', 'från kl', 'starttid', 'start', 'start time', 'from', 'occurred from', 'from time'],
  to: ['till', 'till tidpunkt', 'tidpunkt till', 'händelsetid till', 'händelsetidpunkt till', 'brottstid till', 'brottsdatum till', 'datum till', 'till datum', 'inträffade till', 'till kl', 'sluttid', 'slut', 'end time', 'end', 'to', 'occurred to', 'to time'],
  // SWEREF 99 TM metres, as municipal GIS exports give them; X and Y are left out, as Swedish use has X for the northing.
  northing: ['nordkoordinat', 'nordlig koordinat', 'n-koordinat', 'koordinat n', 'sweref n', 'sweref 99 n', 'sweref99 n', 'northing', 'north'],
  easting: ['östkoordinat', 'ostkoordinat', 'östlig koordinat', 'e-koordinat', 'ö-koordinat', 'koordinat e', 'koordinat ö', 'sweref e', 'sweref 99 e', 'sweref99 e', 'easting', 'east'],
  // WGS84 degrees, as a phone or a web map gives them.
  latitude: ['latitud', 'breddgrad', 'lat', 'latitude', 'wgs84 lat'],
  longitude: ['longitud', 'längdgrad', 'lon', 'long', 'lng', 'longitude', 'wgs84 lon'],
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

export const ACTIVITY_FIELDS = {
  date: ['datum', 'date', 'dag', 'genomförd', 'genomfört'],
  activity: ['aktivitet', 'insats', 'åtgärd', 'typ av insats', 'activity', 'action'],
  area: ['område', 'plats', 'area', 'location', 'place'],
  party: ['part', 'ansvarig', 'utförare', 'genomförd av', 'party', 'by'],
} as const;

export type IncidentField = keyof typeof INCIDENT_FIELDS;
export type PatrolField = keyof typeof PATROL_FIELDS;
export type ActivityField = keyof typeof ACTIVITY_FIELDS;
export type FieldOf<K extends InputKind> = K extends 'incidents' ? IncidentField : K extends 'patrols' ? PatrolField : ActivityField;
