/** Which categories are serious: the default rules, matched loosely, and a config's list in their place. */
import { describe, expect, it } from 'vitest';
import { configuredMatcher, defaultMatcher } from '../../src/model/serious-categories.js';

const serious = defaultMatcher();
const ruleOf = (name: string) => serious.ruleOf(name)?.name;

describe('the default serious categories', () => {
  it('takes what police and municipal exports call serious, in any word order, case or diacritics', () => {
    const taken: [string, string][] = [
      ['Misshandel, grov', 'misshandel'],
      ['Grov misshandel', 'misshandel'],
      ['MISSHANDEL', 'misshandel'],
      ['Kvinnomisshandel', 'misshandel'],
      ['Rån mot person', 'rån'],
      ['Ran, forsok', 'rån'],
      ['Personrån', 'rån'],
      ['Rån väpnat', 'rån'],
      ['Skottlossning', 'skottlossning'],
      ['Skottlossning, misstänkt', 'skottlossning'],
      ['Explosion', 'explosion'],
      ['Detonation', 'explosion'],
      ['Olaga hot', 'hot'],
      ['Hotfull situation', 'hot'],
      ['Hotfullt beteende', 'hot'],
      ['Bombhot', 'hot'],
      ['Våld/hot mot tjänsteman', 'hot'],
      ['våld', 'våld'],
      ['Våldsamt upplopp', 'våld'],
      ['Familjevåld', 'våld'],
      ['Mord/dråp, försök', 'mord/dråp'],
      ['Våldtäkt, försök', 'våldtäkt'],
      ['Olaga frihetsberövande', 'människorov'],
      ['Brand', 'brand'],
      ['Brand i byggnad', 'brand'],
      ['anlagd brand', 'brand'],
      ['Anlagda bränder', 'brand'],
      ['Bilbrand', 'brand'],
      ['Skadegörelse genom brand', 'brand'],
      ['Mordbrand', 'brand'],
      ['Incident mot personal', 'incident mot personal'],
      ['Assault', 'misshandel'],
      ['Fire in building', 'brand'],
    ];
    expect(taken.map(([name]) => [name, ruleOf(name)])).toEqual(taken);
  });

  it('leaves alarms and look-alikes out: an automatic fire alarm is not a fire, a hotel is no threat', () => {
    const left = [
      'Brandlarm, obefogat', 'Brand automatlarm', 'Automatiskt brandlarm', 'Larm överfall', 'Fire alarm',
      'Hotell', 'Störning på hotellet', 'Stöld från bil', 'Brandfarlig vara', 'Brandvarnare saknas',
      'Skadegörelse', 'Klotter', 'Stöld', 'Inbrott', 'Ordningsstörning', 'Narkotika', 'Otrygghet', 'Fyrverkerier', 'Fireworks',
    ];
    expect(left.filter((name) => ruleOf(name) !== undefined)).toEqual([]);
  });
});

describe("a config's serious categories", () => {
  it('replace the default: its own entries and compounds of them, nothing else', () => {
    const mine = configuredMatcher(['klotter', 'hot']);
    expect(mine.ruleOf('Klotter')?.name).toBe('klotter');
    expect(mine.ruleOf('Klotter på skola')?.name).toBe('klotter');
    expect(mine.ruleOf('Dödshot')?.name).toBe('hot');
    expect(mine.ruleOf('Misshandel')).toBeUndefined();
    expect(mine.ruleOf('Hotell')).toBeUndefined();
  });

  it('take a category that is the entry after aliases, even one that reads as an alarm', () => {
    const mine = configuredMatcher(['Brandlarm', 'Eld'], (name) => (name === 'Eld' ? 'brand' : name.toLowerCase()));
    expect(mine.ruleOf('brandlarm')?.name).toBe('Brandlarm');
    expect(mine.ruleOf('brand')?.name).toBe('Eld');
  });
});
