import type { DetectorSpec, Validation } from '../../spec.js';
import { icd10Valid } from '../../validators/icd10.js';

/** Codes like A380 or F150 are also aircraft and truck models, so a diagnosis word is required. */
function validateIcd10(value: string): Validation {
  return icd10Valid(value) ? undefined : 'reject';
}

const ICD_CONTEXT = [
  'diagnosis',
  'diagnoses',
  'diagnosed',
  'dx',
  'icd',
  'icd-10',
  'icd10',
  'icd-10-cm',
  'icd-10-gm',
  'diagnosis code',
  'diagnose',
  'diagnosen',
  'hauptdiagnose',
  'nebendiagnose',
  'diagnoseschlüssel',
  'diagnostiziert',
  'diagnostic',
  'code diagnostique',
  'diagnostiqué',
  'cim-10',
  'cim10',
  'diagnóstico',
  'diagnosticado',
  'diagnosticada',
  'cie-10',
  'cie10',
  'diagnosi',
  'diagnosticato',
  'diagnosticata',
  'codice diagnosi',
  'diagnosecode',
  'gediagnosticeerd',
  'cid-10',
  'cid10',
];

export const icd10Code: DetectorSpec = {
  id: 'icd10-code',
  entity: 'ICD10_CODE',
  description: 'ICD-10 diagnosis code (letter + 2 characters + optional subcategory), chapter ranges checked; context required',
  keywords: ['diagn', 'dx', 'icd', 'cim-10', 'cim10', 'cie-10', 'cie10', 'cid-10', 'cid10'],
  minDigits: 2,
  patterns: [{ name: 'code', regex: '[A-Z]\\d[0-9A-Z](?:\\.?[0-9A-Z]{1,4})?', score: 0.5 }],
  context: ICD_CONTEXT,
  contextRequired: true,
  validate: validateIcd10,
  samples: {
    tp: [
      { text: 'Dx: E11.9 type 2 diabetes', value: 'E11.9' },
      { text: 'ICD-10 I10, follow-up in 3 months', value: 'I10' },
      { text: 'Hauptdiagnose F32.1 (ICD-10-GM)', value: 'F32.1' },
      { text: 'diagnóstico CIE-10 J45.909', value: 'J45.909' },
      { text: 'diagnosis code S52.521A entered', value: 'S52.521A' },
      { text: 'diagnosi U07.1 confermata', value: 'U07.1' },
    ],
    fp: [
      'Dx: E95.1 is outside chapter IV',
      'diagnosis U99 is unassigned',
      'Flight on an A380 next week',
      'diagnosis pending, code 110.9',
      'dx: b2b customer',
    ],
  },
};
