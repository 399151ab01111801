import type { ComplianceGroup, SensitivityLevel } from '../core/types.js';

export interface FieldClass {
  level: SensitivityLevel;
  groups: ComplianceGroup[];
}

const P: ComplianceGroup[] = ['PII', 'GDPR', 'CCPA', 'PersonalInfo'];
const conf = (groups = P): FieldClass => ({ level: 'Confidential', groups });
const internal: FieldClass = { level: 'Internal', groups: [] };
const restricted = (groups = P): FieldClass => ({ level: 'Restricted', groups });

const personFields: Record<string, FieldClass> = {
  Name: conf(),
  FirstName: conf(),
  LastName: conf(),
  MiddleName: conf(),
  Salutation: internal,
  Suffix: internal,
  Email: conf(),
  Phone: conf(),
  MobilePhone: conf(),
  HomePhone: conf(),
  OtherPhone: conf(),
  AssistantPhone: conf(),
  Fax: conf(),
  Birthdate: restricted(),
  Description: conf([]),
  Title: internal,
  Department: internal,
};

const address = (prefix: string): Record<string, FieldClass> =>
  Object.fromEntries(
    ['Street', 'City', 'State', 'PostalCode', 'Country', 'Latitude', 'Longitude', 'Address'].map((part) => [
      `${prefix}${part}`,
      part === 'Country' || part === 'State' ? { level: 'Internal', groups: ['PII', 'GDPR'] } : conf(),
    ]),
  );

/**
 * Built-in classification of standard Salesforce fields, by object. Free-text fields such
 * as Description are Confidential without groups: findings inside them add the rest.
 */
export const STANDARD_FIELDS: Readonly<Record<string, Readonly<Record<string, FieldClass>>>> = {
  Contact: { ...personFields, ...address('Mailing'), ...address('Other'), AccountId: internal },
  Lead: { ...personFields, ...address(''), Company: internal, AnnualRevenue: conf([]) },
  User: { ...personFields, ...address(''), Username: conf(), FederationIdentifier: conf(), EmployeeNumber: conf() },
  Account: {
    Name: internal,
    Phone: conf([]),
    Fax: internal,
    Website: { level: 'Public', groups: [] },
    Description: conf([]),
    AnnualRevenue: conf([]),
    ...address('Billing'),
    ...address('Shipping'),
    PersonEmail: conf(),
    PersonMobilePhone: conf(),
    PersonBirthdate: restricted(),
  },
  Case: {
    Subject: conf([]),
    Description: conf([]),
    SuppliedName: conf(),
    SuppliedEmail: conf(),
    SuppliedPhone: conf(),
    SuppliedCompany: internal,
    Comments: conf([]),
  },
  Opportunity: { Name: internal, Amount: conf([]), Description: conf([]), NextStep: internal, StageName: internal },
  Task: { Subject: conf([]), Description: conf([]) },
  Event: { Subject: conf([]), Description: conf([]) },
  CaseComment: { CommentBody: conf([]) },
  EmailMessage: { TextBody: conf([]), HtmlBody: conf([]), FromAddress: conf(), ToAddress: conf(), Subject: conf([]) },
};

/** Fields that hold prose and are scanned span by span. */
export const FREE_TEXT_FIELDS = new Set([
  'Description',
  'Subject',
  'Comments',
  'CommentBody',
  'TextBody',
  'HtmlBody',
  'NextStep',
  'Body',
  'Notes',
]);
