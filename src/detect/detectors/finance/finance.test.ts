import { describe, expect, it } from 'vitest';
import { DetectionEngine } from '../../engine.js';
import { IBAN_LENGTHS, ibanCheckDigits } from '../../validators/iban.js';
import { luhnCheckDigit } from '../../validators/luhn.js';
import { cardIssuer } from './card-issuers.js';
import { financeDetectors } from './index.js';
import { validateBic } from './swift-bic.js';

/** The whole family in one engine, so overlaps between its detectors are resolved as in production. */
const engine = new DetectionEngine({ detectors: financeDetectors });
const found = (text: string) => engine.detect(text).map((f) => [f.entity, text.slice(f.start, f.end), f.score]);

describe('finance detectors: exact spans and scores', () => {
  it.each([
    // cards: separators, neighbours, issuers
    ['Card on file: 4532 0151 1283 0366, exp 09/27', [['CREDIT_CARD', '4532 0151 1283 0366', 1]]],
    ['Kreditkarte 5529-3841-0576-1232 wurde belastet', [['CREDIT_CARD', '5529-3841-0576-1232', 1]]],
    ['carta di credito 3714 496353 98431', [['CREDIT_CARD', '3714 496353 98431', 1]]],
    ['Diners 3056 930902 5904 expired', [['CREDIT_CARD', '3056 930902 5904', 1]]],
    ['Order 88231 card 4532015112830366 2027 CVV 123', [['CREDIT_CARD', '4532015112830366', 1]]],
    ['Qty 2 4532 0151 1283 0366 123', [['CREDIT_CARD', '4532 0151 1283 0366', 1]]],
    ['UnionPay 6212 3456 7890 1234 569.', [['CREDIT_CARD', '6212 3456 7890 1234 569', 1]]],
    ['cartão 6011000990139424; pedido 20240115123042', [['CREDIT_CARD', '6011000990139424', 1]]],
    ['Card 4532015112830367 (Luhn fails)', []],
    ['Ref 3100123456789018 (Luhn-valid, no issuer)', []],
    ['Order 45320151128303661 has seventeen digits', []],
    ['card 45320151128303660000', []],
    // IBAN: printed with spaces in a sentence, compact, bad checksum, neighbours
    [
      'Bitte überweisen Sie auf DE44 5001 0517 5407 3249 31 bis Freitag.',
      [['IBAN_CODE', 'DE44 5001 0517 5407 3249 31', 1]],
    ],
    ['Notre IBAN : FR76 3000 6000 0112 3456 7890 189, merci.', [['IBAN_CODE', 'FR76 3000 6000 0112 3456 7890 189', 1]]],
    ['IBAN IT51X0300203280000400162854 (conto corrente)', [['IBAN_CODE', 'IT51X0300203280000400162854', 1]]],
    ['IBAN BE35 3101 8071 2345 2024 invoice', [['IBAN_CODE', 'BE35 3101 8071 2345', 1]]],
    ['IBAN DE45 5001 0517 5407 3249 31 bitte prüfen', []],
    ['IBAN DE44500105175407324931X', []],
    // SWIFT/BIC: context required, words that fit the shape are not codes
    [
      'IBAN: DE44 5001 0517 5407 3249 31, BIC: COBADEFFXXX',
      [
        ['IBAN_CODE', 'DE44 5001 0517 5407 3249 31', 1],
        ['SWIFT_BIC', 'COBADEFFXXX', 0.85],
      ],
    ],
    ['SWIFT: payments to DEUTSCHLAND, BIC lookup: INFORMATION', []],
    ['Bank code COBADEFFXXX on the invoice', []],
    // routing and account numbers need their words; German, French, Italian, Spanish
    [
      'Routing number: 021000034, account number: 4830119275',
      [
        ['US_BANK_ROUTING', '021000034', 1],
        ['US_BANK_ACCOUNT', '4830119275', 0.8],
      ],
    ],
    ['Order 021000034 shipped', []],
    ['Kontonummer 0532013000 bei der Sparkasse', [['US_BANK_ACCOUNT', '0532013000', 0.8]]],
    ['numéro de compte : 30004001234567', [['US_BANK_ACCOUNT', '30004001234567', 0.8]]],
    ['numero di conto 100000123456', [['US_BANK_ACCOUNT', '100000123456', 0.8]]],
    ['número de cuenta 20381234561234567', [['US_BANK_ACCOUNT', '20381234561234567', 0.8]]],
    ['Account: Acme Corp, order 4830119275', []],
    // crypto: checksums confirm, single-case Ethereum gets the base score plus context
    ['see 0xfb09e1d1b217ac72279732f5cf46476f97588b96', [['CRYPTO', '0xfb09e1d1b217ac72279732f5cf46476f97588b96', 0.6]]],
    ['ETH wallet 0xfb09e1d1b217ac72279732f5cf46476f97588b96', [['CRYPTO', '0xfb09e1d1b217ac72279732f5cf46476f97588b96', 0.95]]],
    ['to 0x8B2b93d708Ee3F6CA1672e2322a14093e6EF98c2', [['CRYPTO', '0x8B2b93d708Ee3F6CA1672e2322a14093e6EF98c2', 1]]],
    ['to 0x8B2b93d708Ee3F6CA1672e2322a14093e6EF98C2', []],
    [
      'BTC 1AS83WY8d8tw6zHTzpeqyTvYbtecgsQuZ4 and bc1qupewlfkuz67dprsmuhy8q7d2064cf8js08ndas',
      [
        ['CRYPTO', '1AS83WY8d8tw6zHTzpeqyTvYbtecgsQuZ4', 1],
        ['CRYPTO', 'bc1qupewlfkuz67dprsmuhy8q7d2064cf8js08ndas', 1],
      ],
    ],
  ] as const)('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('IBAN pattern', () => {
  // A synthetic IBAN of the registry length for every country, compact and printed.
  it.each(Object.entries(IBAN_LENGTHS))('finds %s IBANs of length %i in both forms', (country, length) => {
    const bban = '1234567890'.repeat(4).slice(0, length - 4);
    const compact = `${country}${ibanCheckDigits(country, bban)}${bban}`;
    const printed = compact.replace(/(.{4})(?=.)/g, '$1 ');
    for (const value of [compact, printed]) {
      const text = `Pay to ${value} today`;
      expect(found(text)).toEqual([['IBAN_CODE', value, 1]]);
    }
  });
});

describe('cardIssuer', () => {
  it.each([
    ['4532015112830366', 'visa'],
    ['4222222222222', 'visa'],
    ['5529384105761232', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['2720990000000000', 'mastercard'],
    ['371449635398431', 'amex'],
    ['6011000990139424', 'discover'],
    ['6445000000000000', 'discover'],
    ['30569309025904', 'diners'],
    ['3530111333300000', 'jcb'],
    ['6200000000000005', 'unionpay'],
    ['6759649826438453', 'maestro'],
    ['2200123456789019', 'mir'],
  ])('%s → %s', (digits, issuer) => expect(cardIssuer(digits)).toBe(issuer));

  it.each([
    ['Amex prefix at 16 digits', '3714496353984310'],
    ['Mastercard prefix at 15 digits', '552938410576123'],
    ['2-series below 2221', '2220990000000000'],
    ['2-series above 2720', '2721000000000000'],
    ['unassigned 31', '3100123456789018'],
    ['Discover gap 640–643', '6400123456789018'],
  ])('no issuer: %s', (_why, digits) => expect(cardIssuer(digits)).toBeUndefined());

  it('leaves Luhn to the validator', () => {
    const payload = '453201511283036';
    expect(cardIssuer(payload + String((luhnCheckDigit(payload) + 1) % 10))).toBe('visa');
  });
});

describe('validateBic', () => {
  it.each(['COBADEFFXXX', 'BNPAFRPP', 'CHASUS33', 'INGBNL2A', 'DEUTDEFF500', 'SOGEFRPPHCM'])('keeps %s', (bic) =>
    expect(validateBic(bic)).toBeUndefined(),
  );

  it.each(['DEUTSCHLAND', 'INFORMATION', 'BUSINESS', 'FOOTBALL', 'DEUTSCHE', 'COBAZZFFXXX', 'COBADEFFX12'])('rejects %s', (value) =>
    expect(validateBic(value)).toBe('reject'),
  );
});
