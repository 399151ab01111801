import { deaCheckDigit } from '../../validators/dea.js';
import { icd10Valid } from '../../validators/icd10.js';
import { luhnCheckDigit } from '../../validators/luhn.js';
import { digits, letters, pick } from '../national-intl/generators.js';
import { kvnrCheckDigit } from './kvnr.js';
import { MEDICAL_CONDITION_ABBREVIATIONS, MEDICAL_CONDITIONS, MEDICATIONS } from './medical-terms.js';

/**
 * Random valid values in their commonly printed form, one generator per entity, for the
 * labelled evaluation corpus. Values are synthetic; `rand` returns a float in [0, 1).
 */
type Rand = () => number;

/** Issued NPIs start with 1 (2 is reserved for later), so the generator keeps to 1. */
function npi(rand: Rand): string {
  const first9 = `1${digits(rand, 8)}`;
  return first9 + String(luhnCheckDigit(`80840${first9}`));
}

function dea(rand: Rand): string {
  const serial = digits(rand, 6);
  const initial = rand() < 0.1 ? '9' : letters(rand, 1);
  return letters(rand, 1, 'ABCDFGMPRX') + initial + serial + String(deaCheckDigit(serial));
}

/** Numeric (Epic-style), letter-prefixed or site-prefixed record numbers; never dates or filler runs. */
function mrn(rand: Rand): string {
  for (;;) {
    const value = pick<(r: Rand) => string>(rand, [
      (r) => digits(r, 8),
      (r) => digits(r, 7),
      (r) => letters(r, 1) + digits(r, 7),
      (r) => digits(r, 2) + letters(r, 1) + digits(r, 5),
    ])(rand);
    if (!/(\d)\1{5,}/.test(value) && !/^(19|20)\d{6}$|^[0-3]\d[01]\d(19|20)\d\d$/.test(value)) return value;
  }
}

/** The German KVNR (check digit) or a US-style member id (three-letter prefix + nine digits). */
function insuranceId(rand: Rand): string {
  for (;;) {
    const value =
      rand() < 0.5 ? ((p: string) => p + String(kvnrCheckDigit(p)))(letters(rand, 1) + digits(rand, 8)) : letters(rand, 3) + digits(rand, 9);
    if (!/(.)\1{5,}|123456789/.test(value)) return value;
  }
}

function icd10(rand: Rand): string {
  for (;;) {
    const category = letters(rand, 1) + digits(rand, 2);
    if (!icd10Valid(category)) continue;
    const r = rand();
    return r < 0.2 ? category : r < 0.8 ? `${category}.${digits(rand, 1)}` : `${category}.${digits(rand, 2)}`;
  }
}

export const generators: Record<string, (rand: () => number) => string> = {
  US_NPI: npi,
  US_DEA: dea,
  MEDICAL_RECORD_NUMBER: mrn,
  HEALTH_INSURANCE_ID: insuranceId,
  ICD10_CODE: icd10,
  MEDICAL_CONDITION: (rand) => pick(rand, rand() < 0.1 ? MEDICAL_CONDITION_ABBREVIATIONS : MEDICAL_CONDITIONS),
  MEDICATION: (rand) => pick(rand, MEDICATIONS),
};
