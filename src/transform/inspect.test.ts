import { describe, expect, it } from 'vitest';
import { createDetectionEngine } from '../detect/index.js';
import type { DetectionEngine } from '../detect/engine.js';
import { DEFAULT_RESPONSE_RULES, OutputInspector, STREAM_WINDOW, type ResponseRules } from './inspect.js';
import { Restorer } from './restore.js';

const engine = createDetectionEngine({ fingerprintKey: Buffer.alloc(32, 4) });
const restorer = new Restorer([{ token: 'PERSON_1', entity: 'PERSON', value: 'Jürgen Müller' }]);
const known = new Set(engine.detect('contact jane.doe@example.com').map((f) => f.fingerprint));
const inspector = (rules: ResponseRules = DEFAULT_RESPONSE_RULES, canaries: string[] = []) =>
  new OutputInspector({ engine, rules, known, restorer, canaries });

const SECRETS = [
  'sk-proj-Xq7vT2mN9pL4kR8sW1yB3dF6hJ0cV5gZaB3c',
  'ghp_aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY2zA4',
  'AKIAIOSFODNN7Q2XK4PB',
];

describe('OutputInspector', () => {
  it('restores pseudonyms, keeps the caller’s own values and removes secrets and unknown restricted data', () => {
    const out = inspector().inspectText(
      `PERSON_1 wrote to jane.doe@example.com with key ${SECRETS[0]}; SSN 536-22-8146 appears from nowhere.`,
    );
    expect(out).toBe('Jürgen Müller wrote to jane.doe@example.com with key [SECRET]; SSN [US_SSN] appears from nowhere.');
  });

  it('ends the answer when policy says block, or when a canary appears', () => {
    expect(() => inspector({ ...DEFAULT_RESPONSE_RULES, secrets: 'block' }).inspectText(`key ${SECRETS[1]}`)).toThrow(/INSPECTION_FAILED|SECRET/);
    expect(() => inspector(DEFAULT_RESPONSE_RULES, ['CANARY-7f3a9c']).inspectText('the code is CANARY-7f3a9c')).toThrowError(
      expect.objectContaining({ code: 'INSPECTION_FAILED' }),
    );
  });

  it.each(SECRETS)('catches %s split at every position across two chunks', (secret) => {
    const text = `Here is the credential: ${secret} — keep it safe.`;
    const whole = inspector().inspectText(text);
    expect(whole).not.toContain(secret);
    for (let cut = 0; cut <= text.length; cut++) {
      const s = inspector().stream();
      const out = s.push(text.slice(0, cut)) + s.push(text.slice(cut)) + s.end();
      expect(out).toBe(whole);
    }
  });

  it('catches secrets and restores tokens fed one character at a time', () => {
    const text = `PERSON_1: use ${SECRETS[2]} or ${SECRETS[0]}\nthanks, PERSON_1`;
    const s = inspector().stream();
    let out = '';
    for (const ch of text) out += s.push(ch);
    out += s.end();
    expect(out).toBe('Jürgen Müller: use [SECRET] or [SECRET]\nthanks, Jürgen Müller');
  });

  it('holds back an unterminated PEM block and never lets its body out', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQgtD7fGUOv8fwNfBb0jXxUJR4QQAAabVVloZaXZxmCu1VShIqmArIntn9oX98WHgC\ntzC1uwB5FXZPf7stg7NvlE3LaruSrjLnonWKTn9UGKzEesg61SHE/qaQQ0NV3vTH\n1lS6V6+o9jl8zSOwW/rXL+iuItEnuj+hlrWB8gpj7ktsjs0sW5uqSVZu9kK1V1mi\nDZU4XcXF8cVGROoX9YE17swJaevAszj0OvEmMlrltQ10v7SUw9ZRLsAwNpSpw23c\n/l9wxUhm/g1Con+kS9DP4flFRyB9jf8Ef+iTkl/8PCQmkrlD7suQEAg6NYB229x8\nyZl7ImA3k8nSV9/qT2GIdiKIDq2Iz+GPPcORl4TXX0UIbFNwJjHPzRB3Lo++tvHR\nlTlchIegkRev6xWQCrKELP6ex79pNDxGT2cOK+bRwtelqsxwRtl3uEbXyIMEEXZZ\nF+9sA28m2p77MYTUJvx8TgOjUkeE9EsvoHC68TPpl6eUEZDdKzunX7ukI7UeWaF3\niA7H50VFEsMJe+L8GfG/yHGg05nGEYWzYdKoNLUJbC4t+2wQBn5cORn9LhzoQQK8\nfK2fjH/fGZkvMJ1owAkQD4SCG2iNwQpInVRh/pkEIDDPGQt3hCd2QuZqtBUUMiVS\n532Pqo5d73V4GU8+ANQ1GaAEe9ty7bZjZmteutfH/zsSSe+wEMVyMkZp98LZwBNX\nxCoDnx8z5HS1uCakkJDLt0nBjeJELmsa9LPer2yAxwWapxpNvfMblniJVJ0XcI01\nd29fm1jKqX1DTOlX3YpNqJH+RJoY7xd9MAYUOLqTvN4pXNuNIZapvW6Kfz7wAPvQ\nA/wrJ+lCO9tZrwSl/LOl0rI3Gc1eiJSiM93XxfL5tQKASuCCg6xKGbY4B8Kj8CGU\ny3EbD103wBVrSmY2Jvby1YiR8ukAPV6JJwE0TZC/o6R7eJuDBX2KiQvqbTlLkONz\nvmv94eRhCBxRe9HBBb1denHeExsCm45NPvjxwmVJ5HbxMmv0R6sI/Aa6FHLOrSvr\nhj9SPhgDgxVfh4WRGtPB6F/FD0P04cOILFI6mIiPznh6mmAp/7wTbhoa6LTtK24y\nWZR+V5sCS3i/beV1golNZh2th+LOOrMNkWGxWqhM0qMnIlr00IImIXFM0N71Jc1D\nlNpuJ7wNVfOMKw3Oin62FaRwXYpJRnG7n4gkVg68zMRZ6N4dRfVL5g7U9NmgtGPa\nDr9+kqHkR1l1vQlYEA+Un1k17rpBU/A97vFdA9PZVVezNx1djBaeIv3ncMv4HhAS\n2H7BYYNW6489lJD7aC4ZIrZMvLWcyAE2HmYxyVOxYbQz5S0Dj6ZiLd214YZpgFYU\nuM3uSkXAT2NA7pK+TvAHv9h5q0Vy24Cd9lNJ9cKoMKp0WpsFnPKKF+8b4mT2j5Jf\nlLmJwl0MUs2LratN7pM/pE5Hdknh6sL50Zz2PQI4pEnu1NWB5SnFNGIKllk3dE36\nlUqy77EWu8oLO4ivrOxz5hQS6tjXW0BzogYT36PkwEYYzf/DOnMrrsUBFZ/Ei8aF\ncqocv6CEPYNnPfIOsrg0VinIyWe+Bn8dHbxMk+EhA6SPKfove+AApytoibl5TBZd\n-----END PRIVATE KEY-----';
    const s = inspector().stream();
    let leaked = '';
    for (let i = 0; i < pem.length; i += 7) leaked += s.push(pem.slice(i, i + 7));
    leaked += s.end();
    expect(leaked).not.toContain('MIIEvQ');
  });

  it('lets ordinary text through with at most the hold-back window pending', () => {
    const s = inspector().stream();
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(10);
    const first = s.push(text);
    expect(first.length).toBeGreaterThan(text.length - 80);
    expect(first + s.end()).toBe(text);
  });

  it('refuses an endless unbroken word instead of holding it forever', () => {
    const s = inspector().stream();
    expect(() => {
      for (let i = 0; i < 40; i++) s.push('A'.repeat(1024));
    }).toThrowError(expect.objectContaining({ code: 'INSPECTION_FAILED' }));
  });
});

describe('OutputInspector streams, values longer than the hold-back window', () => {
  it('never passes on the rest of a value whose start was already sent', () => {
    // a stand-in engine that recognises a multi-word value only once its end marker is seen,
    // covering from its start (or from the start of what it is shown) to the marker
    const longValues = {
      detect(text: string) {
        const end = text.indexOf('-END');
        if (end === -1) return [];
        const start = Math.max(0, text.lastIndexOf('KEY-', end));
        return [{ entity: 'SECRET', start, end: end + 4, score: 1, detectorId: 'test', fingerprint: 'f' }];
      },
    } as unknown as DetectionEngine;
    const value = `KEY-${'part '.repeat(30)}tail-END`;
    expect(value.length).toBeGreaterThan(STREAM_WINDOW * 2);
    const s = new OutputInspector({ engine: longValues, rules: DEFAULT_RESPONSE_RULES, known: new Set(), restorer: new Restorer([]) }).stream();
    const text = `start ${value} done, and a few more words after it.`;
    let out = '';
    for (const word of text.split(/(?= )/)) out += s.push(word);
    out += s.end();
    expect(out).not.toContain('tail-END');
    expect(out).toMatch(/\[SECRET\] done, and a few more words after it\.$/);
  });
});
