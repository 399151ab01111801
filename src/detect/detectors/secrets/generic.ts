import type { DetectorSpec, Validation } from '../../spec.js';
import { characterClasses } from './checks.js';

/**
 * A secret assigned to a secret-sounding name (`api_key = "…"`, `"token": "…"`,
 * `password: …`, `Authorization: Bearer …`). Only the value is the finding. Provider
 * detectors outscore this one on the same span, so it catches what they do not know.
 */

// Names that end in one of these words hold secrets: OPENAI_API_KEY, db_password, "token".
const SECRET_NAME = String.raw`(?:api[_ -]?key|apikey|secret(?:[_-]?key)?|token|passw(?:or)?d|passphrase|pwd|client[_-]?secret|access[_-]?key|private[_-]?key|credentials?)`;
const VALUE = String.raw`([^\s"'\x60,;<>(){}\[\]]{8,128})`;

function looksLikeSecretValue(value: string): Validation {
  if (value.includes('://')) return 'reject'; // a URL, not a credential
  if (/^[/~.]|^[A-Za-z]:\\/.test(value)) return 'reject'; // a file path
  // process.env.KEY, config.secret — but not a dotted token such as a JWT, whose parts are long
  if (/^[A-Za-z_$][\w$]{0,31}(?:\.[A-Za-z_$][\w$]{0,31})+$/.test(value)) return 'reject';
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value)) return 'reject'; // the name of an environment variable
  if (/^\d+$/.test(value) || /^\d{4}-\d{2}-\d{2}/.test(value)) return 'reject'; // counts, ids, dates
  const c = characterClasses(value);
  const classes = Number(c.lower) + Number(c.upper) + Number(c.digit) + Number(c.other);
  // Random secrets mix letters with digits; words and identifiers rarely do.
  return (c.digit && (c.lower || c.upper)) || classes >= 3 ? undefined : 'reject';
}

export const genericDetectors: DetectorSpec[] = [
  {
    id: 'generic-secret',
    entity: 'SECRET',
    description: 'High-entropy value assigned to a name such as api_key, token, secret or password.',
    patterns: [
      {
        name: 'assignment',
        regex: String.raw`${SECRET_NAME}["']?\s*(?:=>|:=|[:=])\s*["']?${VALUE}`,
        score: 0.7,
        flags: 'i',
        group: 1,
      },
      // Bare `auth` is common in prose ("Auth: enabled"), so it needs a quoted value.
      { name: 'auth-quoted', regex: String.raw`auth["']?\s*[:=]\s*["']${VALUE}["']`, score: 0.7, flags: 'i', group: 1 },
      { name: 'bearer', regex: String.raw`(?:bearer|token)\s+([A-Za-z0-9._~+/-]{20,}=*)`, score: 0.7, flags: 'i', group: 1 },
      { name: 'basic', regex: String.raw`authorization["']?\s*:\s*["']?basic\s+([A-Za-z0-9+/]{12,}={0,2})`, score: 0.7, flags: 'i', group: 1 },
      {
        name: 'xml-element',
        regex: String.raw`<(?:password|passwd|secret|token|api[_-]?key|apikey|client[_-]?secret|access[_-]?token)>([^<\s]{8,128})</`,
        score: 0.7,
        flags: 'i',
        group: 1,
      },
    ],
    keywords: ['key', 'secret', 'token', 'passw', 'pwd', 'passphrase', 'auth', 'credential', 'bearer'],
    minEntropy: 3.0,
    rejectPlaceholders: true,
    validate: looksLikeSecretValue,
    samples: {
      tp: [
        { text: 'api_key = "TpBYKiibsx1cI8bFojdUqePdkis11Qui"', value: 'TpBYKiibsx1cI8bFojdUqePdkis11Qui' },
        { text: '{"token": "HDRHZ_foABRxMl4LkbfEI_tF2IHDRmYrcVFmeqRR"}', value: 'HDRHZ_foABRxMl4LkbfEI_tF2IHDRmYrcVFmeqRR' },
        { text: 'password: Tr0ub4dor&3x!', value: 'Tr0ub4dor&3x!' },
        { text: 'DB_PASSWORD=vNIzzg4JvmvJc7ww', value: 'vNIzzg4JvmvJc7ww' },
        { text: 'client_secret: ftrjwyquvKnuWSTQ-7mv3PvcstBBY41X2VKF', value: 'ftrjwyquvKnuWSTQ-7mv3PvcstBBY41X2VKF' },
        { text: 'curl -H "Authorization: Bearer viI43Y04GAiiPUKa0ofVtYse7GOJ6H8D69hYpMns"', value: 'viI43Y04GAiiPUKa0ofVtYse7GOJ6H8D69hYpMns' },
        { text: 'X-Api-Key: b6d551e50cbf86304bd3a177e58b8e54', value: 'b6d551e50cbf86304bd3a177e58b8e54' },
        { text: '<password>Q4TKxdJHggsDL7</password>', value: 'Q4TKxdJHggsDL7' },
        { text: "config.auth = 'GWVmiU8jnFineZW7KhtTp9WI'", value: 'GWVmiU8jnFineZW7KhtTp9WI' },
        { text: 'Authorization: Basic c3ZjLWNybTpTM2NyM3QtUGFzcw==', value: 'c3ZjLWNybTpTM2NyM3QtUGFzcw==' },
      ],
      fp: [
        'api_key = "YOUR_API_KEY_HERE"',
        'token: <token>',
        'password: ********',
        'api_key = os.environ.get',
        'password=process.env.DB_PASSWORD',
        'secret: confidential',
        'token_expiry: 2024-12-31T23:59:59Z',
        'Auth: 2FA-enabled for all users',
        'tokenizer: gpt2-large',
        'password = DB_PASSWORD',
        'API key: sk-...',
        'token_count: 839201749382',
        'The secret to good service is listening.',
        'api_key: ${OPENAI_API_KEY}',
        'auth_url: https://login.acme-crm.io/oauth2/v2.0/token',
        'password: changeme',
      ],
    },
  },
];
