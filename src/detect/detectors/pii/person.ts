import { atLineStart, capitalised, firstWords, where, wordAsWritten, wordIn, type StartsAt } from '../../anchors.js';
import { capitalisedNameForms, NAME_PARTICLES } from '../../names/gazetteer.js';
import { judgeCuedName, judgeGivenNameFirst, judgeNameInText } from '../../names/judge-name.js';
import {
  INITIAL,
  LETTER,
  LOWER_END,
  NAME_1_3,
  NAME_WORD,
  PARTICLE,
  SECOND_TITLES,
  SP,
  TITLE,
  TOKEN,
  TRAILER,
  UPPER,
} from '../../names/name-patterns.js';
import type { DetectorSpec } from '../../spec.js';

/**
 * Person names (entity PERSON), found three ways:
 * - `person-name`: anchored on the gazetteer. A known given name followed by a capitalised
 *   word ("Maria Müller", "JOSÉ GARCÍA"), an ambiguous given name or an initial followed by a
 *   known surname ("Will Smith", "J. Smith"), or "Surname, Given" ("Müller, Anna").
 * - `person-name-in-text`: two or three capitalised words after a lower-case word, one of
 *   them a known given name or surname ("… met Xiaoling Kowalczyk", "… José García López").
 *   Never at a sentence start, where any capitalised word can precede a surname.
 * - `person-cue`: whatever name follows a strong cue: honorifics, "my name is", name labels,
 *   greetings and sign-offs. Only the shape is checked there.
 * All drop candidates holding a company, place, month or function word. Every pattern is
 * anchored (see `anchors.ts`): it is tried only at the words that can start its match — a
 * known given name, a cue word, a capitalised word after a lower-case one — never scanned
 * over the whole text.
 */

const alt = (words: readonly string[]): string => words.join('|');
const HONORIFIC = `(?:${TITLE}${SP}${SECOND_TITLES})?`;

/** Strong cues: whatever follows in name shape is a name. */
const INTRODUCTIONS = [
  'my name is', "my name's", 'the name is', 'i am called', 'ich heiße', 'ich heisse', 'mein name ist',
  "je m'appelle", 'je m’appelle', 'mon nom est', 'me llamo', 'mi nombre es', 'mi chiamo', 'il mio nome è',
  'mijn naam is', 'ik heet', 'o meu nome é', 'meu nome é', 'chamo-me', 'me chamo', 'jag heter',
  'mitt namn är', 'jeg hedder', 'jeg heter', 'nazywam się', 'mam na imię', 'benim adım',
];
const GREETINGS = [
  'dear', 'hi', 'hello', 'hey', 'hallo', 'liebe', 'lieber', 'bonjour', 'bonsoir', 'salut', 'hola',
  'buenos días', 'buenas tardes', 'ciao', 'buongiorno', 'gentile', 'gentilissima', 'gentilissimo', 'beste',
  'hoi', 'olá', 'estimado', 'estimada', 'querido', 'querida', 'cher', 'chère', 'hej', 'hei', 'witam',
  'merhaba', 'sayın',
];
const NAME_LABELS = [
  'full name', 'first name', 'last name', 'surname', 'given name', 'family name', 'legal name',
  'maiden name', 'vorname', 'nachname', 'familienname', 'geburtsname', 'nom', 'prénom', 'nom de famille',
  'nom complet', 'nombre', 'nombre completo', 'apellido', 'apellidos', 'nome', 'cognome', 'nome completo',
  'voornaam', 'achternaam', 'sobrenome', 'imię', 'nazwisko', 'assigned to', 'reported by', 'requested by',
  'submitted by', 'approved by', 'signed by', 'prepared by', 'attn', 'attention', 'z. hd.', 'zu händen',
  'contact person', 'ansprechpartner', 'ansprechpartnerin', 'kontaktperson', 'emergency contact',
  'next of kin', 'spouse', 'guardian', 'beneficiary',
];
const SIGN_OFFS = [
  'best regards', 'kind regards', 'warm regards', 'warmest regards', 'best wishes', 'regards', 'cheers',
  'thanks', 'thank you', 'many thanks', 'thanks again', 'sincerely', 'yours sincerely', 'sincerely yours',
  'yours truly', 'yours faithfully', 'respectfully', 'best', 'all the best', 'talk soon',
  'mit freundlichen grüßen', 'mit freundlichen grüssen', 'freundliche grüße', 'freundliche grüsse',
  'viele grüße', 'viele grüsse', 'beste grüße', 'liebe grüße', 'herzliche grüße', 'grüße', 'gruß', 'mfg',
  'lg', 'vg', 'cordialement', 'bien cordialement', 'bien à vous', 'salutations', 'sincères salutations',
  'amicalement', 'saludos', 'un saludo', 'saludos cordiales', 'atentamente', 'cordiales saludos',
  'un abrazo', 'cordiali saluti', 'distinti saluti', 'saluti', 'un saluto', 'met vriendelijke groet',
  'met vriendelijke groeten', 'vriendelijke groet', 'groeten', 'groet', 'mvg', 'atenciosamente',
  'cumprimentos', 'abraços', 'med vänlig hälsning', 'vänliga hälsningar', 'hälsningar', 'mvh',
  'med venlig hilsen', 'venlig hilsen', 'med vennlig hilsen', 'hilsen', 'ystävällisin terveisin',
  'terveisin', 'pozdrawiam', 'z poważaniem', 'saygılarımla', 's pozdravem', 'üdvözlettel',
];

/**
 * The strong cues, each an anchored pattern that starts at the cue's first word and captures
 * the name after it: "Mr. Smith", "Frau Dr. med. Müller", "my name is X", "Dear X",
 * "Full name: X", "Regards,\nJohn Smith".
 */
const TITLE_WORDS = [
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'miss', 'herr', 'frau', 'mme', 'mlle', 'hr', 'fr', 'sr', 'sra', 'srta',
  'sig', 'dott', 'dhr', 'mevr', 'mw', 'ing', 'avv', 'dña', 'pan', 'pani', 'sir', 'dame',
];
const TITLE_CUE = `${TITLE}${SP}${SECOND_TITLES}(${NAME_1_3})`;
// "Bonjour M. Dupont": the French "M." is an honorific here, not an initial
const GREETING_CUE = `(?i:${alt(INTRODUCTIONS)}|${alt(GREETINGS)})[ \\t]*,?${SP}(?:M\\.${SP})?${HONORIFIC}(${NAME_1_3})`;
const LABEL_CUE = `(?i:${alt(NAME_LABELS)})[ \\t]*:[ \\t]*${HONORIFIC}(${NAME_1_3})`;
/** French "M. Dupont", never the middle initial of "John M. Smith". */
const FRENCH_M_CUE = `M\\.${SP}(${NAME_1_3})`;

/**
 * "M." opens a French name only after a line start, an opening bracket or clause
 * punctuation, a lower-case word ("avec M. Dupont") or a French greeting.
 */
function frenchCueBefore(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0 || '\n(,;:'.includes(text[i] as string)) return true;
  let wordStart = i;
  while (wordStart > 0 && /[A-Za-zÀ-ÿ0-9]/.test(text[wordStart - 1] as string)) wordStart--;
  const word = text.slice(wordStart, i + 1);
  return /^[a-zß-ÿ]+$/.test(word) || /^(?:bonjour|bonsoir|cher|chère)$/i.test(word);
}

/**
 * "Regards,\nJohn Smith", "Mit freundlichen Grüßen\n\nDr. Hans Meier", "Cheers, Tom": the
 * sign-off opens its line, and the name must end its line (or be followed by a comma or a
 * bar), so the first words of the next paragraph ("Thanks\n\nLogs were attached") are not
 * taken for a signature.
 */
const SIGN_OFF =
  `(?i:${alt(SIGN_OFFS)})(?:[ \\t]*[,!]?[ \\t]*\\r?\\n\\s*|[ \\t]*,[ \\t]*)${HONORIFIC}` +
  `(${NAME_1_3})[ \\t]*(?:[,|]|\\r?\\n|$)`;

const NAME_CONTEXT = [
  'name', 'contact', 'customer', 'client', 'patient', 'employee', 'candidate', 'applicant', 'called', 'spoke',
  'met', 'emailed', 'manager', 'colleague', 'dear', 'regards', 'signed', 'kunde', 'cliente', 'mitarbeiter',
];

/** The first word of a name, as the patterns read it: a known given name, capitalised. */
const startsWithGivenName: StartsAt = wordAsWritten(capitalisedNameForms('strong-first'));
/** An ambiguous given name ("Will", "Grace") or an initial ("J."). */
const ambiguousForms = capitalisedNameForms('ambiguous-first');
const ambiguousNameOrInitial = (text: string, start: number, end: number): boolean =>
  capitalised(text, start) && ((end - start === 1 && text[end] === '.') || ambiguousForms.has(text.slice(start, end)));
// indexed by the names themselves and by one-letter words, not by every capitalised word
const startsWithAmbiguousNameOrInitial: StartsAt = Object.assign(ambiguousNameOrInitial, {
  index: { words: ambiguousForms, lengths: [1], filter: ambiguousNameOrInitial },
});
/** "al-Farsi", "d'Arcy": a lower-case prefix that a name word may start with. */
const NAME_PREFIXES = new Set(['al', 'el', 'd', 'l']);
const nameWordStart: StartsAt = (text, start, end) =>
  capitalised(text, start) || (NAME_PREFIXES.has(text.slice(start, end)) && "'’-".includes(text[end] ?? ''));
/** "Müller, Anna", "van Dijk, Jan": a name word or a particle, then a comma after the surname. */
const surnameComma = (text: string, start: number, end: number): boolean => {
  if (!nameWordStart(text, start, end) && !isParticleWord(text, start, end)) return false;
  // the comma must come within a few words: name words, particles, hyphens, apostrophes
  let i = end;
  const limit = Math.min(text.length, start + 80);
  while (i < limit && NAME_RUN[text.charCodeAt(i)] === 1) i++;
  return text.charCodeAt(i) === 44;
};
const isParticleWord = wordIn(NAME_PARTICLES);

/** A table over the BMP: 1 for the characters of `cls` (a character class source). */
function charTable(cls: string): Uint8Array {
  const re = new RegExp(`^${cls}$`);
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (re.test(String.fromCharCode(c))) table[c] = 1;
  return table;
}
const NAME_RUN = charTable(`(?:[ \\t\u00a0'’-]|${LETTER})`);
const LOWER_END_CHAR = charTable(LOWER_END);
/** A capitalised run in running text: after a lower-case word (or a digit or `,;:)`) and spaces. */
const afterLowerWord = (text: string, start: number, end: number): boolean => {
  if (!nameWordStart(text, start, end)) return false;
  let i = start - 1;
  if (i < 0 || (text[i] !== ' ' && text[i] !== '\t')) return false;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && LOWER_END_CHAR[text.charCodeAt(i)] === 1;
};

/** Capitalised words and the lower-case prefixes ("al-", "d'") a name word may start with. */
const NAME_START_INDEX = { capitalised: true, words: new Set([...NAME_PREFIXES, ...NAME_PARTICLES.flatMap((p) => [p, p.toUpperCase(), p[0]?.toUpperCase() + p.slice(1)])]) };
const startsSurnameComma: StartsAt = Object.assign(surnameComma, { index: { ...NAME_START_INDEX, filter: surnameComma } });
const startsAfterLowerWord: StartsAt = Object.assign(afterLowerWord, { index: { ...NAME_START_INDEX, filter: afterLowerWord } });
const startsSignOff: StartsAt = where(wordIn(firstWords(SIGN_OFFS)), (text, start) => atLineStart(text, start));

export const personDetectors: DetectorSpec[] = [
  {
    id: 'person-name',
    entity: 'PERSON',
    description: 'Person name anchored on the multilingual gazetteer of given names',
    patterns: [
      {
        // "Maria Müller", "JOSÉ GARCÍA", "Jean-Pierre de la Cruz", "Anna M. Schmidt"
        name: 'given-name-first',
        regex: `${NAME_WORD}(?:-${UPPER}${LETTER}+)?(?:${SP}${INITIAL})?(?:${SP}${PARTICLE})*${SP}${TOKEN}${TRAILER}`,
        score: 0.7,
        startsAt: startsWithGivenName,
      },
      {
        // "Call summary: Jürgen confirmed…", "Escalated: Aisha says…": a known, unambiguous given
        // name alone, before a lower-case word
        name: 'given-name-alone',
        regex: `(${NAME_WORD})[ \\t]+[a-zß-öø-ÿ]`,
        score: 0.6,
        group: 1,
        startsAt: startsWithGivenName,
      },
      {
        // "Will Smith", "J. Smith", "Grace Kelly": the validator wants a known surname
        name: 'ambiguous-or-initial-first',
        regex: `(?:${INITIAL}|${NAME_WORD})(?:${SP}${INITIAL}){0,2}(?:${SP}${PARTICLE})*${SP}${TOKEN}${TRAILER}`,
        score: 0.65,
        startsAt: startsWithAmbiguousNameOrInitial,
      },
      {
        // "Müller, Anna", "GARCÍA, JOSÉ": CRM exports; the validator wants both names known
        name: 'surname-comma-given-name',
        regex: `(?:${PARTICLE}${SP})*${TOKEN},[ \\t]*${TOKEN}(?:${SP}${INITIAL})?`,
        score: 0.7,
        startsAt: startsSurnameComma,
      },
    ],
    context: NAME_CONTEXT,
    contextBoost: 0.15,
    validate: judgeGivenNameFirst,
    samples: {
      tp: [
        'Maria Müller',
        { text: 'Customer José García reports that the app crashes.', value: 'José García' },
        { text: 'MARIA MÜLLER, KUNDENNUMMER 4471', value: 'MARIA MÜLLER' },
        { text: 'Met Søren Kierkegaard and Łukasz Nowak at the fair.', value: 'Łukasz Nowak' },
        { text: 'Escalation owner: Zoë Çelik (EMEA)', value: 'Zoë Çelik' },
        { text: 'Meeting moved; François Dubois will join remotely.', value: 'François Dubois' },
        { text: 'Invite Emma de Vries to the call.', value: 'Emma de Vries' },
        { text: 'Will Smith called twice about the refund.', value: 'Will Smith' },
        { text: 'Forwarded to Müller, Anna for approval.', value: 'Müller, Anna' },
        { text: 'JUERGEN SCHROEDER signed the form.', value: 'JUERGEN SCHROEDER' },
        { text: 'Signed: J. Kowalczyk', value: 'J. Kowalczyk' },
        { text: 'Call summary: Jürgen confirmed budget approval.', value: 'Jürgen' },
        { text: 'Escalated: Aisha says the portal link is broken.', value: 'Aisha' },
      ],
      fp: [
        'The renewal is due in May and June; August is booked.',
        'Will you mark the case as resolved? Bill the customer in April.',
        'Anna Schmidt GmbH renewed the contract.',
        'The office is on George Street near Victoria Station.',
        'Service Cloud and Data Loader were upgraded to the Pro plan.',
        'Jordan Peterson Consulting booked the Paris Hilton.',
        'MARIA WILL CALL BACK TOMORROW',
        'Thanks, Anna',
        'Berlin, Paris and Rome',
        'Customer rosa Farbe',
        'Will you check the invoice?',
        'Grace period ends in May.',
      ],
    },
  },
  {
    id: 'person-name-in-text',
    entity: 'PERSON',
    description: 'Two or three capitalised words in running text, one of them a known given name or surname',
    patterns: [
      {
        name: 'capitalised-run',
        regex: `${TOKEN}(?:${SP}${PARTICLE})*${SP}${TOKEN}(?:(?:${SP}${PARTICLE})*${SP}${TOKEN})?${TRAILER}`,
        score: 0.7,
        startsAt: startsAfterLowerWord,
      },
    ],
    context: NAME_CONTEXT,
    contextBoost: 0.15,
    validate: judgeNameInText,
    samples: {
      tp: [
        { text: 'Call summary with Xiaoling Kowalczyk about renewal.', value: 'Xiaoling Kowalczyk' },
        { text: 'Approved by José García López yesterday.', value: 'José García López' },
        { text: 'User: Ngozi Okafor', value: 'Ngozi Okafor' },
        { text: 'the file from Tjark Nieminen arrived', value: 'Tjark Nieminen' },
      ],
      fp: [
        'Invite Kowalczyk to the call.',
        'We moved to Service Cloud and the Data Loader.',
        'The office is in Santa Cruz, near the Grand Hotel.',
        'a deal with Morgan Stanley closed',
        'sent by Acme Health Partners',
      ],
    },
  },
  {
    id: 'person-cue',
    entity: 'PERSON',
    description: 'Person name introduced by an honorific, "my name is", a name label, a greeting or a sign-off',
    patterns: [
      { name: 'title', regex: TITLE_CUE, score: 0.85, group: 1, startsAt: wordIn(TITLE_WORDS) },
      {
        name: 'french-m',
        regex: FRENCH_M_CUE,
        score: 0.85,
        group: 1,
        startsAt: where(wordAsWritten(new Set(['M'])), (text, start) => frenchCueBefore(text, start)),
      },
      {
        name: 'greeting',
        regex: GREETING_CUE,
        score: 0.85,
        group: 1,
        startsAt: wordIn(firstWords([...INTRODUCTIONS, ...GREETINGS])),
      },
      { name: 'label', regex: LABEL_CUE, score: 0.85, group: 1, startsAt: wordIn(firstWords(NAME_LABELS)) },
      {
        name: 'sign-off',
        regex: SIGN_OFF,
        score: 0.8,
        group: 1,
        startsAt: startsSignOff,
      },
    ],
    context: NAME_CONTEXT,
    contextBoost: 0.1,
    validate: judgeCuedName,
    samples: {
      tp: [
        { text: 'Dear Mr. Okonkwo-Bello,', value: 'Okonkwo-Bello' },
        { text: 'Sehr geehrte Frau Dr. Weißenbäcker, vielen Dank.', value: 'Weißenbäcker' },
        { text: 'Hi Zoë, the invoice is attached.', value: 'Zoë' },
        { text: 'User: hi, my name is Ngozi Adaeze and my order is late', value: 'Ngozi Adaeze' },
        { text: 'Best regards,\nTjark Oltmanns\nAcme Health', value: 'Tjark Oltmanns' },
        { text: 'Mit freundlichen Grüßen\n\nDr. Hans-Jörg Meierhöfer', value: 'Hans-Jörg Meierhöfer' },
        { text: 'Bonjour M. Lefèbvre-Dussault, merci pour votre appel.', value: 'Lefèbvre-Dussault' },
        { text: 'Full name: Anneke van der Poel', value: 'Anneke van der Poel' },
        { text: 'MR THEODORIC BALLANTYNE\n12 HIGH ST', value: 'THEODORIC BALLANTYNE' },
        { text: 'Sra. Begoña Irazábal confirmó la cita.', value: 'Begoña Irazábal' },
        { text: 'Kind regards, Kaito Watanuki', value: 'Kaito Watanuki' },
      ],
      fp: [
        'Dear Customer, your case has been updated.',
        'Hi Team, quick update on the renewal.',
        'Dear Sir or Madam,',
        'Hello World example for the Apex class.',
        'Kind regards,\nSupport',
        'Thanks,\nThe Acme Team',
        'John M. Smith sent the file.',
        'Hi there, the MS Teams call moved.',
        'Thanks\n\nLogs were attached to the case.',
        'Dear Valued Customer',
      ],
    },
  },
];
