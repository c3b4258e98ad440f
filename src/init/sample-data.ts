/**
 * Exports to try a new set-up with: a fictional municipality's incidents and
 * guard rounds over two fortnights ending on a given day, so that the first
 * `generate` shows a real-looking lägesbild with a comparison. The same start
 * day always gives the same files.
 */
import { addCalendarDays } from '../period.js';
import { mulberry32 } from '../random.js';

const AREAS = ['Centrum', 'Inre hamnen', 'Stationsområdet', 'Norrskolan', 'Stadsparken', 'Västra industriområdet'];
/** Incidents per area and fortnight are drawn around these weights: the harbour rises, the centre falls. */
const WEIGHT_NOW = [10, 16, 8, 6, 7, 3];
const WEIGHT_BEFORE = [13, 8, 8, 5, 6, 3];
const EVENTS: Record<string, string[]> = {
  skadegörelse: ['Krossad ruta i busskur.', 'Klotter på fasaden mot torget.', 'Sönderslagen belysning längs gångvägen.'],
  ordningsstörning: ['Högljudd grupp vid kiosken.', 'Buskörning med moped vid parkeringen.', 'Fyrverkerier mot förbipasserande.'],
  stöld: ['Cykelstöld vid stationen.', 'Inbrott i förråd.', 'Stöld ur bil på parkeringen.'],
  narkotika: ['Misstänkt försäljning vid kajen.', 'Sprutor funna i buskage.'],
  otrygghet: ['Grupp samlas vid kajen, förbipasserande känner sig otrygga.', 'Boende hör av sig om otrygghet kvällstid.'],
  hot: ['Personal hotad vid entrén.', 'Hot mot väktare under rond.'],
  våld: ['Slagsmål mellan ungdomar.', 'Misshandel utanför restaurangen.'],
  brand: ['Brand i papperskorg.', 'Anlagd brand i container.'],
};
const SOURCES = ['Kommunvakt', 'Medborgare', 'Skola', 'Fastighetsägare', 'Räddningstjänsten'];

export interface SampleExports {
  incidents: string;
  patrols: string;
}

/** Two windows of `days` days, the first starting on `from`. */
export function sampleExports(from: string, days: number, timeZone: string): SampleExports {
  const random = mulberry32(0x1a6e5b11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const incidents = ['Ärendenummer;Datum;Tid;Område;Kategori;Beskrivning;Källa'];
  const patrols = ['Starttid;Sluttid;Område;Väktare;Avvikelse'];
  const categories = Object.keys(EVENTS);
  let n = 0;
  for (const [w, weights] of [WEIGHT_BEFORE, WEIGHT_NOW].entries()) {
    const start = addCalendarDays(from, w * days, timeZone);
    const rows: [string, string][] = [];
    weights.forEach((weight, a) => {
      for (let k = 0; k < weight; k++) {
        const day = addCalendarDays(start, Math.floor(random() * days), timeZone);
        // Evenings and nights, as such incidents are.
        const hour = (17 + Math.floor(random() * 10)) % 24;
        const time = `${pad(hour)}:${pad(Math.floor(random() * 60))}`;
        const category = a === 1 && random() < 0.4 ? 'narkotika' : pick(categories);
        rows.push([`${day} ${time}`, `${day};${time};${AREAS[a]};${category};${pick(EVENTS[category]!)};${pick(SOURCES)}`]);
      }
    });
    rows.sort(([a], [b]) => a.localeCompare(b));
    for (const [, row] of rows) incidents.push(`EX-${String(++n).padStart(4, '0')};${row}`);
    for (let d = 0; d < days; d++) {
      const day = addCalendarDays(start, d, timeZone);
      for (const area of AREAS.slice(0, 4)) {
        if (random() < 0.35) continue;
        const hour = 20 + Math.floor(random() * 3);
        const end = hour * 60 + 30 + Math.floor(random() * 4) * 10; // before midnight: the round ends the day it starts
        const remark = random() < 0.1 ? 'Grupp avvisad från området.' : '';
        patrols.push(`${day} ${pad(hour)}:00;${day} ${pad(Math.floor(end / 60))}:${pad(end % 60)};${area};Väktare ${1 + Math.floor(random() * 4)};${remark}`);
      }
    }
  }
  return { incidents: incidents.join('\n') + '\n', patrols: patrols.join('\n') + '\n' };
}

const pad = (n: number) => String(n).padStart(2, '0');

