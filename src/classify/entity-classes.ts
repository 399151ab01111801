import type { ComplianceGroup, EntityId, SensitivityLevel } from '../core/types.js';

export interface EntityClass {
  level: SensitivityLevel;
  groups: ComplianceGroup[];
  /** secrets and credentials: never restored, always redacted by default */
  secret?: boolean;
}

const personal = (level: SensitivityLevel, ...extra: ComplianceGroup[]): EntityClass => ({
  level,
  groups: ['PII', 'GDPR', 'CCPA', 'PersonalInfo', ...extra],
});
const secret: EntityClass = { level: 'MissionCritical', groups: [], secret: true };

/**
 * What each entity is, in Salesforce's classification terms. Unknown entities (customer
 * dictionaries, future detectors) are Confidential until configured otherwise.
 */
const TABLE: Record<string, EntityClass> = {
  PERSON: personal('Confidential'),
  EMAIL_ADDRESS: personal('Confidential'),
  PHONE_NUMBER: personal('Confidential'),
  STREET_ADDRESS: personal('Confidential'),
  LOCATION: personal('Internal'),
  DATE_OF_BIRTH: personal('Restricted'),
  DATE_TIME: personal('Confidential'),
  AGE: personal('Confidential'),
  IP_ADDRESS: personal('Internal'),
  MAC_ADDRESS: personal('Internal'),
  URL: { level: 'Internal', groups: [] },
  ORGANIZATION: { level: 'Internal', groups: [] },
  CREDIT_CARD: { level: 'Restricted', groups: ['PCI', 'PII', 'GDPR', 'PersonalInfo'] },
  IBAN_CODE: personal('Restricted'),
  SWIFT_BIC: { level: 'Internal', groups: [] },
  US_BANK_ROUTING: { level: 'Confidential', groups: [] },
  US_BANK_ACCOUNT: personal('Restricted'),
  CRYPTO: personal('Restricted'),
  US_SSN: personal('Restricted'),
  US_ITIN: personal('Restricted'),
  US_PASSPORT: personal('Restricted'),
  US_DRIVER_LICENSE: personal('Restricted'),
  PASSPORT: personal('Restricted'),
  SECRET: secret,
  PRIVATE_KEY: secret,
  JWT: secret,
  CONNECTION_STRING: secret,
  BASIC_AUTH_URL: secret,
  SALESFORCE_SESSION_ID: secret,
  SALESFORCE_ID: { level: 'Internal', groups: [] },
  SALESFORCE_ORG_URL: { level: 'Internal', groups: [] },
  COMPENSATION: personal('Restricted'),
  PERFORMANCE_RATING: personal('Restricted'),
  US_NPI: { level: 'Confidential', groups: ['HIPAA'] },
  US_DEA: { level: 'Confidential', groups: ['HIPAA'] },
  MEDICAL_RECORD_NUMBER: personal('Restricted', 'HIPAA'),
  HEALTH_INSURANCE_ID: personal('Restricted', 'HIPAA'),
  ICD10_CODE: personal('Restricted', 'HIPAA'),
  MEDICAL_CONDITION: personal('Restricted', 'HIPAA'),
  MEDICATION: personal('Restricted', 'HIPAA'),
};

/** National identifiers (`<CC>_<NAME>`) are Restricted personal data. */
const NATIONAL_ID = /^[A-Z]{2}_[A-Z0-9_]+$/;

export function classifyEntity(entity: EntityId): EntityClass {
  const known = TABLE[entity];
  if (known) return known;
  if (NATIONAL_ID.test(entity)) return personal('Restricted');
  return { level: 'Confidential', groups: [] };
}
