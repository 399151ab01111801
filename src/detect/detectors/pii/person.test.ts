import { describe, expect, it } from 'vitest';
import { DetectionEngine } from '../../engine.js';
import { personDetectors } from './person.js';

const engine = new DetectionEngine({ detectors: personDetectors });
const names = (text: string): string[] =>
  engine
    .detect(text)
    .filter((f) => f.entity === 'PERSON')
    .map((f) => text.slice(f.start, f.end));

describe('person detectors', () => {
  it.each([
    // diacritics and scripts
    ['Łukasz Wiśniewski joined the call.', ['Łukasz Wiśniewski']],
    ['Zoë Çelik and Søren Kierkegaard signed.', ['Zoë Çelik', 'Søren Kierkegaard']],
    ["Sean O'Brien and Ahmed Al-Farsi", ["Sean O'Brien", 'Ahmed Al-Farsi']],
    ['Jean-Pierre Dubois et Anne-Marie Leclerc', ['Jean-Pierre Dubois', 'Anne-Marie Leclerc']],
    ['Invite Emma de Vries to the call.', ['Emma de Vries']],
    // ALL CAPS and ASCII spellings
    ['JOSÉ GARCÍA called about the invoice.', ['JOSÉ GARCÍA']],
    ['MARIA MÜLLER, KUNDENNUMMER 4471', ['MARIA MÜLLER']],
    ['JUERGEN SCHROEDER and Jose Garcia', ['JUERGEN SCHROEDER', 'Jose Garcia']],
    // a capitalised word in front does not swallow the name
    ['Yesterday John Smith called.', ['John Smith']],
    ['Customer José García reports a crash.', ['José García']],
    // three words in running text
    ['Approved by José García López yesterday.', ['José García López']],
    // ambiguous given names need a known surname
    ['Will Smith called twice.', ['Will Smith']],
    ['June Taylor signed.', ['June Taylor']],
    // surname first
    ['Forwarded to Müller, Anna for approval.', ['Müller, Anna']],
    // unknown given name, known surname, mid-sentence
    ['Call summary with Tjark Kowalczyk about renewal.', ['Tjark Kowalczyk']],
  ])('finds the names in %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ['Dr. Anna Schmidt', ['Anna Schmidt']],
    ['Herr Müller ruft an.', ['Müller']],
    ['Sehr geehrte Frau Dr. med. Weißenbäcker,', ['Weißenbäcker']],
    ['Mme Dupont a appelé.', ['Dupont']],
    ['Bonjour M. Lefèbvre-Dussault, merci.', ['Lefèbvre-Dussault']],
    ['Sig. Rossi e Dott.ssa Bianchi', ['Rossi', 'Bianchi']],
    ['Sr. Fernández y Sra. López', ['Fernández', 'López']],
    ['Dear Ms. van der Berg,', ['van der Berg']],
    ['MR THEODORIC BALLANTYNE\n12 HIGH ST', ['THEODORIC BALLANTYNE']],
    ['Mr. J. R. R. Tolkien', ['J. R. R. Tolkien']],
  ])('takes the name after an honorific, not the honorific: %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ['my name is Ngozi Adaeze and my order is late', ['Ngozi Adaeze']],
    ['Full name: Kaito Watanuki', ['Kaito Watanuki']],
    ['Hi Zoë, the invoice is attached.', ['Zoë']],
    ['Regards,\nTjark Oltmanns\nAcme Health', ['Tjark Oltmanns']],
    ['Mit freundlichen Grüßen\n\nDr. Hans-Jörg Meierhöfer', ['Hans-Jörg Meierhöfer']],
    ['Kind regards, Kaito Watanuki', ['Kaito Watanuki']],
    ['Cheers,\nTom\n', ['Tom']],
    ['Patient: Ana Costa, 3rd floor', ['Ana Costa']],
  ])('takes the name after a cue or in a signature: %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    'The renewal is due in May and June; August is booked.',
    'April showers in August.',
    'Mark the case closed; Will Power is a band.',
    'Anna Schmidt GmbH renewed the contract.',
    'Acme GmbH and John Deere Inc. signed.',
    'The office is on George Street near Victoria Station.',
    'Marie Curie Hospital',
    'Meeting with Thomas Anderson Consulting',
    'Service Cloud and Data Loader were upgraded to the Pro plan.',
    'Dear Customer, your case has been updated.',
    'Hi Team, thanks for the update.',
    'Best regards,\nThe Support Team',
    'Thanks\n\nLogs were attached to the case.',
    'Hello World example for the Apex class.',
    'MARIA WILL CALL BACK TOMORROW',
    'Monday Tuesday Wednesday',
  ])('finds no person in %j', (text) => {
    expect(names(text)).toEqual([]);
  });
});
