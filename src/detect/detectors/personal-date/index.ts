import { either, firstWords, startsWithDigits, wordIn } from '../../anchors.js';
import type { DetectorSpec, Validation } from '../../spec.js';
import { BIRTH_LABELS, MONTHS, PERSONAL_EVENT_CONTEXT } from './vocabulary.js';

/**
 * Dates and date-times of events in a person's life (admission, discharge, appointment,
 * surgery, hiring, termination, leave) in the common printed forms of EN, DE, FR, ES, IT, NL
 * and PT, checked against the calendar. Only next to such an event word: a date alone is not
 * personal. Birth dates belong to DATE_OF_BIRTH and are skipped here.
 */

const SP = '[ \\t]';
const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternation = (words: readonly string[]): string =>
  `(?:${[...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegex).join('|')})`;

const MONTH = `${alternation(Object.keys(MONTHS))}\\.?`;

const TIME =
  `(?:\\d{1,2}:\\d{2}(?::\\d{2})?(?:${SP}?(?:(?:am|pm|uhr|h)\\b|a\\.m\\.|p\\.m\\.))?` +
  `|\\d{1,2}h(?:\\d{2})?\\b|\\d{1,2}\\.\\d{2}${SP}?(?:uhr|h)\\b|\\d{1,2}${SP}?(?:am|pm|uhr)\\b)`;
/** "10.30" alone is a number; after "um" / "om" / "alle" it is a time. */
const DOT_TIME_AFTER_WORD = `(?:um|om|alle|ore|at|às|à)${SP}+\\d{1,2}\\.\\d{2}\\b(?:${SP}?(?:uhr|h)\\b)?`;
const TIME_SUFFIX =
  `(?:(?:,${SP}*|${SP}+)(?:(?:(?:um|at|à|a las|a la|alle ore|alle|om|às|ore|@|-)${SP}+)?${TIME}|${DOT_TIME_AFTER_WORD}))?`;

const ISO = `\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,6})?)?(?:Z|[+-]\\d{2}:?\\d{2})?|${TIME_SUFFIX})`;
const NUMERIC = `\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})${TIME_SUFFIX}`;
const DAY_MONTH_YEAR = `\\d{1,2}(?:\\.|st|nd|rd|th|er|e|º|°)?${SP}+(?:(?:de|of)${SP}+)?${MONTH},?${SP}+(?:de${SP}+)?\\d{4}${TIME_SUFFIX}`;
const MONTH_DAY_YEAR = `${MONTH}${SP}+\\d{1,2}(?:st|nd|rd|th)?,?${SP}+\\d{4}${TIME_SUFFIX}`;
const DATE = `(?:${ISO}|${NUMERIC}|${DAY_MONTH_YEAR}|${MONTH_DAY_YEAR})`;
/** What may sit between a birth label and its date: "DOB: ", "born on the ", "né le ", "(DD.MM.YYYY): ". */
const BIRTH_GAP = `[ \\t:=(),./-]{0,4}(?:\\([^)\\d\\n]{0,12}\\)[ \\t:]{0,3})?(?:(?:on|the|am|le|el|il|op|em|den|der|du)${SP}+){0,2}`;

/** Group 1 only takes part when no birth label stands right before the date. */
const PERSONAL_DATE = `${alternation(BIRTH_LABELS)}${BIRTH_GAP}${DATE}|(${DATE})`;

const validDay = (y: number, m: number, d: number): boolean => {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
};
const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));
const yearOk = (y: string): boolean => y.length === 2 || (Number(y) >= 1900 && Number(y) <= 2099);

const ISO_PARTS = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})/;
const NUMERIC_PARTS = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/;
const DMY_PARTS = /^(\d{1,2})(?:\.|st|nd|rd|th|er|e|º|°)?\s+(?:(?:de|of)\s+)?([\p{L}]+)\.?,?\s+(?:de\s+)?(\d{4})/iu;
const MDY_PARTS = /^([\p{L}]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/iu;
const TIME_PARTS = /(\d{1,2})(?:[:h.](\d{2}))?(?::(\d{2}))?\s?(am|pm|a\.m\.|p\.m\.)?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?[^\d]*$/i;

/** Length of the calendar-valid date at the start of the value, or -1. */
function validDateLength(value: string): number {
  let m = ISO_PARTS.exec(value);
  if (m) return yearOk(m[1] as string) && validDay(Number(m[1]), Number(m[3]), Number(m[4])) ? m[0].length : -1;
  m = NUMERIC_PARTS.exec(value);
  if (m) {
    if (!yearOk(m[4] as string)) return -1;
    const y = fullYear(m[4] as string);
    const [a, b] = [Number(m[1]), Number(m[3])];
    // day-month everywhere except the US; either reading will do
    return validDay(y, b, a) || validDay(y, a, b) ? m[0].length : -1;
  }
  m = DMY_PARTS.exec(value);
  if (m) {
    const month = MONTHS[(m[2] as string).toLowerCase()] ?? 0;
    return yearOk(m[3] as string) && validDay(Number(m[3]), month, Number(m[1])) ? m[0].length : -1;
  }
  m = MDY_PARTS.exec(value);
  if (m) {
    const month = MONTHS[(m[1] as string).toLowerCase()] ?? 0;
    return yearOk(m[3] as string) && validDay(Number(m[3]), month, Number(m[2])) ? m[0].length : -1;
  }
  return -1;
}

/** The time after the date, if any: hours within the day (1–12 with am/pm), minutes and seconds below 60. */
function timeValid(rest: string): boolean {
  const t = TIME_PARTS.exec(rest);
  if (!t) return true;
  const hours = Number(t[1]);
  const limit = t[4] ? 12 : 23;
  return hours <= limit && Number(t[2] ?? 0) <= 59 && Number(t[3] ?? 0) <= 59;
}

function validatePersonalDate(value: string): Validation {
  const length = validDateLength(value);
  if (length < 0) return 'reject';
  return timeValid(value.slice(length)) ? undefined : 'reject';
}

export const personalDateTimeDetectors: DetectorSpec[] = [
  {
    id: 'personal-date-time',
    entity: 'DATE_TIME',
    description:
      'Dates and date-times of personal events (admission, discharge, appointment, surgery, hiring, termination, leave) in ISO, numeric and written-month forms of EN/DE/FR/ES/IT/NL/PT, calendar-checked; birth dates excluded',
    patterns: [
      {
        name: 'date',
        regex: PERSONAL_DATE,
        score: 0.5,
        flags: 'i',
        group: 1,
        // anchored: a birth label's first word (its date is then skipped), a day or year, a month's name
        startsAt: either(startsWithDigits(4), wordIn([...firstWords(BIRTH_LABELS), ...Object.keys(MONTHS)])),
      },
    ],
    minDigits: 4,
    keywords: PERSONAL_EVENT_CONTEXT,
    context: PERSONAL_EVENT_CONTEXT,
    contextRequired: true,
    validate: validatePersonalDate,
    samples: {
      tp: [
        { text: 'Patient admitted on 2024-03-14 with chest pain.', value: '2024-03-14' },
        { text: 'Aufnahme am 14.03.2024 um 10:30 Uhr, Station 3.', value: '14.03.2024 um 10:30 Uhr' },
        { text: 'Appointment: 03/14/2024 at 2:15 pm', value: '03/14/2024 at 2:15 pm' },
        { text: 'Discharged 14 March 2024, follow-up in two weeks.', value: '14 March 2024' },
        { text: 'Hired March 14, 2024 as a nurse.', value: 'March 14, 2024' },
        { text: 'Termin am 14. März 2024 um 10.30 Uhr', value: '14. März 2024 um 10.30 Uhr' },
        { text: 'Rendez-vous le 14 mars 2024 à 10h30.', value: '14 mars 2024 à 10h30' },
        { text: 'Fecha de contratación: 14 de marzo de 2024', value: '14 de marzo de 2024' },
        { text: 'Ricovero del 14 marzo 2024, dimissione il 20 marzo 2024.', value: '14 marzo 2024' },
        { text: 'Ricovero del 14 marzo 2024, dimissione il 20 marzo 2024.', value: '20 marzo 2024' },
        { text: 'Afspraak op 14 maart 2024 om 9.45 uur', value: '14 maart 2024 om 9.45' },
        { text: 'Data de admissão: 14 de março de 2024', value: '14 de março de 2024' },
        { text: 'Sick leave from 2024-03-14T08:00:00Z until Friday', value: '2024-03-14T08:00:00Z' },
        { text: 'Last day of employment 29/02/2024.', value: '29/02/2024' },
      ],
      fp: [
        'Invoice dated 14.03.2024 for 3 licences',
        'Appointment on 31.02.2024',
        'Patient admitted, DOB 01.02.1980',
        'Admission notes: date of birth: 14 March 1980',
        'Aufnahme, Geburtsdatum 01.02.1980',
        'Rendez-vous pris, née le 3 mai 1975',
        'Admission form. Date of birth (DD.MM.YYYY): 01.02.1980',
        'Visit 2024-13-45',
        'Appointment on 14.03.2024 at 25:10',
        'Release 1.2.2024 build',
      ],
    },
  },
];
