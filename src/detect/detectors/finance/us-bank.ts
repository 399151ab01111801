import { firstGroup } from '../../anchors.js';
import type { DetectorSpec, Validation } from '../../spec.js';
import { abaRoutingValid } from '../../validators/aba-routing.js';

export const usBankRouting: DetectorSpec = {
  id: 'us-bank-routing',
  entity: 'US_BANK_ROUTING',
  description: 'US ABA routing transit number (9 digits, 3-7-1 checksum, assigned prefix), next to a routing mention',
  // Only the assigned prefixes, so most 9-digit runs never become candidates.
  patterns: [{ name: 'rtn', regex: '(?:0\\d|1[0-2]|2[1-9]|3[0-2]|6[1-9]|7[0-2]|80)\\d{7}', score: 0.4, startsAt: firstGroup([9]) }],
  // One random 9-digit number in ten passes the checksum, so a routing word must be near.
  // "ACH" is not a keyword: as a substring it fires on "each", "reach", "approach".
  keywords: ['routing', 'aba', 'rtn', 'transit', 'fedwire'],
  context: ['routing', 'aba', 'rtn', 'transit', 'fedwire'],
  contextRequired: true,
  minDigits: 9,
  validate: (value) => (abaRoutingValid(value) ? 'confirm' : 'reject'),
  samples: {
    tp: [
      { text: 'Routing number: 021000034', value: '021000034' },
      { text: 'ABA 072000177, account ending 4421', value: '072000177' },
      { text: 'ACH transfer via RTN 322074918 scheduled', value: '322074918' },
      { text: 'Wire instructions: bank routing # 264009614 / acct 12345678', value: '264009614' },
      { text: 'transit no. 111000559', value: '111000559' },
    ],
    fp: [
      'Routing number: 021000035 (bad checksum)',
      'ABA 131000005 has an unassigned prefix',
      'ABA 900000003 has an unassigned prefix',
      'Order 021000034 shipped on Monday',
      'Routing 0210000340 is ten digits',
      'ABA routing 000000000',
    ],
  },
};

/** All one digit, or a run up or down the keypad: test data, not an account. */
function validateAccount(value: string): Validation {
  let same = true;
  let up = true;
  let down = true;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    if (step !== 0) same = false;
    if (step !== 1 && step !== -9) up = false;
    if (step !== -1 && step !== 9) down = false;
  }
  return same || up || down ? 'reject' : undefined;
}

export const usBankAccount: DetectorSpec = {
  id: 'us-bank-account',
  entity: 'US_BANK_ACCOUNT',
  description: 'Bank account number (8–17 digits), only next to an account-number mention',
  patterns: [{ name: 'account', regex: '\\d{8,17}', score: 0.45, startsAt: firstGroup([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]) }],
  // Keywords are the context phrases themselves (or their stems) so the detector does not run
  // on every CRM note that says "Account"; "conta" alone would fire on "contact".
  keywords: [
    'account number',
    'account no.',
    'account no:',
    'account no ',
    'account num',
    'bank account',
    'checking account',
    'savings account',
    'acct',
    'a/c',
    'konto',
    'kto',
    'compte',
    'cuenta',
    'conto',
    'da conta',
    'conta corrente',
    'rekeningnummer',
  ],
  // Bare "account" (a Salesforce object), "checking" and "savings" are too common in CRM notes
  // ("checking order 12345678"); the phrases that name an account number are used instead.
  context: [
    'account number',
    'account no',
    'account num',
    'bank account',
    'checking account',
    'savings account',
    'acct',
    'a/c',
    'kontonummer',
    'konto',
    'konto-nr',
    'kto',
    'numéro de compte',
    'n° de compte',
    'compte bancaire',
    'número de cuenta',
    'numero de cuenta',
    'cuenta bancaria',
    'numero di conto',
    'conto corrente',
    'número da conta',
    'conta corrente',
    'rekeningnummer',
  ],
  contextRequired: true,
  minDigits: 8,
  validate: validateAccount,
  samples: {
    tp: [
      { text: 'Account number: 4830119275', value: '4830119275' },
      { text: 'Checking account 000123456789 at First Bank', value: '000123456789' },
      { text: 'acct #73920011845 (savings)', value: '73920011845' },
      { text: 'Kontonummer 0532013000', value: '0532013000' },
      { text: 'numéro de compte : 30004001234567', value: '30004001234567' },
      { text: 'número de cuenta 20381234561234567', value: '20381234561234567' },
      { text: 'numero di conto 100000123456', value: '100000123456' },
    ],
    fp: [
      'Account: Acme Corp, order 4830119275',
      'Checking order 12345670 status',
      'Account number: 1234567 is too short',
      'Account number: 123456789012345678 is too long',
      'Account number: 00000000',
      'Account number: 12345678',
      'Kontonummer DE44500105175407324931',
    ],
  },
};
