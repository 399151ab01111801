import { judgeCuedName, judgeGivenNameFirst, judgeNameInText } from '../../names/judge-name.js';
import {
  AMBIGUOUS_FIRST_NAME,
  FIRST_NAME_EXT,
  INITIAL,
  LOWER_END,
  NAME_1_3,
  PARTICLE,
  SECOND_TITLES,
  SP,
  TITLE,
  TOKEN,
  TRAILER,
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
 * All drop candidates holding a company, place, month or function word. The given-name
 * alternation is large, so it appears in one pattern only.
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

/** What may come right before a strong cue's name. Each alternative ends where the name starts. */
const STRONG_CUE = [
  // "Mr. Smith", "Frau Dr. med. Müller", "Sra. Fernández", "Dott.ssa Bianchi", "MR JOHN SMITH"
  `\\b${TITLE}${SP}${SECOND_TITLES}`,
  // French "M. Dupont" after a line start, a lower-case word or "Bonjour": never the middle
  // initial of "John M. Smith"
  `(?:^|[\\n(,;:]|(?:^|[^A-Za-zÀ-ÿ0-9])[a-zß-ÿ]+|(?i:bonjour|bonsoir|cher|chère))[ \\t]*M\\.${SP}`,
  // "my name is X", "Dear X", "Hi, X"
  `\\b(?i:${alt(INTRODUCTIONS)}|${alt(GREETINGS)})[ \\t]*,?${SP}${HONORIFIC}`,
  // "Full name: X", "Assigned to: X"
  `\\b(?i:${alt(NAME_LABELS)})[ \\t]*:[ \\t]*${HONORIFIC}`,
];

/**
 * "Regards,\nJohn Smith", "Mit freundlichen Grüßen\n\nDr. Hans Meier", "Cheers, Tom": the
 * name must end its line (or be followed by a comma or a bar), so the first words of the
 * next paragraph ("Thanks\n\nLogs were attached") are not taken for a signature.
 */
const SIGN_OFF =
  `(?:^|\\n)[ \\t]*(?i:${alt(SIGN_OFFS)})(?:[ \\t]*[,!]?[ \\t]*\\r?\\n\\s*|[ \\t]*,[ \\t]*)${HONORIFIC}` +
  `(${NAME_1_3})[ \\t]*(?:[,|]|\\r?\\n|$)`;

const NAME_CONTEXT = [
  'name', 'contact', 'customer', 'client', 'patient', 'employee', 'candidate', 'applicant', 'called', 'spoke',
  'met', 'emailed', 'manager', 'colleague', 'dear', 'regards', 'signed', 'kunde', 'cliente', 'mitarbeiter',
];

export const personDetectors: DetectorSpec[] = [
  {
    id: 'person-name',
    entity: 'PERSON',
    description: 'Person name anchored on the multilingual gazetteer of given names',
    patterns: [
      {
        // "Maria Müller", "JOSÉ GARCÍA", "Jean-Pierre de la Cruz", "Anna M. Schmidt"
        name: 'given-name-first',
        regex: `${FIRST_NAME_EXT}(?:${SP}${INITIAL})?(?:${SP}${PARTICLE})*${SP}${TOKEN}${TRAILER}`,
        score: 0.7,
      },
      {
        // "Will Smith", "J. Smith", "Grace Kelly": the validator wants a known surname
        name: 'ambiguous-or-initial-first',
        regex: `(?:${AMBIGUOUS_FIRST_NAME}|${INITIAL})(?:${SP}${INITIAL}){0,2}(?:${SP}${PARTICLE})*${SP}${TOKEN}${TRAILER}`,
        score: 0.65,
      },
      {
        // "Müller, Anna", "GARCÍA, JOSÉ": CRM exports; the validator wants both names known
        name: 'surname-comma-given-name',
        regex: `(?:${PARTICLE}${SP})*${TOKEN},[ \\t]*${TOKEN}(?:${SP}${INITIAL})?`,
        score: 0.7,
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
        regex:
          `${LOWER_END}[ \\t]+` +
          `(${TOKEN}(?:${SP}${PARTICLE})*${SP}${TOKEN}(?:(?:${SP}${PARTICLE})*${SP}${TOKEN})?${TRAILER})`,
        score: 0.7,
        group: 1,
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
      {
        name: 'cue-then-name',
        regex: `(?:${STRONG_CUE.join('|')})(${NAME_1_3})`,
        score: 0.85,
        group: 1,
      },
      {
        name: 'sign-off',
        regex: SIGN_OFF,
        score: 0.8,
        group: 1,
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
