import { describe } from 'vitest';
import { generatorProperties } from '../../../../test/support/generator-properties.js';
import { medicareValid, tfnValid } from '../../validators/au-ids.js';
import { cnpjValid, cpfValid } from '../../validators/br-tax.js';
import { luhnValid } from '../../validators/luhn.js';
import { verhoeffValid } from '../../validators/verhoeff.js';
import { generators } from './generators.js';
import { nationalIntlDetectors } from './index.js';

const SENTENCES: Record<string, (value: string) => string> = {
  IN_AADHAAR: (v) => `Customer Aadhaar number ${v} verified by KYC.`,
  IN_PAN: (v) => `PAN card ${v} received for the account.`,
  CA_SIN: (v) => `Social insurance number: ${v} (payroll).`,
  AU_TFN: (v) => `TFN ${v} supplied by the employee.`,
  AU_MEDICARE: (v) => `Medicare card ${v} presented at reception.`,
  BR_CPF: (v) => `CPF do cliente ${v} conferido.`,
  BR_CNPJ: (v) => `CNPJ ${v} da matriz.`,
  PASSPORT: (v) => `Passport number ${v}, expiry next year.`,
};

/** The checksum each entity's validator applies, on the value without separators. */
const CHECKSUMS: Record<string, (compact: string) => boolean> = {
  IN_AADHAAR: verhoeffValid,
  CA_SIN: luhnValid,
  AU_TFN: tfnValid,
  AU_MEDICARE: medicareValid,
  BR_CPF: cpfValid,
  BR_CNPJ: cnpjValid,
};

describe('generators', () => {
  generatorProperties({
    detectors: nationalIntlDetectors,
    generators,
    sentences: SENTENCES,
    // the validators work on the value without separators
    checksums: Object.fromEntries(Object.entries(CHECKSUMS).map(([e, valid]) => [e, (v: string) => valid(v.replace(/[^0-9A-Z]/g, ''))])),
  });
});
