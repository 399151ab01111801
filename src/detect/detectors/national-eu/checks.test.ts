import { describe, expect, it } from 'vitest';
import { atSocialSecurityValid } from './at.js';
import { chAhvValid } from './ch.js';
import { deIdCardValid, mrzCheckDigit } from './de.js';
import { beNationalNumberValid, deTaxIdValid, elevenDigitReadings, itVatValid, peselValid } from './eleven-digits.js';
import { frNirValid, frSirenValid, frSiretValid } from './fr.js';
import { itFiscalCodeValid } from './it.js';
import { dkCprBirthYear, dkCprDateValid, fiHetuValid, sePersonnummerCheck } from './nordic.js';

/** Published examples (python-stdnum docs, issuing agencies' specimens) and their one-character corruptions. */
describe('national identifier checks', () => {
  it.each([
    ['DE tax id', deTaxIdValid, '36574261809', '36574261890'],
    ['DE tax id, digit rule', deTaxIdValid, '36574261809', '36554266806'],
    ['DE ID card', deIdCardValid, 'T220001293', 'T220001294'],
    ['PESEL', peselValid, '44051401359', '44051401358'],
    ['PESEL, month 13', peselValid, '44051401359', '44131401359'],
    ['BE national number', beNationalNumberValid, '85073003328', '85073003329'],
    ['IT partita IVA', itVatValid, '00743110157', '00743110158'],
    ['FR NIR', frNirValid, '255081416802538', '255081416802539'],
    ['FR SIREN', frSirenValid, '732829320', '732829321'],
    ['FR SIRET', frSiretValid, '73282932000074', '73282932000079'],
    ['IT codice fiscale', itFiscalCodeValid, 'RSSMRA85T10A562S', 'RSSMRA85T10A562T'],
    ['FI henkilötunnus', fiHetuValid, '131052-308T', '131052-308U'],
    ['FI henkilötunnus, 2023 sign', fiHetuValid, '131052B308T', '131052G308T'],
    ['DK CPR date', dkCprDateValid, '2110621629', '3102621629'],
    ['CH AHV', chAhvValid, '7569217076985', '7569217076986'],
    ['AT SVNR', atSocialSecurityValid, '1237010180', '1237013280'],
  ] as const)('%s', (_name, check, valid, invalid) => {
    expect(check(valid)).toBe(true);
    expect(check(invalid)).toBe(false);
  });

  it('computes the ICAO 9303 check digit', () => expect(mrzCheckDigit('T22000129')).toBe(3));

  it('handles the post-2000 Belgian rule', () => {
    // Born 2002-04-25: the key is computed over "2" + the first nine digits.
    expect(beNationalNumberValid('02042575252')).toBe(true);
    expect(beNationalNumberValid('02042575253')).toBe(false);
  });

  it('handles Corsican départements in the NIR', () => {
    expect(frNirValid('1 78 11 2A 004 123 10')).toBe(true);
    expect(frNirValid('1 78 11 2B 004 123 10')).toBe(false);
  });

  it('knows La Poste', () => {
    expect(frSirenValid('356000000')).toBe(true);
    expect(frSiretValid('35600000000048')).toBe(true);
    expect(frSiretValid('35600000000123')).toBe(true);
    expect(frSiretValid('35600000000124')).toBe(false);
  });

  it('reads Swedish personnummer forms', () => {
    expect(sePersonnummerCheck('811218-9876')).toEqual({ valid: true, long: false });
    expect(sePersonnummerCheck('19811218-9876')).toEqual({ valid: true, long: true });
    expect(sePersonnummerCheck('121212+1212')).toEqual({ valid: true, long: false });
    expect(sePersonnummerCheck('811232-9876').valid).toBe(false);
  });

  it('derives the CPR century from the serial', () => {
    expect(dkCprBirthYear('2110621629')).toBe(1962);
    expect(dkCprBirthYear('0101104000')).toBe(2010);
    expect(dkCprBirthYear('0101609000')).toBe(1960);
    // Serial 5-8 with a year after 57: born in the 1800s, so no living customer.
    expect(dkCprBirthYear('2110625629')).toBeNull();
  });

  it('counts the 11-digit schemes a value passes', () => {
    expect(elevenDigitReadings('36574261809')).toBe(1);
    expect(elevenDigitReadings('12345678901')).toBe(0);
  });
});
