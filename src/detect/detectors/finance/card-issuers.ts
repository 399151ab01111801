/**
 * Payment-card issuer ranges (IIN/BIN prefixes) and the lengths each network issues. A
 * Luhn-valid number outside every range is far more likely an order or reference number.
 */
interface IssuerRange {
  issuer: string;
  /** inclusive numeric range of the first `digits` digits */
  from: number;
  to: number;
  digits: number;
  lengths: readonly number[];
}

const LEN_16_19 = [16, 17, 18, 19] as const;

const RANGES: readonly IssuerRange[] = [
  { issuer: 'visa', from: 4, to: 4, digits: 1, lengths: [13, 16, 19] },
  { issuer: 'mastercard', from: 51, to: 55, digits: 2, lengths: [16] },
  { issuer: 'mastercard', from: 2221, to: 2720, digits: 4, lengths: [16] },
  { issuer: 'amex', from: 34, to: 34, digits: 2, lengths: [15] },
  { issuer: 'amex', from: 37, to: 37, digits: 2, lengths: [15] },
  { issuer: 'discover', from: 6011, to: 6011, digits: 4, lengths: LEN_16_19 },
  { issuer: 'discover', from: 644, to: 649, digits: 3, lengths: LEN_16_19 },
  { issuer: 'discover', from: 65, to: 65, digits: 2, lengths: LEN_16_19 },
  { issuer: 'diners', from: 300, to: 305, digits: 3, lengths: [14, 15, 16, 17, 18, 19] },
  { issuer: 'diners', from: 3095, to: 3095, digits: 4, lengths: [14, 15, 16, 17, 18, 19] },
  { issuer: 'diners', from: 36, to: 36, digits: 2, lengths: [14, 15, 16, 17, 18, 19] },
  { issuer: 'diners', from: 38, to: 39, digits: 2, lengths: [14, 15, 16, 17, 18, 19] },
  { issuer: 'jcb', from: 3528, to: 3589, digits: 4, lengths: LEN_16_19 },
  { issuer: 'unionpay', from: 62, to: 62, digits: 2, lengths: LEN_16_19 },
  { issuer: 'mir', from: 2200, to: 2204, digits: 4, lengths: LEN_16_19 },
  ...[5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763].map(
    (prefix): IssuerRange => ({ issuer: 'maestro', from: prefix, to: prefix, digits: 4, lengths: [13, 14, 15, 16, 17, 18, 19] }),
  ),
];

/** The network that issues numbers of this prefix and length, or undefined. `digits` holds digits only. */
export function cardIssuer(digits: string): string | undefined {
  for (const range of RANGES) {
    if (!range.lengths.includes(digits.length)) continue;
    const prefix = Number(digits.slice(0, range.digits));
    if (prefix >= range.from && prefix <= range.to) return range.issuer;
  }
  return undefined;
}
