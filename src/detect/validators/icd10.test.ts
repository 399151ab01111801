import { describe, expect, it } from 'vitest';
import { icd10Valid } from './icd10.js';

describe('icd10Valid', () => {
  // Codes from the WHO ICD-10 and ICD-10-CM tabular lists.
  it.each([
    'E11.9', // type 2 diabetes without complications
    'E119',
    'I10', // essential hypertension
    'J45.909',
    'F32.A', // ICD-10-CM depression, unspecified
    'C50.911',
    'S52.521A', // 7th character extension
    'T36.0X1A', // X placeholder
    'U07.1', // COVID-19
    'U82.1',
    'Z3A.20', // weeks of gestation
    'O9A.211',
    'M1A.071',
    'D89.9',
    'E90',
    'K95.01',
    'P96.9',
    'H95.89',
    'A00.0',
  ])('accepts %s', (code) => expect(icd10Valid(code)).toBe(true));

  it.each([
    ['D90', 'beyond chapter III'],
    ['E91.2', 'beyond chapter IV'],
    ['H96', 'beyond chapter VIII'],
    ['K99.1', 'beyond chapter XI'],
    ['P98', 'beyond chapter XVI'],
    ['U50', 'unassigned special-purpose code'],
    ['U99.9', 'unassigned special-purpose code'],
    ['B2B', 'letter category not in ICD-10-CM'],
    ['110.9', 'starts with a digit'],
    ['E1', 'too short'],
    ['E11.12345', 'subcategory too long'],
    ['e11.9', 'lower case'],
    ['E11..9', 'two dots'],
  ])('rejects %s (%s)', (code) => expect(icd10Valid(code)).toBe(false));
});
