import type { FieldClass } from './standard-fields.js';

/**
 * Classification from a custom field's API name when no metadata says otherwise. Ordered:
 * the first rule that matches wins, so the stricter rules come first.
 */
const RULES: ReadonlyArray<[RegExp, FieldClass]> = [
  [/(ssn|social_?security|national_?id|passport|tax_?id|nino|steuer|sin_?number)/i, { level: 'Restricted', groups: ['PII', 'GDPR', 'CCPA', 'PersonalInfo'] }],
  [/(diagnos|icd|medical|patient|treatment|medication|prescription|health|allerg|disab)/i, { level: 'Restricted', groups: ['HIPAA', 'PII', 'GDPR'] }],
  [/(card_?number|credit_?card|cvv|pan_?number|iban|bank_?account|routing)/i, { level: 'Restricted', groups: ['PCI', 'PII', 'GDPR'] }],
  [/(salary|compensation|comp_?band|bonus|equity|stock_?option|pay_?grade|wage|pay_?rate|commission)/i, { level: 'Restricted', groups: ['PersonalInfo', 'GDPR'] }],
  [/(succession|performance|rating|calibration|termination|disciplin|grievance|pip_)/i, { level: 'Restricted', groups: ['PersonalInfo', 'GDPR'] }],
  [/(api_?key|secret|password|token|credential|private_?key)/i, { level: 'MissionCritical', groups: [] }],
  [/(birth|dob|gender|ethnic|religio|sexual|marital|nationality)/i, { level: 'Restricted', groups: ['PII', 'GDPR', 'PersonalInfo'] }],
  [/(email|phone|mobile|address|street|postal|zip|city|(^|_)(full_?|first_?|last_?|sur|maiden_?)?name$)/i, { level: 'Confidential', groups: ['PII', 'GDPR', 'CCPA', 'PersonalInfo'] }],
];

export function classifyByName(fieldApiName: string): FieldClass | undefined {
  const name = fieldApiName.replace(/__c$/i, '');
  for (const [pattern, cls] of RULES) if (pattern.test(name)) return cls;
  return undefined;
}
