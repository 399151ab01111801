import { SENSITIVITY_LEVELS, type ComplianceGroup, type SensitivityLevel } from '../core/types.js';

export const COMPLIANCE_GROUPS: readonly ComplianceGroup[] = ['PII', 'HIPAA', 'GDPR', 'PCI', 'CCPA', 'COPPA', 'PersonalInfo'];

export function levelRank(level: SensitivityLevel): number {
  return SENSITIVITY_LEVELS.indexOf(level);
}

export function maxLevel(a: SensitivityLevel, b: SensitivityLevel): SensitivityLevel {
  return levelRank(a) >= levelRank(b) ? a : b;
}

export function isSensitivityLevel(value: string): value is SensitivityLevel {
  return (SENSITIVITY_LEVELS as readonly string[]).includes(value);
}

export function isComplianceGroup(value: string): value is ComplianceGroup {
  return (COMPLIANCE_GROUPS as readonly string[]).includes(value);
}

/** Union of groups in the canonical order, without duplicates. */
export function mergeGroups(...lists: ReadonlyArray<readonly ComplianceGroup[]>): ComplianceGroup[] {
  const present = new Set(lists.flat());
  return COMPLIANCE_GROUPS.filter((g) => present.has(g));
}

/** Parses `PII;HIPAA` (or repeated values), ignoring unknown names an org may have added. */
export function parseComplianceGroups(value: string | readonly string[] | undefined): ComplianceGroup[] {
  if (value === undefined) return [];
  const parts = (typeof value === 'string' ? [value] : value).flatMap((v) => v.split(/[;,]/)).map((v) => v.trim());
  return mergeGroups(parts.filter(isComplianceGroup));
}
