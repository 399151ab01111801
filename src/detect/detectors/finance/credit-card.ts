import { digitRun } from '../../anchors.js';
import type { DetectorSpec, Validation } from '../../spec.js';
import { luhnValid } from '../../validators/luhn.js';
import { cardIssuer } from './card-issuers.js';

/** Every issuer prefix starts with 2–6; anchoring on it skips most other long numbers. */
const LEAD = '[2-6]\\d{3}';

function validateCard(value: string): Validation {
  const digits = value.replace(/[ -]/g, '');
  return luhnValid(digits) && cardIssuer(digits) !== undefined ? 'confirm' : 'reject';
}

export const creditCard: DetectorSpec = {
  id: 'credit-card',
  entity: 'CREDIT_CARD',
  description:
    'Payment card number (Visa, Mastercard, Amex, Discover, Diners, JCB, UnionPay, Maestro, Mir), Luhn- and issuer-checked',
  patterns: [
    // One scan for the common shapes: compact, 4-4-4-4, Amex 4-6-5, Diners 4-6-4. The
    // alternatives cannot both match at one position (Amex is tried before Diners).
    {
      name: 'card',
      regex: `[2-6]\\d{12,18}|${LEAD}(?:[ -]\\d{4}){3}|3[47]\\d{2}[ -]\\d{6}[ -]\\d{5}|3\\d{3}[ -]\\d{6}[ -]\\d{4}`,
      score: 0.5,
      startsAt: digitRun(13),
    },
    // 4-4-4-4-3 has its own scan, so a trailing number (CVV, year) cannot swallow a valid
    // 16-digit card into an invalid 19-digit one.
    { name: 'grouped-19', regex: `${LEAD}(?:[ -]\\d{4}){3}[ -]\\d{3}`, score: 0.5, startsAt: digitRun(19) },
  ],
  minDigits: 13,
  context: [
    'card',
    'credit card',
    'card number',
    'visa',
    'mastercard',
    'amex',
    'cc',
    'payment',
    'kreditkarte',
    'karte',
    'carte bancaire',
    'carte',
    'tarjeta',
    'carta di credito',
    'creditcard',
    'cartão',
  ],
  validate: validateCard,
  samples: {
    tp: [
      '4532015112830366',
      '5529384105761232',
      '2223003122003222',
      '371449635398431',
      '6011000990139424',
      '3530111333300000',
      '30569309025904',
      '6200000000000005',
      '6759649826438453',
      { text: 'Card on file: 4532 0151 1283 0366, exp 09/27', value: '4532 0151 1283 0366' },
      { text: 'Kreditkarte 5529-3841-0576-1232 wurde belastet', value: '5529-3841-0576-1232' },
      { text: 'Amex 3714 496353 98431 (corporate)', value: '3714 496353 98431' },
      { text: 'Diners 3056 930902 5904 expired', value: '3056 930902 5904' },
      { text: 'carte bancaire 4012888888881881 refusée', value: '4012888888881881' },
      { text: 'UnionPay card 6212 3456 7890 1234 569 on account', value: '6212 3456 7890 1234 569' },
      { text: 'card 4532 0151 1283 0366 123 (CVV after)', value: '4532 0151 1283 0366' },
    ],
    fp: [
      'Card 4532015112830367 declined (typo)',
      'Order 4532015112830361234 shipped',
      'Timestamp 20240115123042 logged (Luhn-valid by chance, no issuer)',
      'Event id 2024011512304515 is Luhn-valid but below the Mastercard 2-series',
      'Reference 3100123456789018 is Luhn-valid but no network issues 31',
      'Reference 6400123456789018 sits in an unassigned Discover gap',
      'Batch 2000-1234-5678-9011 is Luhn-valid, no issuer',
      'Invoice 1234567890123452 paid',
      'Tracking 5555 5555 5555 5555 (not Luhn-valid)',
      'Visa 4532 0151 1283 0367 is a typo',
      'Phone +1 415 555 0100 ext 1234',
    ],
  },
};
