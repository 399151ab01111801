import type { ComplianceGroup, Finding, SensitivityLevel } from '../core/types.js';
import { classifyEntity } from './entity-classes.js';
import { maxLevel, mergeGroups } from './levels.js';
import { classifyByName } from './name-heuristics.js';
import { FREE_TEXT_FIELDS, STANDARD_FIELDS } from './standard-fields.js';

/** Custom field classification from org metadata, keyed `Object.Field`. */
export type FieldMetadata = Map<string, { level?: SensitivityLevel; groups: ComplianceGroup[] }>;

export type ClassificationSource = 'metadata' | 'standard' | 'name' | 'findings' | 'default';

export interface FieldClassification {
  level: SensitivityLevel;
  groups: ComplianceGroup[];
  /** where the field-level part came from */
  source: ClassificationSource;
  freeText: boolean;
}

export interface FieldRef {
  object?: string;
  field?: string;
}

/**
 * Classifies one value: the field's own class (org metadata, then built-in standard fields,
 * then name heuristics) raised by the entities found inside it.
 */
export class Classifier {
  constructor(private readonly metadata: FieldMetadata = new Map()) {}

  fieldClass(ref: FieldRef): FieldClassification {
    const field = ref.field ?? '';
    const freeText = FREE_TEXT_FIELDS.has(field) || field === '';
    if (ref.object && field) {
      const meta = this.metadata.get(`${ref.object}.${field}`);
      if (meta) return { level: meta.level ?? 'Confidential', groups: meta.groups, source: 'metadata', freeText };
    }
    const standard = ref.object ? STANDARD_FIELDS[ref.object]?.[field] : undefined;
    if (standard) return { ...standard, source: 'standard', freeText };
    if (field.endsWith('__c')) {
      const byName = classifyByName(field);
      if (byName) return { level: byName.level, groups: mergeGroups(byName.groups), source: 'name', freeText };
    }
    return { level: 'Internal', groups: [], source: 'default', freeText: true };
  }

  classify(ref: FieldRef, findings: readonly Pick<Finding, 'entity'>[]): FieldClassification {
    const base = this.fieldClass(ref);
    if (findings.length === 0) return base;
    let level = base.level;
    const groups: ComplianceGroup[][] = [base.groups];
    for (const f of findings) {
      const cls = classifyEntity(f.entity);
      level = maxLevel(level, cls.level);
      groups.push(cls.groups);
    }
    const raised = level !== base.level;
    return { level, groups: mergeGroups(...groups), source: raised ? 'findings' : base.source, freeText: base.freeText };
  }
}
