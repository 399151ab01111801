import { describe, expect, it } from 'vitest';
import { compactVat, euVatValid, VAT_PREFIXES } from './eu-vat.js';

/** VAT numbers published in python-stdnum's test suite (tests/test_eu_vat.doctest) and its module docs. */
const VALID = [
  'ATU 142 43 102', 'ATU13585627', 'ATU 65480455',
  'BE 0202.239.951', 'BE 0402 918 402', 'BE0428759497', 'BE 444.503.092',
  'DE 118619592', 'DE 181 207 708', 'DE812847601', 'DE136695976',
  'DK 10 50 32 80', 'DK-27630308', 'DK 13 31 04 59',
  'EE 100 931 558', 'EE101256753',
  'EL 039868210', 'EL094501040', 'EL 94051189',
  'ES A08370314', 'ES X5277343Q', 'ES 54362315K', 'ES Q-2818015-F',
  'FI 02459042', 'FI18261444', 'FI-22291240',
  'FR 40 303 265 045', 'FR 19 552 008 443', 'FR K 7399859412', 'FR16000063601', '4Z123456782'.replace(/^/, 'FR'),
  'HR 33392005961', 'HR94577403194',
  'HU 10672101', 'HU12078503',
  'IE 6433435F', 'IE 8D79739I', 'IE6433435OA', 'IE 9Y71814N',
  'IT 00743110157', 'IT 02100550264', 'IT-09159800011',
  'LU 10059929', 'LU 22 22 12 68',
  'MT 1167-9112', 'MT 20630321',
  'NL 806753742B01', 'NL-8197.38.116.B.01', 'NL001452330B47',
  'PL 584-030-44-72', 'PL 5261025421', 'PL 687-16-26-585',
  'PT 500 019 720', 'PT501964843',
  'RO 185 472 90', 'RO 573768', 'RO 11358544',
  'SE 556058115801', 'SE-556 644 662 001',
  'SI 50223054', 'SI 26808498',
  'SK 2022193459', 'SK 1078449064',
  'GB 980 7806 84', 'XI 980 7806 84',
];

const BAD_CHECK = [
  'ATU 143 43 102', 'ATU46080904',
  'BE 0406.139.583', 'BE697449982',
  'DE 125014855', 'DE 246 495 415',
  'DK 11 96 56 58', 'DK10159817',
  'EE 100 941 558', 'EE101256754',
  'EL 094013834', 'EL094501140',
  'ES 54362415K', 'ES-x-2322300w',
  'FR 04409414264', 'FR 21 326 565 603', 'FR K 7399859312',
  'HR 33392005962',
  'IE 4731823H', 'IE8D79729I',
  'IT 00687129980',
  'LU 10059928',
  'MT 20630322',
  'NL 806753743B01',
  'PL 5261025422',
  'PT 501964844',
  'RO 185 472 91',
  'SE 556058115901', 'SE 556058115802',
  'SI 50223055',
  'SK 1078449164', 'SK 2020457679',
  'GB 802311781',
];

describe('EU VAT numbers', () => {
  it.each(VALID)('accepts %s', (v) => expect(euVatValid(compactVat(v))).toBe(true));
  it.each(BAD_CHECK)('rejects %s', (v) => expect(euVatValid(compactVat(v))).toBe(false));

  it('has no opinion on the right shape for states without a check here', () => {
    for (const v of ['BG 103873594', 'CY 10246672X', 'CZ 25123891', 'LT 100001354118', 'LV 40003189718']) {
      expect(euVatValid(compactVat(v))).toBeUndefined();
    }
  });

  it('rejects a wrong shape and an unknown prefix', () => {
    for (const v of ['BG 1038', 'CY 102466721', 'QQ 124567', 'DE 01112544', 'NL 001241643801', 'ATU 151592092']) {
      expect(euVatValid(compactVat(v))).toBe(false);
    }
  });

  it('compacts printed forms', () => expect(compactVat('be 0123.456-749')).toBe('BE0123456749'));

  it('knows all member states, XI and GB', () => {
    const expected = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'XI', 'GB'];
    for (const p of expected) expect(VAT_PREFIXES).toContain(p);
  });
});
