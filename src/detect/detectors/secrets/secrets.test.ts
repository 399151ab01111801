import { describe, expect, it } from 'vitest';
import { DetectionEngine } from '../../engine.js';
import { secretsDetectors } from './index.js';

/**
 * The secrets family as one engine: overlaps between provider, generic and structural
 * detectors resolve to the right finding, with exact spans. Every key here is synthetic.
 */
const engine = new DetectionEngine({ detectors: secretsDetectors });

const RSA_BLOCK = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEAUbaeKpNUKe14hN+5lDn+CjCpPHHD96gK7c6Ar3RsYFIvW4F5',
  'wrtbSD/iCPcbIYdnfpBb+YHaz7fwrCuvvWi8BqL2WoIvEFYGBSR/UwHL4oCZMCjn',
  'KifDOotCt61DQbaVyhSCYKp3RYbMKxy4xZsHtnTc8Fx5M41jx2lcIZ8+MlPfgkqY',
  'vyhCvbqpMPc0rphp/NexbdyEyyfkh3aBmKq3eNRKJ57k',
  '-----END RSA PRIVATE KEY-----',
].join('\n');
const PG_URL = 'postgres://crm_sync:SxXEfsaDIZjz87mu3t@pg-prod-1.internal:5432/crm?sslmode=require';
const OPENAI = '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';
const STRIPE = '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';
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMDVIczAwMDAwUTdrTG0iLCJuYW1lIjoiRGFuYSBLb3dhbGN6eWsiLCJpYXQiOjE3MTYyMzkwMjIsImV4cCI6MTcxNjI0MjYyMn0.pBwwP-Sv_8dmKE2OFcF5-9oPCIAO4PTkdut46EfHCQl';
const GHP_1 = 'ghp_k2d36CfPKwF41hUr4Pz8tbMWLK70vEJa3PNj';
const GHP_2 = 'ghp_WZTh9CRv27b6G0gCuJVMRzHSoDai9VPpqgEd';
const AKIA_1 = 'AKIACSY3MH4PQG3LKHUV';
const AKIA_2 = 'AKIAZV2XC7WUHLPDTBYI';
const ANTHROPIC = 'sk-ant-api03-5ZPAZZVXN4xNEjee-ufG5WESHW4X-QPIMshzDKMY9jmQVPghdXBCDSK1-WS7mgman2qCt-c0MARdidzexrsYCVQz0e0SVAA';
const GHS = 'ghs_ZvpdONmJ0IEArUTsVcm8EPhPs3ITY1Q5DzRT';
const GENERIC = 'uNxyBZrtzMj1yqXapAJ0m7AfEeeo';
const SA_KEY_JSON =
  '-----BEGIN PRIVATE KEY-----\\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASC7Is1ncYy2OaEXTgSd1HhilKnBHEwi8Sc\\nLE91GUPDjFAL8WgZAUSAseIa/HEk7Oi3M2hV29agXc8cxPasTUXNe2ElTiCf5K7L\\najph56mb0EPvOAowtP9WpI+3cpw1wruNleutpO+AtSMNNbYwj6bL+aa6Xo0B7Soa\\n-----END PRIVATE KEY-----';

interface Case {
  name: string;
  text: string;
  /** [detector id, entity, value]: each value occurs once in the text */
  expected: Array<[string, string, string]>;
}

const cases: Case[] = [
  {
    name: 'a PEM block inside an e-mail body',
    text: `Hi Sam,\n\nas discussed, the key for the SFTP export:\n\n${RSA_BLOCK}\n\nPlease store it in the vault.\n-- \nAlex`,
    expected: [['pem-private-key', 'PRIVATE_KEY', RSA_BLOCK]],
  },
  {
    name: 'a PEM block quoted in a reply',
    text: `Thanks!\n\n> ${RSA_BLOCK.split('\n').join('\n> ')}\n> \n> Alex`,
    expected: [['pem-private-key', 'PRIVATE_KEY', RSA_BLOCK.split('\n').join('\n> ')]],
  },
  {
    name: 'a private key with escaped line breaks in a service-account JSON',
    text: `{"type": "service_account", "project_id": "crm-prod", "private_key": "${SA_KEY_JSON}\\n", "client_email": "sync@crm-prod.iam.gserviceaccount.com"}`,
    expected: [['pem-private-key', 'PRIVATE_KEY', SA_KEY_JSON]],
  },
  {
    name: 'a connection string inside JSON',
    text: `{"database": {"url": "${PG_URL}", "pool": {"min": 2, "max": 10}}}`,
    expected: [['database-url', 'CONNECTION_STRING', PG_URL]],
  },
  {
    name: 'keys in .env lines (provider detectors outrank the generic one)',
    text: `# production\nOPENAI_API_KEY=${OPENAI}\nSTRIPE_SECRET_KEY=${STRIPE}\nLOG_LEVEL=info\n`,
    expected: [
      ['openai-api-key', 'SECRET', OPENAI],
      ['stripe-secret-key', 'SECRET', STRIPE],
    ],
  },
  {
    name: 'an unknown key in a .env line (generic detector)',
    text: `ACME_ERP_API_KEY=${GENERIC}\n`,
    expected: [['generic-secret', 'SECRET', GENERIC]],
  },
  {
    name: 'a JWT in an Authorization header',
    text: `GET /api/v1/accounts HTTP/1.1\r\nHost: crm.acme.io\r\nAuthorization: Bearer ${JWT}\r\nAccept: application/json`,
    expected: [['jwt', 'JWT', JWT]],
  },
  {
    name: 'a key split by a line break is not one key',
    text: `the PAT was pasted as ${GHP_1.slice(0, 20)}\n${GHP_1.slice(20)} in the ticket`,
    expected: [],
  },
  {
    name: 'after a secret name, only the part before the line break is a (generic) secret',
    text: `token: ${GHP_1.slice(0, 20)}\n${GHP_1.slice(20)}`,
    expected: [['generic-secret', 'SECRET', GHP_1.slice(0, 20)]],
  },
  {
    name: 'adjacent keys separated by a comma',
    text: `${GHP_1},${GHP_2}`,
    expected: [
      ['github-pat', 'SECRET', GHP_1],
      ['github-pat', 'SECRET', GHP_2],
    ],
  },
  {
    name: 'adjacent access key ids separated by a space',
    text: `rotate ${AKIA_1} ${AKIA_2} today`,
    expected: [
      ['aws-access-key-id', 'SECRET', AKIA_1],
      ['aws-access-key-id', 'SECRET', AKIA_2],
    ],
  },
  {
    name: 'access key ids glued together are not found',
    text: `rotate ${AKIA_1}${AKIA_2} today`,
    expected: [],
  },
  {
    name: 'an Anthropic key is not reported as an OpenAI key',
    text: `ANTHROPIC_API_KEY="${ANTHROPIC}"`,
    expected: [['anthropic-api-key', 'SECRET', ANTHROPIC]],
  },
  {
    name: 'a token in a clone URL is the GitHub token, not the URL',
    text: `git clone https://x-access-token:${GHS}@github.com/acme/crm-sync.git`,
    expected: [['github-app-token', 'SECRET', GHS]],
  },
  {
    name: 'placeholders in a sample .env are silent',
    text: 'OPENAI_API_KEY=sk-...\nANTHROPIC_API_KEY=YOUR_API_KEY_HERE\nGITHUB_TOKEN=<token>\nSTRIPE_SECRET_KEY=sk_live_XXXXXXXXXXXXXXXXXXXXXXXX\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nDATABASE_URL=postgres://user:password@localhost:5432/app\n',
    expected: [],
  },
];

describe('secrets detectors together', () => {
  it.each(cases)('$name', ({ text, expected }) => {
    const found = engine.detect(text).map((f) => [f.detectorId, f.entity, f.start, f.end]);
    const want = expected.map(([id, entity, value]) => {
      const start = text.indexOf(value);
      expect(start, `${id} sample must occur in the text`).toBeGreaterThanOrEqual(0);
      return [id, entity, start, start + value.length];
    });
    expect(found).toEqual(want);
  });

  it('confirms a structurally valid JWT with score 1', () => {
    const [finding] = engine.detect(`Authorization: Bearer ${JWT}`);
    expect(finding?.score).toBe(1);
  });

  it('ships at least 30 detectors with unique ids', () => {
    const ids = secretsDetectors.map((d) => d.id);
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('rejects placeholders in every detector that matches random bodies', () => {
    for (const spec of secretsDetectors) {
      // Armored blocks check their body in `validate` instead (see crypto-material.ts).
      if (spec.entity === 'PRIVATE_KEY') expect(spec.validate, spec.id).toBeDefined();
      else expect(spec.rejectPlaceholders, spec.id).toBe(true);
    }
  });
});
