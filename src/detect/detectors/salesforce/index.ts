import { wordOfLength } from '../../anchors.js';
import type { DetectorSpec, Validation } from '../../spec.js';
import { salesforceId18Valid } from '../../validators/salesforce-id.js';

/**
 * Key prefixes of standard objects that carry personal or business data. An id with one of
 * these prefixes is almost certainly a record id; custom objects use `a` + two characters.
 */
export const SALESFORCE_KEY_PREFIXES: Readonly<Record<string, string>> = {
  '001': 'Account',
  '003': 'Contact',
  '005': 'User',
  '006': 'Opportunity',
  '00D': 'Organization',
  '00Q': 'Lead',
  '500': 'Case',
  '00T': 'Task',
  '00U': 'Event',
  '00G': 'Group',
  '00E': 'UserRole',
  '00e': 'Profile',
  '00O': 'Report',
  '00k': 'OpportunityLineItem',
  '015': 'Document',
  '01Z': 'Dashboard',
  '01p': 'ApexClass',
  '01t': 'Product2',
  '02i': 'Asset',
  '068': 'ContentVersion',
  '069': 'ContentDocument',
  '0AT': 'EventLogFile',
  '0PS': 'PermissionSet',
  '701': 'Campaign',
  '800': 'Contract',
  '801': 'Order',
  '802': 'OrderItem',
};

const CUSTOM_OBJECT_PREFIX = /^a[0-9A-Za-z]{2}$/;

function validateRecordId(value: string): Validation {
  if (value.length === 18) return salesforceId18Valid(value) ? 'confirm' : 'reject';
  const prefix = value.slice(0, 3);
  if (SALESFORCE_KEY_PREFIXES[prefix] !== undefined || CUSTOM_OBJECT_PREFIX.test(prefix)) return undefined;
  return 'reject';
}

export const salesforceDetectors: DetectorSpec[] = [
  {
    id: 'salesforce-record-id',
    entity: 'SALESFORCE_ID',
    description:
      'Salesforce record ids: 18-character ids with a valid case-safe suffix, or 15-character ids with a known key prefix.',
    minDigits: 2,
    patterns: [
      {
        name: 'id',
        regex: '[0-9A-Za-z]{5}0[0-9A-Za-z]{9}(?:[A-Za-z0-5]{3})?',
        score: 0.6,
        // a whole word of 15 or 18 characters with the pod digit `0` sixth
        startsAt: wordOfLength([15, 18], (text, start) => text.charCodeAt(start + 5) === 48),
      },
    ],
    context: ['id', 'record', 'recordid', 'record id', 'salesforce', 'sfdc', 'account', 'contact', 'case', 'lead', 'opportunity', 'user', 'datensatz', 'enregistrement', 'registro', 'record-id', 'kontakt', 'fall', 'dossier', 'caso', 'contatto', 'contacto', 'klant', 'zaak'],
    contextBoost: 0.25,
    validate: validateRecordId,
    samples: {
      tp: [
        '0035g00000XyZabAAF',
        { text: 'Case 5003000000D8cuI escalated', value: '5003000000D8cuI' },
        { text: 'ContactId=0030X00000AbCdEQAV&x=1', value: '0030X00000AbCdEQAV' },
      ],
      fp: ['0035g00000XyZabZZZ', 'internationally', 'abc1200000deadbe', 'zzz0000000000000'],
    },
  },
  {
    id: 'salesforce-session-id',
    entity: 'SALESFORCE_SESSION_ID',
    description: 'Salesforce session ids and OAuth access tokens (`00D…!…`).',
    keywords: ['00d'],
    patterns: [{ name: 'token', regex: '00D[0-9A-Za-z]{12,15}![0-9A-Za-z._]{40,200}', score: 0.95 }],
    context: ['session', 'sessionid', 'sid', 'access_token', 'bearer', 'authorization', 'token', 'sitzung', 'sesión', 'sessione', 'sessie', 'sessão', 'jeton'],
    minEntropy: 3.5,
    samples: {
      tp: [
        '00D5g000004XkLm!AQ0AQH7rUqV9mX2pZ.kLw8Yt3Nb_Rc6Df1Gh4Jk7Lm0Pq3Sv6Xy9Ab2Ce5Fh8',
        {
          text: 'Authorization: Bearer 00D5g000004XkLmEAK!ARgAQJzWq8vT1nM4pK7sY2dF5hL9cX3bV6mN0qR.eU_wA',
          value: '00D5g000004XkLmEAK!ARgAQJzWq8vT1nM4pK7sY2dF5hL9cX3bV6mN0qR.eU_wA',
        },
      ],
      fp: ['00D5g000004XkLm!', '00D5g000004XkLm!aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'org 00D5g000004XkLm'],
    },
  },
  {
    id: 'salesforce-org-url',
    entity: 'SALESFORCE_ORG_URL',
    description: 'My Domain URLs of Salesforce orgs (production, sandboxes, Experience Cloud sites).',
    keywords: ['salesforce', 'force.com', 'site.com'],
    patterns: [
      {
        name: 'my-domain',
        regex:
          '(?i:https?://)?[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,60}[A-Za-z0-9])?(?:--[A-Za-z0-9]{1,40})?\\.(?:(?:sandbox|develop|scratch)\\.)?(?:my\\.salesforce\\.com|lightning\\.force\\.com|my\\.site\\.com|my\\.salesforce-sites\\.com)(?:/[^\\s<>"\'`]*[^\\s<>"\'`.,;:!?)\\]])?',
        score: 0.85,
      },
    ],
    context: ['instance', 'org', 'salesforce', 'login', 'my domain', 'instanz', 'organisation', 'organización', 'organizzazione', 'organisatie', 'organização'],
    samples: {
      tp: [
        'https://acme-health.my.salesforce.com',
        { text: 'sandbox at acme--uat.sandbox.my.salesforce.com today', value: 'acme--uat.sandbox.my.salesforce.com' },
        { text: 'open https://globex.lightning.force.com/lightning/r/Case/5003000000D8cuI/view.', value: 'https://globex.lightning.force.com/lightning/r/Case/5003000000D8cuI/view' },
      ],
      fp: ['login.salesforce.com', 'the salesforce.com website', 'help.salesforce.com/s/articleView'],
    },
  },
];
