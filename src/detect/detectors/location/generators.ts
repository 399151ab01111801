import { CITIES } from './cities.js';
import { COUNTRIES } from './countries.js';
import { AU_STATES, CA_PROVINCES, POSTCODE_FORMATS, US_STATES } from './postcodes.js';

/**
 * Random, well-formed STREET_ADDRESS and LOCATION values in the forms people print them,
 * for the labelled evaluation corpus. Street names are ordinary ones; numbers are random.
 */

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const int = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const chance = (rand: Rand, p: number): boolean => rand() < p;
/** House numbers and 4-digit postcodes that read as years are avoided: alone they need context. */
const notYear = (rand: Rand, draw: (r: Rand) => string): string => {
  for (;;) {
    const value = draw(rand);
    if (!/^(?:19|20)\d\d$/.test(value)) return value;
  }
};

/** Names an address line can carry: capitalised words, no comma or dotted abbreviation except "St.". */
const ADDRESS_LINE_CITY = /^(?:St\. )?\p{Lu}[^,.]*$/u;
/** The native (first) spelling of each gazetteer city, by country. */
const CITY_BY_COUNTRY = new Map<string, string[]>();
for (const city of CITIES) {
  const name = city.names[0] as string;
  if (!ADDRESS_LINE_CITY.test(name)) continue;
  CITY_BY_COUNTRY.set(city.cc, [...(CITY_BY_COUNTRY.get(city.cc) ?? []), name]);
}
const cityOf = (rand: Rand, cc: string): string => pick(rand, CITY_BY_COUNTRY.get(cc) ?? ['Berlin']);
const postcodeOf = (rand: Rand, cc: string): string => {
  const format = POSTCODE_FORMATS[cc];
  if (!format) throw new Error(`no postcode format for ${cc}`);
  return notYear(rand, format.sample);
};
const countryName = (rand: Rand, cc: string): string => pick(rand, COUNTRIES.find((c) => c.cc === cc)?.names ?? ['Germany']);

const lineBreak = (rand: Rand): string => (chance(rand, 0.5) ? ', ' : '\n');
/** The postcode line after the street, sometimes with a country line. */
const europeanTail = (rand: Rand, cc: string, prefix = ''): string =>
  `${lineBreak(rand)}${prefix}${postcodeOf(rand, cc)} ${cityOf(rand, cc)}${chance(rand, 0.2) ? `${lineBreak(rand)}${countryName(rand, cc)}` : ''}`;

const EN_NAMES = ['Main', 'Oak', 'Maple', 'High', 'Church', 'Park', 'Station', 'Elm', 'Cedar', 'King', 'Queen', 'Mill', 'Harbour', 'Bridge', 'Green', 'Sunset', 'Lincoln', 'Baker', 'Victoria', 'North Shore', 'St. Mary\'s', '5th', 'Fifth'];
const EN_STRONG = ['Street', 'St', 'St.', 'Avenue', 'Ave', 'Ave.', 'Road', 'Rd', 'Rd.', 'Lane', 'Boulevard', 'Blvd'];
const EN_WEAK = ['Drive', 'Way', 'Court', 'Place', 'Terrace', 'Close'];
const EN_UNITS = ['Apt 4B', 'Suite 200', 'Unit 7', '#12', 'Apt. 3', 'Floor 2'];

function englishStreet(rand: Rand, withTail: boolean): string {
  const type = withTail && chance(rand, 0.3) ? pick(rand, EN_WEAK) : pick(rand, EN_STRONG);
  const number = notYear(rand, (r) => String(int(r, 1, 9999)) + (chance(r, 0.1) ? 'B' : ''));
  const unit = chance(rand, 0.3) ? `, ${pick(rand, EN_UNITS)}` : '';
  return `${number} ${pick(rand, EN_NAMES)} ${type}${unit}`;
}

type Style = (rand: Rand) => string;

const STYLES: Record<string, Style> = {
  US: (r) => {
    const tail = chance(r, 0.7);
    const street = englishStreet(r, tail);
    return tail ? `${street}${lineBreak(r)}${cityOf(r, 'US')}, ${pick(r, US_STATES)} ${postcodeOf(r, 'US')}` : street;
  },
  GB: (r) => {
    const tail = chance(r, 0.7);
    const street = englishStreet(r, tail);
    return tail ? `${street}${lineBreak(r)}${cityOf(r, 'GB')}${chance(r, 0.5) ? ' ' : '\n'}${postcodeOf(r, 'GB')}` : street;
  },
  CA: (r) => `${englishStreet(r, true)}, ${cityOf(r, 'CA')}, ${pick(r, CA_PROVINCES)} ${postcodeOf(r, 'CA')}`,
  AU: (r) => `${englishStreet(r, true)}, ${cityOf(r, 'AU')} ${pick(r, AU_STATES)} ${postcodeOf(r, 'AU')}`,
  IE: (r) => `${englishStreet(r, true)}, Dublin ${int(r, 1, 24)}, ${postcodeOf(r, 'IE')}`,
  DE: (r) => {
    const prefix = pick(r, ['Haupt', 'Bahnhof', 'Schiller', 'Goethe', 'Linden', 'Garten', 'Kirch', 'Mozart', 'Friedrich-Ebert-', 'Karl-Marx-', 'Tal']);
    const suffix = pick(r, ['straße', 'strasse', 'str.', 'weg', 'allee', 'gasse', 'damm']);
    // after a hyphen the street word is capitalised: Friedrich-Ebert-Straße
    const compound = `${prefix}${prefix.endsWith('-') ? suffix.charAt(0).toUpperCase() + suffix.slice(1) : suffix}`;
    const street = chance(r, 0.75)
      ? compound
      : `${pick(r, ['Berliner', 'Kölner', 'Frankfurter', 'Alte', 'Lange'])} ${pick(r, ['Straße', 'Str.', 'Allee', 'Weg'])}`;
    const unit = chance(r, 0.2) ? `, ${pick(r, ['2. OG', '3. Stock', 'Whg. 5', 'EG'])}` : '';
    return `${street} ${int(r, 1, 250)}${chance(r, 0.15) ? 'a' : ''}${unit}${chance(r, 0.7) ? europeanTail(r, 'DE') : ''}`;
  },
  AT: (r) => `${pick(r, ['Mariahilfer Straße', 'Kärntner Straße', 'Praterstraße', 'Herrengasse'])} ${int(r, 1, 120)}${chance(r, 0.3) ? `/${int(r, 1, 9)}/${int(r, 1, 20)}` : ''}${chance(r, 0.7) ? europeanTail(r, 'AT') : ''}`,
  CH: (r) => `${pick(r, ['Bahnhofstrasse', 'Seestrasse', 'Dorfstrasse', 'Rennweg'])} ${int(r, 1, 99)}${chance(r, 0.7) ? europeanTail(r, 'CH', chance(r, 0.3) ? 'CH-' : '') : ''}`,
  NL: (r) => {
    const street = `${pick(r, ['Keizers', 'Heren', 'Prinsen'])}gracht`;
    const other = `${pick(r, ['Kalver', 'Dam', 'Leidse', 'Stations', 'Dorps', 'Bloemen', 'Markt'])}${pick(r, ['straat', 'weg', 'laan', 'plein'])}`;
    return `${chance(r, 0.5) ? street : other} ${int(r, 1, 400)}${chance(r, 0.2) ? '-A' : ''}${chance(r, 0.7) ? europeanTail(r, 'NL') : ''}`;
  },
  BE: (r) => `${pick(r, ['Rue de la Loi', 'Avenue Louise', 'Boulevard Anspach', 'Chaussée de Waterloo'])} ${int(r, 1, 300)}${chance(r, 0.3) ? ` bte ${int(r, 1, 12)}` : ''}${chance(r, 0.7) ? europeanTail(r, 'BE') : ''}`,
  FR: (r) => `${int(r, 1, 150)}${chance(r, 0.1) ? ' bis' : ''} ${pick(r, ['rue de la Paix', 'avenue Victor Hugo', 'boulevard Saint-Michel', 'place de la République', "rue de l'Église", 'chemin des Vignes', 'avenue des Champs-Élysées', 'quai de la Tournelle'])}${chance(r, 0.75) ? europeanTail(r, 'FR') : ''}`,
  ES: (r) => {
    const street = pick(r, ['Calle Mayor', 'Calle de Alcalá', 'Avenida de la Constitución', 'C/ Serrano', 'Paseo de Gracia', 'Plaza de España', 'Calle Gran Vía']);
    const unit = chance(r, 0.3) ? `, ${pick(r, ['3º B', 'piso 2', '2º 1ª', 'pta. 4'])}` : '';
    return `${street}${chance(r, 0.5) ? ',' : ''} ${int(r, 1, 200)}${unit}${chance(r, 0.7) ? europeanTail(r, 'ES') : ''}`;
  },
  IT: (r) => {
    const street = pick(r, ['Via Roma', 'Via Garibaldi', 'Corso Vittorio Emanuele', 'Piazza del Popolo', 'Viale dei Mille', 'Via della Conciliazione', 'Largo Argentina']);
    const unit = chance(r, 0.2) ? `, int. ${int(r, 1, 20)}` : '';
    return `${street}${chance(r, 0.3) ? ',' : ''} ${int(r, 1, 180)}${unit}${chance(r, 0.7) ? europeanTail(r, 'IT') : ''}`;
  },
  PT: (r) => {
    const unit = chance(r, 0.3) ? `, ${pick(r, ['2º Esq.', '1º Dto.', '3º'])}` : '';
    return `${pick(r, ['Rua Augusta', 'Avenida da Liberdade', 'Rua das Flores', 'Travessa do Carmo', 'Praça do Comércio'])}, ${int(r, 1, 300)}${unit}${chance(r, 0.7) ? europeanTail(r, 'PT') : ''}`;
  },
  PL: (r) => `ul. ${pick(r, ['Marszałkowska', 'Piotrkowska', 'Długa', 'Floriańska', 'Nowy Świat'])} ${int(r, 1, 150)}${chance(r, 0.4) ? `/${int(r, 1, 40)}` : ''}${chance(r, 0.7) ? europeanTail(r, 'PL') : ''}`,
  SE: (r) => `${pick(r, ['Drottninggatan', 'Kungsgatan', 'Storgatan', 'Sveavägen'])} ${int(r, 1, 120)}${chance(r, 0.7) ? europeanTail(r, 'SE') : ''}`,
  DK: (r) => `${pick(r, ['Vesterbrogade', 'Nørrebrogade', 'Strandvej', 'Amagerbrogade'])} ${int(r, 1, 200)}${chance(r, 0.7) ? europeanTail(r, 'DK') : ''}`,
  BR: (r) =>
    `${pick(r, ['Av. Paulista', 'Rua Oscar Freire', 'Avenida Atlântica', 'Rua Augusta'])}, ${int(r, 1, 3000)}` +
    (chance(r, 0.6) ? ` - ${pick(r, ['Bela Vista', 'Jardins', 'Copacabana', 'Centro'])}, ${cityOf(r, 'BR')} - ${pick(r, ['SP', 'RJ', 'MG'])}, ${postcodeOf(r, 'BR')}` : ''),
};

/** A gazetteer city with its postcode, written the way its country writes it. */
function postcodeCity(rand: Rand): string {
  const city = pick(rand, CITIES.filter((c) => POSTCODE_FORMATS[c.cc] && CITY_BY_COUNTRY.has(c.cc)));
  const name = pick(rand, city.names.filter((n) => ADDRESS_LINE_CITY.test(n)));
  const pc = postcodeOf(rand, city.cc);
  switch (city.cc) {
    case 'US': return `${name}, ${pick(rand, US_STATES)} ${pc}`;
    case 'CA': return `${name}, ${pick(rand, CA_PROVINCES)} ${pc}`;
    case 'AU': return `${name} ${pick(rand, AU_STATES)} ${pc}`;
    case 'GB': return chance(rand, 0.5) ? `${name} ${pc}` : `${pc} ${name}`;
    case 'IE': return `${name}, ${pc}`;
    default: return POSTCODE_FORMATS[city.cc]?.placement === 'after-city' ? `${name} ${pc}` : `${pc} ${name}`;
  }
}

const GAZETTEER_NAMES = [...CITIES.flatMap((c) => c.names), ...COUNTRIES.flatMap((c) => c.names)];

export const generators: Record<string, (rand: () => number) => string> = {
  STREET_ADDRESS: (rand) => (STYLES[pick(rand, Object.keys(STYLES))] as Style)(rand),
  LOCATION: (rand) => (chance(rand, 0.5) ? postcodeCity(rand) : pick(rand, GAZETTEER_NAMES)),
};
