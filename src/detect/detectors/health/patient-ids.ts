import type { DetectorSpec, Validation } from '../../spec.js';
import { alnumTokenWithDigit } from '../national-intl/pattern-parts.js';
import { kvnrValid } from './kvnr.js';

/**
 * Record and member numbers have no common format: any 6–20 letters and digits with enough
 * digits, next to a word that names them. Dates and filler runs are dropped.
 */
function idShapeOk(value: string, min: number, max: number): boolean {
  if (value.length < min || value.length > max) return false;
  const digits = value.replace(/\D/g, '');
  if (digits.length < 4 || /^(\d)\1*$/.test(digits)) return false;
  return !(digits === value && looksLikeDate(value));
}

/** YYYYMMDD or DDMMYYYY with a plausible month and day. */
function looksLikeDate(digits: string): boolean {
  if (digits.length !== 8) return false;
  return (
    /^(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(digits) ||
    /^(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(19|20)\d\d$/.test(digits)
  );
}

function validateMrn(value: string): Validation {
  return idShapeOk(value, 6, 12) ? undefined : 'reject';
}

/** A German KVNR (letter + 9 digits) with a valid check digit is certain; other shapes keep their score. */
function validateInsuranceId(value: string): Validation {
  if (!idShapeOk(value, 6, 20)) return 'reject';
  return kvnrValid(value) ? 'confirm' : undefined;
}

const MRN_CONTEXT = [
  'mrn',
  'mrn#',
  'medical record',
  'medical record number',
  'medical record no',
  'patient id',
  'patient-id',
  'patient number',
  'patient no',
  'chart number',
  'chart no',
  'chart #',
  'patientennummer',
  'patienten-id',
  'patientenid',
  'fallnummer',
  'krankenaktennummer',
  'dossier médical',
  'numéro de dossier',
  'numéro patient',
  'numéro de patient',
  'ipp',
  'historia clínica',
  'número de historia',
  'nhc',
  'número de paciente',
  'cartella clinica',
  'numero cartella',
  'codice paziente',
  'numero nosologico',
  'patiëntnummer',
  'patientnummer',
  'dossiernummer',
  'medisch dossier',
  'processo clínico',
  'número de processo',
  'prontuário',
  'número do prontuário',
];

/** Short context words ("ipp" in "shipping", "nhc" in "enhance") need a delimiter as keywords. */
const MRN_KEYWORDS = [
  ...MRN_CONTEXT.filter((word) => word !== 'ipp' && word !== 'nhc'),
  'ipp ',
  'ipp:',
  'ipp#',
  'nhc ',
  'nhc:',
  'nhc#',
];

const INSURANCE_CONTEXT = [
  'member id',
  'member number',
  'member no',
  'subscriber id',
  'policy number',
  'policy no',
  'insurance id',
  'insurance number',
  'health insurance',
  'health plan id',
  'medicaid',
  'versichertennummer',
  'krankenversichertennummer',
  'kvnr',
  'versicherten-id',
  'krankenkasse',
  'gesundheitskarte',
  'versicherungsnummer',
  "numéro d'assuré",
  "numéro d'adhérent",
  'carte vitale',
  'mutuelle',
  'tarjeta sanitaria',
  'número de afiliación',
  'número de afiliado',
  'número de póliza',
  'tessera sanitaria',
  'numero tessera',
  'numero di polizza',
  'verzekerdennummer',
  'polisnummer',
  'zorgverzekering',
  'número de utente',
  'cartão de utente',
  'número de beneficiário',
  'carteirinha',
  'número da apólice',
  'plano de saúde',
];

export const medicalRecordNumber: DetectorSpec = {
  id: 'medical-record-number',
  entity: 'MEDICAL_RECORD_NUMBER',
  description: 'Medical record / patient number (6–12 letters and digits); context required',
  keywords: MRN_KEYWORDS,
  minDigits: 4,
  patterns: [{ name: 'alphanumeric', regex: alnumTokenWithDigit(6), score: 0.45 }],
  context: MRN_CONTEXT,
  contextRequired: true,
  rejectPlaceholders: true,
  validate: validateMrn,
  samples: {
    tp: [
      { text: 'MRN: 00482913', value: '00482913' },
      { text: 'Patient ID E7730215 admitted to ward 4', value: 'E7730215' },
      { text: 'Patientennummer 4471902 (Station B)', value: '4471902' },
      { text: 'historia clínica NHC 2093384', value: '2093384' },
      { text: 'numéro de dossier 77A20394 transmis', value: '77A20394' },
      { text: 'número do prontuário 5560193', value: '5560193' },
    ],
    fp: [
      'MRN: 12345 (too short)',
      'MRN 19850312 is a date of birth',
      'MRN 0000000',
      'order 00482913 shipped',
      'patient id pending',
      'MRN XXXXXX99',
    ],
  },
};

export const healthInsuranceId: DetectorSpec = {
  id: 'health-insurance-id',
  entity: 'HEALTH_INSURANCE_ID',
  description: 'Health insurance member / policy number (German KVNR check-digit confirmed); context required',
  keywords: INSURANCE_CONTEXT,
  minDigits: 4,
  patterns: [{ name: 'alphanumeric', regex: alnumTokenWithDigit(6), score: 0.45 }],
  context: INSURANCE_CONTEXT,
  contextRequired: true,
  rejectPlaceholders: true,
  validate: validateInsuranceId,
  samples: {
    tp: [
      { text: 'Member ID: XGH482910337', value: 'XGH482910337' },
      { text: 'Krankenversichertennummer M482736191 (TK)', value: 'M482736191' },
      { text: 'Versichertennummer: K908172635', value: 'K908172635' },
      { text: "numéro d'assuré 2750394812", value: '2750394812' },
      { text: 'tessera sanitaria 80380001200051234567', value: '80380001200051234567' },
      { text: 'policy number W20394857 renewed', value: 'W20394857' },
    ],
    fp: [
      'member id 123 (too short)',
      'invoice XGH482910337 paid',
      'member id 01012024 is a date',
      'health insurance plan renewed in 2024',
      'policy number 111111111',
    ],
  },
};
