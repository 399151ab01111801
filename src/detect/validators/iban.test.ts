import { describe, expect, it } from 'vitest';
import { IBAN_LENGTHS, ibanCheckDigits, ibanValid, mod97, normalizeIban } from './iban.js';

describe('mod97', () => {
  it('computes remainders of long numbers', () => {
    expect(mod97('97')).toBe(0);
    expect(mod97('98')).toBe(1);
    // ISO 13616 worked example: GB82 WEST 1234 5698 7654 32 rearranged and converted.
    expect(mod97('3214282912345698765432161182')).toBe(1);
  });

  it('is NaN on non-digits or empty input', () => {
    expect(mod97('12a4')).toBeNaN();
    expect(mod97('')).toBeNaN();
  });
});

describe('ibanValid', () => {
  // Example IBANs published in the SWIFT IBAN registry.
  it.each([
    'GB82WEST12345698765432',
    'GB82 WEST 1234 5698 7654 32',
    'DE89370400440532013000',
    'DE89 3704 0044 0532 0130 00',
    'FR1420041010050500013M02606',
    'IT60X0542811101000000123456',
    'NL91ABNA0417164300',
    'BE68539007547034',
    'NO9386011117947',
    'CH9300762011623852957',
    'MT84MALT011000012345MTLCAST001S',
    'LC55HEMM000100010012001200023015',
    'de89370400440532013000',
    'GB82-WEST-1234-5698-7654-32',
  ])('accepts %s', (iban) => expect(ibanValid(iban)).toBe(true));

  it.each([
    ['bad check digits', 'GB83WEST12345698765432'],
    ['changed BBAN digit', 'DE89370400440532013001'],
    ['too short for the country', 'DE8937040044053201300'],
    ['too long for the country', 'BE685390075470340'],
    ['unknown country', 'ZZ89370400440532013000'],
    ['letters where check digits belong', 'GBXXWEST12345698765432'],
    ['punctuation', 'GB82.WEST.1234.5698.7654.32'],
  ])('rejects %s', (_why, iban) => expect(ibanValid(iban)).toBe(false));

  it('rejects check digit 01, an alias of 98 that the algorithm never emits', () => {
    let bban = '';
    for (let i = 0; bban === ''; i++) {
      const candidate = `WEST1234569876${String(i).padStart(4, '0')}`;
      if (ibanCheckDigits('GB', candidate) === '98') bban = candidate;
    }
    expect(ibanValid(`GB98${bban}`)).toBe(true);
    expect(ibanValid(`GB01${bban}`)).toBe(false);
  });
});

describe('ibanCheckDigits', () => {
  it('reproduces registry examples', () => {
    expect(ibanCheckDigits('GB', 'WEST12345698765432')).toBe('82');
    expect(ibanCheckDigits('DE', '370400440532013000')).toBe('89');
  });
});

describe('IBAN_LENGTHS', () => {
  it('holds plausible lengths for two-letter codes', () => {
    for (const [country, length] of Object.entries(IBAN_LENGTHS)) {
      expect(country).toMatch(/^[A-Z]{2}$/);
      expect(length).toBeGreaterThanOrEqual(15);
      expect(length).toBeLessThanOrEqual(34);
    }
  });
});

describe('normalizeIban', () => {
  it('drops spaces and dashes and upper-cases', () => expect(normalizeIban('gb82 west-1234')).toBe('GB82WEST1234'));
});
