import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/clock.js';
import { Keyring } from '../../keys/keyring.js';
import { createOperatorCrypto } from '../../keys/operator-crypto.js';
import { fixedClock } from '../../core/clock.js';
import { compileAction, DROP, OPERATORS, type OperatorContext } from './index.js';
import { generalizeValue } from './generalize.js';

const keyring = Keyring.open({
  dataDir: '/nonexistent-not-written',
  env: { AIRLOCK_MASTER_KEY: Buffer.alloc(32, 3).toString('base64') },
  clock: fixedClock(0),
  random: seededRandom(1),
});
const ctx = (over: Partial<OperatorContext> = {}): OperatorContext => ({
  entity: 'CREDIT_CARD',
  crypto: createOperatorCrypto(keyring, seededRandom(2)),
  random: seededRandom(3),
  ...over,
});
const apply = (name: string, value: string, params: Record<string, unknown> = {}, over: Partial<OperatorContext> = {}) => {
  const action = compileAction(name, params, 'test');
  return (OPERATORS[action.operator] as unknown as { apply: (v: string, p: unknown, c: OperatorContext) => string | typeof DROP }).apply(
    value,
    action.params,
    ctx(over),
  );
};

describe('operators', () => {
  it('redact writes a typed placeholder or the configured one', () => {
    expect(apply('redact', '4111 1111 1111 1111')).toBe('[CREDIT_CARD]');
    expect(apply('redact', 'x', { placeholder: '<removed>' })).toBe('<removed>');
  });

  it('drop removes the value', () => {
    expect(apply('drop', 'anything')).toBe(DROP);
  });

  it.each([
    ['4111 1111 1111 1111', {}, '**** **** **** 1111'],
    ['DE89370400440532013000', { keepLast: 2, char: '#' }, '####################00'],
    ['abc', {}, '***'],
  ])('mask %s', (value, params, expected) => {
    expect(apply('mask', value, params)).toBe(expected);
  });

  it('hash is keyed and stable, and hides the value', () => {
    const a = apply('hash', 'jane@example.com', {}, { entity: 'EMAIL_ADDRESS' });
    expect(a).toBe(apply('hash', 'jane@example.com', {}, { entity: 'EMAIL_ADDRESS' }));
    expect(a).not.toBe(apply('hash', 'john@example.com', {}, { entity: 'EMAIL_ADDRESS' }));
    expect(a).toMatch(/^h:[A-Za-z0-9_-]{22}$/);
  });

  it('encrypt binds the ciphertext to its record and field', () => {
    const where = { recordId: '0035g00000XyZabAAF', field: 'Contact.Email', entity: 'EMAIL_ADDRESS' };
    const sealed = apply('encrypt', 'jane@example.com', {}, where) as string;
    expect(sealed).toMatch(/^enc:v1:env-1:/);
    const op = OPERATORS.encrypt as unknown as { invert: (v: string, p: unknown, c: OperatorContext) => string };
    expect(op.invert(sealed, {}, ctx(where))).toBe('jane@example.com');
    expect(() => op.invert(sealed, {}, ctx({ ...where, field: 'Contact.Phone' }))).toThrow(/TRANSFORM_FAILED|authent|decrypt/i);
  });

  it('fpe keeps the shape and round-trips', () => {
    const value = '4111-1111-1111-1111';
    const out = apply('fpe', value, { alphabet: 'digits', keepLast: 4 }) as string;
    expect(out).toMatch(/^\d{4}-\d{4}-\d{4}-1111$/);
    expect(out).not.toBe(value);
    const op = OPERATORS.fpe as unknown as { invert: (v: string, p: unknown, c: OperatorContext) => string };
    expect(op.invert(out, { alphabet: 'digits', keepLast: 4 }, ctx())).toBe(value);
  });

  it.each([
    ['1985-03-14', 'year', 10, '1985'],
    ['14.03.1985', 'month', 10, '1985-03'],
    ['42', 'band', 10, '40-49'],
    ['$185,000', 'range', 10, '$100,000-$200,000'],
    ['75008', 'prefix', 3, '75***'],
  ] as const)('generalize %s to %s', (value, to, size, expected) => {
    expect(generalizeValue(value, to, size)).toBe(expected);
  });

  it('generalize replaces what it cannot read with a placeholder, never passes it through', () => {
    expect(apply('generalize', 'no date here', { to: 'year' }, { entity: 'DATE_OF_BIRTH' })).toBe('[DATE_OF_BIRTH]');
  });

  it('rejects bad parameters at load, naming operator and key', () => {
    expect(() => compileAction('mask', { keepLast: 99 }, 'entities.X')).toThrow(/entities\.X: mask\.keepLast/);
    expect(() => compileAction('mask', { bogus: 1 }, 'entities.X')).toThrow(/entities\.X/);
    expect(() => compileAction('shred', {}, 'entities.X')).toThrow(/unknown action "shred"/);
  });
});
