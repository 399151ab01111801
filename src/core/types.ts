/**
 * The shared vocabulary of the stages. `core` imports nothing else of Airlock. A request's
 * values (with their paths and Salesforce context) and their findings travel together as the
 * sanitizer's `Analysis`; the pipeline in `pipeline.ts` is generic over the stage types.
 */

/** Entity ids are UPPER_SNAKE, e.g. EMAIL_ADDRESS, US_SSN, SALESFORCE_ID. */
export type EntityId = string;

/**
 * One detected span inside one value. Offsets are UTF-16 code units (JavaScript string
 * indices), end exclusive. The raw value is never stored: `fingerprint` is a keyed HMAC.
 */
export interface Finding {
  entity: EntityId;
  start: number;
  end: number;
  score: number;
  detectorId: string;
  fingerprint: string;
}

export type SensitivityLevel = 'Public' | 'Internal' | 'Confidential' | 'Restricted' | 'MissionCritical';

export const SENSITIVITY_LEVELS: readonly SensitivityLevel[] = ['Public', 'Internal', 'Confidential', 'Restricted', 'MissionCritical'];

export type ComplianceGroup = 'PII' | 'HIPAA' | 'GDPR' | 'PCI' | 'CCPA' | 'COPPA' | 'PersonalInfo';
