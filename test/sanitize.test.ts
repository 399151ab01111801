import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compileTransformPolicy } from '../src/transform/transform-policy.js';
import { Restorer } from '../src/transform/restore.js';
import { Sanitizer } from '../src/transform/sanitizer.js';
import { testAirlock } from './support/airlock.js';

const FIXTURES = join(import.meta.dirname, 'fixtures/salesforce');
const GOLDEN = join(import.meta.dirname, 'golden/sanitize');
const update = process.env.UPDATE_GOLDEN === '1';

const airlock = await testAirlock();
afterAll(() => airlock.close());

/** Values each detector family must catch, with the words around them that give context. */
const SENSITIVE: Array<[string, string]> = [
  ['jane.doe@example.com', 'mail '],
  ['4111 1111 1111 1111', 'card '],
  ['536-22-8146', 'SSN '],
  ['DE89 3704 0044 0532 0130 00', 'IBAN '],
  ['+44 20 7946 0958', 'phone '],
  ['sk-proj-Xq7vT2mN9pL4kR8sW1yB3dF6hJ0cV5gZaB3c', 'key '],
  ['192.168.10.42', 'from '],
];

describe('sanitize', () => {
  it.each(readdirSync(FIXTURES).filter((f) => f.endsWith('.json')))('matches the golden output for %s', async (file) => {
    const source = readFileSync(join(FIXTURES, file), 'utf8');
    const result = await airlock.sanitizer.sanitize(source, { sessionId: `golden-${file}` });
    const golden = `${JSON.stringify({ output: JSON.parse(result.output), counts: result.counts, explain: result.explain }, null, 2)}\n`;
    const path = join(GOLDEN, file);
    if (update) writeFileSync(path, golden);
    expect(golden).toBe(readFileSync(path, 'utf8'));
  });

  it('keeps structure and untouched values byte-identical', async () => {
    const source = '{ "a" : 1.50, "b":"\\u00e9t\\u00e9",\n  "c": [true, null, 2e3], "Email": "jane.doe@example.com" }';
    const { output } = await airlock.sanitizer.sanitize(source, { sessionId: 'bytes' });
    expect(output).toBe('{ "a" : 1.50, "b":"\\u00e9t\\u00e9",\n  "c": [true, null, 2e3], "Email": "EMAIL_ADDRESS_1" }');
  });

  it('removes a dropped field and keeps valid JSON', async () => {
    const policyFile = join(airlock.dataDir, 'drop.yaml');
    writeFileSync(policyFile, 'version: 1\nfields:\n  Contact.Email: { action: drop }\n');
    const dropping = new Sanitizer({ ...airlock, policy: compileTransformPolicy({ version: 1, fields: { 'Contact.Email': { action: 'drop' } } }) });
    const source = '{"attributes":{"type":"Contact"},"Email":"jane@example.com","Title":"CFO"}';
    const { output } = await dropping.sanitize(source, { sessionId: 'drop' });
    expect(JSON.parse(output)).toEqual({ attributes: { type: 'Contact' }, Title: 'CFO' });
  });

  it('never lets a detected sensitive value through, wherever it sits in any JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(...SENSITIVE), fc.nat(), async (doc, [value, context], seed) => {
        const leaf = `${context}${value}`;
        const wrapped = { data: doc, list: [doc, leaf], note: seed % 2 === 0 ? leaf : `see: ${leaf}.` };
        const source = JSON.stringify(wrapped);
        const { output } = await airlock.sanitizer.sanitize(source, { sessionId: `prop-${seed % 5}` });
        expect(output).not.toContain(value);
        expect(() => JSON.parse(output)).not.toThrow();
      }),
      { numRuns: 60 },
    );
  });

  it('restores exactly what it pseudonymized', async () => {
    const reversible = new Sanitizer({
      ...airlock,
      policy: compileTransformPolicy({ version: 1, levels: { Confidential: { action: 'pseudonymize' }, Restricted: { action: 'pseudonymize' }, MissionCritical: { action: 'pseudonymize' } }, groups: { PCI: { action: 'pseudonymize' }, GDPR: { action: 'pseudonymize' } } }),
    });
    await fc.assert(
      fc.asyncProperty(
        // secrets are redacted under every policy and never restored, so they are left out here
        fc.array(fc.oneof(fc.constantFrom(...SENSITIVE.filter(([v]) => !v.startsWith('sk-'))).map(([v, c]) => `${c}${v}`), fc.constantFrom('hello', 'the order', 'ok.', 'Zoë', '😀')), { minLength: 1, maxLength: 8 }),
        fc.nat(1000),
        async (parts, n) => {
          const text = parts.join(' ; ');
          const sessionId = `rt-${n}`;
          const { output } = await reversible.sanitize(text, { sessionId, format: 'text' });
          for (const [value] of SENSITIVE) expect(output).not.toContain(value);
          const restorer = new Restorer(await airlock.vault.entries(sessionId));
          expect(restorer.restore(output)).toBe(text);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses malformed JSON and too-deep nesting with coded errors', async () => {
    await expect(airlock.sanitizer.sanitize('{"a": [1, 2', { sessionId: 'bad' })).rejects.toMatchObject({ code: 'INPUT_INVALID_JSON' });
    await expect(airlock.sanitizer.sanitize(`${'['.repeat(200)}${']'.repeat(200)}`, { sessionId: 'deep' })).rejects.toMatchObject({ code: 'INPUT_TOO_DEEP' });
  });

  it('explains without ever repeating a value', async () => {
    const source = readFileSync(join(FIXTURES, 'case-with-description.json'), 'utf8');
    const result = await airlock.sanitizer.sanitize(source, { sessionId: 'explain' });
    const explained = JSON.stringify(result.explain);
    for (const raw of ['4111 1111 1111 1111', 'maria.garcia@example.es', 'sk-proj-', 'DE89', 'García']) expect(explained).not.toContain(raw);
  });
});
