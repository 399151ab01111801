import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { isWordCode, type StartsAt } from '../../anchors.js';
import type { DetectorSpec, Validation } from '../../spec.js';

const TLD = /\.(\p{L}{2,24})$/u;
/** Domains reserved for documentation still identify nobody, but they are emails in form. */
function validateEmail(value: string): Validation {
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64 || domain.length > 253) return 'reject';
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return 'reject';
  if (domain.startsWith('-') || domain.includes('..') || domain.includes('.-') || domain.includes('-.')) return 'reject';
  if (!TLD.test(domain)) return 'reject';
  return 'confirm';
}

/** Characters of an address's local part besides letters and digits. */
const isLocalPunct = (c: number): boolean => c === 46 || c === 95 || c === 37 || c === 43 || c === 45; // . _ % + -

/**
 * An address starts at the first word of its local part: nothing of a local part right
 * before it, and an `@` at the end of the run of local-part characters (at most 64, as RFC
 * 5321 allows) that follows.
 */
const opensAddress = (text: string, start: number): boolean => {
  // "_jane@…": a local part may open with punctuation; the address then starts at its first word
  for (let i = start - 1; i >= 0; i--) {
    const before = text.charCodeAt(i);
    if (isWordCode(before)) return false;
    if (!isLocalPunct(before)) break;
  }
  const limit = Math.min(text.length, start + 65);
  for (let i = start; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 64) return i > start;
    if (!isWordCode(c) && !isLocalPunct(c)) return false;
  }
  return false;
};

/**
 * The same starts, found from the other end: for each `@`, the first word character of the
 * run of local-part characters before it (another `@` ends a run, so each character is read
 * once).
 */
function addressStarts(text: string): number[] {
  const starts: number[] = [];
  let from = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let run = at;
    while (run > from && (isWordCode(text.charCodeAt(run - 1)) || isLocalPunct(text.charCodeAt(run - 1)))) run--;
    let start = run;
    while (start < at && !isWordCode(text.charCodeAt(start))) start++;
    if (start < at && at - start <= 64) starts.push(start);
    from = at + 1;
  }
  return starts;
}
const startsEmail: StartsAt = Object.assign(opensAddress, { index: { locate: addressStarts } });

/** National numbers with context are tried against these regions, in order. */
const NATIONAL_REGIONS: CountryCode[] = ['GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'BE', 'CH', 'AT', 'PT', 'IE', 'AU'];

/** Dates and times share the shape of national numbers. */
const DATE_SHAPED = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;

/**
 * International numbers are parsed once (the country code names the region). National
 * numbers in the North American shape are checked against NANP; other national numbers
 * only when a phone word is nearby, since without one they are any group of digits.
 */
function validatePhone(value: string, facts: { nearContext: boolean }): Validation {
  const key = facts.nearContext ? `+${value}` : value;
  const known = phoneVerdicts.get(key);
  if (known !== undefined) return known === 'none' ? undefined : known;
  const verdict = judgePhone(value, facts);
  if (phoneVerdicts.size >= PHONE_CACHE_SIZE) phoneVerdicts.delete(phoneVerdicts.keys().next().value as string);
  phoneVerdicts.set(key, verdict ?? 'none');
  return verdict;
}

/**
 * Parsing with libphonenumber costs tens of microseconds, and CRM text repeats its numbers
 * (signatures, headers, threads): verdicts are remembered, oldest forgotten first.
 */
const PHONE_CACHE_SIZE = 4096;
const phoneVerdicts = new Map<string, 'confirm' | 'reject' | 'none'>();

/** US social security numbers (3-2-4) and dotted quads are not dialled. */
const NOT_A_PHONE = /^(?:\d{3}-\d{2}-\d{4}|\d{1,3}(?:\.\d{1,3}){3})$/;

function judgePhone(value: string, facts: { nearContext: boolean }): Validation {
  if (DATE_SHAPED.test(value) || NOT_A_PHONE.test(value)) return 'reject';
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return 'reject';
  if (value.startsWith('+') || value.startsWith('00')) {
    const parsed = parsePhoneNumberFromString(value.startsWith('00') ? `+${value.slice(2)}` : value);
    return parsed?.isValid() ? 'confirm' : 'reject';
  }
  if (digits.length === 10 && parsePhoneNumberFromString(value, 'US')?.isValid()) return undefined;
  if (!facts.nearContext) return 'reject';
  for (const region of NATIONAL_REGIONS) {
    if (parsePhoneNumberFromString(value, region)?.isValid()) return undefined;
  }
  return 'reject';
}

const PHONE_CONTEXT = [
  'phone', 'tel', 'telephone', 'mobile', 'cell', 'call', 'fax', 'whatsapp', 'sms', 'contact',
  'telefon', 'handy', 'rufnummer', 'téléphone', 'portable', 'teléfono', 'móvil', 'telefono', 'cellulare',
  'telefoonnummer', 'mobiel', 'telemóvel', 'celular',
];

export const contactDetectors: DetectorSpec[] = [
  {
    id: 'email',
    entity: 'EMAIL_ADDRESS',
    description: 'E-mail addresses (RFC 5322 common subset), checked for a plausible domain.',
    keywords: ['@'],
    patterns: [
      {
        name: 'address',
        regex: '[\\p{L}\\p{N}\\p{M}._%+\\-]+@[\\p{L}\\p{N}\\p{M}\\-]+(?:\\.[\\p{L}\\p{N}\\p{M}\\-]+)+',
        score: 0.85,
        startsAt: startsEmail,
      },
    ],
    context: ['email', 'e-mail', 'mail', 'e-mail-adresse', 'mailadresse', 'courriel', 'adresse e-mail', 'correo', 'correo electrónico', 'posta', 'posta elettronica', 'e-mailadres', 'correio eletrónico', 'correio eletrônico'],
    validate: validateEmail,
    samples: {
      tp: [
        'jane.doe@example.com',
        { text: 'Please reply to maría.lópez@clínica-madrid.es today', value: 'maría.lópez@clínica-madrid.es' },
        { text: 'Contact: ops+crm@acme.co.uk.', value: 'ops+crm@acme.co.uk' },
      ],
      fp: ['meet me @ 5pm', 'user@localhost', 'see a..b@example.com', 'twitter handle @janedoe', 'x@y'],
    },
  },
  {
    id: 'phone',
    entity: 'PHONE_NUMBER',
    description: 'International and national phone numbers, validated with libphonenumber metadata.',
    minDigits: 7,
    patterns: [
      { name: 'plus', regex: '\\+[1-9]\\d{0,3}(?:[ .\\-]?\\(?\\d{1,4}\\)?){2,6}', score: 0.7 },
      { name: 'double-zero', regex: '00[1-9]\\d{0,2}(?:[ .\\-]\\(?\\d{1,4}\\)?){2,6}', score: 0.6 },
      { name: 'national', regex: '\\(?\\d{2,5}\\)?[ .\\-/]\\d{2,4}(?:[ .\\-]\\d{2,5}){1,3}', score: 0.4 },
    ],
    context: PHONE_CONTEXT,
    validate: validatePhone,
    samples: {
      tp: [
        '+1 415 555 2671',
        { text: 'Call me on +44 20 7946 0958 after lunch', value: '+44 20 7946 0958' },
        { text: 'Tel. +49 30 901820', value: '+49 30 901820' },
        { text: 'mobile: (415) 555-2671', value: '(415) 555-2671' },
        { text: 'Rufnummer 0049 89 636 48018', value: '0049 89 636 48018' },
      ],
      fp: ['Invoice 2023-10-12', 'order 1234 5678', 'version 10.2.3.4', '+1 000 000 0000', 'balance 1.234.567,89 EUR'],
    },
  },
];
