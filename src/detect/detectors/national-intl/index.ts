import type { DetectorSpec } from '../../spec.js';
import { auMedicare, auMedicareCompact, auTfn } from './australia.js';
import { brCnpj, brCnpjCompact, brCpf, brCpfCompact } from './brazil.js';
import { caSin } from './canada.js';
import { inAadhaar, inAadhaarCompact, inPan } from './india.js';
import { passportNumber } from './passport.js';

/**
 * National identifiers outside the US and Europe, and passports of any country. Unseparated
 * forms are `-compact` detectors of the same entity: keyword-gated and context-required, so
 * bare digit runs in ordinary text cost nothing.
 */
export const nationalIntlDetectors: DetectorSpec[] = [
  inAadhaar,
  inAadhaarCompact,
  inPan,
  caSin,
  auTfn,
  auMedicare,
  auMedicareCompact,
  brCpf,
  brCpfCompact,
  brCnpj,
  brCnpjCompact,
  passportNumber,
];
