import { SafeRegex } from '../../../core/regex.js';
import { either, startsWithDigits, wordAsWritten, wordIn } from '../../anchors.js';
import type { DetectorSpec, Validation } from '../../spec.js';
import { RESIDENCE_CONTEXT } from './context.js';
import {
  ADDRESS_TAIL, alternation, HOUSE_NUMBER_AFTER, HOUSE_NUMBER_FIRST, LETTER, STREET_NAME, UNIT, UPPER,
} from './patterns.js';

/**
 * Street addresses: a house number, a street name and a street-type word, in the order
 * each country writes them, with an optional flat/floor and, when the postcode-and-city
 * line follows (same line after a comma, or the next line), the whole block as one finding.
 */

const SP = '[ \\t]';
const TAIL = `${ADDRESS_TAIL}?`;

/** An address block that ends with a postcode line is certainly an address. */
const ENDS_WITH_POSTCODE_LINE = new SafeRegex(`${ADDRESS_TAIL}$`);
/** A house number that reads as a year ("In 2019 Regent Street…") needs a context word. */
const YEAR_NUMBER = /(?:^|\D)(?:19|20)\d\d(?!\d)/;

function streetVerdict(value: string, nearContext: boolean, weak?: RegExp): Validation {
  if (ENDS_WITH_POSTCODE_LINE.test(value)) return 'confirm';
  if (!nearContext && (YEAR_NUMBER.test(value) || weak?.test(value))) return 'reject';
  return undefined;
}

const ADDRESS_CONTEXT = [...RESIDENCE_CONTEXT, 'located at', 'visit us at', 'ubicado en', 'situé au', 'gelegen aan', 'situado na'];

// ---- English: 221B Baker Street, 1600 Pennsylvania Avenue NW, 742 Evergreen Terrace, Apt 4B

const EN_STRONG = ['Street', 'Avenue', 'Road', 'Lane', 'Boulevard', 'Parkway', 'Highway', 'Crescent'];
const EN_WEAK = ['Drive', 'Way', 'Court', 'Place', 'Terrace', 'Close', 'Square', 'Circle', 'Mews'];
const EN_ABBR = ['St', 'Ave', 'Rd', 'Ln', 'Blvd', 'Pkwy', 'Hwy', 'Cres', 'Dr', 'Ct', 'Pl', 'Ter', 'Sq', 'Cir'];
const EN_TYPE = `(?:(?i:${[...EN_STRONG, ...EN_WEAK].join('|')})|${EN_ABBR.join('|')})\\b\\.?`;
/** "Drive", "Court", "Place"… also end ordinary phrases ("2 Hard Drive", "9 Supreme Court"). */
const EN_WEAK_END = /(?:Drive|Dr\.?|Way|Court|Ct\.?|Place|Pl\.?|Terrace|Ter\.?|Close|Square|Sq\.?|Circle|Cir\.?|Mews)(?:[ \t]+(?:N|S|E|W|NE|NW|SE|SW)\.?)?$/i;
const EN_NAME_TOKEN = `(?:[${UPPER}][${LETTER}'’-]*\\.?|\\d{1,3}(?:st|nd|rd|th))`;
const EN_DIRECTION = `(?:${SP}+(?:N|S|E|W|NE|NW|SE|SW)\\b\\.?)?`;
const EN_LEAD_UNIT = `(?:(?i:flat|apartment|apt|suite|unit)\\.?${SP}+\\d[0-9A-Za-z]{0,3}\\b,?${SP}+)?`;
const EN_ADDRESS =
  `${EN_LEAD_UNIT}${HOUSE_NUMBER_FIRST}${SP}+(?:(?:N|S|E|W|North|South|East|West)\\.?${SP}+)?` +
  `(?:${EN_NAME_TOKEN}${SP}+)+${EN_TYPE}${EN_DIRECTION}${UNIT}${TAIL}`;

// ---- French, number first: 12 rue de la Paix, 5 bis avenue Victor Hugo, 8 boulevard Saint-Michel

const FR_TYPES = ['rue', 'avenue', 'boulevard', 'place', 'chemin', 'allée', 'impasse', 'quai', 'route', 'faubourg', 'chaussée', 'ruelle', 'sentier'];
/** Abbreviations only as printed ("av.", "bd"), so the letters of a Dutch postcode ("5311 AV") are not a street. */
const FR_TYPE = `(?:(?i:${FR_TYPES.join('|')})\\b|[aA]v\\.|[bB]d\\b\\.?|[bB]vd\\b\\.?)`;
const FR_ADDRESS = `${HOUSE_NUMBER_FIRST}(?:${SP}?(?:bis|ter|quater)\\b)?,?${SP}+${FR_TYPE}${SP}+${STREET_NAME}${UNIT}${TAIL}`;

// ---- Type word first, number after: Via Roma 10, Calle Mayor 5, C/ Mayor, 5, Rua Augusta, 100,
//      Avenue Louise 54, ul. Marszałkowska 10, Av. Paulista, 1578

/** Capitalised only where the word is also English ("via", "place", "route"); both cases elsewhere. */
const TYPE_FIRST_WORDS = [
  'Via', 'Viale', 'viale', 'Piazza', 'piazza', 'Piazzale', 'piazzale', 'Corso', 'corso', 'Largo', 'largo', 'Vicolo', 'vicolo', 'Lungomare', 'Strada',
  'Calle', 'calle', 'Avenida', 'avenida', 'Plaza', 'Paseo', 'Camino', 'Carretera', 'Ronda', 'Travesía', 'Rambla', 'Glorieta', 'Carrer', 'Passeig', 'Plaça', 'Avinguda',
  'Rua', 'rua', 'Travessa', 'travessa', 'Praça', 'praça', 'Alameda', 'Estrada', 'Rodovia',
  'Rue', 'Avenue', 'Boulevard', 'Place', 'Chaussée', 'Chemin', 'Quai', 'Route', 'Allée', 'Impasse',
  'ulica', 'Ulica', 'Aleja', 'aleja',
];
const TYPE_FIRST_ABBR = ['C/', 'Avda.', 'Avd.', 'Av.', 'Pza.', 'Pº', 'Ctra.', 'Tv.', 'ul.', 'Ul.', 'al.', 'Al.', 'pl.', 'os.'];
const TYPE_FIRST_START = new Set([...TYPE_FIRST_WORDS, ...TYPE_FIRST_ABBR].map((w) => /^[\p{L}\p{N}\p{M}]+/u.exec(w)?.[0] ?? w));
const NUMBER_PREFIX = `(?:[nN]\\.?[º°]|[nN]\\.|No\\.|[Nn]r\\.?|[Nn]ú?m\\.)${SP}*`;
const TYPE_FIRST_ADDRESS =
  `(?:${alternation(TYPE_FIRST_WORDS)}${SP}+|${alternation(TYPE_FIRST_ABBR)}${SP}*)${STREET_NAME}` +
  `(?:,${SP}*|${SP}+)(?:${NUMBER_PREFIX})?(?:${HOUSE_NUMBER_AFTER}|s/n\\b)${UNIT}${TAIL}`;

// ---- Street-type suffix, number after: Hauptstraße 12, Karl-Marx-Allee 5, Keizersgracht 123,
//      Berliner Straße 5, Am Marktplatz 3, Drottninggatan 5, Strandvej 12

const COMPOUND_SUFFIX =
  '(?i:straße|strasse|str\\.|str|gasse|weg|platz|allee|damm|ufer|chaussee|steig|pfad|gürtel|graben|markt|straat|laan|plein|gracht|kade|dijk|singel|steeg|gade|gatan|vägen|vej|veien)';
const STANDALONE_WORDS = [
  'Straße', 'Strasse', 'Str.', 'Weg', 'Platz', 'Allee', 'Gasse', 'Damm', 'Ufer', 'Chaussee', 'Markt', 'Steig', 'Pfad',
  'Straat', 'Laan', 'Plein', 'Gracht', 'Kade', 'Dijk', 'Singel',
];
const STANDALONE_TYPE = alternation(STANDALONE_WORDS);
const COMPOUND_LEAD = `(?:${alternation(['Am', 'Im', 'Zum', 'Zur', 'Auf der', 'Auf dem', 'An der', 'An den', 'In der', 'Van', 'Van de', 'Van der', 'De', 'Sankt', 'St.'])}${SP}+)?`;
const COMPOUND_ADDRESS =
  `(?:${COMPOUND_LEAD}[${UPPER}][${LETTER}-]*${COMPOUND_SUFFIX}|[${UPPER}][${LETTER}-]*${SP}+${STANDALONE_TYPE})` +
  `(?:,${SP}*|${SP}+)${HOUSE_NUMBER_AFTER}${UNIT}${TAIL}`;
/**
 * Not streets, though shaped like one: compounds that take a number ("Arbeitsplatz 3",
 * "Parkplatz 12") and an article before a bare street word ("Die Straße 5 Minuten…").
 */
const NOT_STREETS = new RegExp(
  '^(?:(?:Arbeits|Park|Stell|Sitz|Abstell|Lager|Stand|Spiel|Camping|Sport|Flug|Liege|Steh|Super|Binnen|Ziel|Absatz|Rück|Hin|Um|Lösungs|Rechts|Dienst|Zahlungs|Liefer|Versand|Fuß|Rad|Zu)(?:platz|markt|weg)' +
    `|(?:Die|Der|Das|Den|Dem|Des|Ein|Eine|Einer|Einen|Diese|Dieser|Jede|Jeder|Meine|Unsere|Ihre|Keine|Kein|Het|Een|Deze|De|The|This|That|Our|Your|My)[ \\t]+${STANDALONE_TYPE})(?![\\p{L}])`,
  'u',
);

export const streetAddressDetectors: DetectorSpec[] = [
  {
    id: 'street-address-en',
    entity: 'STREET_ADDRESS',
    description:
      'English-style street addresses (house number, capitalised name, street type), with flat/suite and the following city-state-ZIP / UK / Canadian / Australian / Irish postcode line',
    // anchored: the house number, or "Flat" / "Apt" / "Suite" / "Unit" before it
    patterns: [
      {
        name: 'number-first',
        regex: EN_ADDRESS,
        score: 0.7,
        startsAt: either(startsWithDigits(6), wordIn(['flat', 'apartment', 'apt', 'suite', 'unit'])),
      },
    ],
    minDigits: 1,
    // every match holds one street type as a whole word (between a blank and `\b`)
    keywords: [...EN_STRONG, ...EN_WEAK, ...EN_ABBR],
    keywordMatch: 'whole-word',
    context: ADDRESS_CONTEXT,
    validate: (value, facts) => streetVerdict(value, facts.nearContext, EN_WEAK_END),
    samples: {
      tp: [
        '221B Baker Street',
        { text: 'Ship to 1600 Pennsylvania Avenue NW, Washington, DC 20500 by Friday.', value: '1600 Pennsylvania Avenue NW, Washington, DC 20500' },
        { text: 'Her new home is 42 Maple Rd., Apt 4B, Springfield, IL 62704 since May.', value: '42 Maple Rd., Apt 4B, Springfield, IL 62704' },
        { text: 'Customer address:\n10 Downing Street\nLondon\nSW1A 2AA\nUnited Kingdom\nThanks', value: '10 Downing Street\nLondon\nSW1A 2AA\nUnited Kingdom' },
        { text: 'Office: 350 Fifth Avenue, Suite 3300, New York, NY 10118', value: '350 Fifth Avenue, Suite 3300, New York, NY 10118' },
        { text: 'She moved to 88 Queen St W, Toronto, ON M5H 2N2 last year.', value: '88 Queen St W, Toronto, ON M5H 2N2' },
        { text: 'Deliver to Flat 3, 12 Harbour Lane, Brighton BN1 1AA.', value: 'Flat 3, 12 Harbour Lane, Brighton BN1 1AA' },
        { text: 'Lives at 742 Evergreen Terrace with two kids.', value: '742 Evergreen Terrace' },
        { text: 'Postal: 10 George Street, Sydney NSW 2000', value: '10 George Street, Sydney NSW 2000' },
        { text: 'Send the form to 5 Main St. and call back.', value: '5 Main St.' },
      ],
      fp: [
        'We replaced 2 Hard Drive units in the server.',
        'Three of the 9 Supreme Court justices agreed.',
        'In 2019 Oxford Street was closed for the parade.',
        'Street food on Main Street is great',
        'Check the 12th Street Festival',
        'room 12 on the second floor',
        'Order 5 Red Widgets today',
      ],
    },
  },
  {
    id: 'street-address-fr',
    entity: 'STREET_ADDRESS',
    description: 'French-style street addresses (number, then rue / avenue / boulevard / place / chemin and the name), with the postcode line',
    patterns: [{ name: 'number-first', regex: FR_ADDRESS, score: 0.75 }],
    minDigits: 1,
    // the street type stands as a whole word (blanks around it)
    keywords: [...FR_TYPES, 'av.', 'bd', 'bvd'],
    keywordMatch: 'whole-word',
    context: ADDRESS_CONTEXT,
    validate: (value, facts) => streetVerdict(value, facts.nearContext),
    samples: {
      tp: [
        '12 rue de la Paix',
        { text: 'Adresse : 12 rue de la Paix, 75002 Paris', value: '12 rue de la Paix, 75002 Paris' },
        { text: 'Livraison au 5 bis avenue Victor Hugo\n69003 Lyon\nFrance, merci.', value: '5 bis avenue Victor Hugo\n69003 Lyon\nFrance' },
        { text: 'Il habite 8 boulevard Saint-Michel, 3e étage, 75006 Paris depuis mars.', value: '8 boulevard Saint-Michel, 3e étage, 75006 Paris' },
        { text: 'Le client réside au 3 place d\'Italie, bât. 2, 75013 Paris.', value: '3 place d\'Italie, bât. 2, 75013 Paris' },
        { text: 'Envoyer au 14 chemin des Vignes, 1290 Versoix, Suisse.', value: '14 chemin des Vignes, 1290 Versoix, Suisse' },
      ],
      fp: [
        'Il y a 3 rues dans le quartier',
        'Nous avons 2 places de Parking libres',
        'Prenez la 2 route',
        'En 2020 rue de Rivoli était fermée.',
        '12 rue sans nom',
        'Postcode 5311 AV La Haye is Dutch-shaped',
      ],
    },
  },
  {
    id: 'street-address-type-first',
    entity: 'STREET_ADDRESS',
    description:
      'Street addresses written type first, number after (Via Roma 10, Calle Mayor 5, Rua Augusta, 100, Avenue Louise 54, ul. Marszałkowska 10), with flat/floor and the postcode line',
    // anchored at the street type's first word, as written ("Via", "Calle", "Av" of "Av.")
    patterns: [{ name: 'type-first', regex: TYPE_FIRST_ADDRESS, score: 0.7, startsAt: wordAsWritten(TYPE_FIRST_START) }],
    minDigits: 1,
    keywords: [...new Set([...TYPE_FIRST_WORDS, ...TYPE_FIRST_ABBR].map((w) => w.toLowerCase()))],
    context: ADDRESS_CONTEXT,
    validate: (value, facts) => streetVerdict(value, facts.nearContext),
    samples: {
      tp: [
        'Via Roma 10',
        { text: 'Indirizzo: Via dei Mille 24, int. 5, 00185 Roma RM', value: 'Via dei Mille 24, int. 5, 00185 Roma RM' },
        { text: 'Dirección: Calle de Alcalá, 45, 3º B, 28014 Madrid', value: 'Calle de Alcalá, 45, 3º B, 28014 Madrid' },
        { text: 'Vive en C/ Mayor, 5, piso 2 desde enero.', value: 'C/ Mayor, 5, piso 2' },
        { text: 'Morada: Rua Augusta, 100, 2º Esq., 1100-053 Lisboa', value: 'Rua Augusta, 100, 2º Esq., 1100-053 Lisboa' },
        { text: 'Siège : Avenue Louise 54 bte 3, 1050 Bruxelles', value: 'Avenue Louise 54 bte 3, 1050 Bruxelles' },
        { text: 'Adres: ul. Marszałkowska 10/5\n00-590 Warszawa', value: 'ul. Marszałkowska 10/5\n00-590 Warszawa' },
        { text: 'Escritório na Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200.', value: 'Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200' },
        { text: 'Recogida en Paseo de la Castellana 259, Madrid', value: 'Paseo de la Castellana 259' },
      ],
      fp: [
        'We shipped it via DHL 3 days ago',
        'Via Email 2024 campaign results',
        'Piazza Navona 2019 was crowded',
        'the calle was empty',
        'Rua 25 de Março',
      ],
    },
  },
  {
    id: 'street-address-compound',
    entity: 'STREET_ADDRESS',
    description:
      'Street addresses whose street word is a suffix, number after (Hauptstraße 12, Keizersgracht 123, Berliner Straße 5, Drottninggatan 5), with floor/flat and the postcode line',
    patterns: [{ name: 'suffix-number', regex: COMPOUND_ADDRESS, score: 0.7 }],
    minDigits: 1,
    keywords: [
      'straße', 'strasse', 'str', 'gasse', 'weg', 'platz', 'allee', 'damm', 'ufer', 'chaussee', 'steig', 'pfad', 'gürtel', 'graben',
      'markt', 'straat', 'laan', 'plein', 'gracht', 'kade', 'dijk', 'singel', 'steeg', 'gade', 'gatan', 'vägen', 'vej', 'veien',
    ],
    context: ADDRESS_CONTEXT,
    validate: (value, facts) => (NOT_STREETS.test(value) ? 'reject' : streetVerdict(value, facts.nearContext)),
    samples: {
      tp: [
        'Hauptstraße 12',
        { text: 'Anschrift: Hauptstraße 12, 2. OG\n10115 Berlin', value: 'Hauptstraße 12, 2. OG\n10115 Berlin' },
        { text: 'Er wohnt in der Berliner Straße 5a, 80331 München.', value: 'Berliner Straße 5a, 80331 München' },
        { text: 'Adres: Keizersgracht 123-A, 1015 CJ Amsterdam', value: 'Keizersgracht 123-A, 1015 CJ Amsterdam' },
        { text: 'Lieferung an Bahnhofstrasse 1, CH-8001 Zürich, Schweiz', value: 'Bahnhofstrasse 1, CH-8001 Zürich, Schweiz' },
        { text: 'Am Marktplatz 3 | 69117 Heidelberg', value: 'Am Marktplatz 3 | 69117 Heidelberg' },
        { text: 'Mariahilfer Straße 1/2/3, 1060 Wien', value: 'Mariahilfer Straße 1/2/3, 1060 Wien' },
        { text: 'Kontor: Drottninggatan 5, 111 51 Stockholm', value: 'Drottninggatan 5, 111 51 Stockholm' },
        { text: 'Karl-Marx-Allee 90 ist die neue Adresse', value: 'Karl-Marx-Allee 90' },
      ],
      fp: [
        'Arbeitsplatz 3 ist defekt',
        'Parkplatz 12 ist reserviert',
        'Die Straße 5 Minuten entfernt',
        'Der Weg 2024 war lang',
        'Marktstraße',
      ],
    },
  },
];
