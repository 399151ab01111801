import { either, startsWithDigit, startsWithDigits, where, wordIn } from '../../anchors.js';
import type { DetectorSpec, Validation } from '../../spec.js';

/**
 * Personal dates and ages: DATE_OF_BIRTH (a calendar date next to "born", "DOB",
 * "Geburtsdatum", "né le" …) and AGE ("42 years old", "aged 42", "Alter: 42", "42 ans").
 */

/** Month names and abbreviations in English, German, French, Spanish, Italian, Dutch, Portuguese. */
const MONTHS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'januari', 'janeiro']],
  [2, ['february', 'feb', 'febr', 'februar', 'février', 'fevrier', 'févr', 'fevr', 'febrero', 'febbraio', 'februari', 'fevereiro', 'fev']],
  [3, ['march', 'mar', 'märz', 'maerz', 'marz', 'mär', 'mars', 'marzo', 'maart', 'mrt', 'março', 'marco']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile']],
  [5, ['may', 'mai', 'mayo', 'maggio', 'mag', 'mei', 'maio']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out']],
  [11, ['november', 'nov', 'novembre', 'noviembre', 'novembro']],
  [12, ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro']],
];
const MONTH_NUMBER = new Map<string, number>(MONTHS.flatMap(([n, names]) => names.map((name) => [name, n] as const)));
const MONTH_ALT = [...MONTH_NUMBER.keys()].sort().join('|');

const DAY_SUFFIX = '(?:st|nd|rd|th|er|º|°)?';
/** Every date shape the validator can parse; one pattern, so the detector costs one scan. */
const DATE =
  '(?:19|20)\\d{2}[-/.]\\d{1,2}[-/.]\\d{1,2}' + // 1985-03-14, 1985/3/14
  '|\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})' + // 14.03.1985, 03/14/1985, 14-03-85
  `|\\d{1,2}${DAY_SUFFIX}\\.?[ \\t]+(?:de[ \\t]+|of[ \\t]+)?(?:${MONTH_ALT})\\.?,?[ \\t]+(?:de[ \\t]+)?\\d{4}` + // 14. März 1985, 14 de marzo de 1985
  `|(?:${MONTH_ALT})\\.?[ \\t]+\\d{1,2}${DAY_SUFFIX},?[ \\t]+\\d{4}`; // March 14, 1985

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function isCalendarDate({ year, month, day }: CalendarDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/** A real calendar date between 1900-01-01 and `today` (a birth date is never in the future). */
export function isPlausibleBirthDate(date: CalendarDate, today: Date): boolean {
  if (date.year < 1900 || !isCalendarDate(date)) return false;
  const t = { y: today.getUTCFullYear(), m: today.getUTCMonth() + 1, d: today.getUTCDate() };
  return date.year * 10000 + date.month * 100 + date.day <= t.y * 10000 + t.m * 100 + t.d;
}

/** Two-digit years: 85 → 1985; 07 → 2007 when that is not in the future, else 1907. */
function fullYear(raw: string, today: Date): number {
  if (raw.length === 4) return Number(raw);
  const yy = Number(raw);
  return 2000 + yy <= today.getUTCFullYear() ? 2000 + yy : 1900 + yy;
}

/**
 * The readings of a matched date. Numeric day/month order is ambiguous (14/03 vs 03/14),
 * so both orders are offered; the validator accepts the value if any reading is plausible.
 */
export function readDate(value: string, today: Date): CalendarDate[] {
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (iso) return [{ year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }];
  const numeric = /^(\d{1,2})([./-])(\d{1,2})([./-])(\d{2}|\d{4})$/.exec(value);
  if (numeric) {
    if (numeric[2] !== numeric[4]) return [];
    const a = Number(numeric[1]);
    const b = Number(numeric[3]);
    const year = fullYear(numeric[5] as string, today);
    return [
      { year, month: b, day: a },
      { year, month: a, day: b },
    ];
  }
  const words = value.toLowerCase().replace(/[.,]/g, ' ').split(/\s+/).filter((w) => w && w !== 'de' && w !== 'of');
  const year = Number(words[words.length - 1]);
  const monthAt = words.findIndex((w) => MONTH_NUMBER.has(w));
  if (monthAt < 0) return [];
  const dayWord = words[monthAt === 0 ? 1 : 0] ?? '';
  const day = Number.parseInt(dayWord, 10);
  return [{ year, month: MONTH_NUMBER.get(words[monthAt] as string) as number, day }];
}

export function validateBirthDate(value: string, today = new Date()): Validation {
  return readDate(value, today).some((d) => isPlausibleBirthDate(d, today)) ? undefined : 'reject';
}

/** An age is a whole number of years a living person can have. */
export function validateAge(value: string): Validation {
  return /^\d{1,3}$/.test(value) && Number(value) <= 120 ? undefined : 'reject';
}

const BIRTH_CONTEXT = [
  'dob', 'd.o.b', 'd.o.b.', 'date of birth', 'birth date', 'birthdate', 'birthday', 'born', 'geburtsdatum',
  'geboren', 'geboren am', 'geb', 'geb.', 'geburtstag', 'date de naissance', 'né le', 'née le', 'né', 'née',
  'fecha de nacimiento', 'f. nac.', 'nacido', 'nacida', 'nacimiento', 'data di nascita', 'nato il',
  'nata il', 'nato', 'nata', 'geboortedatum', 'geboren op', 'data de nascimento', 'nascido', 'nascida',
  'fødselsdato', 'födelsedatum', 'syntymäaika', 'data urodzenia', 'urodzony', 'urodzona', 'doğum tarihi',
  'cumpleaños', 'anniversaire', 'compleanno', 'verjaardag', 'aniversário',
];

/** Units after a number that make it a duration or a share, not an age: "aged 30 days". */
const NOT_YEARS =
  '(?:days?|weeks?|months?|hours?|hrs?|minutes?|mins?|seconds?|secs?|ms|tage|tagen|wochen|monate|monaten|' +
  'jours|semaines|mois|días|dias|semanas|meses|giorni|settimane|mesi|dagen|weken|maanden|%|d|h|m|s)\\b';
/** `\\b` is ASCII-only in RE2, so labels starting with "â" or "å" go without it. */
const AGE_LABEL =
  '(?:\\b(?:aged|age[ \\t]*:?|age[ \\t]+(?:is|of)|alter[ \\t]*:|edad[ \\t]*:|età[ \\t]*:|leeftijd[ \\t]*:|' +
  'idade[ \\t]*:|wiek[ \\t]*:|yaş[ \\t]*:|alder[ \\t]*:|agée?[ \\t]+de)|âge[ \\t]*:|âgée?[ \\t]+de|ålder[ \\t]*:)';

const isAgeLabel = wordIn(['aged', 'age', 'alter', 'edad', 'età', 'leeftijd', 'idade', 'wiek', 'yaş', 'alder', 'agé', 'agée', 'âge', 'âgée', 'ålder']);

export const personalDateDetectors: DetectorSpec[] = [
  {
    id: 'date-of-birth',
    entity: 'DATE_OF_BIRTH',
    description: 'Calendar date next to a birth-date cue in one of many languages',
    // anchored: a date opens with its day or year ("14", "2024", "14th"), or with the month's name
    patterns: [{ name: 'date', regex: DATE, score: 0.6, flags: 'i', startsAt: either(startsWithDigits(4), wordIn(MONTH_NUMBER.keys())) }],
    keywords: [
      'dob', 'd.o.b', 'birth', 'born', 'geburt', 'geboren', 'geb.', 'naissance', 'né', 'née', 'nacimiento',
      'nacid', 'f. nac', 'nascita', 'nato', 'nata', 'geboorte', 'nascimento', 'nascid', 'fødsel', 'födelse',
      'syntymä', 'urodz', 'doğum', 'cumpleaños', 'anniversaire', 'compleanno', 'verjaardag', 'aniversário',
    ],
    minDigits: 4,
    context: BIRTH_CONTEXT,
    contextRequired: true,
    validate: (value) => validateBirthDate(value),
    samples: {
      tp: [
        { text: 'DOB: 1985-03-14', value: '1985-03-14' },
        { text: 'Geburtsdatum: 14.03.1985', value: '14.03.1985' },
        { text: 'Patient born 03/14/1985 in Lyon', value: '03/14/1985' },
        { text: 'date of birth 14/03/1985', value: '14/03/1985' },
        { text: 'She was born on 14 March 1985.', value: '14 March 1985' },
        { text: 'Birthday: March 14, 1985', value: 'March 14, 1985' },
        { text: 'geboren am 14. März 1985 in Köln', value: '14. März 1985' },
        { text: 'née le 14 mars 1985 à Lyon', value: '14 mars 1985' },
        { text: 'fecha de nacimiento: 14 de marzo de 1985', value: '14 de marzo de 1985' },
        { text: 'data di nascita 29/02/1984', value: '29/02/1984' },
        { text: 'geboortedatum 01-12-1979', value: '01-12-1979' },
        { text: 'D.O.B. 14.03.85', value: '14.03.85' },
      ],
      fp: [
        'DOB: 31.02.1985',
        'date of birth 14/13/1985',
        'born 1885-03-14',
        'Order shipped 2024-03-14; invoice due 14.04.2024.',
        'DOB field left empty, follow-up on 2099-01-01',
        'born in 1985, joined 2010',
        'DOB: 00.00.1990',
      ],
    },
  },
  {
    id: 'age',
    entity: 'AGE',
    description: 'Age in years: "42 years old", "42-year-old", "aged 42", "age: 42", "Alter: 42", "42 Jahre alt"',
    patterns: [
      {
        // "42 years old", "42-year-old", "42 yrs old", "42 years of age", "42 y/o", "42 Jahre alt",
        // "42 jaar oud", "42 años de edad", "42 anos de idade", "42 anni di età"
        name: 'number-then-years',
        regex:
          '\\b(\\d{1,3})(?:[ \\t]*-?[ \\t]*(?:years?|yrs?)(?:[ \\t]*-?[ \\t]*old\\b|[ \\t]+of[ \\t]+age\\b)' +
          '|[ \\t]*(?:y/o|y\\.o\\.?|yo\\b)|[ \\t]+jahre[ \\t]+alt\\b|[ \\t]+jaar[ \\t]+oud\\b' +
          '|[ \\t]+años[ \\t]+de[ \\t]+edad|[ \\t]+anos[ \\t]+de[ \\t]+idade|[ \\t]+anni[ \\t]+di[ \\t]+età)',
        score: 0.85,
        flags: 'i',
        group: 1,
        startsAt: startsWithDigit,
      },
      {
        // "aged 42", "age: 42", "Alter: 42", "âgée de 42"; "aged 30 days" and "max-age: 60" are
        // matched first by the group-less alternatives and so dropped
        name: 'label-then-number',
        regex:
          `[-_]age[ \\t]*:?[ \\t]*\\d+|${AGE_LABEL}[ \\t]*\\d{1,3}(?:[ \\t]*[-–][ \\t]*\\d{1,3})?[ \\t]*${NOT_YEARS}` +
          `|${AGE_LABEL}[ \\t]*(\\d{1,3})\\b`,
        score: 0.8,
        flags: 'i',
        group: 1,
        // anchored at the label; "max-age", "_age" are not labels
        startsAt: where(isAgeLabel, (text, start) => !'-_'.includes(text[start - 1] ?? ' ')),
      },
      {
        // "tiene 42 años", "ha 42 anni", "tem 42 anos", "il a 42 ans", "is 42 jaar"
        name: 'has-years',
        regex:
          '(?:y[ \\t]+a|hace|há|fa)[ \\t]+\\d{1,3}[ \\t]+(?:ans|años|anos|anni)' +
          '|\\b(?:tiene|tengo|tem|tenho|ha|ho|a|ai|is|ben)[ \\t]+(\\d{1,3})[ \\t]+(?:ans|años|anos|anni|jaar)\\b',
        score: 0.75,
        flags: 'i',
        group: 1,
        startsAt: wordIn(['y', 'hace', 'há', 'fa', 'tiene', 'tengo', 'tem', 'tenho', 'ha', 'ho', 'a', 'ai', 'is', 'ben']),
      },
    ],
    keywords: [
      'year', 'yr', 'y/o', 'y.o', 'yo', 'age', 'alter', 'jahre', 'jaar', 'años', 'anos', 'anni', 'ans', 'âge',
      'edad', 'età', 'leeftijd', 'idade', 'wiek', 'yaş', 'ålder', 'alder', 'agé',
    ],
    minDigits: 1,
    context: ['patient', 'customer', 'client', 'employee', 'applicant', 'candidate', 'age', 'old', 'born'],
    contextBoost: 0.1,
    validate: validateAge,
    samples: {
      tp: [
        { text: 'Patient is a 42-year-old male.', value: '42' },
        { text: 'The customer, 67 years old, asked for a callback.', value: '67' },
        { text: 'aged 42, lives in Lyon', value: '42' },
        { text: 'Age: 42', value: '42' },
        { text: 'Alter: 42', value: '42' },
        { text: 'Patient 42 y/o with chest pain', value: '42' },
        { text: 'Er ist 42 Jahre alt.', value: '42' },
        { text: 'Elle a 42 ans.', value: '42' },
        { text: 'Tiene 42 años.', value: '42' },
        { text: 'Ha 42 anni.', value: '42' },
        { text: 'Hij is 42 jaar oud.', value: '42' },
        { text: 'Ela tem 42 anos.', value: '42' },
        { text: 'âgée de 42 ans', value: '42' },
      ],
      fp: [
        'Invoices aged 30 days or more are overdue.',
        'Cache-Control: max-age: 60',
        'The building is 250 years old.',
        'Page 42 of the report; stage 2 of 5.',
        'Il y a 42 ans, la société a été fondée.',
        'Age: 150',
        'Average deal age: 45 days',
      ],
    },
  },
  {
    id: 'age-in-years',
    entity: 'AGE',
    description: 'Bare "42 ans / años / anni / jaar / anos / Jahre" next to a person or an age cue',
    patterns: [
      {
        // "hace 42 años", "42 anni fa", "vor 42 Jahren" are periods of time, matched group-less first
        name: 'number-years',
        regex:
          '(?:y[ \\t]+a|hace|há|depuis|desde|seit|vor|durante|pendant|dal|da)[ \\t]+\\d{1,3}[ \\t]+(?:ans|années|años|anos|anni|jaar|jahre|jahren)' +
          '|\\d{1,3}[ \\t]+(?:anni[ \\t]+fa|jaar[ \\t]+geleden|ans[ \\t]+plus[ \\t]+tard)' +
          '|\\b(\\d{1,3})[ \\t]+(?:ans|años|anos|anni|jaar|jahre)\\b',
        score: 0.5,
        flags: 'i',
        group: 1,
        startsAt: either(
          startsWithDigit,
          wordIn(['y', 'hace', 'há', 'depuis', 'desde', 'seit', 'vor', 'durante', 'pendant', 'dal', 'da']),
        ),
      },
    ],
    keywords: ['ans', 'años', 'anos', 'anni', 'jaar', 'jahre'],
    minDigits: 1,
    context: [
      'âge', 'âgé', 'âgée', 'edad', 'età', 'leeftijd', 'idade', 'alter', 'patient', 'patiente', 'paciente',
      'paziente', 'patiënt', 'client', 'cliente', 'klant', 'kunde', 'né', 'née', 'nacido', 'nacida', 'nato',
      'nata', 'geboren', 'nascido', 'nascida', 'enfant', 'fils', 'fille', 'hijo', 'hija', 'figlio', 'figlia',
      'zoon', 'dochter', 'filho', 'filha', 'sohn', 'tochter', 'kind', 'employé', 'empleado', 'dipendente',
      'medewerker', 'mitarbeiter', 'funcionário',
    ],
    contextRequired: true,
    validate: validateAge,
    samples: {
      tp: [
        { text: 'Patiente de 42 ans, douleurs thoraciques.', value: '42' },
        { text: 'Paciente, 67 años, diabetes tipo 2.', value: '67' },
        { text: 'Sohn Felix, 12 Jahre', value: '12' },
      ],
      fp: [
        'La société existe depuis 42 ans.',
        'El cliente compró hace 12 años.',
        'Il cliente è con noi da 10 anni.',
        'Garantie 2 ans pièces et main-d’œuvre.',
        'Patient history over 150 ans',
      ],
    },
  },
];
