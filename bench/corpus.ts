/**
 * A reproducible, labelled, CRM-like corpus: case descriptions, customer e-mails, chat
 * transcripts, account notes, HR reviews and invoices, built from templates whose slots
 * are filled with synthetic values (checksums valid) and decoys (order numbers, dates,
 * versions, prices) that must not be reported. Every sensitive slot is labelled with its
 * entity and exact UTF-16 span, so the same corpus serves the throughput benchmark and
 * the precision / recall evaluation.
 */
import { seededRandom } from '../src/core/clock.js';
import { ibanCheckDigits } from '../src/detect/validators/iban.js';
import { luhnCheckDigit } from '../src/detect/validators/luhn.js';
import { toSalesforceId18 } from '../src/detect/validators/salesforce-id.js';

export interface LabelledSpan {
  entity: string;
  start: number;
  end: number;
}

export interface LabelledRecord {
  kind: string;
  text: string;
  labels: LabelledSpan[];
}

export type Rng = ReturnType<typeof seededRandom>;

/** A slot filler: the value, and the entity when the value is sensitive. */
export type Filler = (rng: Rng, record: RecordState) => { value: string; entity?: string };

/** Values shared by the slots of one record, so an e-mail matches the person's name. */
export interface RecordState {
  first: string;
  last: string;
  company: string;
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(items.length)] as T;
const digits = (rng: Rng, n: number): string => Array.from({ length: n }, () => String(rng.int(10))).join('');
const alnum = (rng: Rng, n: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'): string =>
  Array.from({ length: n }, () => alphabet[rng.int(alphabet.length)]).join('');

export const FIRST_NAMES = [
  'James', 'Maria', 'José', 'Zoë', 'Søren', 'Łukasz', 'François', 'Ingrid', 'Mehmet', 'Aisha', 'Priya', 'Wei',
  'Hiroshi', 'Olga', 'Giulia', 'Pieter', 'Ana', 'Sean', 'Fatima', 'Jürgen', 'Chloé', 'Mateo', 'Emma', 'Lars',
  'Sofia', 'Oliver', 'Amélie', 'Carlos', 'Anna', 'David', 'Elena', 'Thomas', 'Yuki', 'Ravi', 'Noah', 'Leonie',
];
export const LAST_NAMES = [
  'Smith', 'García', 'Müller', 'Nowak', 'Dubois', 'Rossi', 'Jensen', 'Çelik', 'Khan', 'Patel', 'Chen', 'Tanaka',
  'Ivanova', 'Bianchi', 'de Vries', 'Silva', "O'Brien", 'Schmidt', 'Martin', 'López', 'Novak', 'Johansson',
  'Fernández', 'Kowalski', 'Moreau', 'Ferrari', 'Janssen', 'Costa', 'Murphy', 'Weber', 'Nakamura', 'Sharma',
];
const COMPANIES = ['Acme Health', 'Globex', 'Initech', 'Umbrella Pharma', 'Stark Finance', 'Wayne Retail', 'Hooli'];
const DOMAINS = ['example.com', 'mail.example.org', 'clinic.example.de', 'bank.example.fr', 'corp.example.co.uk'];

const asciiFold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

function cardNumber(rng: Rng): string {
  const prefix = pick(rng, ['4', '51', '52', '55', '2221', '4000']);
  const body = prefix + digits(rng, 15 - prefix.length);
  const full = body + String(luhnCheckDigit(body));
  return pick(rng, [0, 1, 2]) === 0 ? full : full.replace(/(\d{4})(?=\d)/g, pick(rng, ['$1 ', '$1-']));
}

function iban(rng: Rng): string {
  const [country, bban] = pick(rng, [
    ['DE', digits(rng, 18)],
    ['FR', `${digits(rng, 10)}${alnum(rng, 11, '0123456789')}${digits(rng, 2)}`],
    ['GB', `${alnum(rng, 4, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}${digits(rng, 14)}`],
    ['NL', `${alnum(rng, 4, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}${digits(rng, 10)}`],
    ['ES', digits(rng, 20)],
  ] as const);
  const compact = `${country}${ibanCheckDigits(country, bban)}${bban}`;
  return rng.int(2) === 0 ? compact : compact.replace(/(.{4})(?=.)/g, '$1 ');
}

function ssn(rng: Rng): string {
  let area = 1 + rng.int(665);
  if (area === 666) area = 667;
  return `${String(area).padStart(3, '0')}-${String(1 + rng.int(99)).padStart(2, '0')}-${String(1 + rng.int(9999)).padStart(4, '0')}`;
}

function phone(rng: Rng): string {
  return pick(rng, [
    () => `+44 20 7946 0${digits(rng, 3)}`,
    () => `+1 415 555 ${String(100 + rng.int(900))}${rng.int(10)}`,
    () => `+49 30 ${digits(rng, 7)}`.replace(/ (\d)0{3,}/, ' 19$1'),
    () => `+33 1 ${digits(rng, 2)} ${digits(rng, 2)} ${digits(rng, 2)} ${digits(rng, 2)}`.replace('+33 1 0', '+33 1 4'),
    () => `(212) 555-${String(1000 + rng.int(9000))}`,
  ])();
}

function recordId(rng: Rng, prefix: string): string {
  const id15 = `${prefix}${alnum(rng, 2, '0123456789abcdefghijklmnopqrstuvwxyz')}0${alnum(rng, 9)}`;
  return rng.int(2) === 0 ? id15 : toSalesforceId18(id15);
}

const money = (rng: Rng, min: number, max: number, symbol = pick(rng, ['$', '€', '£'])): string =>
  `${symbol}${(min + rng.int(max - min)).toLocaleString('en-US')}`;

function dateOfBirth(rng: Rng): string {
  const y = 1950 + rng.int(55);
  const m = 1 + rng.int(12);
  const d = 1 + rng.int(28);
  const p = (n: number) => String(n).padStart(2, '0');
  return pick(rng, [`${y}-${p(m)}-${p(d)}`, `${p(d)}.${p(m)}.${y}`, `${p(m)}/${p(d)}/${y}`]);
}

/** Slot fillers: sensitive ones carry their entity, decoys none. */
export const FILLERS: Record<string, Filler> = {
  PERSON: (_rng, s) => ({ value: `${s.first} ${s.last}`, entity: 'PERSON' }),
  FIRST: (_rng, s) => ({ value: s.first, entity: 'PERSON' }),
  COMPANY: (_rng, s) => ({ value: s.company }),
  EMAIL_ADDRESS: (rng, s) => ({
    value: `${asciiFold(s.first)}.${asciiFold(s.last)}@${pick(rng, DOMAINS)}`,
    entity: 'EMAIL_ADDRESS',
  }),
  PHONE_NUMBER: (rng) => ({ value: phone(rng), entity: 'PHONE_NUMBER' }),
  CREDIT_CARD: (rng) => ({ value: cardNumber(rng), entity: 'CREDIT_CARD' }),
  IBAN_CODE: (rng) => ({ value: iban(rng), entity: 'IBAN_CODE' }),
  US_SSN: (rng) => ({ value: ssn(rng), entity: 'US_SSN' }),
  IP_ADDRESS: (rng) => ({
    value: `${pick(rng, [81, 203, 145, 62, 91])}.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`,
    entity: 'IP_ADDRESS',
  }),
  URL: (rng, s) => ({
    value: `https://portal.${asciiFold(s.company)}.example.com/cases/${digits(rng, 6)}?tab=${pick(rng, ['history', 'files'])}`,
    entity: 'URL',
  }),
  CASE_ID: (rng) => ({ value: recordId(rng, '500'), entity: 'SALESFORCE_ID' }),
  CONTACT_ID: (rng) => ({ value: recordId(rng, '003'), entity: 'SALESFORCE_ID' }),
  OPENAI_KEY: (rng) => ({ value: `sk-proj-${alnum(rng, 48)}`, entity: 'SECRET' }),
  GITHUB_TOKEN: (rng) => ({ value: `ghp_${alnum(rng, 36)}`, entity: 'SECRET' }),
  AWS_KEY_ID: (rng) => ({ value: `AKIA${alnum(rng, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`, entity: 'SECRET' }),
  SALARY: (rng) => ({ value: money(rng, 45_000, 240_000), entity: 'COMPENSATION' }),
  DATE_OF_BIRTH: (rng) => ({ value: dateOfBirth(rng), entity: 'DATE_OF_BIRTH' }),
  // decoys: look like identifiers, are not sensitive
  ORDER_NO: (rng) => ({ value: `${pick(rng, ['ORD-', 'PO-', '#', 'INV-'])}${digits(rng, 6 + rng.int(4))}` }),
  PLAIN_DATE: (rng) => ({ value: `2026-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}` }),
  VERSION: (rng) => ({ value: `v${1 + rng.int(9)}.${rng.int(20)}.${rng.int(50)}` }),
  PRICE: (rng) => ({ value: `${pick(rng, ['$', '€'])}${rng.int(900)}.${digits(rng, 2)}` }),
  TRACKING: (rng) => ({ value: `1Z${alnum(rng, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}` }),
  QTY: (rng) => ({ value: String(1 + rng.int(500)) }),
  PRODUCT: (rng) => ({ value: pick(rng, ['Service Cloud', 'the Pro plan', 'Model X200', 'the mobile app', 'Data Loader']) }),
};

/** Templates per record kind; `{SLOT}` names a filler. */
export const TEMPLATES: Record<string, readonly string[]> = {
  case: [
    'Case {CASE_ID}: customer {PERSON} reports that {PRODUCT} crashes after upgrading to {VERSION}. Callback on {PHONE_NUMBER}. Order {ORDER_NO} shipped {PLAIN_DATE}.',
    'Customer {PERSON} ({EMAIL_ADDRESS}) cannot log in since {PLAIN_DATE}; last login from {IP_ADDRESS}. Contact record {CONTACT_ID}.',
    'Refund request for order {ORDER_NO} ({PRICE}). Card on file {CREDIT_CARD} was charged twice; customer asks to use IBAN {IBAN_CODE} instead.',
    'Escalated: {FIRST} says the portal link {URL} shows another tenant\'s invoices. Severity 2, {QTY} users affected.',
    'Tracking {TRACKING} shows delivered but {PERSON} never received {QTY} units of {PRODUCT}.',
  ],
  email: [
    'Hi {FIRST},\n\nThanks for your order {ORDER_NO}. The invoice total is {PRICE}; please find the details attached.\n\nBest regards,\n{PERSON}\n{COMPANY}\n{PHONE_NUMBER}',
    'Dear {PERSON},\n\nWe received your request on {PLAIN_DATE}. Please confirm your date of birth, DOB: {DATE_OF_BIRTH}, and your SSN {US_SSN} so we can verify the account.\n\nKind regards,\nSupport',
    'Hello,\n\nplease update the payout account for {PERSON} to {IBAN_CODE}. Reply to {EMAIL_ADDRESS} with questions.\n\nThanks',
  ],
  chat: [
    'User: hi, my name is {PERSON} and my order {ORDER_NO} is late\nAgent: Sorry to hear that! Can you confirm the email on file?\nUser: {EMAIL_ADDRESS}\nAgent: Thanks, I see {QTY} items pending.',
    'User: the integration fails with key {OPENAI_KEY}, can you check?\nAgent: Please never paste keys here. Rotating it now.',
    'User: our CI uses {GITHUB_TOKEN} and AWS key {AWS_KEY_ID}\nAgent: I have revoked both; see {URL} for the incident.',
  ],
  note: [
    'Account note ({COMPANY}): met {PERSON} on {PLAIN_DATE} to discuss renewal of {PRODUCT} at {PRICE} per seat; {QTY} seats. Next step: demo.',
    'Call summary: {FIRST} confirmed budget approval. Follow-up with procurement about PO {ORDER_NO}. Running {VERSION} in production.',
  ],
  hr: [
    'Compensation review for {PERSON}: base salary {SALARY}, bonus target 15%. Manager proposes a raise to {SALARY} effective {PLAIN_DATE}.',
    'Employee {PERSON}, date of birth {DATE_OF_BIRTH}, relocating; new base pay {SALARY}. Contact {EMAIL_ADDRESS}.',
  ],
};

const PROSE = [
  'The customer confirmed the issue is reproducible on both browsers.',
  'We agreed to revisit the configuration after the next release window.',
  'No further action is required from the account team at this stage.',
  'The integration was migrated to the new API version without downtime.',
  'Please keep the ticket open until the fix is verified in production.',
  'Quarterly usage grew steadily and the renewal looks likely.',
  'Logs were attached to the case and forwarded to tier two support.',
  'The team will schedule a follow-up workshop with the stakeholders.',
];

function fill(rng: Rng, template: string, state: RecordState, out: { text: string; labels: LabelledSpan[] }): void {
  let last = 0;
  for (const m of template.matchAll(/\{([A-Z_]+)\}/g)) {
    out.text += template.slice(last, m.index);
    const filler = FILLERS[m[1] as string];
    if (!filler) throw new Error(`unknown slot ${m[1]}`);
    const { value, entity } = filler(rng, state);
    if (entity) out.labels.push({ entity, start: out.text.length, end: out.text.length + value.length });
    out.text += value;
    last = (m.index ?? 0) + m[0].length;
  }
  out.text += template.slice(last);
}

/** One record of roughly `targetLength` UTF-16 units: templates of one kind plus prose. */
export function generateRecord(
  rng: Rng,
  targetLength: number,
  templates: Record<string, readonly string[]> = TEMPLATES,
): LabelledRecord {
  const kinds = Object.keys(templates);
  const kind = pick(rng, kinds);
  const out = { text: '', labels: [] as LabelledSpan[] };
  while (out.text.length < targetLength) {
    const state: RecordState = { first: pick(rng, FIRST_NAMES), last: pick(rng, LAST_NAMES), company: pick(rng, COMPANIES) };
    if (out.text.length > 0) out.text += rng.int(2) === 0 ? '\n\n' : ' ';
    if (rng.int(3) === 0) out.text += `${pick(rng, PROSE)} `;
    fill(rng, pick(rng, templates[kind] as readonly string[]), state, out);
  }
  // built by concatenation, the text is a rope; flatten it as JSON.parse would hand it over
  return { kind, text: JSON.parse(JSON.stringify(out.text)) as string, labels: out.labels };
}

/** Records of mixed sizes (about 100 B to 6 KB) until `targetBytes` UTF-16 units are reached. */
export function generateCorpus(seed: number, targetBytes: number): LabelledRecord[] {
  const rng = seededRandom(seed);
  const records: LabelledRecord[] = [];
  let total = 0;
  while (total < targetBytes) {
    const record = generateRecord(rng, pick(rng, [100, 200, 400, 800, 1500, 3000, 6000]));
    records.push(record);
    total += record.text.length;
  }
  return records;
}

/** `count` records of exactly `length` UTF-16 units; labels cut by the end are dropped. */
export function generateSized(seed: number, count: number, length: number): LabelledRecord[] {
  const rng = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const record = generateRecord(rng, length);
    return { ...record, text: record.text.slice(0, length), labels: record.labels.filter((l) => l.end <= length) };
  });
}
