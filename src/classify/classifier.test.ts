import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFieldMetadata } from '../salesforce/project/sfdx.js';
import { Classifier } from './classifier.js';
import { parseComplianceGroups } from './levels.js';

const PROJECT = join(import.meta.dirname, '../../test/fixtures/sfdx-project');

describe('field classification', () => {
  it('reads securityClassification and complianceGroup from every package directory, in both spellings', async () => {
    const meta = await readFieldMetadata(PROJECT);
    expect(meta.get('Employee_Review__c.Review_Notes__c')).toEqual({ level: 'MissionCritical', groups: ['GDPR', 'PersonalInfo'] });
    expect(meta.get('Employee_Review__c.Team__c')).toEqual({ level: 'Internal', groups: [] });
    expect(meta.get('Contact.Loyalty_Tier__c')).toEqual({ level: 'Confidential', groups: ['PII', 'CCPA'] });
  });

  it('prefers org metadata, then standard fields, then name heuristics', async () => {
    const classifier = new Classifier(await readFieldMetadata(PROJECT));
    expect(classifier.fieldClass({ object: 'Employee_Review__c', field: 'Review_Notes__c' })).toMatchObject({ level: 'MissionCritical', source: 'metadata' });
    expect(classifier.fieldClass({ object: 'Contact', field: 'Email' })).toMatchObject({ level: 'Confidential', source: 'standard' });
    expect(classifier.fieldClass({ object: 'Lead', field: 'MailingCity' })).toMatchObject({ source: 'default' });
    expect(classifier.fieldClass({ object: 'Contact', field: 'Birthdate' })).toMatchObject({ level: 'Restricted' });
    expect(classifier.fieldClass({ object: 'Employee__c', field: 'Salary__c' })).toMatchObject({ level: 'Restricted', source: 'name', groups: ['GDPR', 'PersonalInfo'] });
    expect(classifier.fieldClass({ object: 'X__c', field: 'SSN__c' })).toMatchObject({ level: 'Restricted', source: 'name' });
    expect(classifier.fieldClass({ object: 'X__c', field: 'Diagnosis__c' }).groups).toContain('HIPAA');
    expect(classifier.fieldClass({ object: 'X__c', field: 'Succession_Plan__c' })).toMatchObject({ level: 'Restricted' });
    expect(classifier.fieldClass({ object: 'X__c', field: 'Color__c' })).toMatchObject({ level: 'Internal', source: 'default' });
  });

  it('raises a field by the entities found inside it', () => {
    const classifier = new Classifier();
    const cls = classifier.classify({ object: 'Case', field: 'Description' }, [{ entity: 'CREDIT_CARD' }, { entity: 'EMAIL_ADDRESS' }]);
    expect(cls).toMatchObject({ level: 'Restricted', source: 'findings' });
    expect(cls.groups).toEqual(['PII', 'GDPR', 'PCI', 'CCPA', 'PersonalInfo'].filter((g) => cls.groups.includes(g as never)));
    expect(cls.groups).toContain('PCI');
    expect(classifier.classify({}, [{ entity: 'SECRET' }]).level).toBe('MissionCritical');
  });

  it('parses compliance groups from semicolons or repeated values and ignores unknown names', () => {
    expect(parseComplianceGroups('PII;HIPAA; Custom')).toEqual(['PII', 'HIPAA']);
    expect(parseComplianceGroups(['GDPR', 'PCI;CCPA'])).toEqual(['GDPR', 'PCI', 'CCPA']);
  });

  it('fails with a coded error on a missing or broken project', async () => {
    await expect(readFieldMetadata('/nonexistent')).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});
