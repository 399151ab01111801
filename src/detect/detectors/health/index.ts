import type { DetectorSpec } from '../../spec.js';
import { medicalCondition, medication } from './clinical-terms.js';
import { icd10Code } from './diagnosis-codes.js';
import { healthInsuranceId, medicalRecordNumber } from './patient-ids.js';
import { usDea, usNpi } from './provider-ids.js';

/** Protected health information: provider and patient identifiers, diagnosis codes, conditions and drugs. */
export const healthDetectors: DetectorSpec[] = [
  usNpi,
  usDea,
  medicalRecordNumber,
  healthInsuranceId,
  icd10Code,
  medicalCondition,
  medication,
];
